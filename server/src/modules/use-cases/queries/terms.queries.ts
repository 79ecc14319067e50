import type { TermKind } from '@p2p/contracts';
import { sql } from 'drizzle-orm';
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

/** The most used terms of a kind (autocomplete before anything is typed). */
export function findMostUsedTerms(db: DbOrTx, kind: TermKind, limit: number): Promise<TermRow[]> {
  return queryRows(
    db,
    termRow,
    sql`select name, uses_count from use_case_terms where kind = ${kind} and uses_count > 0 order by uses_count desc, name limit ${limit}`,
  );
}

/** Terms matching a normalized key: starting with it first, then containing it, then close spellings; most used first. */
export function findMatchingTerms(db: DbOrTx, kind: TermKind, key: string, limit: number): Promise<TermRow[]> {
  const pattern = `%${escapeLike(key)}%`;
  const prefix = `${escapeLike(key)}%`;
  return queryRows(
    db,
    termRow,
    sql`select name, uses_count from use_case_terms
        where kind = ${kind} and (normalized like ${pattern} or (length(${key}) >= 4 and similarity(normalized, ${key}) > 0.3))
        order by normalized like ${prefix} desc, normalized like ${pattern} desc, similarity(normalized, ${key}) desc, uses_count desc, name
        limit ${limit}`,
  );
}
