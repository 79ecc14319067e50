import type pg from 'pg';
import { BENCH_SEARCH_QUERIES, BENCH_SUGGESTION_QUERIES, paragraphs, seededRandom } from './forum-text.js';
import { USE_CASE_ENDPOINTS, type UseCaseFixtures, loadUseCaseFixtures } from './use-case-endpoints.js';

/** Who sends an endpoint's requests: nobody signed in, or one of the signed-in bench members or organization admins (taken in turn). */
export type BenchRole = 'anonymous' | 'member' | 'admin';

export interface BenchRequest {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  path: string;
  /** Sent as JSON. */
  body?: unknown;
}

/** Ids and terms read from the bench database once, before the load starts. */
export interface BenchFixtures extends UseCaseFixtures {
  /** A sample of organization ids (public cards, the ceiling). */
  organizationIds: string[];
  /** Member-search terms: whole and partial first and last names, an email part. */
  memberSearchTerms: string[];
  /** The public forum categories. */
  forumCategoryIds: string[];
  /** Topics to open, in a realistic mix of sizes: mostly short threads, some long, a few of hundreds of replies. */
  forumThreadTopicIds: string[];
  /** Open (not locked, not deleted) topics to reply to. */
  forumReplyTopicIds: string[];
  /** Posts to like and unlike. */
  forumPostIds: string[];
  /** Reply bodies in both languages. */
  forumReplyBodies: string[];
}

export interface BenchEndpoint {
  name: string;
  as: BenchRole;
  /** The n-th request this endpoint sends (n counts across all connections): vary ids and terms by n. */
  request(fixtures: BenchFixtures, n: number): BenchRequest;
  /**
   * Not a throughput test: this many requests one after the other, each timed to its full body, with
   * the server's RSS sampled meanwhile (file exports).
   */
  sequential?: number;
}

function pick<T>(list: readonly T[], n: number): T {
  if (list.length === 0) throw new Error('The bench fixtures are empty: is the benchmark data loaded?');
  return list[n % list.length]!;
}

/** The topic list as people use it: mostly latest activity, sometimes by category, other sorts and later pages. */
function topicListPath(f: BenchFixtures, n: number): string {
  const variant = n % 10;
  const params = new URLSearchParams();
  const sort = (['activity', 'activity', 'activity', 'activity', 'activity', 'newest', 'newest', 'views', 'likes', 'replies'] as const)[
    variant
  ]!;
  if (sort !== 'activity') params.set('sort', sort);
  if (variant === 1 || variant === 3 || variant === 6 || variant === 9)
    params.set('categoryId', pick(f.forumCategoryIds, Math.floor(n / 10)));
  if (n % 7 === 0) params.set('page', '2');
  else if (n % 23 === 0) params.set('page', '5');
  const query = params.toString();
  return `/api/v1/forum/topics${query ? `?${query}` : ''}`;
}

/**
 * The measured endpoints, in order; the ceiling is always measured first and is not listed here.
 * A module adds its own and, when they need ids, extends BenchFixtures and loadFixtures below.
 */
export const ENDPOINTS: BenchEndpoint[] = [
  { name: 'GET /health', as: 'anonymous', request: () => ({ method: 'GET', path: '/health' }) },
  { name: 'GET /api/v1/users/me', as: 'member', request: () => ({ method: 'GET', path: '/api/v1/users/me' }) },
  { name: 'GET /api/v1/organizations/me/stats', as: 'admin', request: () => ({ method: 'GET', path: '/api/v1/organizations/me/stats' }) },
  {
    name: 'GET /api/v1/users?search= (members)',
    as: 'admin',
    request: (f, n) => ({ method: 'GET', path: `/api/v1/users?search=${encodeURIComponent(pick(f.memberSearchTerms, n))}` }),
  },
  {
    name: 'GET /api/v1/organizations/:id',
    as: 'anonymous',
    request: (f, n) => ({ method: 'GET', path: `/api/v1/organizations/${pick(f.organizationIds, n)}` }),
  },
  { name: 'GET /api/v1/forum/topics (list)', as: 'member', request: (f, n) => ({ method: 'GET', path: topicListPath(f, n) }) },
  {
    name: 'GET /api/v1/forum/topics/:id/posts (thread)',
    as: 'member',
    request: (f, n) => ({ method: 'GET', path: `/api/v1/forum/topics/${pick(f.forumThreadTopicIds, n)}/posts` }),
  },
  {
    name: 'POST /api/v1/forum/topics/:id/posts (reply)',
    as: 'member',
    request: (f, n) => ({
      method: 'POST',
      path: `/api/v1/forum/topics/${pick(f.forumReplyTopicIds, n)}/posts`,
      body: { body: pick(f.forumReplyBodies, n) },
    }),
  },
  {
    name: 'POST /api/v1/forum/posts/:id/like (toggle)',
    as: 'member',
    request: (f, n) => ({ method: 'POST', path: `/api/v1/forum/posts/${pick(f.forumPostIds, n)}/like` }),
  },
  {
    name: 'GET /api/v1/forum/search?q=',
    as: 'member',
    request: (_f, n) => ({ method: 'GET', path: `/api/v1/forum/search?q=${encodeURIComponent(pick(BENCH_SEARCH_QUERIES, n))}` }),
  },
  {
    name: 'GET /api/v1/forum/search/suggestions?q=',
    as: 'member',
    request: (_f, n) => ({
      method: 'GET',
      path: `/api/v1/forum/search/suggestions?q=${encodeURIComponent(pick(BENCH_SUGGESTION_QUERIES, n))}`,
    }),
  },
  ...USE_CASE_ENDPOINTS,
];

/** The bare route every endpoint is compared with: one primary-key SELECT through the same pool. */
export const CEILING: BenchEndpoint = {
  name: 'ceiling (1 PK SELECT)',
  as: 'anonymous',
  request: (f, n) => ({ method: 'GET', path: `/__bench/ceiling?id=${pick(f.organizationIds, n)}` }),
};

export async function loadFixtures(pool: pg.Pool): Promise<BenchFixtures> {
  const organizations = await pool.query<{ id: string }>('select id from organizations order by random() limit 500');
  const names = await pool.query<{ first_name: string; last_name: string }>('select distinct first_name, last_name from users limit 200');
  const terms = new Set<string>(['al', 'user1', 'manager']);
  for (const row of names.rows) {
    terms.add(row.first_name.toLowerCase());
    terms.add(row.last_name.slice(0, 5).toLowerCase());
  }
  return {
    organizationIds: organizations.rows.map((r) => r.id),
    memberSearchTerms: [...terms],
    ...(await loadForumFixtures(pool)),
    ...(await loadUseCaseFixtures(pool)),
  };
}

/** Interleaves lists by weight (e.g. 14 : 5 : 1), so that every stretch of requests sees the same mix. */
function interleave<T>(lists: readonly (readonly T[])[], weights: readonly number[]): T[] {
  const slots = weights.flatMap((weight, i) => Array.from({ length: weight }, () => i));
  const queues = lists.map((list) => [...list]);
  const out: T[] = [];
  while (queues.some((q) => q.length > 0)) {
    for (const i of slots) {
      const next = queues[i]!.shift();
      if (next !== undefined) out.push(next);
    }
  }
  return out;
}

async function loadForumFixtures(pool: pg.Pool) {
  const ids = async (query: string) => (await pool.query<{ id: string }>(query)).rows.map((r) => r.id);
  const categoryIds = await ids('select id from forum_categories where organization_id is null order by position');
  const open = 'deleted_at is null and not locked';
  const [small, medium, large] = await Promise.all([
    ids(`select id from forum_topics where ${open} and posts_count <= 15 order by random() limit 140`),
    ids(`select id from forum_topics where ${open} and posts_count between 16 and 99 order by random() limit 50`),
    ids(`select id from forum_topics where ${open} and posts_count >= 100 order by random() limit 10`),
  ]);
  const replyTopicIds = await ids(`select id from forum_topics where ${open} order by random() limit 500`);
  const postIds = await ids(
    `select p.id from forum_posts p join forum_topics t on t.id = p.topic_id
      where p.deleted_at is null and t.deleted_at is null and not t.locked order by random() limit 2000`,
  );
  const random = seededRandom(42);
  const bodies = Array.from({ length: 40 }, (_, i) => paragraphs(random, i % 5 < 3 ? 'en' : 'ar', 1 + (i % 3)));
  return {
    forumCategoryIds: categoryIds,
    forumThreadTopicIds: interleave([small, medium, large], [14, 5, 1]),
    forumReplyTopicIds: replyTopicIds,
    forumPostIds: postIds,
    forumReplyBodies: bodies,
  };
}
