import type { UseCase } from '@p2p/contracts';
import { eq, getTableColumns, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db.js';
import { notFound } from '../../platform/errors.js';
import { findCasePage } from './queries/case.queries.js';
import { presentCase } from './use-cases.presenter.js';
import { useCases } from './use-cases.tables.js';
import { type CaseAccessRow, type CaseReader, canSeeCase } from './use-cases.reader.js';

/** The stored case as the write paths read it (everything but the generated search vectors). */
const { searchVector: _searchVector, titleVector: _titleVector, ...caseColumns } = getTableColumns(useCases);
export type CaseRow = Omit<typeof useCases.$inferSelect, 'searchVector' | 'titleVector'>;

export function accessOf(
  row: Pick<CaseRow, 'organizationId' | 'authorId' | 'visibility' | 'status' | 'hiddenAt' | 'deletedAt'>,
): CaseAccessRow {
  return {
    organizationId: row.organizationId,
    authorId: row.authorId,
    visibility: row.visibility,
    status: row.status,
    hidden: row.hiddenAt !== null,
    deleted: row.deletedAt !== null,
  };
}

/** The case row, locked for update when asked; null when there is none (removed ones included). */
export async function findCaseRow(db: DbOrTx, id: string, { lock = false } = {}): Promise<CaseRow | null> {
  const query = db.select(caseColumns).from(useCases).where(eq(useCases.id, id));
  const [row] = lock ? await query.for('update') : await query;
  return row ?? null;
}

/** What reads about a case need beyond the list row: who sees it, and what related cases compare. */
export type CaseFacts = Pick<
  CaseRow,
  | 'id'
  | 'organizationId'
  | 'authorId'
  | 'visibility'
  | 'status'
  | 'hiddenAt'
  | 'deletedAt'
  | 'category'
  | 'industry'
  | 'technologies'
  | 'latitude'
  | 'longitude'
  | 'roiPercent'
>;

/**
 * The case's facts, if the reader may see it (404 otherwise): a narrow read that leaves the long text
 * columns alone, for likes, saves, reports, engagement, versions, related and nearby. `turn` (a
 * toggleTurn) is selected with them: the person's turn at the case is taken in the same statement.
 */
export async function getVisibleCaseFacts(db: DbOrTx, reader: CaseReader, id: string, { turn }: { turn?: SQL } = {}): Promise<CaseFacts> {
  const c = useCases;
  const facts = {
    id: c.id,
    organizationId: c.organizationId,
    authorId: c.authorId,
    visibility: c.visibility,
    status: c.status,
    hiddenAt: c.hiddenAt,
    deletedAt: c.deletedAt,
    category: c.category,
    industry: c.industry,
    technologies: c.technologies,
    latitude: c.latitude,
    longitude: c.longitude,
    roiPercent: c.roiPercent,
  };
  const [row] = turn
    ? await db
        .select({ ...facts, turn: sql`${turn}` })
        .from(c)
        .where(eq(c.id, id))
    : await db.select(facts).from(c).where(eq(c.id, id));
  if (!row || !canSeeCase(reader, accessOf(row))) throw notFound('Use case');
  if ('turn' in row) {
    const { turn: _turn, ...rest } = row;
    return rest;
  }
  return row;
}

/** The case the reader may see (404 otherwise), locked when asked. */
export async function getVisibleCaseRow(db: DbOrTx, reader: CaseReader, id: string, { lock = false } = {}): Promise<CaseRow> {
  const row = await findCaseRow(db, id, { lock });
  if (!row || !canSeeCase(reader, accessOf(row))) throw notFound('Use case');
  return row;
}

/**
 * The whole case for its page, in one statement: the case, its company card, author, files and the
 * reader's own like, save and open report. 404 when the reader may not see it. With `countView`, a
 * signed-in reader's view of a listed case counts in the same statement.
 */
export async function loadCase(db: DbOrTx, reader: CaseReader, id: string, { countView = false } = {}): Promise<UseCase> {
  const found = await findCasePage(db, reader, id, { countView });
  if (!found) throw notFound('Use case');
  const access: CaseAccessRow = {
    organizationId: found.organization_id,
    authorId: found.author_id,
    visibility: found.visibility,
    status: found.status,
    hidden: found.hidden,
    deleted: found.deleted,
  };
  if (!canSeeCase(reader, access)) throw notFound('Use case');
  return presentCase(reader, access, found);
}

/** An organization's live cases (any status): a scalar sub-select for its statistics. */
export const countOrganizationCasesSql = (organizationId: string): SQL =>
  sql`select count(*) from ${useCases} uc where uc.organization_id = ${organizationId} and uc.deleted_at is null`;

/** An organization's live published cases: a scalar sub-select for its statistics. */
export const countOrganizationPublishedCasesSql = (organizationId: string): SQL =>
  sql`select count(*) from ${useCases} uc where uc.organization_id = ${organizationId} and uc.deleted_at is null and uc.status = 'published'`;
