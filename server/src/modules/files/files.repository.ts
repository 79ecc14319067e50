import { SUBSCRIPTION_TIERS, TIER_LIMITS } from '@p2p/contracts';
import { type SQL, and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db.js';
import { organizations } from '../organizations/index.js';
import { files } from './files.tables.js';

export type FileRow = typeof files.$inferSelect;
export type NewFileRow = typeof files.$inferInsert;

/** The organization's storage quota in bytes for its current tier (null: unlimited), as SQL on its row. */
function storageQuota(): SQL {
  const cases = SUBSCRIPTION_TIERS.map((tier) => {
    const limit = TIER_LIMITS[tier].storageBytes;
    return sql`when ${tier} then ${limit === null ? sql`null` : sql`${limit}`}::bigint`;
  });
  return sql`(case ${organizations.subscriptionTier} ${sql.join(cases, sql` `)} end)`;
}

/**
 * Counts `bytes` against the organization's quota in one statement: the tier, the counter and the check
 * are read under the row lock, so concurrent uploads cannot together pass the quota. Answers undefined
 * when the bytes do not fit. Every transaction that changes files of an organization starts here or at
 * lockOrganizationStorage, so they all take the organization row first and cannot deadlock.
 */
export async function reserveStorage(db: DbOrTx, organizationId: string, bytes: number): Promise<{ storageUsedBytes: number } | undefined> {
  const quota = storageQuota();
  const [row] = await db
    .update(organizations)
    .set({ storageUsedBytes: sql`${organizations.storageUsedBytes} + ${bytes}::bigint` })
    .where(
      and(
        eq(organizations.id, organizationId),
        sql`(${quota} is null or ${organizations.storageUsedBytes} + ${bytes}::bigint <= ${quota})`,
      ),
    )
    .returning({ storageUsedBytes: organizations.storageUsedBytes });
  return row;
}

/** Takes the organization row's lock for the rest of the transaction; answers its current logo. */
export async function lockOrganizationStorage(db: DbOrTx, organizationId: string): Promise<{ logoFileId: string | null } | undefined> {
  const [row] = await db
    .select({ logoFileId: organizations.logoFileId })
    .from(organizations)
    .where(eq(organizations.id, organizationId))
    .for('update');
  return row;
}

export async function releaseStorage(db: DbOrTx, organizationId: string, bytes: number): Promise<void> {
  await db
    .update(organizations)
    .set({ storageUsedBytes: sql`${organizations.storageUsedBytes} - ${bytes}::bigint` })
    .where(eq(organizations.id, organizationId));
}

export async function insertFile(db: DbOrTx, values: NewFileRow): Promise<FileRow> {
  const [row] = await db.insert(files).values(values).returning();
  if (!row) throw new Error('file insert returned nothing');
  return row;
}

/** A file that has not been deleted. */
export async function findLiveFile(db: DbOrTx, id: string): Promise<FileRow | undefined> {
  const [row] = await db
    .select()
    .from(files)
    .where(and(eq(files.id, id), isNull(files.deletedAt)))
    .limit(1);
  return row;
}

/** Marks a live file deleted; answers it only to the one caller that did so. */
export async function markFileDeleted(db: DbOrTx, id: string): Promise<FileRow | undefined> {
  const [row] = await db
    .update(files)
    .set({ deletedAt: new Date() })
    .where(and(eq(files.id, id), isNull(files.deletedAt)))
    .returning();
  return row;
}

/** An organization's live files: a scalar sub-select for its statistics. */
export const countLiveFilesSql = (organizationId: string): SQL =>
  sql`select count(*) from ${files} f where f.organization_id = ${organizationId} and f.deleted_at is null`;

/**
 * The organization's live attachments among `ids` (what another module may link to), with their
 * content types; ids that are not such a file are left out.
 */
export async function findOrganizationFiles(
  db: DbOrTx,
  organizationId: string,
  ids: readonly string[],
): Promise<{ id: string; contentType: string }[]> {
  if (ids.length === 0) return [];
  return db
    .select({ id: files.id, contentType: files.contentType })
    .from(files)
    .where(
      and(inArray(files.id, [...ids]), eq(files.organizationId, organizationId), eq(files.purpose, 'attachment'), isNull(files.deletedAt)),
    );
}

/** A live file joined as `alias` to rows that point at it by `fileId`, for liveFileJson to read. */
export const liveFileJoin = (fileId: SQL, alias = 'f'): SQL =>
  sql`join ${files} ${sql.raw(alias)} on ${sql.raw(alias)}.id = ${fileId} and ${sql.raw(alias)}.deleted_at is null`;

/** A file joined by liveFileJoin as JSON: { fileId, name, mimeType, sizeBytes } (sizeBytes a bigint). */
export const liveFileJson = (alias = 'f'): SQL =>
  sql.raw(
    `json_build_object('fileId', ${alias}.id, 'name', coalesce(${alias}.original_name, ''), 'mimeType', ${alias}.content_type, 'sizeBytes', ${alias}.size_bytes)`,
  );
