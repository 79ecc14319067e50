import { type ForumSearchResult, type ForumSuggestion, type ForumTrending, toPage } from '@p2p/contracts';
import { type Db } from '../../platform/db.js';
import { type Actor } from '../../platform/actor.js';
import { searchWords, toHighlight, type TRENDING_INTERVALS } from '../../platform/search-text.js';
import { iso } from '../../platform/time.js';
import { presentAuthor } from '../people/index.js';
import { plainText } from '../../platform/markdown.js';
import {
  findSimilarTitles,
  findTitleSuggestions,
  findTrendingTerms,
  SEARCH_CANDIDATES,
  type SearchQuery,
  searchRows,
  TYPO_MIN_LENGTH,
} from './queries/search.queries.js';

export { SEARCH_CANDIDATES } from './queries/search.queries.js';

/**
 * Full-text search over topic titles and bodies and post bodies, in English and Arabic, restricted
 * to what the reader may see, with highlighted titles and excerpts for the page shown; a first
 * page's search is logged for trending terms (the same statement).
 */
export async function searchForum(db: Db, actor: Actor, query: SearchQuery): Promise<ForumSearchResult> {
  const started = performance.now();
  // Nothing word-like (tatweel, harakat or punctuation alone) finds nothing and is not logged.
  if (searchWords(query.q).length === 0) return { ...toPage([], 0, query.page, query.pageSize), tookMs: 0 };
  const found = await searchRows(db, actor, query);
  const capped = found.topics >= SEARCH_CANDIDATES || found.posts >= SEARCH_CANDIDATES;
  const items = found.hits.map((row) => ({
    kind: row.kind === 'post' ? ('post' as const) : ('topic' as const),
    topicId: row.topic_id,
    postId: row.post_id,
    categoryId: row.category_id,
    title: toHighlight(row.title_marked),
    excerpt: toHighlight(plainText(row.excerpt_marked)),
    author: presentAuthor(row),
    likesCount: row.likes_count,
    solved: row.solved,
    createdAt: iso(row.created_at),
    rank: row.rank,
  }));
  const page = toPage(items, found.total, query.page, query.pageSize);
  return { ...(capped ? { ...page, totalIsExact: false } : page), tookMs: Math.round((performance.now() - started) * 10) / 10 };
}

/**
 * Suggestions while typing, only from what the reader may see: topic titles whose words start with
 * the typed words, and — when no title does and the text is long enough to hold a typo — titles
 * similar to it. Never other people's searches. None when nothing word-like was typed.
 */
export async function suggest(db: Db, actor: Actor, q: string, limit: number): Promise<ForumSuggestion[]> {
  if (searchWords(q).length === 0) return [];
  const titles = await findTitleSuggestions(db, actor, q, limit);
  if (titles.length === 0 && q.trim().length >= TYPO_MIN_LENGTH) titles.push(...(await findSimilarTitles(db, actor, q, limit)));
  return titles.map((row) => ({ kind: 'topic' as const, text: row.title, topicId: row.id }));
}

/**
 * The terms most people searched for in the period (each person counts once per term), only those
 * searched across organizations and matching public content (see findTrendingTerms).
 */
export async function trendingTerms(db: Db, period: keyof typeof TRENDING_INTERVALS, limit: number): Promise<ForumTrending> {
  return { period, items: await findTrendingTerms(db, period, limit) };
}
