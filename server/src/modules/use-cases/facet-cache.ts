import type { FacetCount, UseCaseFacets, UseCaseFilters } from '@p2p/contracts';
import type { DbOrTx } from '../../platform/db.js';
import { afterCommit } from '../../platform/transaction.js';
import { buildConditions, type CaseConditions, type CaseScope, FACETS } from './use-cases.filters.js';
import { type CaseReader, GUEST, ownNonPublicCase } from './use-cases.reader.js';

/** How long counts over the public cases (facets for one filter set, the vocabulary's uses) are reused. */
export const FACET_CACHE_MS = 30_000;
const FACET_CACHE_ENTRIES = 1000;
/** The technology facet lists at most this many values (the most frequent). */
export const TECHNOLOGY_FACET_LIMIT = 30;

type FacetQuery = (db: DbOrTx, conditions: CaseConditions, q: string | undefined) => Promise<UseCaseFacets>;

/**
 * Counts over what everyone sees (the public published cases), by key. Only that one visibility scope
 * is shared between readers; whatever a member or moderator sees beyond it is counted live.
 */
const cache = new Map<string, { expires: number; value: Promise<unknown> }>();

/**
 * Forgets every cached count once the writing transaction has committed (a count computed from the
 * snapshot before the commit must not outlive it). Other processes keep theirs up to FACET_CACHE_MS.
 */
export function invalidateFacetCache(): void {
  afterCommit(() => cache.clear());
}

/** The public-scope count under `key`, computed once per FACET_CACHE_MS and shared by concurrent readers (a failure is not kept). */
export function cachedPublicCount<T>(key: string, count: () => Promise<T>): Promise<T> {
  const now = Date.now();
  const hit = cache.get(key);
  if (hit && hit.expires > now) return hit.value as Promise<T>;
  const value = count();
  value.catch(() => cache.delete(key));
  cache.delete(key);
  cache.set(key, { expires: now + FACET_CACHE_MS, value });
  if (cache.size > FACET_CACHE_ENTRIES) cache.delete(cache.keys().next().value!);
  return value;
}

function cachedPublic(db: DbOrTx, filters: UseCaseFilters, count: FacetQuery): Promise<UseCaseFacets> {
  return cachedPublicCount(`facets:${JSON.stringify(filters)}`, () =>
    count(db, buildConditions(GUEST, { ...filters, q: undefined }), filters.q),
  );
}

/** Facet counts of two disjoint sets of cases, added value by value. */
export function addFacets(a: UseCaseFacets, b: UseCaseFacets): UseCaseFacets {
  const sum = {} as UseCaseFacets;
  for (const facet of FACETS) {
    const counts = new Map<string, number>();
    for (const entry of [...a[facet], ...b[facet]]) counts.set(entry.value, (counts.get(entry.value) ?? 0) + entry.count);
    const list: FacetCount[] = [...counts].map(([value, count]) => ({ value, count }));
    if (facet === 'year') list.sort((x, y) => y.value.localeCompare(x.value));
    else list.sort((x, y) => y.count - x.count || x.value.localeCompare(y.value));
    sum[facet] = facet === 'technology' ? list.slice(0, TECHNOLOGY_FACET_LIMIT) : list;
  }
  return sum;
}

/**
 * The facet counts over what the reader may list. What everyone sees (public published cases) is
 * counted once per filter set and reused for FACET_CACHE_MS by every reader; a member's own
 * organization's other listed cases (organization-only, and private ones they may see) are counted
 * live and added. Moderators and "my organization" lists are counted live.
 */
export async function facetsFor(
  db: DbOrTx,
  reader: CaseReader,
  filters: UseCaseFilters,
  scope: CaseScope,
  count: FacetQuery,
): Promise<UseCaseFacets> {
  if (scope === 'mine' || reader.isModerator) return count(db, buildConditions(reader, { ...filters, q: undefined }, scope), filters.q);
  const shared = cachedPublic(db, filters, count);
  if (!reader.organizationId) return shared;
  const own = count(db, buildConditions(reader, { ...filters, q: undefined }, scope, ownNonPublicCase(reader)), filters.q);
  const [publicFacets, ownFacets] = await Promise.all([shared, own]);
  return addFacets(publicFacets, ownFacets);
}
