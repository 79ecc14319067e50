import { type SQL, and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db.js';
import { files } from './files.tables.js';

export type FileRow = typeof files.$inferSelect;
export type NewFileRow = typeof files.$inferInsert;

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

/** Whether each of `keys` belongs to a live file, a deleted one, or (left out of the map) to no row at all. */
export async function findStorageKeyStates(db: DbOrTx, keys: readonly string[]): Promise<Map<string, 'live' | 'deleted'>> {
  if (keys.length === 0) return new Map();
  const rows = await db
    .select({ storageKey: files.storageKey, deletedAt: files.deletedAt })
    .from(files)
    .where(inArray(files.storageKey, [...keys]));
  return new Map(rows.map((row) => [row.storageKey, row.deletedAt ? 'deleted' : 'live']));
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

/**
 * The characters cleanFileName removes that matter most (bidi controls, zero-width, controls), as a
 * PostgreSQL pattern: names stored before uploads were cleaned are shown without them.
 */
const INVISIBLE_IN_NAMES = String.raw`[\u0001-\u001f\u007f-\u009f\u00ad\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]`;

/** A file joined by liveFileJoin as JSON: { fileId, name, mimeType, sizeBytes } (sizeBytes a bigint). */
export const liveFileJson = (alias = 'f'): SQL =>
  sql.raw(
    `json_build_object('fileId', ${alias}.id, 'name', regexp_replace(coalesce(${alias}.original_name, ''), '${INVISIBLE_IN_NAMES}', '', 'g'), 'mimeType', ${alias}.content_type, 'sizeBytes', ${alias}.size_bytes)`,
  );
