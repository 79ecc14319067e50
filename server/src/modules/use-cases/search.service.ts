import {
  advancedSearchBodySchema,
  type SavedSearch,
  type savedSearchBodySchema,
  type SearchHistory,
  toPage,
  type UseCaseSearchResult,
  type UseCaseSuggestion,
} from '@p2p/contracts';
import type { z } from 'zod';
import type { Db, DbOrTx } from '../../platform/db.js';
import { notFound } from '../../platform/errors.js';
import type { Actor } from '../../platform/actor.js';
import { iso, isoOrNull } from '../../platform/time.js';
import { plainText } from '../../platform/markdown.js';
import { searchWords, titlePrefixQuery, toHighlight } from '../../platform/search-text.js';
import { countFacets, filtersOf, totalOf } from './browse.service.js';
import { facetsFor } from './facet-cache.js';
import {
  deleteSavedSearchRow,
  findSavedSearches,
  findSearchHistory,
  findSearchPage,
  findSimilarTitles,
  findSuggestions,
  insertSavedSearch,
  logSearch,
  markSavedSearchRun,
  type SavedSearchRow,
  typoWorthy,
} from './queries/search.queries.js';
import { buildConditions, withIndexedText } from './use-cases.filters.js';
import { toSummary } from './use-cases.presenter.js';
import { type CaseReader, viewerOf, requireSignedIn } from './use-cases.reader.js';

type SearchBody = z.output<typeof advancedSearchBodySchema>;

/**
 * Advanced search: weighted full text (title A > technologies and tags B > summary C > sections and
 * vendors D, ts_rank_cd's default weights), English and Arabic folded as in the forum, the browse
 * filters and facets, highlighted titles and excerpts for the page shown. Two statements side by side
 * (the page with its highlights; the facets, whose category counts give the total); a signed-in
 * reader's first page is logged for their history.
 */
export async function advancedSearch(db: Db, actor: Actor | null, body: SearchBody): Promise<UseCaseSearchResult> {
  const started = performance.now();
  const reader = viewerOf(actor);
  // The text condition as a sub-select (see withIndexedText): matches come from the search index even for a very common word.
  const conditions = withIndexedText(buildConditions(reader, { ...body.filters }), body.q);
  const [rows, facets] = await Promise.all([
    findSearchPage(db, { conditions, q: body.q, sort: body.sort, limit: body.pageSize, offset: (body.page - 1) * body.pageSize }),
    facetsFor(db, reader, filtersOf({ ...body.filters, q: body.q }), 'all', countFacets),
  ]);
  const total = totalOf(facets, body.filters?.category);
  if (reader.userId && body.page === 1) {
    await logSearch(db, { userId: reader.userId, q: body.q, filters: { ...body.filters, sort: body.sort }, resultsCount: total });
  }
  const items = rows.map((row) => ({
    useCase: toSummary(row),
    rank: row.rank,
    title: toHighlight(row.title_marked),
    excerpt: toHighlight(plainText(row.excerpt_marked)),
  }));
  return { ...toPage(items, total, body.page, body.pageSize), facets, tookMs: Math.round((performance.now() - started) * 10) / 10 };
}

/**
 * Suggestions while typing: case titles completing the typed words (by stem, through the title
 * vector), companies with listed cases whose name contains the text, and technologies and tags from
 * the vocabulary that a listed case uses; titles similar to the text (trigram) when nothing else
 * answers. None when nothing word-like was typed (tatweel, harakat or punctuation alone).
 */
export async function suggestUseCases(db: DbOrTx, actor: Actor | null, q: string, limit: number): Promise<UseCaseSuggestion[]> {
  if (searchWords(q).length === 0) return [];
  const reader = viewerOf(actor);
  const { titles, companies, terms } = await findSuggestions(db, reader, q, titlePrefixQuery(q), limit);
  // Titles similar to a misspelling are the expensive part (a trigram scan over every title): looked
  // for only when nothing else — no title word, company, technology or tag — answers the text.
  if (titles.length === 0 && companies.length === 0 && terms.length === 0 && typoWorthy(q)) {
    titles.push(...(await findSimilarTitles(db, reader, q, limit)));
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

const toSavedSearch = (row: SavedSearchRow): SavedSearch => ({
  id: row.id,
  name: row.name,
  search: row.search,
  lastRunAt: isoOrNull(row.last_run_at),
  createdAt: iso(row.created_at),
});

export async function saveSearch(db: Db, actor: Actor, body: SavedSearchBody): Promise<SavedSearch> {
  const reader = await signedIn(db, actor);
  return toSavedSearch(await insertSavedSearch(db, reader.userId, body.name, body.search));
}

export async function listSavedSearches(db: Db, actor: Actor): Promise<{ items: SavedSearch[] }> {
  const reader = await signedIn(db, actor);
  const rows = await findSavedSearches(db, reader.userId);
  return { items: rows.map(toSavedSearch) };
}

export async function deleteSavedSearch(db: Db, actor: Actor, id: string): Promise<void> {
  const reader = await signedIn(db, actor);
  if (!(await deleteSavedSearchRow(db, reader.userId, id))) throw notFound('Saved search');
}

/** Runs a saved search (the owner's only) and notes when it last ran. */
export async function executeSavedSearch(db: Db, actor: Actor, id: string, page: number, pageSize: number): Promise<UseCaseSearchResult> {
  const reader = await signedIn(db, actor);
  const search = await markSavedSearchRun(db, reader.userId, id);
  if (!search) throw notFound('Saved search');
  // Stored as the search body took it: parsed again, so filters come back as the search reads them.
  return advancedSearch(db, actor, advancedSearchBodySchema.parse({ ...search, page, pageSize }));
}

/** The reader's last 50 distinct searches, newest first. */
export async function searchHistory(db: Db, actor: Actor): Promise<SearchHistory> {
  const reader = await signedIn(db, actor);
  const rows = await findSearchHistory(db, reader.userId);
  return {
    items: rows
      .sort((a, b) => iso(b.created_at).localeCompare(iso(a.created_at)))
      .slice(0, 50)
      .map((row) => ({ q: row.q, filters: row.filters, resultsCount: row.results_count, searchedAt: iso(row.created_at) })),
  };
}

async function signedIn(db: DbOrTx, actor: Actor): Promise<CaseReader & { userId: string }> {
  const reader = viewerOf(actor);
  requireSignedIn(reader);
  return reader;
}
