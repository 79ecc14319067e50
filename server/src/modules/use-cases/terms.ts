import type { TermKind } from '@p2p/contracts';
import type { DbOrTx } from '../../platform/db.js';
import { addTermUses, findMatchingTerms, findMostUsedTerms, insertAndFindTerms } from './queries/terms.queries.js';

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
  const rows = await insertAndFindTerms(
    tx,
    kind,
    keys.map((key) => ({ name: wanted.get(key)!, normalized: key })),
  );
  const byKey = new Map(rows.map((row) => [row.normalized, row.name]));
  return keys.map((key) => byKey.get(key)!);
}

/** Moves uses_count by the difference between a case's old and new terms (canonical names), in the writing transaction. */
export async function moveTermCounts(tx: DbOrTx, kind: TermKind, before: readonly string[], after: readonly string[]): Promise<void> {
  const added = after.filter((name) => !before.includes(name));
  const removed = before.filter((name) => !after.includes(name));
  await addTermUses(tx, kind, added, 1);
  await addTermUses(tx, kind, removed, -1);
}

/** Autocomplete: terms starting with the text first, then containing it, then close spellings; most used first. */
export async function findTerms(db: DbOrTx, kind: TermKind, q: string, limit: number): Promise<{ name: string; usesCount: number }[]> {
  const key = normalizeTerm(q);
  const rows = key ? await findMatchingTerms(db, kind, key, limit) : await findMostUsedTerms(db, kind, limit);
  return rows.map((row) => ({ name: row.name, usesCount: row.uses_count }));
}
