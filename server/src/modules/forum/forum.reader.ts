import type { ForumAuthor, OrganizationStatus } from '@p2p/contracts';
import { type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db.js';
import type { Actor } from '../auth/session.js';
import { AppError } from '../../platform/errors.js';
import { getActorOrganization } from '../organizations/index.js';
import { FORMER_MEMBER_NAME } from '../users/index.js';

/** Who reads the forum: the actor with their organization and what they may see. */
export interface Reader {
  actor: Actor;
  organizationId: string;
  organizationStatus: OrganizationStatus;
  isOrgAdmin: boolean;
  /** Platform moderators and superadmins: moderate everything and see every category. */
  isModerator: boolean;
}

/** The reader, from the membership the session resolver read with the session (or, without it, from the database). */
export async function getReader(db: DbOrTx, actor: Actor): Promise<Reader> {
  const isModerator = actor.platformRole === 'moderator' || actor.platformRole === 'superadmin';
  if (actor.membership === null) throw new AppError('UNAUTHENTICATED', 'Sign in to continue');
  if (actor.membership) {
    const { organizationId, organizationStatus, role } = actor.membership;
    return { actor, organizationId, organizationStatus, isOrgAdmin: role === 'admin', isModerator };
  }
  const place = await getActorOrganization(db, actor);
  return {
    actor,
    organizationId: place.organization.id,
    organizationStatus: place.organization.status,
    isOrgAdmin: place.membership.role === 'admin',
    isModerator,
  };
}

/**
 * The SQL condition "category `alias` is visible to the reader": public categories, the reader's own
 * organization's private ones, and every category for moderators.
 */
export function visibleCategory(reader: Reader, categoryOrganizationColumn: SQL): SQL {
  if (reader.isModerator) return sql`true`;
  return sql`(${categoryOrganizationColumn} is null or ${categoryOrganizationColumn} = ${reader.organizationId})`;
}

/** The SQL condition "topic `t` is not deleted and sits in a category the reader may see". */
export function visibleTopic(reader: Reader): SQL {
  return sql`t.deleted_at is null and t.category_id in (select c.id from forum_categories c where ${visibleCategory(reader, sql`c.organization_id`)})`;
}

/**
 * The author columns a forum read selects from a users alias and an organizations alias, named
 * `<prefix>a_…` and `<prefix>o_…` (aliases and prefixes are constants of the calling query).
 */
export function authorColumns(userAlias = 'u', organizationAlias = 'o', prefix = ''): SQL {
  const u = userAlias;
  const o = organizationAlias;
  const p = prefix;
  return sql.raw(
    `${u}.id as ${p}a_id, ${u}.name as ${p}a_name, ${u}.image as ${p}a_image, ${u}.job_title as ${p}a_job_title, ` +
      `${u}.deleted_at is not null as ${p}a_former, ${o}.id as ${p}o_id, ${o}.name as ${p}o_name, ${o}.name_ar as ${p}o_name_ar, ${o}.logo_file_id as ${p}o_logo_file_id`,
  );
}

/** The author selected by authorColumns(…, prefix), or null when the row has none (a left join that found nothing). */
export function authorFrom(row: Record<string, unknown>, prefix = ''): ForumAuthor | null {
  const id = row[`${prefix}a_id`] as string | null;
  if (!id) return null;
  const logo = row[`${prefix}o_logo_file_id`] as string | null;
  const organization = {
    id: row[`${prefix}o_id`] as string,
    name: row[`${prefix}o_name`] as string,
    nameAr: row[`${prefix}o_name_ar`] as string | null,
    logoUrl: logo ? `/api/v1/files/${logo}` : null,
  };
  if (row[`${prefix}a_former`]) return { id, name: FORMER_MEMBER_NAME, avatarUrl: null, jobTitle: null, organization, formerMember: true };
  return {
    id,
    name: row[`${prefix}a_name`] as string,
    avatarUrl: row[`${prefix}a_image`] as string | null,
    jobTitle: row[`${prefix}a_job_title`] as string | null,
    organization,
    formerMember: false,
  };
}

/** The author of a row that always has one. */
export function presentAuthor(row: Record<string, unknown>, prefix = ''): ForumAuthor {
  const author = authorFrom(row, prefix);
  if (!author) throw new Error('forum row without its author');
  return author;
}

/** Timestamps come back as Date (node-postgres) or Date/string (PGlite); the API speaks ISO strings. */
export function iso(value: Date | string): string {
  return value instanceof Date ? value.toISOString() : new Date(value).toISOString();
}

export function isoOrNull(value: Date | string | null): string | null {
  return value === null ? null : iso(value);
}
