import { type SQL, sql } from 'drizzle-orm';
import { type Actor, assertCanWrite, requireSignedIn, type Viewer } from '../../platform/actor.js';

export { GUEST, requireSignedIn, viewerOf } from '../../platform/actor.js';

/** Who reads the library: a guest, or a signed-in person with their organization (the request's viewer). */
export type CaseReader = Viewer;

/** The reader may write (verified in time, organization not suspended). */
export function assertWriter(reader: CaseReader): asserts reader is CaseReader & { actor: Actor; userId: string; organizationId: string } {
  requireSignedIn(reader);
  assertCanWrite(reader.actor);
}

/** What decides who sees a case. */
export interface CaseAccessRow {
  organizationId: string;
  authorId: string;
  visibility: string;
  status: string;
  hidden: boolean;
  deleted: boolean;
}

/** The author, an admin of the owning organization, or a moderator: who edits, deletes, publishes and sees engagement. */
export function isCaseOwner(reader: CaseReader, row: Pick<CaseAccessRow, 'organizationId' | 'authorId'>): boolean {
  if (!reader.userId) return false;
  if (reader.isModerator) return true;
  if (row.authorId === reader.userId) return true;
  return reader.isOrgAdmin && reader.organizationId === row.organizationId;
}

/**
 * Who sees one case: nobody once removed; moderators always; its author and the owning organization's
 * admins always (drafts, private and hidden cases included); everyone else only a published or
 * archived case that is not hidden — public ones for anyone, organization ones for members of the
 * owning organization.
 */
export function canSeeCase(reader: CaseReader, row: CaseAccessRow): boolean {
  if (row.deleted) return false;
  if (isCaseOwner(reader, row)) return true;
  if (row.hidden || row.status === 'draft') return false;
  if (row.visibility === 'public') return true;
  return row.visibility === 'organization' && reader.organizationId === row.organizationId;
}

/**
 * The SQL condition "case `uc` is listed for the reader": published, not hidden, not removed, and
 * visible to them (the SQL twin of canSeeCase for published cases). Moderators list every published
 * case; hidden ones reach them through the report queue.
 */
export function listedCase(reader: CaseReader, alias = 'uc'): SQL {
  const a = sql.raw(alias);
  const published = sql`${a}.status = 'published' and ${a}.deleted_at is null and ${a}.hidden_at is null`;
  if (reader.isModerator) return published;
  if (!reader.organizationId) return sql`${published} and ${a}.visibility = 'public'`;
  const ownPrivate = reader.isOrgAdmin ? sql`true` : sql`${a}.author_id = ${reader.userId}`;
  return sql`${published} and (${a}.visibility = 'public'
    or (${a}.organization_id = ${reader.organizationId} and (${a}.visibility = 'organization' or ${ownPrivate})))`;
}

/**
 * The listed cases of the reader's own organization that are not public (organization-only ones, and
 * the private ones listedCase lets them see): with the public cases, exactly what listedCase lists
 * for a member, as two disjoint sets.
 */
export function ownNonPublicCase(reader: CaseReader, alias = 'uc'): SQL {
  const a = sql.raw(alias);
  if (!reader.organizationId) return sql`false`;
  const ownPrivate = reader.isOrgAdmin ? sql`true` : sql`${a}.author_id = ${reader.userId}`;
  return sql`${a}.status = 'published' and ${a}.deleted_at is null and ${a}.hidden_at is null
    and ${a}.organization_id = ${reader.organizationId} and ${a}.visibility <> 'public'
    and (${a}.visibility = 'organization' or ${ownPrivate})`;
}

/**
 * The SQL condition for "my organization's cases": every case of the reader's organization they may
 * see, in any status (drafts and hidden ones included for their authors and the admins).
 */
export function ownOrganizationCase(reader: CaseReader, alias = 'uc'): SQL {
  const a = sql.raw(alias);
  if (!reader.organizationId) return sql`false`;
  const owner = reader.isOrgAdmin ? sql`true` : sql`${a}.author_id = ${reader.userId}`;
  return sql`${a}.organization_id = ${reader.organizationId} and ${a}.deleted_at is null
    and (${owner} or (${a}.status <> 'draft' and ${a}.hidden_at is null and ${a}.visibility <> 'private'))`;
}
