import type { forumSearchQuerySchema } from '@p2p/contracts';
import { type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { type DbOrTx, queryRows, toNumber } from '../../../platform/db.js';
import { col, row, type RowOf, nullable } from '../../../platform/rows.js';
import { HEADLINE_TITLE, headlineExcerpt, titlePrefixQuery, TRENDING_INTERVALS } from '../../../platform/search-text.js';
import { authorColumns, authorJoin, authorShape } from '../../people/index.js';
import { type Reader, visibleTopic } from '../forum.reader.js';
import { endOfDay } from './topics.queries.js';

// The forum's search in SQL: the hand-tuned full-text search (one statement that ranks, pages,
// highlights and logs), the suggestions while typing (titles the reader may see) and the trending terms.

export type SearchQuery = z.output<typeof forumSearchQuerySchema>;

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
 * a first page's search for trending terms. One row per hit of the page, each with the counts; one
 * row with the counts alone when the page has none.
 */
export function searchQuery(reader: Reader, query: SearchQuery): SQL {
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
  return sql`with q as (select p2p_search_query(${query.q}) as query${
    query.sort === 'relevance' ? sql`, set_config('gin_fuzzy_search_limit', ${String(FUZZY_MATCH_LIMIT)}, true) as fuzzy` : sql``
  }),
        hits as (${sql.join(sources, sql` union all `)}),
        counts as (select count(*) as total, count(*) filter (where kind = 'topic') as topics, count(*) filter (where kind = 'post') as posts from hits),
        page as (select * from hits order by ${orderBy(query.sort)} limit ${query.pageSize} offset ${(query.page - 1) * query.pageSize}),
        logged as (${
          query.page === 1
            ? sql`insert into forum_search_log (term, user_id, organization_id, results_count)
                  select left(regexp_replace(lower(p2p_fold_arabic(${query.q})), '\\s+', ' ', 'g'), 200), ${reader.userId}, ${reader.organizationId}, total
                  from counts returning 1`
            : sql`select 1`
        })
        select page.*, counts.total, counts.topics, counts.posts,
          ts_headline('public.p2p_bilingual', t.title, q.query, ${HEADLINE_TITLE}) as title_marked,
          ts_headline('public.p2p_bilingual', coalesce(p.body, t.body), q.query, ${HEADLINE_EXCERPT}) as excerpt_marked,
          ${authorColumns()}
        from counts cross join q left join page on true
        left join forum_topics t on t.id = page.topic_id left join forum_posts p on p.id = page.post_id
        ${authorJoin(sql`page.author_id`, sql`page.organization_id`, { left: true })}
        order by ${orderBy(query.sort, 'page')}`;
}

/** A hit of the page, with its highlighted title and excerpt and its author. */
const hitRow = row({
  kind: col.text,
  topic_id: col.text,
  post_id: col.textOrNull,
  category_id: col.text,
  author_id: col.text,
  organization_id: col.text,
  created_at: col.timestamp,
  likes_count: col.integer,
  solved: col.boolean,
  rank: col.float,
  title_marked: col.text,
  excerpt_marked: col.text,
  ...authorShape(),
});
export type SearchHitRow = RowOf<typeof hitRow>;

const searchRow = row({ total: col.bigint, topics: col.bigint, posts: col.bigint, ...nullable(hitRow) });
type SearchRow = RowOf<typeof searchRow>;

/** The page is left joined to the counts: a row holds a hit exactly when it has its topic. */
const isHit = (found: SearchRow): found is SearchRow & SearchHitRow => found.topic_id !== null;

export interface SearchRows {
  total: number;
  /** Matches among the topics and among the posts (each stops at SEARCH_CANDIDATES). */
  topics: number;
  posts: number;
  hits: SearchHitRow[];
}

export async function searchRows(db: DbOrTx, reader: Reader, query: SearchQuery): Promise<SearchRows> {
  const rows = await queryRows(db, searchRow, searchQuery(reader, query));
  const first = rows[0];
  return { total: toNumber(first?.total), topics: toNumber(first?.topics), posts: toNumber(first?.posts), hits: rows.filter(isHit) };
}

/** Typos are looked for only in words this long, and among this many trigram candidates. */
export const TYPO_MIN_LENGTH = 4;
const TYPO_CANDIDATES = 50;
/** Titles that complete the typed words are ordered by activity among this many of them. */
const SUGGESTION_CANDIDATES = 100;

const folded = (q: string): SQL => sql`p2p_fold_arabic(lower(${q}))`;

/**
 * Topic titles whose words start with the typed words (through the title's own vector; the most
 * active among the first matches); none when the text holds no word to complete.
 */
export function titleSuggestionsQuery(reader: Reader, q: string, limit: number): SQL | null {
  const prefix = titlePrefixQuery(q);
  if (!prefix) return null;
  return sql`select id, title from (
                select t.id, t.title, t.pinned, t.last_activity_at from forum_topics t
                where t.title_vector @@ to_tsquery('public.p2p_bilingual', ${prefix})
                  and ${visibleTopic(reader)}
                limit ${SUGGESTION_CANDIDATES}) candidates
              order by pinned desc, last_activity_at desc, id desc limit ${limit}`;
}

/**
 * Titles similar to the text (trigram word similarity on the folded, lower-cased text, so a
 * misspelling or a different alef still finds them).
 */
export function similarTitlesQuery(reader: Reader, q: string, limit: number): SQL {
  return sql`select id, title from (
            select t.id, t.title from forum_topics t
            where ${folded(q)} <% p2p_fold_arabic(lower(t.title)) and ${visibleTopic(reader)}
            limit ${TYPO_CANDIDATES}) candidates
          order by word_similarity(${folded(q)}, p2p_fold_arabic(lower(title))) desc, id limit ${limit}`;
}

const titleRow = row({ id: col.text, title: col.text });
export type TitleRow = RowOf<typeof titleRow>;

export async function findTitleSuggestions(db: DbOrTx, reader: Reader, q: string, limit: number): Promise<TitleRow[]> {
  const query = titleSuggestionsQuery(reader, q, limit);
  return query ? queryRows(db, titleRow, query) : [];
}

export async function findSimilarTitles(db: DbOrTx, reader: Reader, q: string, limit: number): Promise<TitleRow[]> {
  return queryRows(db, titleRow, similarTitlesQuery(reader, q, limit));
}

/**
 * A term trends only when at least this many different people searched it in the period (one
 * person's searches, however many, never make a trend: they would show what that person typed)…
 */
export const TRENDING_MIN_PEOPLE = 3;
/** …and those people belong to at least this many different organizations (one company's words stay its own). */
export const TRENDING_MIN_ORGANIZATIONS = 2;

/**
 * Trending terms: searched with results in the period by at least TRENDING_MIN_PEOPLE people of at
 * least TRENDING_MIN_ORGANIZATIONS organizations (each search is logged with the searcher's
 * organization at the time), and matching a topic or reply in a public category, so a word that only finds an
 * organization's private category never shows, whoever searched it. Most people first.
 */
export function trendingTermsQuery(period: keyof typeof TRENDING_INTERVALS, limit: number): SQL {
  return sql`with searches as (
        select l.term, l.user_id, l.organization_id from forum_search_log l
        where l.created_at > now() - ${TRENDING_INTERVALS[period]}::interval and l.results_count > 0 and l.user_id is not null),
      shared as (
        select term, count(distinct user_id) as n from searches group by term
        having count(distinct user_id) >= ${TRENDING_MIN_PEOPLE} and count(distinct organization_id) >= ${TRENDING_MIN_ORGANIZATIONS})
    select shared.term, shared.n from shared cross join lateral (select p2p_search_query(shared.term) as query) q
    where exists (select 1 from forum_topics t join forum_categories c on c.id = t.category_id
                  where t.search_vector @@ q.query and t.deleted_at is null and c.organization_id is null)
       or exists (select 1 from forum_posts p join forum_topics t on t.id = p.topic_id join forum_categories c on c.id = t.category_id
                  where p.search_vector @@ q.query and p.deleted_at is null and t.deleted_at is null and c.organization_id is null)
    order by shared.n desc, shared.term limit ${limit}`;
}

const trendingRow = row({ term: col.text, n: col.bigint });

/** The terms most people searched for in the period, as far as they may be shown to everyone (trendingTermsQuery). */
export async function findTrendingTerms(
  db: DbOrTx,
  period: keyof typeof TRENDING_INTERVALS,
  limit: number,
): Promise<{ term: string; count: number }[]> {
  const rows = await queryRows(db, trendingRow, trendingTermsQuery(period, limit));
  return rows.map((found) => ({ term: found.term, count: toNumber(found.n) }));
}
