import { INDUSTRIES, SAUDI_PLACES, USE_CASE_CATEGORIES } from '@p2p/contracts';
import type pg from 'pg';
import type { BenchEndpoint, BenchRequest } from './endpoints.js';
import { type Random, anyOf, seededRandom } from './forum-text.js';
import { BENCH_USE_CASE_QUERIES, BENCH_USE_CASE_SUGGESTIONS } from './use-case-text.js';

/** What the use-case endpoints read from the bench database once, before the load starts. */
export interface UseCaseFixtures {
  /** Published public cases to open: popular ones often, the long tail too. */
  useCaseIds: string[];
  /** The most used technologies and tags (what the facet panel offers first). */
  useCaseTechnologies: string[];
  useCaseTags: string[];
  /** Years that hold cases (the year facet). */
  useCaseYears: string[];
  /** Browse filters (query strings) that each match a little over 1,000 listed cases, for exports. */
  useCaseExportFilters: string[];
}

function pick<T>(list: readonly T[], n: number): T {
  if (list.length === 0) throw new Error('The use-case fixtures are empty: does the bench database hold use cases (npm run bench:data)?');
  return list[n % list.length]!;
}

/** The same n always builds the same request; neighbouring n differ (a generator seeded per request). */
const requestRandom = (n: number, salt: number): Random => seededRandom(n * 7919 + salt);

function weighted<T>(random: Random, entries: readonly (readonly [T, number])[]): T {
  const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
  let r = random() * total;
  for (const [value, weight] of entries) {
    r -= weight;
    if (r < 0) return value;
  }
  return entries[entries.length - 1]![0];
}

const FILTER_KINDS = [
  ['category', 30],
  ['industry', 15],
  ['technology', 15],
  ['region', 15],
  ['year', 10],
  ['tag', 5],
  ['verified', 5],
  ['featured', 2],
  ['roiMin', 5],
] as const;
type FilterKind = (typeof FILTER_KINDS)[number][0];

const REGIONS_BY_CASES = [
  'eastern',
  'riyadh',
  'makkah',
  'madinah',
  'jazan',
  'qassim',
  'northern_borders',
  'asir',
  'hail',
  'tabuk',
] as const;

function filterValue(random: Random, f: UseCaseFixtures, kind: FilterKind): string {
  switch (kind) {
    case 'category':
      return USE_CASE_CATEGORIES[Math.floor(USE_CASE_CATEGORIES.length * random() ** 1.5)]!;
    case 'industry':
      return INDUSTRIES[Math.floor(INDUSTRIES.length * random() ** 1.5)]!;
    case 'technology':
      return f.useCaseTechnologies[Math.floor(f.useCaseTechnologies.length * random() ** 2)] ?? 'PLC';
    case 'tag':
      return f.useCaseTags[Math.floor(f.useCaseTags.length * random() ** 2)] ?? 'Lean';
    case 'region':
      return REGIONS_BY_CASES[Math.floor(REGIONS_BY_CASES.length * random() ** 1.8)]!;
    case 'year':
      return anyOf(random, f.useCaseYears.length > 0 ? f.useCaseYears : ['2026']);
    case 'verified':
    case 'featured':
      return 'true';
    case 'roiMin':
      return anyOf(random, ['50', '100', '200']);
  }
}

/** 0–3 distinct filters: none a third of the time, one most often. */
function browseFilters(random: Random, f: UseCaseFixtures): [FilterKind, string][] {
  const count = weighted(random, [
    [0, 35],
    [1, 35],
    [2, 20],
    [3, 10],
  ] as const);
  const chosen = new Map<FilterKind, string>();
  while (chosen.size < count) {
    const kind = weighted(
      random,
      FILTER_KINDS.map(([k, w]) => [k, w] as const),
    );
    if (!chosen.has(kind)) chosen.set(kind, filterValue(random, f, kind));
  }
  return [...chosen];
}

/** The library page as people use it: facets always, mostly newest, some filters, later pages, sometimes a text query. */
export function useCaseBrowsePath(f: UseCaseFixtures, n: number): string {
  const random = requestRandom(n, 11);
  const params = new URLSearchParams();
  for (const [kind, value] of browseFilters(random, f)) params.set(kind, value);
  const sort = weighted(random, [
    ['newest', 55],
    ['views', 20],
    ['likes', 10],
    ['roi', 15],
  ] as const);
  if (sort !== 'newest') params.set('sort', sort);
  if (random() < 0.12) params.set('q', anyOf(random, BENCH_USE_CASE_QUERIES));
  if (random() < 0.2) params.set('page', String(2 + Math.floor(random() * 4)));
  const query = params.toString();
  return `/api/v1/use-cases${query ? `?${query}` : ''}`;
}

/** Advanced search: English and Arabic queries, a third with filters, mostly by relevance, sometimes page 2. */
export function useCaseSearchRequest(f: UseCaseFixtures, n: number): BenchRequest {
  const random = requestRandom(n, 23);
  const body: Record<string, unknown> = { q: pick(BENCH_USE_CASE_QUERIES, n) };
  if (random() < 0.33) {
    const filters: Record<string, unknown> = {};
    const count = random() < 0.7 ? 1 : 2;
    while (Object.keys(filters).length < count) {
      const kind = weighted(random, [
        ['category', 3],
        ['region', 2],
        ['year', 2],
        ['technology', 2],
        ['industry', 1],
      ] as const);
      filters[kind] = [filterValue(random, f, kind)];
    }
    body.filters = filters;
  }
  const sort = weighted(random, [
    ['relevance', 75],
    ['newest', 15],
    ['roi', 5],
    ['views', 5],
  ] as const);
  if (sort !== 'relevance') body.sort = sort;
  if (random() < 0.1) body.page = 2;
  return { method: 'POST', path: '/api/v1/use-cases/search/advanced', body };
}

/** A radius search around a real place (industrial cities more often), the point moved a little, 10–200 km. */
export function useCaseRadiusPath(n: number): string {
  const random = requestRandom(n, 37);
  const place = weighted(
    random,
    SAUDI_PLACES.map((p) => [p, p.industrial ? 3 : 1] as const),
  );
  const lat = (place.latitude + (random() - 0.5) * 0.2).toFixed(4);
  const lng = (place.longitude + (random() - 0.5) * 0.2).toFixed(4);
  const radiusKm = weighted(random, [
    [10, 20],
    [25, 25],
    [50, 25],
    [100, 20],
    [200, 10],
  ] as const);
  const page = random() < 0.1 ? '&page=2' : '';
  return `/api/v1/use-cases/location/filter?lat=${lat}&lng=${lng}&radiusKm=${radiusKm}${page}`;
}

/** Requests per export format: the first one also pays for loading the format's library. */
const EXPORT_REQUESTS = 5;

/** The use-case library as a signed-in member uses it; exports are timed one by one, not under load. */
export const USE_CASE_ENDPOINTS: BenchEndpoint[] = [
  { name: 'GET /api/v1/use-cases (browse, facets)', as: 'member', request: (f, n) => ({ method: 'GET', path: useCaseBrowsePath(f, n) }) },
  {
    name: 'GET /api/v1/use-cases/:id (case page)',
    as: 'member',
    request: (f, n) => ({ method: 'GET', path: `/api/v1/use-cases/${pick(f.useCaseIds, n)}` }),
  },
  // The same page for guests, whose views are not counted: the difference is the cost of counting.
  {
    name: 'GET /api/v1/use-cases/:id (case page, guest)',
    as: 'anonymous',
    request: (f, n) => ({ method: 'GET', path: `/api/v1/use-cases/${pick(f.useCaseIds, n)}` }),
  },
  {
    name: 'GET /api/v1/use-cases/:id/related',
    as: 'member',
    request: (f, n) => ({ method: 'GET', path: `/api/v1/use-cases/${pick(f.useCaseIds, n * 3 + 1)}/related` }),
  },
  { name: 'POST /api/v1/use-cases/search/advanced', as: 'member', request: (f, n) => useCaseSearchRequest(f, n) },
  {
    name: 'GET /api/v1/use-cases/search/suggestions?q=',
    as: 'member',
    request: (_f, n) => ({
      method: 'GET',
      path: `/api/v1/use-cases/search/suggestions?q=${encodeURIComponent(pick(BENCH_USE_CASE_SUGGESTIONS, n))}`,
    }),
  },
  {
    name: 'GET /api/v1/use-cases/location/filter (radius)',
    as: 'member',
    request: (_f, n) => ({ method: 'GET', path: useCaseRadiusPath(n) }),
  },
  ...(['xlsx', 'pdf'] as const).map((format): BenchEndpoint => ({
    name: `GET /api/v1/use-cases/export?format=${format} (1,000+ rows)`,
    as: 'member',
    sequential: EXPORT_REQUESTS,
    request: (f, n) => ({ method: 'GET', path: `/api/v1/use-cases/export?format=${format}&${pick(f.useCaseExportFilters, n)}` }),
  })),
];

/** Interleaves two lists 1 : `ratio`, so that every stretch of requests sees the same mix. */
function mix(popular: string[], tail: string[], ratio: number): string[] {
  const out: string[] = [];
  let p = 0;
  let t = 0;
  while (p < popular.length || t < tail.length) {
    if (p < popular.length) out.push(popular[p++]!);
    for (let k = 0; k < ratio && t < tail.length; k += 1) out.push(tail[t++]!);
  }
  return out;
}

/** Empty lists when the database holds no use cases (the forum endpoints still run). */
export async function loadUseCaseFixtures(pool: pg.Pool): Promise<UseCaseFixtures> {
  const listed = "status = 'published' and visibility = 'public' and deleted_at is null and hidden_at is null";
  const ids = async (query: string) => (await pool.query<{ id: string }>(query)).rows.map((r) => r.id);
  const [popular, tail] = await Promise.all([
    ids(`select id from (select id from use_cases where ${listed} order by views_count desc limit 2000) top order by random() limit 400`),
    ids(`select id from use_cases where ${listed} order by random() limit 1600`),
  ]);
  const terms = async (kind: string) =>
    (
      await pool.query<{ name: string }>(
        'select name from use_case_terms where kind = $1 and uses_count > 0 order by uses_count desc, name limit 40',
        [kind],
      )
    ).rows.map((r) => r.name);
  const years = await pool.query<{ year: string }>(
    `select distinct extract(year from (published_at at time zone 'UTC' + interval '3 hours'))::int::text as year from use_cases where ${listed} order by 1 desc`,
  );
  // Category and region pairs listing a little over 1,000 cases to a member (public ones, nearly all).
  const pairs = await pool.query<{ category: string; region: string; n: string }>(
    `select category, region, count(*) as n from use_cases where ${listed} and region is not null
      group by category, region having count(*) between 1000 and 1600 order by count(*) limit 4`,
  );
  let exportFilters = pairs.rows.map((r) => `category=${r.category}&region=${r.region}`);
  if (exportFilters.length === 0) {
    // Small scales: a whole category, or everything.
    const categories = await pool.query<{ category: string }>(
      `select category from use_cases where ${listed} group by category having count(*) >= 1000 order by count(*) limit 2`,
    );
    exportFilters = categories.rows.length > 0 ? categories.rows.map((r) => `category=${r.category}`) : ['sort=newest'];
  }
  return {
    useCaseIds: mix(popular, tail, 4),
    useCaseTechnologies: await terms('technology'),
    useCaseTags: await terms('tag'),
    useCaseYears: years.rows.map((r) => r.year),
    useCaseExportFilters: exportFilters,
  };
}
