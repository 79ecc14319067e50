import type { TermKind } from '@p2p/contracts';
import { type SQL, sql } from 'drizzle-orm';
import { type DbOrTx, type Tx, execute, queryRows, toNumber } from '../../platform/db.js';
import { col, row } from '../../platform/rows.js';
import { type FilesContext, removeFile } from '../../modules/files/index.js';
import { normalizeTerm } from '../../modules/use-cases/index.js';
import { demoUserIds } from './lookup.js';

export interface TermRef {
  kind: TermKind;
  name: string;
}

const idRow = row({ id: col.text });
const spellingRow = row({ kind: col.text, given: col.text, name: col.text });
const counterMismatchRow = row({ id: col.text, title: col.text, counted: col.text, stored: col.text });
const termUsageRow = row({ kind: col.text, name: col.text, stored: col.integerOrNull, used: col.bigint });
const doomedCaseRow = row({ id: col.text, technologies: col.array<string>(), tags: col.array<string>() });
const fileIdRow = row({ file_id: col.text });
const useCaseIdRow = row({ use_case_id: col.text });

/** Each term with its key in the vocabulary, as the use-case module computes it when a case is written. */
const termValues = (terms: readonly TermRef[]): SQL =>
  sql.join(
    terms.map((t) => sql`(${t.kind}, ${t.name}, ${normalizeTerm(t.name)})`),
    sql`, `,
  );

/**
 * How many live (not deleted) cases list the term, by its spelling in the vocabulary: the cases'
 * lists hold that spelling, and this is what the use-case module moves uses_count by (each list
 * probed through its GIN index).
 */
const usesOf = (term: { kind: SQL; name: SQL }): SQL => sql`case when ${term.kind} = 'technology'
  then (select count(*) from use_cases c where c.deleted_at is null and c.technologies @> array[${term.name}])
  else (select count(*) from use_cases c where c.deleted_at is null and c.tags @> array[${term.name}]) end`;

/**
 * Adds the terms the vocabulary lacks and answers each term's spelling in the vocabulary (which may be
 * an existing spelling with the same key, e.g. "plc" for "PLC"), keyed by kind and given name.
 */
export async function ensureTerms(tx: Tx, terms: readonly TermRef[]): Promise<Map<string, string>> {
  const spelling = new Map<string, string>();
  if (terms.length === 0) return spelling;
  await execute(
    tx,
    sql`insert into use_case_terms (kind, name, normalized) values ${termValues(terms)} on conflict (kind, normalized) do nothing`,
  );
  const rows = await queryRows(
    tx,
    spellingRow,
    sql`select v.kind, v.given, t.name from (values ${termValues(terms)}) as v(kind, given, normalized)
        join use_case_terms t on t.kind = v.kind and t.normalized = v.normalized`,
  );
  for (const row of rows) spelling.set(`${row.kind}:${row.given}`, row.name);
  return spelling;
}

/**
 * Sets uses_count of the given terms to the number of live cases using them; with `dropUnused`, terms
 * no case uses any more are removed. Answers how many terms changed or went.
 */
export async function recountTerms(tx: Tx, terms: readonly TermRef[], { dropUnused = false } = {}): Promise<number> {
  if (terms.length === 0) return 0;
  const scope = sql`(t.kind, t.normalized) in (select v.kind, v.normalized from (values ${termValues(terms)}) as v(kind, name, normalized))`;
  const changed = await queryRows(
    tx,
    idRow,
    sql`update use_case_terms t set uses_count = u.n
        from (select t.id, ${usesOf({ kind: sql`t.kind`, name: sql`t.name` })} as n from use_case_terms t where ${scope}) u
        where u.id = t.id and t.uses_count <> u.n
        returning t.id`,
  );
  if (!dropUnused) return changed.length;
  const dropped = await queryRows(tx, idRow, sql`delete from use_case_terms t where ${scope} and t.uses_count = 0 returning t.id`);
  return changed.length + dropped.length;
}

/** Sets the likes, saves and views counters of the given cases to their rows; answers how many were off. */
export async function recountUseCaseCounters(tx: Tx, ids: readonly string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const rows = await queryRows(
    tx,
    idRow,
    sql`with counts as (
          select c.id,
            (select count(*) from use_case_likes l where l.use_case_id = c.id)::int as likes,
            (select count(*) from use_case_saves s where s.use_case_id = c.id)::int as saves,
            (select count(*) from use_case_views v where v.use_case_id = c.id)::int as views
          from use_cases c where c.id in (${sql.join(
            ids.map((id) => sql`${id}`),
            sql`, `,
          )}))
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
  return queryRows(
    db,
    counterMismatchRow,
    sql`select id, title, counted, stored from (
          select c.id, c.title,
            concat_ws(' / ', c.likes_count, c.saves_count, c.views_count) as stored,
            concat_ws(' / ',
              (select count(*) from use_case_likes l where l.use_case_id = c.id),
              (select count(*) from use_case_saves s where s.use_case_id = c.id),
              (select count(*) from use_case_views v where v.use_case_id = c.id)) as counted
          from use_cases c where c.id in (${sql.join(
            ids.map((id) => sql`${id}`),
            sql`, `,
          )})) k
        where counted <> stored`,
  );
}

/** The given terms, each with its stored uses_count and the number of live cases using it (null and 0 when the term is missing). */
export async function findTermUsage(
  db: DbOrTx,
  terms: readonly TermRef[],
): Promise<Array<TermRef & { stored: number | null; used: number }>> {
  if (terms.length === 0) return [];
  const rows = await queryRows(
    db,
    termUsageRow,
    sql`select v.kind, v.name, t.uses_count as stored, ${usesOf({ kind: sql`t.kind`, name: sql`t.name` })} as used
        from (values ${termValues(terms)}) as v(kind, name, normalized)
        left join use_case_terms t on t.kind = v.kind and t.normalized = v.normalized`,
  );
  return rows.map((row) => ({
    // One of the kinds given in `terms`.
    kind: row.kind as TermKind,
    name: row.name,
    stored: row.stored,
    used: toNumber(row.used),
  }));
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
  const doomed = await queryRows(tx, doomedCaseRow, sql`select id, technologies, tags from use_cases where author_id in ${demoUserIds}`);
  let removedFiles = 0;
  if (doomed.length > 0) {
    const ids = sql.join(
      doomed.map((row) => sql`${row.id}`),
      sql`, `,
    );
    const linked = await queryRows(tx, fileIdRow, sql`select distinct file_id from use_case_files where use_case_id in (${ids})`);
    for (const { file_id } of linked) if (await removeFile(ctx, tx, file_id)) removedFiles += 1;
    await execute(tx, sql`delete from use_cases where id in (${ids})`);
  }
  const touched = await queryRows(
    tx,
    useCaseIdRow,
    sql`with likes as (delete from use_case_likes where user_id in ${demoUserIds} returning use_case_id),
             saves as (delete from use_case_saves where user_id in ${demoUserIds} returning use_case_id)
        select use_case_id from likes union select use_case_id from saves`,
  );
  await recountUseCaseCounters(
    tx,
    touched.map((row) => row.use_case_id),
  );
  const terms = new Map<string, TermRef>();
  for (const row of doomed) {
    for (const name of row.technologies) terms.set(`technology:${name}`, { kind: 'technology', name });
    for (const name of row.tags) terms.set(`tag:${name}`, { kind: 'tag', name });
  }
  await recountTerms(tx, [...terms.values()], { dropUnused: true });
  return { useCases: doomed.length, files: removedFiles };
}
