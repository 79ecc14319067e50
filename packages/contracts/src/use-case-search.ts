import { z } from 'zod';
import { highlightSchema } from './forum.js';
import { PAGE_SIZE_DEFAULT, PAGE_SIZE_MAX, pageSchema } from './pagination.js';
import { text } from './text.js';
import { EXPORT_FIELDS, EXPORT_FORMATS, SINGLE_EXPORT_FORMATS, USE_CASE_SEARCH_SORTS, USE_CASE_SORTS } from './use-case-constants.js';
import { useCaseFacetsSchema, useCaseFiltersBodySchema, useCaseListQuerySchema, useCaseSummarySchema } from './use-cases.js';

// Searching the use-case library and taking results away as files: both take the browse filters.

// ---- Search ----

/** The body of an advanced search: a query, the browse filters, a sort and a page. */
export const advancedSearchBodySchema = z
  .object({
    q: text().trim().min(1).max(200),
    filters: useCaseFiltersBodySchema.omit({ q: true }).partial().optional(),
    sort: z.enum(USE_CASE_SEARCH_SORTS).default('relevance'),
    page: z.number().int().min(1).default(1),
    pageSize: z.number().int().min(1).max(PAGE_SIZE_MAX).default(PAGE_SIZE_DEFAULT),
  })
  .strict()
  .meta({ id: 'UseCaseAdvancedSearchBody' });
export type AdvancedSearchBody = z.input<typeof advancedSearchBodySchema>;

export const useCaseSearchHitSchema = z
  .object({
    useCase: useCaseSummarySchema,
    rank: z.number(),
    title: highlightSchema,
    excerpt: highlightSchema,
  })
  .meta({ id: 'UseCaseSearchHit' });
export type UseCaseSearchHit = z.infer<typeof useCaseSearchHitSchema>;

export const useCaseSearchResultSchema = pageSchema(useCaseSearchHitSchema)
  .extend({ facets: useCaseFacetsSchema, tookMs: z.number() })
  .meta({ id: 'UseCaseSearchResult' });
export type UseCaseSearchResult = z.infer<typeof useCaseSearchResultSchema>;

export const useCaseSuggestionsQuerySchema = z.object({
  q: text().trim().min(1).max(100),
  limit: z.coerce.number().int().min(1).max(20).default(8),
});
export const useCaseSuggestionSchema = z
  .object({
    kind: z.enum(['title', 'company', 'technology', 'tag']),
    text: z.string(),
    /** The case for a title, the organization for a company. */
    id: z.uuid().nullable(),
  })
  .meta({ id: 'UseCaseSuggestion' });
export type UseCaseSuggestion = z.infer<typeof useCaseSuggestionSchema>;
export const useCaseSuggestionListSchema = z.object({ items: z.array(useCaseSuggestionSchema) }).meta({ id: 'UseCaseSuggestionList' });

export const savedSearchBodySchema = z
  .object({ name: text().trim().min(1).max(100), search: advancedSearchBodySchema.omit({ page: true, pageSize: true }) })
  .strict()
  .meta({ id: 'SavedSearchBody' });
export type SavedSearchBody = z.input<typeof savedSearchBodySchema>;

/** A saved search as stored: the query, the filters (as the search body takes them) and the sort. */
export const storedSearchSchema = z
  .object({ q: z.string(), filters: z.record(z.string(), z.unknown()).optional(), sort: z.enum(USE_CASE_SEARCH_SORTS).optional() })
  .meta({ id: 'StoredUseCaseSearch' });

export const savedSearchSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    search: storedSearchSchema,
    lastRunAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'SavedSearch' });
export type SavedSearch = z.infer<typeof savedSearchSchema>;
export const savedSearchListSchema = z.object({ items: z.array(savedSearchSchema) }).meta({ id: 'SavedSearchList' });

export const searchHistorySchema = z
  .object({
    items: z.array(
      z.object({ q: z.string(), filters: z.record(z.string(), z.unknown()), resultsCount: z.number().int(), searchedAt: z.string() }),
    ),
  })
  .meta({ id: 'UseCaseSearchHistory' });
export type SearchHistory = z.infer<typeof searchHistorySchema>;

// ---- Export ----

// The list's fields without its paging (an export has no page, so the list's page-depth refinement, which
// forbids .omit() on the refined object, does not apply).
export const exportQuerySchema = z
  .object(useCaseListQuerySchema.shape)
  .omit({ page: true, pageSize: true, facets: true })
  .extend({ format: z.enum(EXPORT_FORMATS).default('json') });
export type ExportQuery = z.input<typeof exportQuerySchema>;

export const customExportBodySchema = z
  .object({
    format: z.enum(EXPORT_FORMATS),
    fields: z.array(z.enum(EXPORT_FIELDS)).min(1).max(EXPORT_FIELDS.length),
    filters: useCaseFiltersBodySchema.partial().optional(),
    sort: z.enum(USE_CASE_SORTS).default('newest'),
  })
  .strict()
  .meta({ id: 'CustomExportBody' });
export type CustomExportBody = z.input<typeof customExportBodySchema>;

export const singleExportQuerySchema = z.object({ format: z.enum(SINGLE_EXPORT_FORMATS).default('json') });
