import { SAUDI_REGIONS, USE_CASE_CATEGORIES, type AdvancedSearchBody, type CustomExportBody } from '@p2p/contracts';
import { INDUSTRIES } from '@p2p/contracts/enums';

/** Facets that take several values; several values of one facet match any of them. */
export const LIST_FACETS = ['category', 'industry', 'technology', 'region', 'year'] as const;
export type ListFacet = (typeof LIST_FACETS)[number];
/** Yes/no facets: checked means "only these". */
export const FLAG_FACETS = ['verified', 'featured'] as const;
export type FlagFacet = (typeof FLAG_FACETS)[number];

export const LIBRARY_SORTS = ['newest', 'views', 'likes', 'roi'] as const;
export const SEARCH_SORTS = ['relevance', 'newest', 'views', 'likes', 'roi'] as const;
export type LibrarySort = (typeof LIBRARY_SORTS)[number];
export type SearchSort = (typeof SEARCH_SORTS)[number];

/**
 * Everything the library and the search page show, as it stands in the URL: filters, sort, page and,
 * on the library, the scope and the view. Values the API would refuse are dropped when the URL is read.
 */
export interface LibraryState<S extends string = string> {
  q: string;
  category: string[];
  industry: string[];
  technology: string[];
  region: string[];
  year: string[];
  /** City slugs or names (a map cluster narrows the list to its city). */
  city: string[];
  verified: boolean;
  featured: boolean;
  roiMin: string;
  roiMax: string;
  sort: S;
  page: number;
  scope: 'all' | 'mine';
  view: 'list' | 'map';
}

const inList = (list: readonly string[]) => (value: string) => list.includes(value);
const VALID: Record<ListFacet, (value: string) => boolean> = {
  category: inList(USE_CASE_CATEGORIES),
  industry: inList(INDUSTRIES),
  region: inList(SAUDI_REGIONS),
  technology: (value) => value.length > 0 && value.length <= 60,
  year: (value) => /^\d{4}$/.test(value),
};

const isNumber = (value: string) => value.trim() !== '' && Number.isFinite(Number(value));
const unique = (values: string[]) => [...new Set(values)];

export function readLibraryState<S extends string>(params: URLSearchParams, sorts: readonly S[]): LibraryState<S> {
  const list = (key: ListFacet | 'city') =>
    unique(params.getAll(key).filter((value) => (key === 'city' ? value.length > 0 && value.length <= 100 : VALID[key](value))));
  const sort = params.get('sort') ?? '';
  const page = Number(params.get('page'));
  const roiMin = params.get('roiMin') ?? '';
  const roiMax = params.get('roiMax') ?? '';
  return {
    q: (params.get('q') ?? '').slice(0, 200),
    category: list('category'),
    industry: list('industry'),
    technology: list('technology'),
    region: list('region'),
    year: list('year'),
    city: list('city'),
    verified: params.get('verified') === 'true',
    featured: params.get('featured') === 'true',
    roiMin: isNumber(roiMin) ? roiMin : '',
    roiMax: isNumber(roiMax) ? roiMax : '',
    sort: (sorts as readonly string[]).includes(sort) ? (sort as S) : (sorts[0] as S),
    page: Number.isInteger(page) && page > 0 ? page : 1,
    scope: params.get('scope') === 'mine' ? 'mine' : 'all',
    view: params.get('view') === 'map' ? 'map' : 'list',
  };
}

/** The filters alone, as query parameters (lists repeated, so a technology with a comma stays whole). */
function appendFilters(out: URLSearchParams, state: LibraryState) {
  if (state.q.trim()) out.set('q', state.q.trim());
  for (const key of [...LIST_FACETS, 'city'] as const) for (const value of state[key]) out.append(key, value);
  if (state.verified) out.set('verified', 'true');
  if (state.featured) out.set('featured', 'true');
  if (state.roiMin) out.set('roiMin', state.roiMin);
  if (state.roiMax) out.set('roiMax', state.roiMax);
}

/** The page's own URL: defaults left out so links stay short. */
export function writeLibraryState(state: LibraryState, defaultSort: string): URLSearchParams {
  const out = new URLSearchParams();
  appendFilters(out, state);
  if (state.sort !== defaultSort) out.set('sort', state.sort);
  if (state.scope === 'mine') out.set('scope', 'mine');
  if (state.view === 'map') out.set('view', 'map');
  if (state.page > 1) out.set('page', String(state.page));
  return out;
}

/** GET /use-cases and GET /use-cases/export take the same filters. */
export function listQuery(state: LibraryState, extra: Record<string, string | number | boolean> = {}): URLSearchParams {
  const out = new URLSearchParams();
  appendFilters(out, state);
  out.set('sort', state.sort);
  if (state.scope === 'mine') out.set('scope', 'mine');
  for (const [key, value] of Object.entries(extra)) out.set(key, String(value));
  return out;
}

type BodyFilters = NonNullable<AdvancedSearchBody['filters']>;

/** The filters as a JSON body takes them (advanced search, saved searches, custom export). */
export function bodyFilters(state: LibraryState): BodyFilters {
  const filters: BodyFilters = {};
  // The page's state holds the URL's words as they are; the server refuses any that is not a known value.
  if (state.category.length) filters.category = state.category as NonNullable<BodyFilters['category']>;
  if (state.industry.length) filters.industry = state.industry as NonNullable<BodyFilters['industry']>;
  if (state.technology.length) filters.technology = state.technology;
  if (state.region.length) filters.region = state.region as NonNullable<BodyFilters['region']>;
  if (state.year.length) filters.year = state.year;
  if (state.city.length) filters.city = state.city;
  // The shared filter schema reads yes/no facets as the strings a query string carries.
  if (state.verified) filters.verified = 'true';
  if (state.featured) filters.featured = 'true';
  if (state.roiMin) filters.roiMin = Number(state.roiMin);
  if (state.roiMax) filters.roiMax = Number(state.roiMax);
  return filters;
}

export function customExportFilters(state: LibraryState): NonNullable<CustomExportBody['filters']> {
  return { ...bodyFilters(state), ...(state.q.trim() ? { q: state.q.trim() } : {}) };
}

export function hasActiveFilters(state: LibraryState): boolean {
  return (
    state.q.trim() !== '' ||
    [...LIST_FACETS, 'city' as const].some((key) => state[key].length > 0) ||
    state.verified ||
    state.featured ||
    state.roiMin !== '' ||
    state.roiMax !== ''
  );
}

/** A disjunctive facet click: adds the value when absent, removes it when present; back to page 1. */
export function toggleFacet<S extends string>(state: LibraryState<S>, facet: ListFacet | FlagFacet, value: string): LibraryState<S> {
  if (facet === 'verified' || facet === 'featured') return { ...state, [facet]: !state[facet], page: 1 };
  const current = state[facet];
  return { ...state, [facet]: current.includes(value) ? current.filter((entry) => entry !== value) : [...current, value], page: 1 };
}

export function clearFilters<S extends string>(state: LibraryState<S>): LibraryState<S> {
  return {
    ...state,
    q: '',
    category: [],
    industry: [],
    technology: [],
    region: [],
    year: [],
    city: [],
    verified: false,
    featured: false,
    roiMin: '',
    roiMax: '',
    page: 1,
  };
}

/**
 * Filters stored with a saved search or a history entry (output types: booleans and numbers) as URL
 * parameters of the search page.
 */
export function searchParamsFromStored(q: string, filters: Record<string, unknown>, sort?: string): URLSearchParams {
  const out = new URLSearchParams();
  if (q) out.set('q', q);
  for (const key of [...LIST_FACETS, 'city'] as const) {
    const value = filters[key];
    const values = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : [];
    for (const entry of values) if (typeof entry === 'string' && entry.trim()) out.append(key, entry.trim());
  }
  for (const key of FLAG_FACETS) if (filters[key] === true || filters[key] === 'true') out.set(key, 'true');
  for (const key of ['roiMin', 'roiMax'] as const) {
    const value = filters[key];
    if ((typeof value === 'number' && Number.isFinite(value)) || (typeof value === 'string' && isNumber(value)))
      out.set(key, String(value));
  }
  if (sort && sort !== 'relevance') out.set('sort', sort);
  return out;
}
