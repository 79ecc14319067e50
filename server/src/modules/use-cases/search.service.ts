import {
  advancedSearchBodySchema,
  type SavedSearch,
  type savedSearchBodySchema,
  type SearchHistory,
  toPage,
  type UseCaseSearchResult,
  type UseCaseSuggestion,
} from '@p2p/contracts';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { type Db, type DbOrTx, escapeLike, queryRows, toNumber } from '../../platform/db.js';
import { notFound } from '../../platform/errors.js';
import { type Actor } from '../../platform/actor.js';
import { iso, isoOrNull } from '../../platform/time.js';
import { plainText } from '../../platform/markdown.js';
import { HEADLINE_TITLE, headlineExcerpt, titlePrefixQuery, toHighlight } from '../../platform/search-text.js';
import { countFacets, filtersOf, totalOf, withIndexedText } from './browse.service.js';
import { facetsFor } from './facet-cache.js';
import { buildConditions, whereAll } from './use-cases.filters.js';
import { SUMMARY_COLUMNS, SUMMARY_JOINS, toSummary } from './use-cases.presenter.js';
import { type CaseReader, getCaseReader, listedCase, requireSignedIn } from './use-cases.reader.js';

type SearchBody = z.output<typeof advancedSearchBodySchema>;

/** For the relevance order, the index samples about this many matches of a very common word (see the forum's search). */
const FUZZY_MATCH_LIMIT = 2000;
const HEADLINE_EXCERPT = headlineExcerpt(30);

const ORDER: Record<SearchBody['sort'], string> = {
  relevance: 'rank desc, uc.published_at desc, uc.id desc',
  newest: 'uc.published_at desc, uc.id desc',
  views: 'uc.views_count desc, uc.id desc',
  likes: 'uc.likes_count desc, uc.id desc',
  roi: 'uc.roi_percent desc nulls last, uc.id desc',
};

/**
 * Advanced search: weighted full text (title A > technologies and tags B > summary C > sections and
 * vendors D, ts_rank_cd's default weights), English and Arabic folded as in the forum, the browse
 * filters and facets, highlighted titles and excerpts for the page shown. Two statements side by side
 * (the page with its highlights; the facets, whose category counts give the total); a signed-in
 * reader's first page is logged for their history.
 */
export async function advancedSearch(db: Db, actor: Actor | null, body: SearchBody): Promise<UseCaseSearchResult> {
  const started = performance.now();
  const reader = getCaseReader(actor);
  // The text condition as a sub-select (see withIndexedText): matches come from the search index even for a very common word.
  const conditions = withIndexedText(buildConditions(reader, { ...body.filters }), body.q);
  const relevance = body.sort === 'relevance';
  const [rows, facets] = await Promise.all([
    queryRows(
      db,
      sql`with q as (select p2p_search_query(${body.q}) as query${
        relevance ? sql`, set_config('gin_fuzzy_search_limit', ${String(FUZZY_MATCH_LIMIT)}, true) as fuzzy` : sql``
      }),
          page as (
            select ${SUMMARY_COLUMNS}, ts_rank_cd(uc.search_vector, q.query) as rank,
              uc.challenge, uc.solution, uc.results
            from use_cases uc ${SUMMARY_JOINS} cross join q
            where ${whereAll(conditions)}
            order by ${sql.raw(ORDER[body.sort])} limit ${body.pageSize} offset ${(body.page - 1) * body.pageSize})
        select page.*,
          ts_headline('public.p2p_bilingual', page.title || coalesce(' · ' || page.title_ar, ''), q.query, ${HEADLINE_TITLE}) as title_marked,
          ts_headline('public.p2p_bilingual', page.summary || coalesce(' ' || page.summary_ar, '') || ' ' || page.challenge || ' ' || page.solution || ' ' || page.results,
            q.query, ${HEADLINE_EXCERPT}) as excerpt_marked
        from page cross join q order by ${sql.raw(ORDER[body.sort].replaceAll('uc.', 'page.'))}`,
    ),
    facetsFor(db, reader, filtersOf({ ...body.filters, q: body.q }), 'all', countFacets),
  ]);
  const total = totalOf(facets, body.filters?.category);
  if (reader.userId && body.page === 1) {
    await queryRows(
      db,
      sql`insert into use_case_search_log (user_id, q, filters, results_count) values (${reader.userId}, ${body.q}, ${JSON.stringify({ ...body.filters, sort: body.sort })}::jsonb, ${total})`,
    );
  }
  const items = rows.map((row) => ({
    useCase: toSummary(row),
    rank: Number(row.rank),
    title: toHighlight(row.title_marked as string),
    excerpt: toHighlight(plainText(row.excerpt_marked as string)),
  }));
  return { ...toPage(items, total, body.page, body.pageSize), facets, tookMs: Math.round((performance.now() - started) * 10) / 10 };
}

const TYPO_MIN_LENGTH = 4;
const TYPO_CANDIDATES = 50;

/**
 * Suggestions while typing: case titles completing the typed words (by stem, through the title
 * vector), companies with listed cases whose name contains the text, and technologies and tags from
 * the vocabulary that a listed case uses; titles similar to the text (trigram) when nothing else answers.
 */
export async function suggestUseCases(db: DbOrTx, actor: Actor | null, q: string, limit: number): Promise<UseCaseSuggestion[]> {
  const reader = getCaseReader(actor);
  const listed = listedCase(reader);
  const folded = sql`p2p_fold_arabic(lower(${q}))`;
  const contains = `%${escapeLike(q.trim().toLowerCase())}%`;
  const prefix = titlePrefixQuery(q);
  const [titles, companies, terms] = await Promise.all([
    prefix
      ? queryRows<{ id: string; title: string }>(
          db,
          sql`select uc.id, uc.title from use_cases uc
              where uc.title_vector @@ to_tsquery('public.p2p_bilingual', p2p_fold_arabic(${prefix})) and ${listed}
              order by uc.views_count desc, uc.id limit ${limit}`,
        )
      : Promise.resolve([]),
    queryRows<{ id: string; name: string }>(
      db,
      sql`select o.id, o.name from organizations o
          where (p2p_fold_arabic(lower(o.name)) like p2p_fold_arabic(${contains}) or p2p_fold_arabic(lower(coalesce(o.name_ar, ''))) like p2p_fold_arabic(${contains}))
            and exists (select 1 from use_cases uc where uc.organization_id = o.id and ${listed})
          order by o.name limit 3`,
    ),
    queryRows<{ kind: 'technology' | 'tag'; name: string }>(
      db,
      sql`select t.kind, t.name from (
            select kind, name, uses_count, normalized from use_case_terms
            where uses_count > 0 and (normalized like p2p_fold_arabic(${contains}) or (length(${q}) >= ${TYPO_MIN_LENGTH} and similarity(normalized, ${folded}) > 0.35))
            order by normalized like p2p_fold_arabic(${`${escapeLike(q.trim().toLowerCase())}%`}) desc, uses_count desc limit 12) t
          where exists (select 1 from use_cases uc where ${listed}
            and (case when t.kind = 'technology' then uc.technologies else uc.tags end) @> array[t.name]::text[])
          limit 6`,
    ),
  ]);
  // Titles similar to a misspelling are the expensive part (a trigram scan over every title): looked
  // for only when nothing else — no title word, company, technology or tag — answers the text.
  if (titles.length === 0 && companies.length === 0 && terms.length === 0 && q.trim().length >= TYPO_MIN_LENGTH) {
    const title = sql`p2p_fold_arabic(lower(uc.title || ' ' || coalesce(uc.title_ar, '')))`;
    titles.push(
      ...(await queryRows<{ id: string; title: string }>(
        db,
        sql`select id, title from (
              select uc.id, uc.title, word_similarity(${folded}, ${title}) as similarity from use_cases uc
              where ${folded} <% ${title} and uc.deleted_at is null and ${listed} limit ${TYPO_CANDIDATES}) candidates
            order by similarity desc, id limit ${limit}`,
      )),
    );
  }
  const suggestions: UseCaseSuggestion[] = [
    ...titles.slice(0, Math.max(2, limit - 4)).map((row) => ({ kind: 'title' as const, text: row.title, id: row.id })),
    ...companies.map((row) => ({ kind: 'company' as const, text: row.name, id: row.id })),
    ...terms.map((row) => ({ kind: row.kind, text: row.name, id: null })),
  ];
  return suggestions.slice(0, limit);
}

// ---- Saved searches and history ----

type SavedSearchBody = z.output<typeof savedSearchBodySchema>;

const toSavedSearch = (row: Record<string, unknown>): SavedSearch => ({
  id: row.id as string,
  name: row.name as string,
  search: row.search as SavedSearch['search'],
  lastRunAt: isoOrNull(row.last_run_at as Date | string | null),
  createdAt: iso(row.created_at as Date | string),
});

export async function saveSearch(db: Db, actor: Actor, body: SavedSearchBody): Promise<SavedSearch> {
  const reader = await signedIn(db, actor);
  const [row] = await queryRows(
    db,
    sql`insert into use_case_saved_searches (user_id, name, search) values (${reader.userId}, ${body.name}, ${JSON.stringify(body.search)}::jsonb) returning *`,
  );
  return toSavedSearch(row!);
}

export async function listSavedSearches(db: Db, actor: Actor): Promise<{ items: SavedSearch[] }> {
  const reader = await signedIn(db, actor);
  const rows = await queryRows(
    db,
    sql`select * from use_case_saved_searches where user_id = ${reader.userId} order by created_at desc, id limit 100`,
  );
  return { items: rows.map(toSavedSearch) };
}

export async function deleteSavedSearch(db: Db, actor: Actor, id: string): Promise<void> {
  const reader = await signedIn(db, actor);
  const rows = await queryRows(db, sql`delete from use_case_saved_searches where id = ${id} and user_id = ${reader.userId} returning id`);
  if (rows.length === 0) throw notFound('Saved search');
}

/** Runs a saved search (the owner's only) and notes when it last ran. */
export async function executeSavedSearch(db: Db, actor: Actor, id: string, page: number, pageSize: number): Promise<UseCaseSearchResult> {
  const reader = await signedIn(db, actor);
  const [row] = await queryRows<{ search: SavedSearch['search'] }>(
    db,
    sql`update use_case_saved_searches set last_run_at = now() where id = ${id} and user_id = ${reader.userId} returning search`,
  );
  if (!row) throw notFound('Saved search');
  // Stored as the search body took it: parsed again, so filters come back as the search reads them.
  return advancedSearch(db, actor, advancedSearchBodySchema.parse({ ...row.search, page, pageSize }));
}

/** The reader's last 50 distinct searches, newest first. */
export async function searchHistory(db: Db, actor: Actor): Promise<SearchHistory> {
  const reader = await signedIn(db, actor);
  const rows = await queryRows<{ q: string; filters: Record<string, unknown>; results_count: number; created_at: Date | string }>(
    db,
    sql`select distinct on (q, filters) q, filters, results_count, created_at from (
          select q, filters, results_count, created_at from use_case_search_log where user_id = ${reader.userId} order by created_at desc limit 500) recent
        order by q, filters, created_at desc`,
  );
  return {
    items: rows
      .sort((a, b) => iso(b.created_at).localeCompare(iso(a.created_at)))
      .slice(0, 50)
      .map((row) => ({ q: row.q, filters: row.filters, resultsCount: toNumber(row.results_count), searchedAt: iso(row.created_at) })),
  };
}

async function signedIn(db: DbOrTx, actor: Actor): Promise<CaseReader & { userId: string }> {
  const reader = getCaseReader(actor);
  requireSignedIn(reader);
  return reader;
}
