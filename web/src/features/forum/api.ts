import type {
  CreateForumCategoryBody,
  CreateForumPostBody,
  CreateForumTopicBody,
  ForumCategory,
  ForumLikeResult,
  ForumPost,
  ForumReplies,
  ForumSearchResult,
  ForumStats,
  ForumSuggestion,
  ForumThread,
  ForumTopic,
  ForumTopicSummary,
  ForumTrending,
  MentionCandidate,
  Page,
  UpdateForumTopicBody,
} from '@p2p/contracts';
import { type InfiniteData, keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api-client.js';
import { toQuery } from '../../lib/query-string.js';

const BASE = '/api/v1/forum';

export const FORUM_KEY = ['forum'] as const;
const keys = {
  categories: [...FORUM_KEY, 'categories'] as const,
  topics: [...FORUM_KEY, 'topics'] as const,
  topic: (id: string) => [...FORUM_KEY, 'topic', id] as const,
  thread: (id: string) => [...FORUM_KEY, 'thread', id] as const,
  replies: (topicId: string) => [...FORUM_KEY, 'replies', topicId] as const,
  stats: [...FORUM_KEY, 'stats'] as const,
};

export function useCategories() {
  return useQuery({
    queryKey: keys.categories,
    queryFn: ({ signal }) => api.get<{ items: ForumCategory[] }>(`${BASE}/categories`, signal),
    staleTime: 60_000,
  });
}

export function useSaveCategory() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string | undefined; body: CreateForumCategoryBody }) =>
      id ? api.patch<ForumCategory>(`${BASE}/categories/${id}`, body) : api.post<ForumCategory>(`${BASE}/categories`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.categories }),
  });
}

export function useForumStats() {
  return useQuery({ queryKey: keys.stats, queryFn: ({ signal }) => api.get<ForumStats>(`${BASE}/stats`, signal) });
}

export function useTrending(period: ForumTrending['period']) {
  return useQuery({
    queryKey: [...FORUM_KEY, 'trending', period],
    queryFn: ({ signal }) => api.get<ForumTrending>(`${BASE}/search/trending?${toQuery({ period })}`, signal),
    placeholderData: keepPreviousData,
  });
}

export interface TopicFilters {
  page: number;
  categoryId: string;
  solved: string;
  pinned: string;
  from: string;
  to: string;
  sort: string;
}

export function useTopics(filters: TopicFilters) {
  return useQuery({
    queryKey: [...keys.topics, filters],
    queryFn: ({ signal }) => api.get<Page<ForumTopicSummary>>(`${BASE}/topics?${toQuery({ ...filters, pageSize: 20 })}`, signal),
    placeholderData: keepPreviousData,
  });
}

export function useTopic(id: string) {
  return useQuery({ queryKey: keys.topic(id), queryFn: ({ signal }) => api.get<ForumTopic>(`${BASE}/topics/${id}`, signal) });
}

export const THREAD_PAGE_SIZE = 20;

export function useThread(topicId: string, page: number) {
  return useQuery({
    queryKey: [...keys.thread(topicId), page],
    queryFn: ({ signal }) =>
      api.get<ForumThread>(`${BASE}/topics/${topicId}/posts?${toQuery({ page, pageSize: THREAD_PAGE_SIZE })}`, signal),
    placeholderData: keepPreviousData,
  });
}

/** Replies loaded at a time when a branch's "show more" is pressed. */
export const MORE_REPLIES_PAGE_SIZE = 50;

/**
 * The replies of a top-level post's branch that its thread page left out, a page at a time from the
 * page's repliesCursor; nothing is fetched until `enabled`.
 */
export function useMoreReplies(topicId: string, rootId: string, startCursor: string, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: [...keys.replies(topicId), rootId, startCursor],
    queryFn: ({ pageParam, signal }) =>
      api.get<ForumReplies>(`${BASE}/posts/${rootId}/replies?${toQuery({ cursor: pageParam, pageSize: MORE_REPLIES_PAGE_SIZE })}`, signal),
    initialPageParam: startCursor,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
  });
}

export interface SearchParams {
  q: string;
  scope: string;
  categoryId: string;
  from: string;
  to: string;
  sort: string;
  page: number;
}

export function useSearch(params: SearchParams) {
  return useQuery({
    queryKey: [...FORUM_KEY, 'search', params],
    queryFn: ({ signal }) => api.get<ForumSearchResult>(`${BASE}/search?${toQuery({ ...params, pageSize: 20 })}`, signal),
    enabled: params.q.trim().length > 0,
    placeholderData: keepPreviousData,
  });
}

export function useSuggestions(q: string) {
  const term = q.trim();
  return useQuery({
    queryKey: [...FORUM_KEY, 'suggestions', term],
    queryFn: ({ signal }) => api.get<{ items: ForumSuggestion[] }>(`${BASE}/search/suggestions?${toQuery({ q: term })}`, signal),
    enabled: term.length >= 2,
    staleTime: 30_000,
  });
}

export function usePeople(q: string) {
  const term = q.trim();
  return useQuery({
    queryKey: [...FORUM_KEY, 'people', term],
    queryFn: ({ signal }) => api.get<{ items: MentionCandidate[] }>(`${BASE}/people?${toQuery({ q: term })}`, signal),
    enabled: term.length >= 2,
    staleTime: 30_000,
  });
}

export function usePreview(body: string, enabled: boolean) {
  return useQuery({
    queryKey: [...FORUM_KEY, 'preview', body],
    queryFn: () => api.post<{ html: string }>(`${BASE}/preview`, { body }),
    enabled,
    staleTime: Infinity,
  });
}

/** After a change to a topic: the topic, its thread, the lists and the numbers that show it. */
function useRefreshTopic() {
  const queryClient = useQueryClient();
  return (topicId: string) =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: keys.topic(topicId) }),
      queryClient.invalidateQueries({ queryKey: keys.thread(topicId) }),
      queryClient.invalidateQueries({ queryKey: keys.replies(topicId) }),
      queryClient.invalidateQueries({ queryKey: keys.topics }),
      queryClient.invalidateQueries({ queryKey: keys.categories }),
      queryClient.invalidateQueries({ queryKey: keys.stats }),
    ]);
}

export function useCreateTopic() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateForumTopicBody) => api.post<ForumTopic>(`${BASE}/topics`, body),
    onSuccess: (topic) => {
      queryClient.setQueryData(keys.topic(topic.id), topic);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: keys.topics }),
        queryClient.invalidateQueries({ queryKey: keys.categories }),
        queryClient.invalidateQueries({ queryKey: keys.stats }),
      ]);
    },
  });
}

export function useUpdateTopic(id: string) {
  const refresh = useRefreshTopic();
  return useMutation({
    mutationFn: (body: UpdateForumTopicBody) => api.put<ForumTopic>(`${BASE}/topics/${id}`, body),
    onSuccess: () => refresh(id),
  });
}

export function useDeleteTopic(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.delete(`${BASE}/topics/${id}`),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: keys.topic(id) });
      queryClient.removeQueries({ queryKey: keys.thread(id) });
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: keys.topics }),
        queryClient.invalidateQueries({ queryKey: keys.categories }),
        queryClient.invalidateQueries({ queryKey: keys.stats }),
      ]);
    },
  });
}

export type ModerationAction = 'pin' | 'unpin' | 'lock' | 'unlock';

export function useModerateTopic(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (action: ModerationAction) => api.post<ForumTopic>(`${BASE}/topics/${id}/${action}`),
    onSuccess: (topic) => {
      queryClient.setQueryData(keys.topic(id), topic);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: keys.thread(id) }),
        queryClient.invalidateQueries({ queryKey: keys.topics }),
      ]);
    },
  });
}

export function useLikeTopic(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<ForumLikeResult>(`${BASE}/topics/${id}/like`),
    onSuccess: (result) => {
      queryClient.setQueryData<ForumTopic>(keys.topic(id), (topic) =>
        topic ? { ...topic, likedByMe: result.liked, likesCount: result.likesCount } : topic,
      );
      return queryClient.invalidateQueries({ queryKey: keys.topics });
    },
  });
}

export function useCreatePost(topicId: string) {
  const refresh = useRefreshTopic();
  return useMutation({
    mutationFn: (body: CreateForumPostBody) => api.post<ForumPost>(`${BASE}/topics/${topicId}/posts`, body),
    onSuccess: () => refresh(topicId),
  });
}

export function useUpdatePost(topicId: string) {
  const refresh = useRefreshTopic();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: string }) => api.put<ForumPost>(`${BASE}/posts/${id}`, { body }),
    onSuccess: () => refresh(topicId),
  });
}

export function useDeletePost(topicId: string) {
  const refresh = useRefreshTopic();
  return useMutation({ mutationFn: (id: string) => api.delete(`${BASE}/posts/${id}`), onSuccess: () => refresh(topicId) });
}

export function useLikePost(topicId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<ForumLikeResult>(`${BASE}/posts/${id}/like`),
    onSuccess: (result, id) => {
      const liked = (p: ForumPost) => (p.id === id ? { ...p, likedByMe: result.liked, likesCount: result.likesCount } : p);
      queryClient.setQueriesData<ForumThread>({ queryKey: keys.thread(topicId) }, (thread) =>
        thread ? { ...thread, items: thread.items.map(liked) } : thread,
      );
      queryClient.setQueriesData<InfiniteData<ForumReplies>>({ queryKey: keys.replies(topicId) }, (replies) =>
        replies ? { ...replies, pages: replies.pages.map((page) => ({ ...page, items: page.items.map(liked) })) } : replies,
      );
    },
  });
}

export function useBestAnswer(topicId: string) {
  const refresh = useRefreshTopic();
  return useMutation({
    mutationFn: ({ id, mark }: { id: string; mark: boolean }) =>
      mark ? api.post(`${BASE}/posts/${id}/best-answer`) : api.delete(`${BASE}/posts/${id}/best-answer`),
    onSuccess: () => refresh(topicId),
  });
}
