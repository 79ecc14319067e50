import {
  type CreateUseCaseBody,
  findPlace,
  OUTCOME_KEYS,
  TIER_LIMITS,
  type UpdateUseCaseBody,
  type UpdateUseCaseLocationBody,
  type UseCase,
} from '@p2p/contracts';
import { and, eq, isNull } from 'drizzle-orm';
import type { Db, DbOrTx, Tx } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import { withTransaction } from '../../platform/transaction.js';
import type { Actor } from '../../platform/actor.js';
import { renderMarkdown } from '../../platform/markdown.js';
import { findOrganizationFiles } from '../files/index.js';
import { lockOrganizationForQuota } from '../organizations/index.js';
import { invalidateFacetCache } from './facet-cache.js';
import { countLiveCases } from './queries/case.queries.js';
import { moveTermCounts, resolveTerms } from './terms.js';
import { type CaseRow, getVisibleCaseRow, loadCase, accessOf } from './use-cases.repository.js';
import { assertWriter, type CaseReader, viewerOf, isCaseOwner } from './use-cases.reader.js';
import { useCaseFiles, useCases, useCaseVersions } from './use-cases.tables.js';

type CaseValues = Partial<typeof useCases.$inferInsert>;
type WriteBody = Omit<UpdateUseCaseBody, 'status'>;

const invalid = (path: string, message: string, code = 'invalid') => new AppError('VALIDATION_FAILED', message, [{ path, message, code }]);

/** Coordinates come in pairs; a known place fills region and coordinates that were not given. */
function locationValues(body: UpdateUseCaseLocationBody, current?: CaseRow): CaseValues {
  const values: CaseValues = {};
  if (body.city !== undefined) values.city = body.city;
  if (body.region !== undefined) values.region = body.region;
  if (body.country !== undefined) values.country = body.country;
  if (body.latitude !== undefined) values.latitude = body.latitude;
  if (body.longitude !== undefined) values.longitude = body.longitude;
  const place = findPlace(body.city ?? undefined);
  if (place) {
    if (body.region === undefined) values.region = place.region;
    if (body.latitude === undefined && body.longitude === undefined) {
      values.latitude = place.latitude;
      values.longitude = place.longitude;
    }
  }
  const latitude = values.latitude !== undefined ? values.latitude : (current?.latitude ?? null);
  const longitude = values.longitude !== undefined ? values.longitude : (current?.longitude ?? null);
  if ((latitude === null) !== (longitude === null)) {
    throw invalid(latitude === null ? 'latitude' : 'longitude', 'Give both latitude and longitude, or neither');
  }
  return values;
}

async function columnValues(tx: Tx, body: WriteBody, current?: CaseRow): Promise<CaseValues> {
  const values: CaseValues = locationValues(body, current);
  const copy = [
    'title',
    'titleAr',
    'summary',
    'summaryAr',
    'category',
    'industry',
    'implementationMonths',
    'vendors',
    'visibility',
    'extraOutcomes',
  ] as const;
  for (const key of copy) {
    if (body[key] !== undefined) (values as Record<string, unknown>)[key] = body[key];
  }
  for (const section of ['challenge', 'solution', 'results'] as const) {
    const source = body[section];
    if (source === undefined) continue;
    values[section] = source;
    values[`${section}Html`] = renderMarkdown(source);
  }
  for (const key of OUTCOME_KEYS) {
    const value = body.outcomes?.[key];
    if (value !== undefined) values[key] = value;
  }
  if (body.technologies !== undefined) values.technologies = await resolveTerms(tx, 'technology', body.technologies);
  if (body.tags !== undefined) values.tags = await resolveTerms(tx, 'tag', body.tags);
  return values;
}

/** Images and attachments must be the writer's organization's attachments; images must be images. */
async function replaceFiles(tx: Tx, reader: CaseReader & { organizationId: string }, useCaseId: string, body: WriteBody): Promise<boolean> {
  const lists = [
    ['image', 'imageFileIds', body.imageFileIds],
    ['attachment', 'attachmentFileIds', body.attachmentFileIds],
  ] as const;
  let changed = false;
  for (const [kind, path, ids] of lists) {
    if (ids === undefined) continue;
    const unique = [...new Set(ids)];
    if (unique.length > 0) {
      const found = await findOrganizationFiles(tx, reader.organizationId, unique);
      const byId = new Map(found.map((file) => [file.id, file.contentType]));
      unique.forEach((id, index) => {
        const type = byId.get(id);
        if (!type) throw invalid(`${path}.${index}`, 'This file does not exist or belongs to another organization', 'not_found');
        if (kind === 'image' && !type.startsWith('image/')) throw invalid(`${path}.${index}`, 'This file is not an image');
      });
    }
    await tx.delete(useCaseFiles).where(and(eq(useCaseFiles.useCaseId, useCaseId), eq(useCaseFiles.kind, kind)));
    if (unique.length > 0) await tx.insert(useCaseFiles).values(unique.map((fileId, position) => ({ useCaseId, fileId, kind, position })));
    changed = true;
  }
  return changed;
}

/** The tier's limit on cases (drafts included), counted under the organization's row lock. */
async function assertCaseQuota(tx: Tx, organizationId: string): Promise<void> {
  const tier = await lockOrganizationForQuota(tx, organizationId);
  const limit = tier ? TIER_LIMITS[tier].useCases : null;
  if (limit === null) return;
  if ((await countLiveCases(tx, organizationId)) >= limit)
    throw new AppError('USE_CASE_LIMIT_REACHED', `Your plan allows ${limit} use cases`);
}

export async function createUseCase(db: Db, actor: Actor, body: CreateUseCaseBody): Promise<UseCase> {
  return withTransaction(db, async (tx) => {
    const reader = viewerOf(actor);
    assertWriter(reader);
    await assertCaseQuota(tx, reader.organizationId);
    const values = await columnValues(tx, body);
    const now = new Date();
    const [created] = await tx
      .insert(useCases)
      .values({
        title: body.title,
        summary: body.summary,
        category: body.category,
        industry: body.industry,
        ...values,
        organizationId: reader.organizationId,
        authorId: reader.userId,
        status: body.publish ? 'published' : 'draft',
        publishedAt: body.publish ? now : null,
      })
      .returning({ id: useCases.id });
    const id = created!.id;
    await replaceFiles(tx, reader, id, body);
    await moveTermCounts(tx, 'technology', [], values.technologies ?? []);
    await moveTermCounts(tx, 'tag', [], values.tags ?? []);
    invalidateFacetCache();
    return loadCase(tx, reader, id);
  });
}

/** The case for an owner's change: 404 when invisible, 403 when visible but not theirs. */
async function lockOwnedCase(tx: Tx, reader: CaseReader, id: string): Promise<CaseRow> {
  assertWriter(reader);
  const row = await getVisibleCaseRow(tx, reader, id, { lock: true });
  if (!isCaseOwner(reader, accessOf(row)))
    throw new AppError('FORBIDDEN', 'Only its author, an admin of its organization or a moderator can change this use case');
  return row;
}

const VERSIONED_FIELDS = [
  'title',
  'titleAr',
  'summary',
  'summaryAr',
  'challenge',
  'solution',
  'results',
  'category',
  'industry',
  'technologies',
  'tags',
  ...OUTCOME_KEYS,
  'extraOutcomes',
  'implementationMonths',
  'vendors',
  'city',
  'region',
  'country',
  'latitude',
  'longitude',
  'visibility',
  'status',
] as const;

/** What a write changes, field by field (lists and objects compared by value). */
export function diffCase(before: CaseRow, values: CaseValues): { field: string; before: unknown; after: unknown }[] {
  const changes: { field: string; before: unknown; after: unknown }[] = [];
  for (const field of VERSIONED_FIELDS) {
    if (!(field in values)) continue;
    const old = before[field] ?? null;
    const next = values[field] ?? null;
    if (JSON.stringify(old) !== JSON.stringify(next)) changes.push({ field, before: old, after: next });
  }
  return changes;
}

/**
 * Writes a change; when the case was already published (or archived) and something changed, the
 * version goes up by one and the change is kept as that version.
 */
async function applyChange(
  tx: Tx,
  reader: CaseReader & { userId: string },
  row: CaseRow,
  values: CaseValues,
  filesChanged = false,
): Promise<void> {
  const changes = diffCase(row, values);
  if (filesChanged) changes.push({ field: 'files', before: null, after: null });
  if (changes.length === 0) return;
  const versioned = row.status !== 'draft';
  const version = versioned ? row.version + 1 : row.version;
  await tx
    .update(useCases)
    .set({ ...values, version, updatedAt: new Date() })
    .where(eq(useCases.id, row.id));
  if (versioned) await tx.insert(useCaseVersions).values({ useCaseId: row.id, version, editorId: reader.userId, changes });
  if (values.technologies) await moveTermCounts(tx, 'technology', row.technologies, values.technologies);
  if (values.tags) await moveTermCounts(tx, 'tag', row.tags, values.tags);
  invalidateFacetCache();
}

export async function updateUseCase(db: Db, actor: Actor, id: string, body: UpdateUseCaseBody): Promise<UseCase> {
  return withTransaction(db, async (tx) => {
    const reader = viewerOf(actor);
    const row = await lockOwnedCase(tx, reader, id);
    assertWriter(reader);
    const { status, ...rest } = body;
    const values = await columnValues(tx, rest, row);
    if (status !== undefined && status !== row.status) {
      if (status === 'draft') throw invalid('status', 'A published use case cannot go back to draft; archive it instead');
      values.status = status;
      if (status === 'published' && !row.publishedAt) values.publishedAt = new Date();
    }
    const filesChanged = await replaceFiles(tx, { ...reader, organizationId: row.organizationId }, id, rest);
    await applyChange(tx, reader, row, values, filesChanged);
    return loadCase(tx, reader, id);
  });
}

export async function publishUseCase(db: Db, actor: Actor, id: string): Promise<UseCase> {
  return updateUseCase(db, actor, id, { status: 'published' });
}

export async function updateUseCaseLocation(db: Db, actor: Actor, id: string, body: UpdateUseCaseLocationBody): Promise<UseCase> {
  return withTransaction(db, async (tx) => {
    const reader = viewerOf(actor);
    const row = await lockOwnedCase(tx, reader, id);
    assertWriter(reader);
    await applyChange(tx, reader, row, locationValues(body, row));
    return loadCase(tx, reader, id);
  });
}

/** A removal: the case disappears for everyone; likes, saves and reports stay with the row for the record. */
export async function deleteUseCase(db: Db, actor: Actor, id: string): Promise<void> {
  await withTransaction(db, async (tx) => {
    const reader = viewerOf(actor);
    const row = await lockOwnedCase(tx, reader, id);
    await removeCase(tx, row);
  });
}

export async function removeCase(tx: DbOrTx, row: CaseRow): Promise<void> {
  await tx
    .update(useCases)
    .set({ deletedAt: new Date(), updatedAt: new Date() })
    .where(and(eq(useCases.id, row.id), isNull(useCases.deletedAt)));
  await moveTermCounts(tx, 'technology', row.technologies, []);
  await moveTermCounts(tx, 'tag', row.tags, []);
  invalidateFacetCache();
}

export async function getUseCase(db: DbOrTx, actor: Actor | null, id: string): Promise<UseCase> {
  return loadCase(db, viewerOf(actor), id);
}

/** Featured, verified and hidden are the platform moderators' to set. */
export async function moderateUseCase(
  db: Db,
  actor: Actor,
  id: string,
  change: { featured?: boolean; verified?: boolean; hidden?: boolean },
): Promise<UseCase> {
  return withTransaction(db, async (tx) => {
    const reader = viewerOf(actor);
    const row = await getVisibleCaseRow(tx, reader, id, { lock: true });
    if (!reader.isModerator) throw new AppError('FORBIDDEN', 'Only platform moderators can feature, verify or hide use cases');
    const values: CaseValues = { updatedAt: new Date() };
    if (change.featured !== undefined) values.featured = change.featured;
    if (change.verified !== undefined) values.verified = change.verified;
    if (change.hidden !== undefined) values.hiddenAt = change.hidden ? (row.hiddenAt ?? new Date()) : null;
    await tx.update(useCases).set(values).where(eq(useCases.id, id));
    invalidateFacetCache();
    return loadCase(tx, reader, id);
  });
}
