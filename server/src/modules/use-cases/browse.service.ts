import {
  encodeCursor,
  type FacetCount,
  toPage,
  type UseCaseCategoryStats,
  type UseCaseFacets,
  type UseCaseFilters,
  type UseCaseList,
  type useCaseListQuerySchema,
  type UseCasePage,
  type UseCaseTrending,
} from '@p2p/contracts';
import type { z } from 'zod';
import { type DbOrTx, toNumber } from '../../platform/db.js';
import type { Actor } from '../../platform/actor.js';
import { AppError } from '../../platform/errors.js';
import { readCursor } from '../../platform/keyset.js';
import type { TRENDING_INTERVALS } from '../../platform/search-text.js';
import { buildConditions, type CaseConditions, FACETS, withIndexedText } from './use-cases.filters.js';
import { facetsFor } from './facet-cache.js';
import {
  countCapped,
  findBrowsePage,
  findCategoryStats,
  findFacetCounts,
  findFeatured,
  findTrending,
  type PublishedKey,
} from './queries/browse.queries.js';
import { numberOrNull, toSummary } from './use-cases.presenter.js';
import { type CaseReader, viewerOf } from './use-cases.reader.js';

type ListQuery = z.output<typeof useCaseListQuerySchema>;

/** Where an exact count would cost more than it tells (lists without facets). */
const COUNT_CAP = 10_000;

/** The cases a list holds: every case has one category, so the counts of the chosen categories (or of all) add up to them. */
export function totalOf(facets: UseCaseFacets, categories: readonly string[] | undefined): number {
  const chosen = categories && categories.length > 0 ? new Set(categories) : null;
  return facets.category.filter((entry) => !chosen || chosen.has(entry.value)).reduce((sum, entry) => sum + entry.count, 0);
}

/** Facet counts for the conditions, the text condition read from the search index. */
export const countFacets = (db: DbOrTx, conditions: CaseConditions, q: string | undefined) =>
  facetCounts(db, withIndexedText(conditions, q));

/** The filters part of a list query (everything the facets and the page need). */
export function filtersOf(query: Partial<UseCaseFilters>): UseCaseFilters {
  const { q, category, industry, technology, tag, city, region, year, organizationId, verified, featured, roiMin, roiMax } = query;
  return { q, category, industry, technology, tag, city, region, year, organizationId, verified, featured, roiMin, roiMax };
}

/**
 * Browse: a page of cases and the facet counts over the filtered set, in two statements run side by
 * side whatever the filters. The total is the sum of the category facet's counts for the chosen
 * categories (every case has exactly one), so it costs no third statement.
 */
export async function listUseCases(db: DbOrTx, actor: Actor | null, query: ListQuery): Promise<UseCasePage> {
  const reader = viewerOf(actor);
  const filters = filtersOf(query);
  const conditions = buildConditions(reader, filters, query.scope);
  const offset = (query.page - 1) * query.pageSize;
  const withFacets = query.facets !== false;
  const after = publishedKey(query);
  // Walking by cursor, one row more than the page tells whether another follows.
  const limit = after ? query.pageSize + 1 : query.pageSize;
  const [{ rows: found, total: counted }, facets] = await Promise.all([
    findBrowsePage(db, { conditions, sort: query.sort, scope: query.scope, limit, offset, after, withTotal: !withFacets && !after }),
    withFacets ? facetsFor(db, reader, filters, query.scope, countFacets) : Promise.resolve(null),
  ]);
  const rows = found.slice(0, query.pageSize);
  let total: number;
  if (facets) {
    total = totalOf(facets, query.category);
  } else if (counted !== null) {
    total = counted;
  } else {
    total = offset === 0 && !after ? 0 : await countCapped(db, conditions, COUNT_CAP);
  }
  const page = toPage(rows.map(toSummary), total, query.page, query.pageSize);
  if (!walksNewest(query)) return { ...page, facets };
  const hasNext = after ? found.length > query.pageSize : page.hasNext;
  const last = rows.at(-1);
  const nextCursor = hasNext && last?.published_key ? encodeCursor([last.published_key, last.id]) : null;
  return { ...page, ...(after ? { hasNext, hasPrevious: true } : {}), nextCursor, facets };
}

/** The library newest first is walked by cursor (its published cases, by the newest index); other orders page. */
const walksNewest = (query: ListQuery) => query.sort === 'newest' && query.scope === 'all';

/** The cursor's key; 400 naming `cursor` when the list is not walked by one or the cursor is another list's. */
function publishedKey(query: ListQuery): PublishedKey | undefined {
  if (!query.cursor) return undefined;
  if (!walksNewest(query))
    throw new AppError('VALIDATION_FAILED', 'Only the newest-first list of the library is walked by cursor', [
      { path: 'cursor', message: 'Use page with this sort', code: 'invalid_cursor' },
    ]);
  const [at, id] = readCursor(query.cursor, ['time', 'uuid'] as const);
  return { at, id };
}

/** Disjunctive facet counts (see facetCountsSql), each facet's values by count (years newest first). */
export async function facetCounts(db: DbOrTx, conditions: CaseConditions): Promise<UseCaseFacets> {
  const rows = await findFacetCounts(db, conditions);
  const facets = Object.fromEntries(FACETS.map((facet) => [facet, [] as FacetCount[]])) as unknown as UseCaseFacets;
  for (const row of rows) facets[row.facet].push({ value: row.value, count: row.count });
  for (const facet of FACETS) {
    if (facet === 'year') facets.year.sort((a, b) => b.value.localeCompare(a.value));
    else facets[facet].sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  }
  return facets;
}

/**
 * Trending: the listed cases with the most engagement in the period — counted views, plus likes and
 * saves weighted 3 and 5 (a bookmark says more than a look).
 */
export async function trendingUseCases(
  db: DbOrTx,
  actor: Actor | null,
  period: keyof typeof TRENDING_INTERVALS,
  limit: number,
): Promise<UseCaseTrending> {
  const reader = viewerOf(actor);
  const rows = await findTrending(db, reader, period, limit);
  return {
    period,
    items: rows.map((row) => ({
      useCase: toSummary(row),
      views: toNumber(row.t_views),
      likes: toNumber(row.t_likes),
      saves: toNumber(row.t_saves),
      score: toNumber(row.t_score),
    })),
  };
}

export async function featuredUseCases(db: DbOrTx, actor: Actor | null, limit: number): Promise<UseCaseList> {
  const reader = viewerOf(actor);
  const rows = await findFeatured(db, reader, limit);
  return { items: rows.map(toSummary) };
}

/** Per category over what the reader may see: how many, average ROI, engagement, and the three most used technologies. */
export async function categoryStats(db: DbOrTx, actor: Actor | null): Promise<UseCaseCategoryStats> {
  const reader: CaseReader = viewerOf(actor);
  const { totals, technologies } = await findCategoryStats(db, reader);
  return {
    items: totals.map((row) => ({
      category: row.category as UseCaseCategoryStats['items'][number]['category'],
      count: toNumber(row.n),
      averageRoiPercent: row.avg_roi === null ? null : Math.round((numberOrNull(row.avg_roi) ?? 0) * 10) / 10,
      views: toNumber(row.views),
      likes: toNumber(row.likes),
      saves: toNumber(row.saves),
      topTechnologies: technologies
        .filter((entry) => entry.category === row.category)
        .map((entry) => ({ value: entry.technology, count: toNumber(entry.n) })),
    })),
  };
}
