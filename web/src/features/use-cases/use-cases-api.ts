import type {
  AdvancedSearchBody,
  CustomExportBody,
  ExportFormat,
  LocationStatistics,
  Page,
  SavedSearch,
  SavedSearchBody,
  SaudiRegion,
  SearchHistory,
  UseCaseCategoryStats,
  UseCaseList,
  UseCasePage,
  UseCaseSearchResult,
  UseCaseSuggestion,
  UseCaseSummary,
  UseCaseTrending,
} from '@p2p/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api } from '../../lib/api-client.js';
import { toQuery } from '../../lib/query-string.js';
import { USE_CASES_KEY } from './case-api.js';
import { type LibraryState, listQuery } from './library-filters.js';

const BASE = '/api/v1/use-cases';

const keys = {
  list: [...USE_CASES_KEY, 'list'] as const,
  savedSearches: [...USE_CASES_KEY, 'saved-searches'] as const,
  history: [...USE_CASES_KEY, 'search-history'] as const,
};

export const LIBRARY_PAGE_SIZE = 20;
/** The map plots up to this many cases of the current result set (the API's largest page). */
export const MAP_PAGE_SIZE = 100;

/** The browse list; `map` asks for one large page (facets still come with it: the panel stays beside the map). */
export function useUseCaseList(state: LibraryState, { map = false }: { map?: boolean } = {}) {
  const query = map
    ? listQuery(state, { page: 1, pageSize: MAP_PAGE_SIZE })
    : listQuery(state, { page: state.page, pageSize: LIBRARY_PAGE_SIZE });
  return useQuery({
    queryKey: [...keys.list, query.toString()],
    queryFn: ({ signal }) => api.get<UseCasePage>(`${BASE}?${query.toString()}`, signal),
    placeholderData: keepPreviousData,
  });
}

export function useTrendingUseCases(period: UseCaseTrending['period'], limit = 5) {
  return useQuery({
    queryKey: [...USE_CASES_KEY, 'trending', period, limit],
    queryFn: ({ signal }) => api.get<UseCaseTrending>(`${BASE}/trending?${toQuery({ period, limit })}`, signal),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

export function useFeaturedUseCases(limit = 4) {
  return useQuery({
    queryKey: [...USE_CASES_KEY, 'featured', limit],
    queryFn: ({ signal }) => api.get<UseCaseList>(`${BASE}/featured?limit=${limit}`, signal),
    staleTime: 60_000,
  });
}

export function useCategoryStats() {
  return useQuery({
    queryKey: [...USE_CASES_KEY, 'category-stats'],
    queryFn: ({ signal }) => api.get<UseCaseCategoryStats>(`${BASE}/categories/stats`, signal),
    staleTime: 60_000,
  });
}

/** Full-text search with highlights; nothing is asked until there is a query. */
export function useAdvancedSearch(body: AdvancedSearchBody | null) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: [...USE_CASES_KEY, 'search', body],
    queryFn: async () => {
      const result = await api.post<UseCaseSearchResult>(`${BASE}/search/advanced`, body);
      // The server logged this search: the history beside the results is now one entry behind.
      void queryClient.invalidateQueries({ queryKey: keys.history, exact: true });
      return result;
    },
    enabled: body !== null && body.q.trim().length > 0,
    placeholderData: keepPreviousData,
  });
}

export function useUseCaseSuggestions(q: string) {
  const term = q.trim();
  return useQuery({
    queryKey: [...USE_CASES_KEY, 'suggestions', term],
    queryFn: ({ signal }) => api.get<{ items: UseCaseSuggestion[] }>(`${BASE}/search/suggestions?${toQuery({ q: term })}`, signal),
    enabled: term.length >= 2,
    staleTime: 30_000,
  });
}

export function useSavedSearches(enabled = true) {
  return useQuery({
    queryKey: keys.savedSearches,
    queryFn: ({ signal }) => api.get<{ items: SavedSearch[] }>(`${BASE}/search/saved`, signal),
    enabled,
  });
}

export function useCreateSavedSearch() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SavedSearchBody) => api.post<SavedSearch>(`${BASE}/search/saved`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.savedSearches }),
  });
}

export function useDeleteSavedSearch() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<undefined>(`${BASE}/search/saved/${id}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.savedSearches }),
  });
}

/** Runs a saved search (`id` null: nothing to run yet). */
export function useExecuteSavedSearch(id: string | null, page: number) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: [...keys.savedSearches, 'execute', id, page],
    queryFn: async ({ signal }) => {
      const result = await api.get<UseCaseSearchResult>(
        `${BASE}/search/saved/${id}/execute?page=${page}&pageSize=${LIBRARY_PAGE_SIZE}`,
        signal,
      );
      // Running it moved its "last run"; only the list itself is refreshed (exact), not this result.
      void queryClient.invalidateQueries({ queryKey: keys.savedSearches, exact: true });
      return result;
    },
    enabled: id !== null,
    placeholderData: keepPreviousData,
  });
}

export function useSearchHistory(enabled = true) {
  return useQuery({
    queryKey: keys.history,
    queryFn: ({ signal }) => api.get<SearchHistory>(`${BASE}/search/history`, signal),
    enabled,
  });
}

/**
 * What the location filter is asked for (the fields of LocationFilterQuery). Declared here because the
 * contract's input type leaves its coerced numbers untyped.
 */
export interface LocationQuery {
  city?: string;
  region?: SaudiRegion;
  country?: string;
  lat?: number;
  lng?: number;
  radiusKm?: number;
  page?: number;
}

export function useLocationFilter(query: LocationQuery | null) {
  const params = toQuery({ ...query, pageSize: LIBRARY_PAGE_SIZE });
  return useQuery({
    queryKey: [...USE_CASES_KEY, 'location', params],
    queryFn: ({ signal }) => api.get<Page<UseCaseSummary>>(`${BASE}/location/filter?${params}`, signal),
    enabled: query !== null,
    placeholderData: keepPreviousData,
  });
}

export function useLocationStatistics() {
  return useQuery({
    queryKey: [...USE_CASES_KEY, 'location-statistics'],
    queryFn: ({ signal }) => api.get<LocationStatistics>(`${BASE}/location/statistics`, signal),
    staleTime: 60_000,
  });
}

/** The download link of the current result set in one format (the same filters and sort as the list). */
export function exportUrl(state: LibraryState, format: ExportFormat): string {
  return `${BASE}/export?${listQuery(state, { format }).toString()}`;
}

/** The file name from Content-Disposition (plain or RFC 5987 `filename*`). */
export function fileNameFrom(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const extended = /filename\*\s*=\s*[^']*''([^;]+)/i.exec(disposition);
  if (extended?.[1]) {
    try {
      return decodeURIComponent(extended[1].trim());
    } catch {
      /* fall through to the plain name */
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(disposition);
  return plain?.[1]?.trim() || fallback;
}

/**
 * POST /use-cases/export/custom answers a file, not JSON, so it is read as a blob here; failures are turned
 * into the same ApiError the JSON client throws, so pages show them the same way.
 */
export interface ExportedFile {
  blob: Blob;
  fileName: string;
  /** The result set had more rows than one export holds (EXPORT_MAX_ROWS); the file has the first ones. */
  truncated: boolean;
}

export async function requestCustomExport(body: CustomExportBody): Promise<ExportedFile> {
  let response: Response;
  try {
    response = await fetch(`${BASE}/export/custom`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', accept: '*/*' },
      body: JSON.stringify(body),
    });
  } catch {
    throw new ApiError({ status: 0, code: 'NETWORK_ERROR', detail: 'The server could not be reached' });
  }
  if (!response.ok) {
    let code = response.status >= 500 ? 'INTERNAL' : 'UNKNOWN';
    let requestId: string | undefined;
    try {
      const problem = (await response.json()) as { code?: unknown; requestId?: unknown };
      if (typeof problem.code === 'string') code = problem.code;
      if (typeof problem.requestId === 'string') requestId = problem.requestId;
    } catch {
      /* not a problem document */
    }
    const retryAfter = Number(response.headers.get('retry-after'));
    throw new ApiError({
      status: response.status,
      code,
      requestId,
      retryAfterSeconds: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
    });
  }
  return {
    blob: await response.blob(),
    fileName: fileNameFrom(response.headers.get('content-disposition'), `use-cases.${body.format}`),
    truncated: response.headers.get('x-export-truncated') === 'true',
  };
}

/** Hands a blob to the browser as a download. */
export function saveBlob(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked on the next turn: some browsers start the download only after the click handler returns.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

export function useCustomExport() {
  return useMutation({
    mutationFn: async (body: CustomExportBody) => {
      const { blob, fileName, truncated } = await requestCustomExport(body);
      saveBlob(blob, fileName);
      return { fileName, truncated };
    },
  });
}
