import type { TermKind } from '@p2p/contracts';
import { type SQL, sql } from 'drizzle-orm';
import { type DbOrTx, escapeLike, execute, queryRows } from '../../../platform/db.js';
import { col, row, type RowOf } from '../../../platform/rows.js';
import { textArray } from '../use-cases.filters.js';

/** Adds the terms the vocabulary lacks (by normalized key; the first spelling stays) and answers each key's stored name. */
export async function insertAndFindTerms(
  tx: DbOrTx,
  kind: TermKind,
  terms: readonly { name: string; normalized: string }[],
): Promise<{ name: string; normalized: string }[]> {
  if (terms.length === 0) return [];
  const values = sql.join(
    terms.map((term) => sql`(${kind}, ${term.name}, ${term.normalized})`),
    sql`, `,
  );
  await execute(tx, sql`insert into use_case_terms (kind, name, normalized) values ${values} on conflict (kind, normalized) do nothing`);
  return queryRows(
    tx,
    row({ name: col.text, normalized: col.text }),
    sql`select name, normalized from use_case_terms where kind = ${kind} and normalized = any(${textArray(terms.map((term) => term.normalized))})`,
  );
}

/** Moves the uses count of the named terms by `by` (1 or -1). */
export async function addTermUses(tx: DbOrTx, kind: TermKind, names: readonly string[], by: 1 | -1): Promise<void> {
  if (names.length === 0) return;
  await execute(
    tx,
    sql`update use_case_terms set uses_count = uses_count + ${by} where kind = ${kind} and name = any(${textArray(names)})`,
  );
}

const termRow = row({ name: col.text, uses_count: col.integer });
export type TermRow = RowOf<typeof termRow>;

const TERM_COLUMN: Record<TermKind, string> = { technology: 'technologies', tag: 'tags' };

/** How many of the cases that meet `visible` (a condition on `uc`) use each term of the kind, by the name the cases store. */
export function countTermUses(db: DbOrTx, kind: TermKind, visible: SQL): Promise<TermRow[]> {
  return queryRows(
    db,
    termRow,
    sql`select name, count(*)::int as uses_count from use_cases uc cross join lateral unnest(uc.${sql.raw(TERM_COLUMN[kind])}) as name
        where ${visible} group by name`,
  );
}

/**
 * Among the given terms (names with their uses as the reader may count them), those matching a
 * normalized key: starting with it first, then containing it, then close spellings; most used first.
 */
export function findMatchingTerms(db: DbOrTx, kind: TermKind, key: string, uses: readonly TermRow[], limit: number): Promise<TermRow[]> {
  if (uses.length === 0) return Promise.resolve([]);
  const pattern = `%${escapeLike(key)}%`;
  const prefix = `${escapeLike(key)}%`;
  return queryRows(
    db,
    termRow,
    sql`select t.name, v.uses_count from use_case_terms t
        join jsonb_to_recordset(${JSON.stringify(uses)}::jsonb) as v(name text, uses_count int) on v.name = t.name
        where t.kind = ${kind} and (t.normalized like ${pattern} or (length(${key}) >= 4 and similarity(t.normalized, ${key}) > 0.3))
        order by t.normalized like ${prefix} desc, t.normalized like ${pattern} desc, similarity(t.normalized, ${key}) desc, v.uses_count desc, t.name
        limit ${limit}`,
  );
}
