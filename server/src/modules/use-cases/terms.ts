import type { TermKind } from '@p2p/contracts';
import { sql } from 'drizzle-orm';
import type { Actor } from '../../platform/actor.js';
import type { DbOrTx } from '../../platform/db.js';
import { cachedPublicCount } from './facet-cache.js';
import { addTermUses, countTermUses, findMatchingTerms, insertAndFindTerms, type TermRow } from './queries/terms.queries.js';
import { type CaseReader, GUEST, listedCase, ownOrganizationCase, viewerOf } from './use-cases.reader.js';

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

/**
 * How many cases the reader may see use each term of the kind, so the vocabulary shows no label (nor
 * count) that lives only on cases hidden from them. Everyone sees the public published cases: those
 * are counted once per FACET_CACHE_MS for every reader (the facet cache's public scope); a member's
 * own organization's other cases (organization-only, private and drafts, as ownOrganizationCase lets
 * them see them) are counted live and added. Moderators see every case and are counted live.
 */
async function visibleTermUses(db: DbOrTx, reader: CaseReader, kind: TermKind): Promise<TermRow[]> {
  if (reader.isModerator) return countTermUses(db, kind, sql`uc.deleted_at is null`);
  const shared = cachedPublicCount(`terms:${kind}`, () => countTermUses(db, kind, listedCase(GUEST)));
  if (!reader.organizationId) return shared;
  const [publicUses, ownUses] = await Promise.all([
    shared,
    countTermUses(db, kind, sql`${ownOrganizationCase(reader)} and not (${listedCase(GUEST)})`),
  ]);
  const counts = new Map<string, number>();
  for (const use of [...publicUses, ...ownUses]) counts.set(use.name, (counts.get(use.name) ?? 0) + use.uses_count);
  return [...counts].map(([name, uses_count]) => ({ name, uses_count }));
}

const byUses = (a: TermRow, b: TermRow) => b.uses_count - a.uses_count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/**
 * Autocomplete over the terms the reader's visible cases use, with those cases' count: terms starting
 * with the text first, then containing it, then close spellings; most used first.
 */
export async function findTerms(
  db: DbOrTx,
  actor: Actor | null,
  kind: TermKind,
  q: string,
  limit: number,
): Promise<{ name: string; usesCount: number }[]> {
  const uses = await visibleTermUses(db, viewerOf(actor), kind);
  const key = normalizeTerm(q);
  const rows = key ? await findMatchingTerms(db, kind, key, uses, limit) : [...uses].sort(byUses).slice(0, limit);
  return rows.map((row) => ({ name: row.name, usesCount: row.uses_count }));
}
