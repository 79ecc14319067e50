import {
  type ForumSearchResult,
  type ForumSuggestion,
  type ForumTrending,
  type Highlight,
  toPage,
  type forumSearchQuerySchema,
} from '@p2p/contracts';
import { type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { type Db, queryRows, toNumber } from '../../platform/db.js';
import { type Actor } from '../../platform/actor.js';
import { HEADLINE_TITLE, headlineExcerpt, titlePrefixQuery, toHighlight, TRENDING_INTERVALS } from '../../platform/search-text.js';
import { iso } from '../../platform/time.js';
import { presentAuthor } from '../people/index.js';
import { visibleTopic } from './forum.reader.js';
import { plainText } from '../../platform/markdown.js';
import { endOfDay } from './topics.service.js';

type SearchQuery = z.output<typeof forumSearchQuerySchema>;

/**
 * Each of the two sources (topics, posts) contributes at most this many matches — for the date and
 * likes orders the newest or most liked ones — ranked among themselves: reading and ranking every
 * match of a very common word would cost far more than it tells. `total` is exact when neither
 * source reaches it.
 */
export const SEARCH_CANDIDATES = 200;

/**
 * For the relevance order, the full-text index hands back a sample of about this many matches of a
 * very common word instead of all of them (PostgreSQL's gin_fuzzy_search_limit, set for the one
 * statement): collecting 200,000 matches only to rank 200 of them took two thirds of a search's time.
 * Rarer words are unaffected.
 */
const FUZZY_MATCH_LIMIT = 2000;

const ORDER: Record<SearchQuery['sort'], string[]> = {
  relevance: ['rank desc', 'created_at desc'],
  date: ['created_at desc'],
  likes: ['likes_count desc', 'rank desc'],
};

const HEADLINE_EXCERPT = headlineExcerpt(28);

/** The hits' order, its columns qualified with `alias` when given. */
const orderBy = (sort: SearchQuery['sort'], alias?: string) =>
  sql.raw(ORDER[sort].map((column) => (alias ? `${alias}.${column}` : column)).join(', '));

/**
 * Full-text search over topic titles and bodies and post bodies, in English and Arabic (folded and
 * stemmed by p2p_search_query / p2p_search_vector), restricted to what the reader may see, with
 * highlighted titles and excerpts computed only for the page shown, in one statement that also logs
 * a first page's search for trending terms.
 */
export async function searchForum(db: Db, actor: Actor, query: SearchQuery): Promise<ForumSearchResult> {
  const started = performance.now();
  const reader = actor;
  const filters: SQL[] = [visibleTopic(reader)];
  if (query.categoryId) filters.push(sql`t.category_id = ${query.categoryId}`);
  const own = (alias: 't' | 'p'): SQL[] => {
    const a = sql.raw(alias);
    const list: SQL[] = [];
    if (query.authorId) list.push(sql`${a}.author_id = ${query.authorId}`);
    if (query.from) list.push(sql`${a}.created_at >= ${new Date(query.from)}`);
    if (query.to) list.push(sql`${a}.created_at <= ${endOfDay(query.to)}`);
    return list;
  };
  // Relevance ranks the first matches the index yields; the other orders take the newest or most liked.
  const candidates = (alias: 't' | 'p') =>
    query.sort === 'relevance' ? sql`` : sql.raw(`order by ${alias}.${query.sort === 'likes' ? 'likes_count' : 'created_at'} desc`);
  const topicHits = sql`select * from (
      select 'topic' as kind, t.id as topic_id, null::uuid as post_id, t.category_id, t.author_id, t.organization_id, t.created_at,
        t.likes_count, t.best_post_id is not null as solved, ts_rank_cd(t.search_vector, q.query) as rank
      from forum_topics t, q where t.search_vector @@ q.query and ${sql.join([...filters, ...own('t')], sql` and `)}
      ${candidates('t')} limit ${SEARCH_CANDIDATES}) topic_hits`;
  const postHits = sql`select * from (
      select 'post' as kind, p.topic_id, p.id as post_id, t.category_id, p.author_id, p.organization_id, p.created_at,
        p.likes_count, t.best_post_id is not null as solved, ts_rank_cd(p.search_vector, q.query) as rank
      from forum_posts p join forum_topics t on t.id = p.topic_id, q
      where p.search_vector @@ q.query and p.deleted_at is null and ${sql.join([...filters, ...own('p')], sql` and `)}
      ${candidates('p')} limit ${SEARCH_CANDIDATES}) post_hits`;
  const sources = query.scope === 'topics' ? [topicHits] : query.scope === 'posts' ? [postHits] : [topicHits, postHits];
  const rows = await queryRows(
    db,
    sql`with q as (select p2p_search_query(${query.q}) as query${
      query.sort === 'relevance' ? sql`, set_config('gin_fuzzy_search_limit', ${String(FUZZY_MATCH_LIMIT)}, true) as fuzzy` : sql``
    }),
        hits as (${sql.join(sources, sql` union all `)}),
        counts as (select count(*) as total, count(*) filter (where kind = 'topic') as topics, count(*) filter (where kind = 'post') as posts from hits),
        page as (select * from hits order by ${orderBy(query.sort)} limit ${query.pageSize} offset ${(query.page - 1) * query.pageSize}),
        logged as (${
          query.page === 1
            ? sql`insert into forum_search_log (term, user_id, results_count)
                  select left(regexp_replace(lower(p2p_fold_arabic(${query.q})), '\\s+', ' ', 'g'), 200), ${actor.userId}, total from counts returning 1`
            : sql`select 1`
        })
        select page.*, counts.total, counts.topics, counts.posts,
          ts_headline('public.p2p_bilingual', t.title, q.query, ${HEADLINE_TITLE}) as title_marked,
          ts_headline('public.p2p_bilingual', coalesce(p.body, t.body), q.query, ${HEADLINE_EXCERPT}) as excerpt_marked,
          u.id as a_id, u.name as a_name, u.image as a_image, u.job_title as a_job_title, u.deleted_at is not null as a_former,
          o.id as o_id, o.name as o_name, o.name_ar as o_name_ar, o.logo_file_id as o_logo_file_id
        from counts cross join q left join page on true
        left join forum_topics t on t.id = page.topic_id left join forum_posts p on p.id = page.post_id
        left join users u on u.id = page.author_id left join organizations o on o.id = page.organization_id
        order by ${orderBy(query.sort, 'page')}`,
  );
  const first = rows[0];
  const total = toNumber(first?.total);
  const capped = toNumber(first?.topics) >= SEARCH_CANDIDATES || toNumber(first?.posts) >= SEARCH_CANDIDATES;
  const items = rows
    .filter((row) => row.topic_id)
    .map((row) => ({
      kind: row.kind as 'topic' | 'post',
      topicId: row.topic_id as string,
      postId: row.post_id as string | null,
      categoryId: row.category_id as string,
      title: toHighlight(row.title_marked as string),
      excerpt: toHighlight(plainText(row.excerpt_marked as string)),
      author: presentAuthor(row),
      likesCount: toNumber(row.likes_count),
      solved: row.solved as boolean,
      createdAt: iso(row.created_at as Date),
      rank: Number(row.rank),
    }));
  const page = toPage(items, total, query.page, query.pageSize);
  return { ...(capped ? { ...page, totalIsExact: false } : page), tookMs: Math.round((performance.now() - started) * 10) / 10 };
}

/** Typos are looked for only in words this long, and among this many trigram candidates. */
const TYPO_MIN_LENGTH = 4;
const TYPO_CANDIDATES = 50;
/** Titles that complete the typed words are ordered by activity among this many of them. */
const SUGGESTION_CANDIDATES = 100;

/**
 * Suggestions while typing: popular searches that start with what was typed, topic titles whose
 * words start with the typed words (through the title's own vector; the most active among the
 * first matches), and — when no title does and the text is
 * long enough to hold a typo — titles similar to it (trigram word similarity on the folded,
 * lower-cased text, so a misspelling or a different alef still finds them).
 */
export async function suggest(db: Db, actor: Actor, q: string, limit: number): Promise<ForumSuggestion[]> {
  const reader = actor;
  const visible = visibleTopic(reader);
  const folded = sql`p2p_fold_arabic(lower(${q}))`;
  const prefix = titlePrefixQuery(q);
  const [titles, terms] = await Promise.all([
    prefix
      ? queryRows<{ id: string; title: string }>(
          db,
          sql`select id, title from (
                select t.id, t.title, t.pinned, t.last_activity_at from forum_topics t
                where t.title_vector @@ to_tsquery('public.p2p_bilingual', p2p_fold_arabic(${prefix}))
                  and ${visible}
                limit ${SUGGESTION_CANDIDATES}) candidates
              order by pinned desc, last_activity_at desc, id desc limit ${limit}`,
        )
      : Promise.resolve([]),
    queryRows<{ term: string }>(
      db,
      sql`select term from forum_search_log
          where starts_with(term, regexp_replace(${folded}, '\\s+', ' ', 'g')) and created_at > now() - interval '30 days' and results_count > 0
          group by term order by count(distinct user_id) desc, term limit 3`,
    ),
  ]);
  if (titles.length === 0 && q.trim().length >= TYPO_MIN_LENGTH) {
    const similar = await queryRows<{ id: string; title: string }>(
      db,
      sql`select id, title from (
            select t.id, t.title from forum_topics t
            where ${folded} <% p2p_fold_arabic(lower(t.title)) and ${visible}
            limit ${TYPO_CANDIDATES}) candidates
          order by word_similarity(${folded}, p2p_fold_arabic(lower(title))) desc, id limit ${limit}`,
    );
    titles.push(...similar);
  }
  return [
    ...terms.map((row) => ({ kind: 'term' as const, text: row.term, topicId: null })),
    ...titles.map((row) => ({ kind: 'topic' as const, text: row.title, topicId: row.id })),
  ].slice(0, limit);
}

/** How far back each trending period reaches (forum terms and use cases alike). */

/** The terms most people searched for in the period (each person counts once per term). */
export async function trendingTerms(db: Db, period: keyof typeof TRENDING_INTERVALS, limit: number): Promise<ForumTrending> {
  const rows = await queryRows<{ term: string; n: number }>(
    db,
    sql`select term, count(distinct coalesce(user_id, id)) as n from forum_search_log
        where created_at > now() - ${TRENDING_INTERVALS[period]}::interval and results_count > 0
        group by term order by n desc, term limit ${limit}`,
  );
  return { period, items: rows.map((row) => ({ term: row.term, count: toNumber(row.n) })) };
}
