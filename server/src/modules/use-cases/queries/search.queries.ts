import type { advancedSearchBodySchema, SavedSearch } from '@p2p/contracts';
import { type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { type DbOrTx, escapeLike, execute, queryRows } from '../../../platform/db.js';
import { col, row, type RowOf } from '../../../platform/rows.js';
import { HEADLINE_TITLE, headlineExcerpt } from '../../../platform/search-text.js';
import { findOrganizationsNamed } from '../../organizations/index.js';
import { type CaseConditions, whereAll } from '../use-cases.filters.js';
import { type CaseReader, listedCase } from '../use-cases.reader.js';
import { SUMMARY_COLUMNS, SUMMARY_JOINS, summaryRow } from './case-rows.js';

/** For the relevance order, the index samples about this many matches of a very common word (see the forum's search). */
const FUZZY_MATCH_LIMIT = 2000;
const HEADLINE_EXCERPT = headlineExcerpt(30);

export type SearchSort = z.output<typeof advancedSearchBodySchema>['sort'];

const ORDER: Record<SearchSort, string> = {
  relevance: 'rank desc, uc.published_at desc, uc.id desc',
  newest: 'uc.published_at desc, uc.id desc',
  views: 'uc.views_count desc, uc.id desc',
  likes: 'uc.likes_count desc, uc.id desc',
  roi: 'uc.roi_percent desc nulls last, uc.id desc',
};

export const searchPageRow = row({
  ...summaryRow,
  rank: col.float,
  challenge: col.text,
  solution: col.text,
  results: col.text,
  title_marked: col.text,
  excerpt_marked: col.text,
});
export type SearchPageRow = RowOf<typeof searchPageRow>;

export interface SearchPage {
  conditions: CaseConditions;
  q: string;
  sort: SearchSort;
  limit: number;
  offset: number;
}

/**
 * One page of an advanced search: weighted full text ranked with ts_rank_cd, in the chosen order,
 * then the page's highlighted titles and excerpts (ts_headline only over the rows shown).
 */
export function advancedSearchSql(page: SearchPage): SQL {
  const relevance = page.sort === 'relevance';
  return sql`with q as (select p2p_search_query(${page.q}) as query${
    relevance ? sql`, set_config('gin_fuzzy_search_limit', ${String(FUZZY_MATCH_LIMIT)}, true) as fuzzy` : sql``
  }),
      page as (
        select ${SUMMARY_COLUMNS}, ts_rank_cd(uc.search_vector, q.query) as rank,
          uc.challenge, uc.solution, uc.results
        from use_cases uc ${SUMMARY_JOINS} cross join q
        where ${whereAll(page.conditions)}
        order by ${sql.raw(ORDER[page.sort])} limit ${page.limit} offset ${page.offset})
    select page.*,
      ts_headline('public.p2p_bilingual', page.title || coalesce(' · ' || page.title_ar, ''), q.query, ${HEADLINE_TITLE}) as title_marked,
      ts_headline('public.p2p_bilingual', page.summary || coalesce(' ' || page.summary_ar, '') || ' ' || page.challenge || ' ' || page.solution || ' ' || page.results,
        q.query, ${HEADLINE_EXCERPT}) as excerpt_marked
    from page cross join q order by ${sql.raw(ORDER[page.sort].replaceAll('uc.', 'page.'))}`;
}

export const findSearchPage = (db: DbOrTx, page: SearchPage): Promise<SearchPageRow[]> =>
  queryRows(db, searchPageRow, advancedSearchSql(page));

/** A signed-in reader's search, for their history. */
export async function logSearch(db: DbOrTx, entry: { userId: string; q: string; filters: object; resultsCount: number }): Promise<void> {
  await execute(
    db,
    sql`insert into use_case_search_log (user_id, q, filters, results_count)
        values (${entry.userId}, ${entry.q}, ${JSON.stringify(entry.filters)}::jsonb, ${entry.resultsCount})`,
  );
}

const TYPO_MIN_LENGTH = 4;
const TYPO_CANDIDATES = 50;

const titleRow = row({ id: col.text, title: col.text });
const termRow = row({ kind: col.text, name: col.text });

export interface Suggestions {
  titles: RowOf<typeof titleRow>[];
  companies: { id: string; name: string }[];
  terms: { kind: 'technology' | 'tag'; name: string }[];
}

/**
 * What completes the typed text, side by side: case titles completing the words (by stem, through the
 * title vector; `prefix` is titlePrefixQuery's tsquery, null when there is none), companies with listed
 * cases whose name contains the text, and technologies and tags from the vocabulary that a listed case uses.
 */
export async function findSuggestions(
  db: DbOrTx,
  reader: CaseReader,
  q: string,
  prefix: string | null,
  limit: number,
): Promise<Suggestions> {
  const listed = listedCase(reader);
  const folded = sql`p2p_fold_arabic(lower(${q}))`;
  const contains = `%${escapeLike(q.trim().toLowerCase())}%`;
  const [titles, companies, terms] = await Promise.all([
    prefix
      ? queryRows(
          db,
          titleRow,
          sql`select uc.id, uc.title from use_cases uc
              where uc.title_vector @@ to_tsquery('public.p2p_bilingual', ${prefix}) and ${listed}
              order by uc.views_count desc, uc.id limit ${limit}`,
        )
      : Promise.resolve([]),
    findOrganizationsNamed(
      db,
      contains,
      (organizationId) => sql`exists (select 1 from use_cases uc where uc.organization_id = ${organizationId} and ${listed})`,
      3,
    ),
    queryRows(
      db,
      termRow,
      sql`select t.kind, t.name from (
            select kind, name, uses_count, normalized from use_case_terms
            where uses_count > 0 and (normalized like p2p_fold_arabic(${contains}) or (length(${q}) >= ${TYPO_MIN_LENGTH} and similarity(normalized, ${folded}) > 0.35))
            order by normalized like p2p_fold_arabic(${`${escapeLike(q.trim().toLowerCase())}%`}) desc, uses_count desc limit 12) t
          where exists (select 1 from use_cases uc where ${listed}
            and (case when t.kind = 'technology' then uc.technologies else uc.tags end) @> array[t.name]::text[])
          limit 6`,
    ),
  ]);
  return { titles, companies, terms: terms.map((term) => ({ kind: term.kind as 'technology' | 'tag', name: term.name })) };
}

/** Whether the text is long enough to look for misspelt titles. */
export const typoWorthy = (q: string): boolean => q.trim().length >= TYPO_MIN_LENGTH;

/** Listed titles similar to the text (a trigram scan over every title: the expensive part), most similar first. */
export function findSimilarTitles(db: DbOrTx, reader: CaseReader, q: string, limit: number): Promise<RowOf<typeof titleRow>[]> {
  const folded = sql`p2p_fold_arabic(lower(${q}))`;
  const title = sql`p2p_fold_arabic(lower(uc.title || ' ' || coalesce(uc.title_ar, '')))`;
  return queryRows(
    db,
    titleRow,
    sql`select id, title from (
          select uc.id, uc.title, word_similarity(${folded}, ${title}) as similarity from use_cases uc
          where ${folded} <% ${title} and uc.deleted_at is null and ${listedCase(reader)} limit ${TYPO_CANDIDATES}) candidates
        order by similarity desc, id limit ${limit}`,
  );
}

// ---- Saved searches and history ----

export const savedSearchRow = row({
  id: col.text,
  name: col.text,
  search: col.json<SavedSearch['search']>(),
  last_run_at: col.timestampOrNull,
  created_at: col.timestamp,
});
export type SavedSearchRow = RowOf<typeof savedSearchRow>;

const SAVED_SEARCH_COLUMNS = sql`id, name, search, last_run_at, created_at`;

export async function insertSavedSearch(db: DbOrTx, userId: string, name: string, search: object): Promise<SavedSearchRow> {
  const [created] = await queryRows(
    db,
    savedSearchRow,
    sql`insert into use_case_saved_searches (user_id, name, search) values (${userId}, ${name}, ${JSON.stringify(search)}::jsonb)
        returning ${SAVED_SEARCH_COLUMNS}`,
  );
  return created!;
}

/** A person's saved searches, newest first (at most 100). */
export function findSavedSearches(db: DbOrTx, userId: string): Promise<SavedSearchRow[]> {
  return queryRows(
    db,
    savedSearchRow,
    sql`select ${SAVED_SEARCH_COLUMNS} from use_case_saved_searches where user_id = ${userId} order by created_at desc, id limit 100`,
  );
}

/** Deletes a person's saved search; false when they have none by that id. */
export async function deleteSavedSearchRow(db: DbOrTx, userId: string, id: string): Promise<boolean> {
  const rows = await queryRows(
    db,
    row({ id: col.text }),
    sql`delete from use_case_saved_searches where id = ${id} and user_id = ${userId} returning id`,
  );
  return rows.length > 0;
}

/** Notes that a person's saved search runs now and answers its search; undefined when they have none by that id. */
export async function markSavedSearchRun(db: DbOrTx, userId: string, id: string): Promise<SavedSearch['search'] | undefined> {
  const [found] = await queryRows(
    db,
    row({ search: col.json<SavedSearch['search']>() }),
    sql`update use_case_saved_searches set last_run_at = now() where id = ${id} and user_id = ${userId} returning search`,
  );
  return found?.search;
}

const historyRow = row({
  q: col.text,
  filters: col.json<Record<string, unknown>>(),
  results_count: col.integer,
  created_at: col.timestamp,
});

/** A person's distinct searches (text and filters) among their last 500, each with its latest time. */
export function findSearchHistory(db: DbOrTx, userId: string): Promise<RowOf<typeof historyRow>[]> {
  return queryRows(
    db,
    historyRow,
    sql`select distinct on (q, filters) q, filters, results_count, created_at from (
          select q, filters, results_count, created_at from use_case_search_log where user_id = ${userId} order by created_at desc limit 500) recent
        order by q, filters, created_at desc`,
  );
}
