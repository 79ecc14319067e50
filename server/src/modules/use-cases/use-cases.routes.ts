import {
  advancedSearchBodySchema,
  createUseCaseBodySchema,
  engagementQuerySchema,
  featuredQuerySchema,
  locationFilterQuerySchema,
  locationStatisticsSchema,
  nearbyQuerySchema,
  pageQuerySchema,
  problemSchema,
  relatedQuerySchema,
  relatedUseCaseListSchema,
  reportListQuerySchema,
  reportUseCaseBodySchema,
  resolveReportBodySchema,
  savedSearchBodySchema,
  savedSearchListSchema,
  savedSearchSchema,
  searchHistorySchema,
  termListSchema,
  termQuerySchema,
  updateUseCaseBodySchema,
  updateUseCaseLocationBodySchema,
  useCaseCategoryStatsSchema,
  useCaseEngagementSchema,
  useCaseListQuerySchema,
  useCaseListSchema,
  useCaseLocationPageSchema,
  useCaseModerationBodySchema,
  useCasePageSchema,
  useCaseReportPageSchema,
  useCaseReportSchema,
  useCaseSchema,
  useCaseSearchResultSchema,
  useCaseSuggestionListSchema,
  useCaseSuggestionsQuerySchema,
  useCaseToggleResultSchema,
  useCaseTrendingQuerySchema,
  useCaseTrendingSchema,
  useCaseVersionListSchema,
  useCaseVersionsQuerySchema,
} from '@p2p/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../platform/db.js';
import { actorOf, type SessionResolver } from '../../platform/actor.js';
import { categoryStats, featuredUseCases, listUseCases, trendingUseCases } from './browse.service.js';
import { getEngagement, listSavedUseCases, openUseCase, toggleUseCase } from './engagement.service.js';
import { filterByLocation, locationStatistics, nearbyUseCases, relatedUseCases } from './location.service.js';
import { listReports, listVersions, reportUseCase, resolveReport } from './reports.service.js';
import {
  advancedSearch,
  deleteSavedSearch,
  executeSavedSearch,
  listSavedSearches,
  saveSearch,
  searchHistory,
  suggestUseCases,
} from './search.service.js';
import { findTerms } from './terms.js';
import {
  createUseCase,
  deleteUseCase,
  moderateUseCase,
  publishUseCase,
  updateUseCase,
  updateUseCaseLocation,
} from './use-cases.service.js';

export interface UseCaseRoutesOptions {
  db: Db;
  sessions: SessionResolver;
}

const idParams = z.object({ id: z.uuid() });

/**
 * The use-case library. Reading public cases needs no account (the actor is resolved when there is
 * one); everything else answers 401 to guests through actorOf.
 */
export const useCaseRoutes: FastifyPluginAsyncZod<UseCaseRoutesOptions> = async (app, { db, sessions }) => {
  app.addHook('onRequest', async (request, reply) => {
    request.actor = await sessions.resolve(request, reply);
  });
  const tags = ['use-cases'];
  const security: { [name: string]: string[] }[] = [{ sessionCookie: [] }, {}];
  const errors = { 400: problemSchema, 404: problemSchema };
  const writeErrors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };

  // ---- Browse ----
  app.get(
    '/use-cases',
    {
      schema: {
        tags,
        security,
        summary:
          'Browse: filters, full-text q, sort, page, and facet counts over the filtered set (each facet without its own filter); guests see public cases',
        querystring: useCaseListQuerySchema,
        response: { 200: useCasePageSchema, ...errors },
      },
    },
    async (request) => listUseCases(db, request.actor, request.query),
  );
  app.get(
    '/use-cases/trending',
    {
      schema: {
        tags,
        security,
        summary: 'Most engaged-with cases in the period (views + 3×likes + 5×saves)',
        querystring: useCaseTrendingQuerySchema,
        response: { 200: useCaseTrendingSchema, 400: problemSchema },
      },
    },
    async (request) => trendingUseCases(db, request.actor, request.query.period, request.query.limit),
  );
  app.get(
    '/use-cases/featured',
    {
      schema: {
        tags,
        security,
        summary: 'Featured cases, newest first',
        querystring: featuredQuerySchema,
        response: { 200: useCaseListSchema, 400: problemSchema },
      },
    },
    async (request) => featuredUseCases(db, request.actor, request.query.limit),
  );
  app.get(
    '/use-cases/categories/stats',
    {
      schema: {
        tags,
        security,
        summary: 'Per category: count, average ROI, engagement, top technologies',
        response: { 200: useCaseCategoryStatsSchema },
      },
    },
    async (request) => categoryStats(db, request.actor),
  );
  app.get(
    '/use-cases/saved',
    {
      schema: {
        tags,
        security,
        summary: 'The reader’s saved (bookmarked) cases',
        querystring: pageQuerySchema,
        response: { 200: useCaseLocationPageSchema, 401: problemSchema },
      },
    },
    async (request) => listSavedUseCases(db, actorOf(request), request.query.page, request.query.pageSize),
  );
  app.get(
    '/use-cases/terms',
    {
      schema: {
        tags,
        security,
        summary: 'The vocabulary of technologies and tags used by the cases the reader may see, with their counts, for autocomplete',
        querystring: termQuerySchema,
        response: { 200: termListSchema, 400: problemSchema },
      },
    },
    async (request) => ({ items: await findTerms(db, request.actor, request.query.kind, request.query.q, request.query.limit) }),
  );

  // ---- Search ----
  app.post(
    '/use-cases/search/advanced',
    {
      schema: {
        tags,
        security,
        summary: 'Weighted full-text search (title > technologies/tags > summary > sections) with filters, facets and highlights',
        body: advancedSearchBodySchema,
        response: { 200: useCaseSearchResultSchema, 400: problemSchema },
      },
    },
    async (request) => advancedSearch(db, request.actor, request.body),
  );
  app.get(
    '/use-cases/search/suggestions',
    {
      schema: {
        tags,
        security,
        summary: 'Suggestions while typing: titles, companies, technologies, tags (typo tolerant)',
        querystring: useCaseSuggestionsQuerySchema,
        response: { 200: useCaseSuggestionListSchema, 400: problemSchema },
      },
    },
    async (request) => ({ items: await suggestUseCases(db, request.actor, request.query.q, request.query.limit) }),
  );
  app.post(
    '/use-cases/search/saved',
    {
      schema: {
        tags,
        security,
        summary: 'Save a search under a name',
        body: savedSearchBodySchema,
        response: { 201: savedSearchSchema, ...writeErrors },
      },
    },
    async (request, reply) => reply.code(201).send(await saveSearch(db, actorOf(request), request.body)),
  );
  app.get(
    '/use-cases/search/saved',
    { schema: { tags, security, summary: 'The reader’s saved searches', response: { 200: savedSearchListSchema, 401: problemSchema } } },
    async (request) => listSavedSearches(db, actorOf(request)),
  );
  app.delete(
    '/use-cases/search/saved/:id',
    { schema: { tags, security, summary: 'Delete a saved search', params: idParams, response: { 204: z.null(), ...writeErrors } } },
    async (request, reply) => {
      await deleteSavedSearch(db, actorOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );
  app.get(
    '/use-cases/search/saved/:id/execute',
    {
      schema: {
        tags,
        security,
        summary: 'Run a saved search',
        params: idParams,
        querystring: pageQuerySchema,
        response: { 200: useCaseSearchResultSchema, ...writeErrors },
      },
    },
    async (request) => executeSavedSearch(db, actorOf(request), request.params.id, request.query.page, request.query.pageSize),
  );
  app.get(
    '/use-cases/search/history',
    { schema: { tags, security, summary: 'The reader’s recent searches', response: { 200: searchHistorySchema, 401: problemSchema } } },
    async (request) => searchHistory(db, actorOf(request)),
  );

  // ---- Location ----
  app.get(
    '/use-cases/location/filter',
    {
      schema: {
        tags,
        security,
        summary: 'Cases by city, region, country, or within radiusKm of lat/lng (nearest first, with distances)',
        querystring: locationFilterQuerySchema,
        response: { 200: useCaseLocationPageSchema, 400: problemSchema },
      },
    },
    async (request) => filterByLocation(db, request.actor, request.query),
  );
  app.get(
    '/use-cases/location/statistics',
    {
      schema: { tags, security, summary: 'Cases per region with average ROI and top cities', response: { 200: locationStatisticsSchema } },
    },
    async (request) => locationStatistics(db, request.actor),
  );

  // ---- Moderation ----
  app.get(
    '/use-cases/reports',
    {
      schema: {
        tags,
        security,
        summary: 'The report queue (platform moderators)',
        querystring: reportListQuerySchema,
        response: { 200: useCaseReportPageSchema, 401: problemSchema, 404: problemSchema },
      },
    },
    async (request) => listReports(db, actorOf(request), request.query.status, request.query.page, request.query.pageSize),
  );
  app.post(
    '/use-cases/reports/:id/resolve',
    {
      schema: {
        tags,
        security,
        summary: 'Resolve a report: dismiss it, hide the case, or remove the case (platform moderators)',
        params: idParams,
        body: resolveReportBodySchema,
        response: { 200: useCaseReportSchema, ...writeErrors },
      },
    },
    async (request) => resolveReport(db, actorOf(request), request.params.id, request.body),
  );

  // ---- One case ----
  app.post(
    '/use-cases',
    {
      schema: {
        tags,
        security,
        summary: 'Write a use case (a draft, or published with publish: true)',
        body: createUseCaseBodySchema,
        response: { 201: useCaseSchema, ...writeErrors },
      },
    },
    async (request, reply) => reply.code(201).send(await createUseCase(db, actorOf(request), request.body)),
  );
  app.get(
    '/use-cases/:id',
    {
      schema: {
        tags,
        security,
        summary: 'A case with the reader’s like/save/report state (counts a view once per person per hour)',
        params: idParams,
        response: { 200: useCaseSchema, ...errors },
      },
    },
    async (request) => openUseCase(db, request.actor, request.params.id),
  );
  app.patch(
    '/use-cases/:id',
    {
      schema: {
        tags,
        security,
        summary: 'Edit a case (author, owning organization’s admins, moderators); an edit of a published case is a new version',
        params: idParams,
        body: updateUseCaseBodySchema,
        response: { 200: useCaseSchema, ...writeErrors },
      },
    },
    async (request) => updateUseCase(db, actorOf(request), request.params.id, request.body),
  );
  app.delete(
    '/use-cases/:id',
    { schema: { tags, security, summary: 'Remove a case', params: idParams, response: { 204: z.null(), ...writeErrors } } },
    async (request, reply) => {
      await deleteUseCase(db, actorOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );
  app.post(
    '/use-cases/:id/publish',
    {
      schema: {
        tags,
        security,
        summary: 'Publish a draft (or an archived case)',
        params: idParams,
        response: { 200: useCaseSchema, ...writeErrors },
      },
    },
    async (request) => publishUseCase(db, actorOf(request), request.params.id),
  );
  app.patch(
    '/use-cases/:id/location',
    {
      schema: {
        tags,
        security,
        summary: 'Set a case’s place: a known city (fills region and coordinates) or coordinates by hand',
        params: idParams,
        body: updateUseCaseLocationBodySchema,
        response: { 200: useCaseSchema, ...writeErrors },
      },
    },
    async (request) => updateUseCaseLocation(db, actorOf(request), request.params.id, request.body),
  );
  app.patch(
    '/use-cases/:id/moderation',
    {
      schema: {
        tags,
        security,
        summary: 'Feature, verify or hide a case (platform moderators)',
        params: idParams,
        body: useCaseModerationBodySchema,
        response: { 200: useCaseSchema, ...writeErrors },
      },
    },
    async (request) => moderateUseCase(db, actorOf(request), request.params.id, request.body),
  );
  for (const kind of ['like', 'save'] as const) {
    app.post(
      `/use-cases/:id/${kind}`,
      {
        schema: {
          tags,
          security,
          summary: kind === 'like' ? 'Like or unlike (toggle)' : 'Save or unsave (bookmark toggle)',
          params: idParams,
          response: { 200: useCaseToggleResultSchema, ...writeErrors },
        },
      },
      async (request) => toggleUseCase(db, actorOf(request), request.params.id, kind),
    );
  }
  app.post(
    '/use-cases/:id/report',
    {
      schema: {
        tags,
        security,
        summary: 'Report a case (one open report per person)',
        params: idParams,
        body: reportUseCaseBodySchema,
        response: { 201: z.object({ id: z.uuid() }), ...writeErrors },
      },
    },
    async (request, reply) => reply.code(201).send(await reportUseCase(db, actorOf(request), request.params.id, request.body)),
  );
  app.get(
    '/use-cases/:id/related',
    {
      schema: {
        tags,
        security,
        summary: 'Similar cases with the reasons (category, industry, shared technologies, distance, ROI)',
        params: idParams,
        querystring: relatedQuerySchema,
        response: { 200: relatedUseCaseListSchema, ...errors },
      },
    },
    async (request) => relatedUseCases(db, request.actor, request.params.id, request.query.limit),
  );
  app.get(
    '/use-cases/:id/nearby',
    {
      schema: {
        tags,
        security,
        summary: 'Cases within radiusKm of this one, nearest first',
        params: idParams,
        querystring: nearbyQuerySchema,
        response: { 200: useCaseListSchema, ...errors },
      },
    },
    async (request) => nearbyUseCases(db, request.actor, request.params.id, request.query.radiusKm, request.query.limit),
  );
  app.get(
    '/use-cases/:id/engagement',
    {
      schema: {
        tags,
        security,
        summary: 'Views, likes and saves per day, by organization and by hour (the case’s owners)',
        params: idParams,
        querystring: engagementQuerySchema,
        response: { 200: useCaseEngagementSchema, ...writeErrors },
      },
    },
    async (request) => getEngagement(db, actorOf(request), request.params.id, request.query.days),
  );
  app.get(
    '/use-cases/:id/versions',
    {
      schema: {
        tags,
        security,
        summary:
          'Edits of the published case, newest first, a page at a time (cursor: the previous page’s nextCursor): who, when, which fields',
        params: idParams,
        querystring: useCaseVersionsQuerySchema,
        response: { 200: useCaseVersionListSchema, ...errors },
      },
    },
    async (request) => listVersions(db, request.actor, request.params.id, request.query),
  );
};
