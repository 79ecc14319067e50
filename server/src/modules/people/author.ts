import type { ForumAuthor } from '@p2p/contracts';
import { type SQL, sql } from 'drizzle-orm';
import { fileUrlOrNull } from '../../platform/file-url.js';
import { col, nullable, type RowOf, type RowShape } from '../../platform/rows.js';
import { organizations } from '../organizations/index.js';
import { FORMER_MEMBER_NAME, users } from '../users/index.js';

// How a person appears next to what they wrote (a topic, a reply, a case, a report): their name,
// picture, job title and company, or "former member" once removed. Shared by every module that
// shows authors, so none of them names the users or organizations tables itself.

/**
 * Joins the author's user row as `userAlias` and their organization's row as `organizationAlias`
 * (`left`: for an optional author), for authorColumns to read.
 */
export function authorJoin(authorId: SQL, organizationId: SQL, { userAlias = 'u', organizationAlias = 'o', left = false } = {}): SQL {
  const join = sql.raw(left ? 'left join' : 'join');
  const u = sql.raw(userAlias);
  const o = sql.raw(organizationAlias);
  return sql`${join} ${users} ${u} on ${u}.id = ${authorId} ${join} ${organizations} ${o} on ${o}.id = ${organizationId}`;
}

/** One organization row joined as `alias` (a case's company card, say). */
export function organizationJoin(organizationId: SQL, alias = 'o', { left = false } = {}): SQL {
  const a = sql.raw(alias);
  return sql`${sql.raw(left ? 'left join' : 'join')} ${organizations} ${a} on ${a}.id = ${organizationId}`;
}

/** The columns authorColumns selects: a user joined inner (always there) and their organization. */
const AUTHOR = {
  a_id: col.text,
  a_name: col.text,
  a_image: col.textOrNull,
  a_job_title: col.textOrNull,
  a_former: col.boolean,
  o_id: col.text,
  o_name: col.text,
  o_name_ar: col.textOrNull,
  o_logo_file_id: col.textOrNull,
} as const;

type AuthorShape = typeof AUTHOR;
type Prefixed<S extends RowShape, P extends string> = { [K in keyof S & string as `${P}${K}`]: S[K] };

function prefixed<S extends RowShape, P extends string>(shape: S, prefix: P): Prefixed<S, P> {
  return Object.fromEntries(Object.entries(shape).map(([name, column]) => [`${prefix}${name}`, column])) as Prefixed<S, P>;
}

/** The row shape of authorColumns(…, prefix) for an author joined inner. */
export function authorShape<P extends string = ''>(prefix: P = '' as P): Prefixed<AuthorShape, P> {
  return prefixed(AUTHOR, prefix);
}

/** The row shape of authorColumns(…, prefix) for an author joined outer (all may be null). */
export function optionalAuthorShape<P extends string = ''>(prefix: P = '' as P) {
  return nullable(authorShape(prefix));
}

/** The author columns as authorColumns names them, of an optional author. */
export type AuthorColumns = RowOf<ReturnType<typeof optionalAuthorShape<''>>>;

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
export function authorFrom(row: object, prefix = ''): ForumAuthor | null {
  const r = row as Record<string, unknown>;
  const id = r[`${prefix}a_id`] as string | null;
  if (!id) return null;
  const logo = r[`${prefix}o_logo_file_id`] as string | null;
  const organization = {
    id: r[`${prefix}o_id`] as string,
    name: r[`${prefix}o_name`] as string,
    nameAr: r[`${prefix}o_name_ar`] as string | null,
    logoUrl: fileUrlOrNull(logo),
  };
  if (r[`${prefix}a_former`]) return { id, name: FORMER_MEMBER_NAME, avatarUrl: null, jobTitle: null, organization, formerMember: true };
  return {
    id,
    name: r[`${prefix}a_name`] as string,
    avatarUrl: r[`${prefix}a_image`] as string | null,
    jobTitle: r[`${prefix}a_job_title`] as string | null,
    organization,
    formerMember: false,
  };
}

/** The author of a row that always has one. */
export function presentAuthor(row: object, prefix = ''): ForumAuthor {
  const author = authorFrom(row, prefix);
  if (!author) throw new Error('forum row without its author');
  return author;
}
