import type { UseCase, UseCaseFile } from '@p2p/contracts';
import { eq, getTableColumns, type SQL, sql } from 'drizzle-orm';
import { type DbOrTx, queryRows, toNumber } from '../../platform/db.js';
import { notFound } from '../../platform/errors.js';
import { authorColumns, authorFrom } from '../people/index.js';
import { OUTCOME_COLUMNS, outcomesOf, SUMMARY_COLUMNS, SUMMARY_JOINS, type SummaryRow, toSummary } from './use-cases.presenter.js';
import { useCases } from './use-cases.tables.js';
import { type CaseAccessRow, type CaseReader, canSeeCase, isCaseOwner, listedCase } from './use-cases.reader.js';
import { fileUrl } from '../../platform/file-url.js';

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
 * columns alone, for likes, saves, reports, engagement, versions, related and nearby.
 */
export async function getVisibleCaseFacts(db: DbOrTx, reader: CaseReader, id: string): Promise<CaseFacts> {
  const c = useCases;
  const [row] = await db
    .select({
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
    })
    .from(c)
    .where(eq(c.id, id));
  if (!row || !canSeeCase(reader, accessOf(row))) throw notFound('Use case');
  return row;
}

/** The case the reader may see (404 otherwise), locked when asked. */
export async function getVisibleCaseRow(db: DbOrTx, reader: CaseReader, id: string, { lock = false } = {}): Promise<CaseRow> {
  const row = await findCaseRow(db, id, { lock });
  if (!row || !canSeeCase(reader, accessOf(row))) throw notFound('Use case');
  return row;
}

const filesOf = (kind: 'image' | 'attachment') => sql`coalesce((
    select json_agg(json_build_object('fileId', f.id, 'name', coalesce(f.original_name, ''), 'mimeType', f.content_type, 'sizeBytes', f.size_bytes) order by ucf.position)
    from use_case_files ucf join files f on f.id = ucf.file_id
    where ucf.use_case_id = uc.id and ucf.kind = ${kind} and f.deleted_at is null), '[]'::json)`;

/**
 * Counts a signed-in reader's view of a listed case when their last counted view is more than an hour
 * old: the per-person marker (an upsert that only moves an hour-old time), the view log row (engagement
 * charts, trending) and the counter, as CTEs of the statement that reads the case. `counted` holds
 * the new count when the view counted.
 */
function viewCounter(reader: CaseReader, id: string) {
  return sql`with viewed as (
      insert into use_case_viewers (use_case_id, user_id, viewed_at)
      select ${id}, ${reader.userId}, now() where exists (select 1 from use_cases uc where uc.id = ${id} and ${listedCase(reader)})
      on conflict (use_case_id, user_id) do update set viewed_at = excluded.viewed_at
        where use_case_viewers.viewed_at <= now() - interval '1 hour'
      returning 1),
    logged as (
      insert into use_case_views (use_case_id, user_id, organization_id)
      select ${id}, ${reader.userId}, ${reader.organizationId} where exists (select 1 from viewed) returning 1),
    counted as (
      update use_cases set views_count = views_count + 1 where id = ${id} and exists (select 1 from viewed) returning views_count)`;
}

/**
 * The whole case for its page, in one statement: the case, its company card, author, files and the
 * reader's own like, save and open report. 404 when the reader may not see it.
 */
export async function loadCase(db: DbOrTx, reader: CaseReader, id: string, { countView = false } = {}): Promise<UseCase> {
  const me = reader.userId;
  const counting = countView && me !== null;
  const [row] = await queryRows<SummaryRow>(
    db,
    sql`${counting ? viewCounter(reader, id) : sql``}
        select ${SUMMARY_COLUMNS}, uc.author_id, uc.deleted_at is not null as deleted,
          uc.challenge, uc.solution, uc.results, uc.challenge_html, uc.solution_html, uc.results_html,
          ${OUTCOME_COLUMNS}, uc.version,
          o.industry as o_industry, o.city as o_city, o.region as o_region, o.size as o_size,
          (select count(*) from use_cases p where p.organization_id = uc.organization_id and p.status = 'published'
             and p.visibility = 'public' and p.deleted_at is null and p.hidden_at is null) as o_public_count,
          ${authorColumns('u', 'o')},
          ${me ? sql`exists (select 1 from use_case_likes l where l.use_case_id = uc.id and l.user_id = ${me})` : sql`false`} as liked,
          ${me ? sql`exists (select 1 from use_case_saves s where s.use_case_id = uc.id and s.user_id = ${me})` : sql`false`} as saved,
          ${me ? sql`exists (select 1 from use_case_reports r where r.use_case_id = uc.id and r.reporter_id = ${me} and r.status = 'open')` : sql`false`} as reported,
          ${filesOf('image')} as images, ${filesOf('attachment')} as attachments
          ${counting ? sql`, (select views_count from counted) as counted_views` : sql``}
        from use_cases uc ${SUMMARY_JOINS} left join users u on u.id = uc.author_id
        where uc.id = ${id}`,
  );
  // The statement read the row as it was before its own counter update.
  if (row && row.counted_views !== null && row.counted_views !== undefined) row.views_count = row.counted_views;
  if (!row) throw notFound('Use case');
  const access: CaseAccessRow = {
    organizationId: row.organization_id as string,
    authorId: row.author_id as string,
    visibility: row.visibility as string,
    status: row.status as string,
    hidden: Boolean(row.hidden),
    deleted: Boolean(row.deleted),
  };
  if (!canSeeCase(reader, access)) throw notFound('Use case');
  return presentCase(reader, access, row);
}

const toFiles = (value: unknown): UseCaseFile[] =>
  ((typeof value === 'string' ? JSON.parse(value) : value) as Omit<UseCaseFile, 'url'>[]).map((file) => ({
    ...file,
    sizeBytes: toNumber(file.sizeBytes),
    url: fileUrl(file.fileId),
  }));

function presentCase(reader: CaseReader, access: CaseAccessRow, row: SummaryRow): UseCase {
  const summary = toSummary(row);
  const owner = isCaseOwner(reader, access);
  const signedIn = reader.userId !== null;
  const published = access.status === 'published' && !access.hidden;
  return {
    ...summary,
    challenge: row.challenge as string,
    solution: row.solution as string,
    results: row.results as string,
    challengeHtml: row.challenge_html as string,
    solutionHtml: row.solution_html as string,
    resultsHtml: row.results_html as string,
    ...outcomesOf(row, summary),
    images: toFiles(row.images),
    attachments: toFiles(row.attachments),
    company: {
      ...summary.organization,
      industry: (row.o_industry as UseCase['company']['industry']) ?? null,
      city: (row.o_city as string | null) ?? null,
      region: (row.o_region as string | null) ?? null,
      size: (row.o_size as string | null) ?? null,
      publicUseCasesCount: toNumber(row.o_public_count),
    },
    author: authorFrom(row),
    version: toNumber(row.version),
    likedByMe: Boolean(row.liked),
    savedByMe: Boolean(row.saved),
    reportedByMe: Boolean(row.reported),
    can: {
      edit: owner,
      delete: owner,
      publish: owner && access.status !== 'published',
      moderate: reader.isModerator,
      viewEngagement: owner,
      like: signedIn && published,
      report: signedIn && published && !owner,
    },
  };
}

/** An organization's live cases (any status): a scalar sub-select for its statistics. */
export const countOrganizationCasesSql = (organizationId: string): SQL =>
  sql`select count(*) from ${useCases} uc where uc.organization_id = ${organizationId} and uc.deleted_at is null`;

/** An organization's live published cases: a scalar sub-select for its statistics. */
export const countOrganizationPublishedCasesSql = (organizationId: string): SQL =>
  sql`select count(*) from ${useCases} uc where uc.organization_id = ${organizationId} and uc.deleted_at is null and uc.status = 'published'`;
