import type { TermKind } from '@p2p/contracts';
import { type SQL, sql } from 'drizzle-orm';
import { type DbOrTx, queryRows, type Tx } from '../../platform/db.js';
import { type FilesContext, removeFile } from '../files/index.js';
import { DEMO_EMAILS } from './demo-lookup.js';

export interface TermRef {
  kind: TermKind;
  name: string;
}

/**
 * The key of a term in the vocabulary, as search folds text: Arabic letter variants and marks folded
 * by p2p_fold_arabic (migrations 0004 and 0007), then lower-cased. Written in SQL so that it is the
 * database's one folding, not a second copy of it.
 */
const normalizedOf = (name: SQL | string): SQL => sql`lower(p2p_fold_arabic(${name}))`;

const termValues = (terms: readonly TermRef[]): SQL => sql.join(terms.map((t) => sql`(${t.kind}, ${t.name})`), sql`, `);

/** The demo users' ids, as a subquery. */
export const demoUserIds: SQL = sql`(select id from users where email in (${sql.join(DEMO_EMAILS.map((email) => sql`${email}`), sql`, `)}))`;

/**
 * Adds the terms the vocabulary lacks and answers each term's spelling in the vocabulary (which may be
 * an existing spelling that folds the same, e.g. "plc" for "PLC"), keyed by kind and given name.
 */
export async function ensureTerms(tx: Tx, terms: readonly TermRef[]): Promise<Map<string, string>> {
  const spelling = new Map<string, string>();
  if (terms.length === 0) return spelling;
  await queryRows(
    tx,
    sql`insert into use_case_terms (kind, name, normalized)
        select v.kind, v.name, ${normalizedOf(sql`v.name`)} from (values ${termValues(terms)}) as v(kind, name)
        on conflict (kind, normalized) do nothing`,
  );
  const rows = await queryRows<{ kind: TermKind; given: string; name: string }>(
    tx,
    sql`select v.kind, v.given, t.name from (values ${termValues(terms)}) as v(kind, given)
        join use_case_terms t on t.kind = v.kind and t.normalized = ${normalizedOf(sql`v.given`)}`,
  );
  for (const row of rows) spelling.set(`${row.kind}:${row.given}`, row.name);
  return spelling;
}

/**
 * Sets uses_count of the given terms to the number of live (not deleted) cases whose technologies or
 * tags hold a name folding to the term; with `dropUnused`, terms no case uses any more are removed.
 * Answers the terms whose count changed or that were removed.
 */
export async function recountTerms(tx: Tx, terms: readonly TermRef[], { dropUnused = false } = {}): Promise<number> {
  if (terms.length === 0) return 0;
  const scope = sql`(t.kind, t.normalized) in (select v.kind, ${normalizedOf(sql`v.name`)} from (values ${termValues(terms)}) as v(kind, name))`;
  const usage = sql`(
    select 'technology' as kind, ${normalizedOf(sql`x.name`)} as normalized, count(distinct c.id)::int as n
      from use_cases c cross join unnest(c.technologies) as x(name) where c.deleted_at is null group by 1, 2
    union all
    select 'tag', ${normalizedOf(sql`x.name`)}, count(distinct c.id)::int
      from use_cases c cross join unnest(c.tags) as x(name) where c.deleted_at is null group by 1, 2)`;
  const changed = await queryRows(
    tx,
    sql`with usage as ${usage}
        update use_case_terms t set uses_count = coalesce(u.n, 0)
        from use_case_terms t2 left join usage u on u.kind = t2.kind and u.normalized = t2.normalized
        where t2.id = t.id and ${scope} and t.uses_count is distinct from coalesce(u.n, 0)
        returning t.id`,
  );
  if (!dropUnused) return changed.length;
  const dropped = await queryRows(tx, sql`delete from use_case_terms t where ${scope} and t.uses_count = 0 returning t.id`);
  return changed.length + dropped.length;
}

/** Sets the likes, saves and views counters of the given cases to their rows; answers how many were off. */
export async function recountUseCaseCounters(tx: Tx, ids: readonly string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const rows = await queryRows(
    tx,
    sql`with counts as (
          select c.id,
            (select count(*) from use_case_likes l where l.use_case_id = c.id)::int as likes,
            (select count(*) from use_case_saves s where s.use_case_id = c.id)::int as saves,
            (select count(*) from use_case_views v where v.use_case_id = c.id)::int as views
          from use_cases c where c.id in (${sql.join(ids.map((id) => sql`${id}`), sql`, `)}))
        update use_cases c set likes_count = k.likes, saves_count = k.saves, views_count = k.views
        from counts k
        where k.id = c.id and (c.likes_count, c.saves_count, c.views_count) is distinct from (k.likes, k.saves, k.views)
        returning c.id`,
  );
  return rows.length;
}

/** The cases whose counters differ from their rows, with both. */
export async function findCounterMismatches(
  db: DbOrTx,
  ids: readonly string[],
): Promise<Array<{ id: string; title: string; counted: string; stored: string }>> {
  if (ids.length === 0) return [];
  return queryRows<{ id: string; title: string; counted: string; stored: string }>(
    db,
    sql`select id, title, counted, stored from (
          select c.id, c.title,
            concat_ws(' / ', c.likes_count, c.saves_count, c.views_count) as stored,
            concat_ws(' / ',
              (select count(*) from use_case_likes l where l.use_case_id = c.id),
              (select count(*) from use_case_saves s where s.use_case_id = c.id),
              (select count(*) from use_case_views v where v.use_case_id = c.id)) as counted
          from use_cases c where c.id in (${sql.join(ids.map((id) => sql`${id}`), sql`, `)})) k
        where counted <> stored`,
  );
}

/** The given terms, each with its stored uses_count and the number of live cases using it (null when the term is missing). */
export async function findTermUsage(db: DbOrTx, terms: readonly TermRef[]): Promise<Array<TermRef & { stored: number | null; used: number }>> {
  if (terms.length === 0) return [];
  const rows = await queryRows<{ kind: TermKind; name: string; stored: number | null; used: number }>(
    db,
    sql`select v.kind, v.name, t.uses_count as stored,
          (select count(*) from use_cases c
            where c.deleted_at is null
              and exists (select 1 from unnest(case when v.kind = 'technology' then c.technologies else c.tags end) as x(name)
                          where ${normalizedOf(sql`x.name`)} = ${normalizedOf(sql`v.name`)}))::int as used
        from (values ${termValues(terms)}) as v(kind, name)
        left join use_case_terms t on t.kind = v.kind and t.normalized = ${normalizedOf(sql`v.name`)}`,
  );
  return rows.map((row) => ({ ...row, stored: row.stored === null ? null : Number(row.stored), used: Number(row.used) }));
}

/**
 * Removes every use case demo users wrote (their likes, bookmarks, views, versions, reports and image
 * links go with them; linked files are removed through the files module, so the quota is released and
 * the bytes deleted after commit), and the demo users' likes and bookmarks on other people's cases,
 * whose counters are recounted. The terms the removed cases used are recounted, and dropped when no
 * case uses them any more. Views by demo users on other cases stay: their user becomes null when the
 * user is removed, and they still count.
 */
export async function removeDemoUseCases(ctx: FilesContext, tx: Tx): Promise<{ useCases: number; files: number }> {
  const doomed = await queryRows<{ id: string; technologies: string[]; tags: string[] }>(
    tx,
    sql`select id, technologies, tags from use_cases where author_id in ${demoUserIds}`,
  );
  let removedFiles = 0;
  if (doomed.length > 0) {
    const ids = sql.join(doomed.map((row) => sql`${row.id}`), sql`, `);
    const linked = await queryRows<{ file_id: string }>(tx, sql`select distinct file_id from use_case_files where use_case_id in (${ids})`);
    for (const { file_id } of linked) if (await removeFile(ctx, tx, file_id)) removedFiles += 1;
    await queryRows(tx, sql`delete from use_cases where id in (${ids})`);
  }
  const touched = await queryRows<{ use_case_id: string }>(
    tx,
    sql`with likes as (delete from use_case_likes where user_id in ${demoUserIds} returning use_case_id),
             saves as (delete from use_case_saves where user_id in ${demoUserIds} returning use_case_id)
        select use_case_id from likes union select use_case_id from saves`,
  );
  await recountUseCaseCounters(tx, touched.map((row) => row.use_case_id));
  const terms = new Map<string, TermRef>();
  for (const row of doomed) {
    for (const name of row.technologies) terms.set(`technology:${name}`, { kind: 'technology', name });
    for (const name of row.tags) terms.set(`tag:${name}`, { kind: 'tag', name });
  }
  await recountTerms(tx, [...terms.values()], { dropUnused: true });
  return { useCases: doomed.length, files: removedFiles };
}
