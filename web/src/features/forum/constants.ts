import type { ForumSearchQuery, ForumTopicSort, ForumTrending } from '@p2p/contracts';

// Copies of the contract's lists, so the forum's list pages do not load the schema library.
// web/test/forum-constants.test.ts keeps them equal to the contract.
export const TOPIC_SORTS: readonly ForumTopicSort[] = ['activity', 'newest', 'views', 'likes', 'replies'];
export const SEARCH_SCOPES: ReadonlyArray<NonNullable<ForumSearchQuery['scope']>> = ['all', 'topics', 'posts'];
export const SEARCH_SORTS: ReadonlyArray<NonNullable<ForumSearchQuery['sort']>> = ['relevance', 'date', 'likes'];
export const TRENDING_PERIODS: ReadonlyArray<ForumTrending['period']> = ['day', 'week', 'month'];
