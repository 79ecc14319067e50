import type {
  CreateUseCaseBody,
  Page,
  RelatedUseCase,
  ReportAction,
  ReportStatus,
  ReportUseCaseBody,
  StoredFile,
  TermKind,
  UpdateUseCaseBody,
  UseCase,
  UseCaseEngagement,
  UseCaseList,
  UseCaseReport,
  UseCaseSummary,
  UseCaseToggleResult,
  UseCaseVersion,
} from '@p2p/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api } from '../../lib/api-client.js';
import { toQuery } from '../../lib/query-string.js';

const BASE = '/api/v1/use-cases';

/** Every use-case query (here and in use-cases-api.ts) starts with this key, so a change can refresh all the lists that show cases. */
export const USE_CASES_KEY = ['use-cases'] as const;
const keys = {
  case: (id: string) => [...USE_CASES_KEY, 'case', id] as const,
  related: (id: string) => [...USE_CASES_KEY, 'related', id] as const,
  nearby: (id: string) => [...USE_CASES_KEY, 'nearby', id] as const,
  engagement: (id: string, days: number) => [...USE_CASES_KEY, 'engagement', id, days] as const,
  versions: (id: string) => [...USE_CASES_KEY, 'versions', id] as const,
  saved: [...USE_CASES_KEY, 'saved'] as const,
  reports: [...USE_CASES_KEY, 'reports'] as const,
};

export const SINGLE_EXPORTS = ['json', 'md', 'pdf'] as const;
export const exportUrl = (id: string, format: (typeof SINGLE_EXPORTS)[number]) => `${BASE}/${id}/export?${toQuery({ format })}`;

export function useUseCase(id: string) {
  return useQuery({ queryKey: keys.case(id), queryFn: ({ signal }) => api.get<UseCase>(`${BASE}/${id}`, signal), enabled: id.length > 0 });
}

export function useRelated(id: string) {
  return useQuery({
    queryKey: keys.related(id),
    queryFn: ({ signal }) => api.get<{ items: RelatedUseCase[] }>(`${BASE}/${id}/related?${toQuery({ limit: 6 })}`, signal),
  });
}

export const NEARBY_RADIUS_KM = 150;

export function useNearby(id: string, enabled: boolean) {
  return useQuery({
    queryKey: keys.nearby(id),
    queryFn: ({ signal }) => api.get<UseCaseList>(`${BASE}/${id}/nearby?${toQuery({ radiusKm: NEARBY_RADIUS_KM, limit: 6 })}`, signal),
    enabled,
  });
}

export function useEngagement(id: string, days: number, enabled: boolean) {
  return useQuery({
    queryKey: keys.engagement(id, days),
    queryFn: ({ signal }) => api.get<UseCaseEngagement>(`${BASE}/${id}/engagement?${toQuery({ days })}`, signal),
    enabled,
    placeholderData: keepPreviousData,
  });
}

export function useVersions(id: string, enabled: boolean) {
  return useQuery({
    queryKey: keys.versions(id),
    queryFn: ({ signal }) => api.get<{ items: UseCaseVersion[] }>(`${BASE}/${id}/versions`, signal),
    enabled,
  });
}

/** After a change to one case: the case itself and every list or side query that shows it. */
function useRefreshCase() {
  const queryClient = useQueryClient();
  return (updated: UseCase) => {
    queryClient.setQueryData(keys.case(updated.id), updated);
    return queryClient.invalidateQueries({
      queryKey: USE_CASES_KEY,
      predicate: (q) => q.queryKey[1] !== 'case' || q.queryKey[2] !== updated.id,
    });
  };
}

export type ToggleKind = 'like' | 'save';

/** Like or bookmark: the server answers the new state and the exact count, which replace the cached ones. */
export function useToggle(id: string, kind: ToggleKind) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<UseCaseToggleResult>(`${BASE}/${id}/${kind}`),
    onSuccess: (result) => {
      queryClient.setQueryData<UseCase>(keys.case(id), (current) =>
        current
          ? kind === 'like'
            ? { ...current, likedByMe: result.active, likesCount: result.count }
            : { ...current, savedByMe: result.active, savesCount: result.count }
          : current,
      );
      if (kind === 'save') return queryClient.invalidateQueries({ queryKey: keys.saved });
      return undefined;
    },
  });
}

export const isAlreadyReported = (error: unknown) => error instanceof ApiError && error.code === 'ALREADY_REPORTED';

export function useReportCase(id: string) {
  const queryClient = useQueryClient();
  const markReported = () =>
    queryClient.setQueryData<UseCase>(keys.case(id), (current) => (current ? { ...current, reportedByMe: true } : current));
  return useMutation({
    mutationFn: (body: ReportUseCaseBody) => api.post<{ id: string }>(`${BASE}/${id}/report`, body),
    onSuccess: markReported,
    onError: (error) => {
      if (isAlreadyReported(error)) markReported();
    },
  });
}

export interface ModerationFlags {
  featured?: boolean;
  verified?: boolean;
  hidden?: boolean;
}

export function useModerateCase(id: string) {
  const refresh = useRefreshCase();
  return useMutation({ mutationFn: (flags: ModerationFlags) => api.patch<UseCase>(`${BASE}/${id}/moderation`, flags), onSuccess: refresh });
}

export function useCreateCase() {
  const refresh = useRefreshCase();
  return useMutation({ mutationFn: (body: CreateUseCaseBody) => api.post<UseCase>(BASE, body), onSuccess: refresh });
}

export function useUpdateCase(id: string) {
  const refresh = useRefreshCase();
  return useMutation({ mutationFn: (body: UpdateUseCaseBody) => api.patch<UseCase>(`${BASE}/${id}`, body), onSuccess: refresh });
}

export function usePublishCase(id: string) {
  const refresh = useRefreshCase();
  return useMutation({ mutationFn: () => api.post<UseCase>(`${BASE}/${id}/publish`), onSuccess: refresh });
}

export function useDeleteCase(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.delete(`${BASE}/${id}`),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: keys.case(id) });
      return queryClient.invalidateQueries({ queryKey: USE_CASES_KEY });
    },
  });
}

export function useTerms(kind: TermKind, q: string) {
  const term = q.trim();
  return useQuery({
    queryKey: [...USE_CASES_KEY, 'terms', kind, term],
    queryFn: ({ signal }) =>
      api.get<{ items: Array<{ name: string; usesCount: number }> }>(`${BASE}/terms?${toQuery({ kind, q: term, limit: 8 })}`, signal),
    enabled: term.length > 0,
    staleTime: 30_000,
  });
}

/** Uploads one image or document for a case; the server decides its type from the bytes. */
export function uploadAttachment(file: File) {
  const form = new FormData();
  // The server reads the purpose before the file, so it must come first.
  form.append('purpose', 'attachment');
  form.append('file', file);
  return api.upload<StoredFile>('/api/v1/files', form);
}

export const SAVED_PAGE_SIZE = 20;

export function useSavedCases(page: number) {
  return useQuery({
    queryKey: [...keys.saved, page],
    queryFn: ({ signal }) => api.get<Page<UseCaseSummary>>(`${BASE}/saved?${toQuery({ page, pageSize: SAVED_PAGE_SIZE })}`, signal),
    placeholderData: keepPreviousData,
  });
}

/** Removes a bookmark from the saved list (the same toggle as on the case page). */
export function useUnsave() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<UseCaseToggleResult>(`${BASE}/${id}/save`),
    onSuccess: (_result, id) => {
      queryClient.removeQueries({ queryKey: keys.case(id) });
      return queryClient.invalidateQueries({ queryKey: keys.saved });
    },
  });
}

export function useReports(status: ReportStatus, page: number, enabled: boolean) {
  return useQuery({
    queryKey: [...keys.reports, status, page],
    queryFn: ({ signal }) => api.get<Page<UseCaseReport>>(`${BASE}/reports?${toQuery({ status, page, pageSize: 20 })}`, signal),
    enabled,
    placeholderData: keepPreviousData,
  });
}

export function useResolveReport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action, note }: { id: string; action: ReportAction; note: string }) =>
      api.post<UseCaseReport>(`${BASE}/reports/${id}/resolve`, note.trim() ? { action, note: note.trim() } : { action }),
    onSuccess: (report) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: keys.reports }),
        queryClient.invalidateQueries({ queryKey: keys.case(report.useCaseId) }),
      ]),
  });
}
