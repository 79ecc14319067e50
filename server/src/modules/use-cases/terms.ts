import type { TermKind } from '@p2p/contracts';
import { sql } from 'drizzle-orm';
import { type DbOrTx, escapeLike, queryRows, toNumber } from '../../platform/db.js';
import { textArray } from './use-cases.filters.js';

/**
 * A term's identity in the vocabulary: trimmed, inner spaces collapsed, lower-cased, and Arabic folded
 * as p2p_fold_arabic folds it (alef variants, alef maqsura, hamza seats, diacritics and tatweel; a
 * word-final ه as ة), so "PLC", "plc " and "Plc" are one technology and so are الأتمتة and الاتمته.
 */
export function normalizeTerm(name: string): string {
  return name
    .trim()
    .replace(/\s+/g, ' ')
    .toLowerCase()
    .replace(/[\u064B-\u065F\u0670\u0640]/g, '')
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ى/g, 'ي')
    .replace(/ؤ/g, 'و')
    .replace(/ئ/g, 'ي')
    .replace(/ه(?=[^\u0621-\u064A]|$)/g, 'ة');
}

/** Names as the vocabulary spells them (the first spelling a term was written with), duplicates removed, in the given order. */
export async function resolveTerms(tx: DbOrTx, kind: TermKind, names: readonly string[]): Promise<string[]> {
  const wanted = new Map<string, string>();
  for (const name of names) {
    const clean = name.trim().replace(/\s+/g, ' ');
    const key = normalizeTerm(clean);
    if (key && !wanted.has(key)) wanted.set(key, clean);
  }
  if (wanted.size === 0) return [];
  const keys = [...wanted.keys()];
  const values = sql.join(
    keys.map((key) => sql`(${kind}, ${wanted.get(key)!}, ${key})`),
    sql`, `,
  );
  await queryRows(tx, sql`insert into use_case_terms (kind, name, normalized) values ${values} on conflict (kind, normalized) do nothing`);
  const rows = await queryRows<{ name: string; normalized: string }>(
    tx,
    sql`select name, normalized from use_case_terms where kind = ${kind} and normalized = any(${textArray(keys)})`,
  );
  const byKey = new Map(rows.map((row) => [row.normalized, row.name]));
  return keys.map((key) => byKey.get(key)!);
}

/** Moves uses_count by the difference between a case's old and new terms (canonical names), in the writing transaction. */
export async function moveTermCounts(tx: DbOrTx, kind: TermKind, before: readonly string[], after: readonly string[]): Promise<void> {
  const added = after.filter((name) => !before.includes(name));
  const removed = before.filter((name) => !after.includes(name));
  if (added.length > 0) {
    await queryRows(
      tx,
      sql`update use_case_terms set uses_count = uses_count + 1 where kind = ${kind} and name = any(${textArray(added)})`,
    );
  }
  if (removed.length > 0) {
    await queryRows(
      tx,
      sql`update use_case_terms set uses_count = uses_count - 1 where kind = ${kind} and name = any(${textArray(removed)})`,
    );
  }
}

/** Autocomplete: terms starting with the text first, then containing it, then close spellings; most used first. */
export async function findTerms(db: DbOrTx, kind: TermKind, q: string, limit: number): Promise<{ name: string; usesCount: number }[]> {
  const key = normalizeTerm(q);
  if (!key) {
    const rows = await queryRows<{ name: string; uses_count: number }>(
      db,
      sql`select name, uses_count from use_case_terms where kind = ${kind} and uses_count > 0 order by uses_count desc, name limit ${limit}`,
    );
    return rows.map((row) => ({ name: row.name, usesCount: toNumber(row.uses_count) }));
  }
  const pattern = `%${escapeLike(key)}%`;
  const prefix = `${escapeLike(key)}%`;
  const rows = await queryRows<{ name: string; uses_count: number }>(
    db,
    sql`select name, uses_count from use_case_terms
        where kind = ${kind} and (normalized like ${pattern} or (length(${key}) >= 4 and similarity(normalized, ${key}) > 0.3))
        order by normalized like ${prefix} desc, normalized like ${pattern} desc, similarity(normalized, ${key}) desc, uses_count desc, name
        limit ${limit}`,
  );
  return rows.map((row) => ({ name: row.name, usesCount: toNumber(row.uses_count) }));
}
