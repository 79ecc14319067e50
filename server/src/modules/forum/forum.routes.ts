import {
  createForumCategoryBodySchema,
  createForumPostBodySchema,
  createForumTopicBodySchema,
  forumBestAnswerResultSchema,
  forumCategoryListSchema,
  forumCategorySchema,
  forumLikeResultSchema,
  forumPostSchema,
  forumRepliesQuerySchema,
  forumRepliesSchema,
  forumSearchQuerySchema,
  forumSearchResultSchema,
  forumStatsSchema,
  forumSuggestionListSchema,
  forumSuggestionsQuerySchema,
  forumThreadQuerySchema,
  forumThreadSchema,
  forumTopicListQuerySchema,
  forumTopicPageSchema,
  forumTopicSchema,
  forumTrendingQuerySchema,
  forumTrendingSchema,
  markdownPreviewBodySchema,
  markdownPreviewSchema,
  mentionQuerySchema,
  mentionCandidateListSchema,
  problemSchema,
  updateForumCategoryBodySchema,
  updateForumPostBodySchema,
  updateForumTopicBodySchema,
} from '@p2p/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../platform/db.js';
import { actorOf, type SessionResolver } from '../../platform/actor.js';
import { createCategory, getForumStats, listCategories, updateCategory } from './categories.service.js';
import { renderMarkdown } from '../../platform/markdown.js';
import { findMentionCandidates } from './mentions.js';
import { createPost, deletePost, getReplies, getThread, setBestAnswer, togglePostLike, updatePost } from './posts.service.js';
import { searchForum, suggest, trendingTerms } from './search.service.js';
import { createTopic, deleteTopic, listTopics, moderateTopic, openTopic, toggleTopicLike, updateTopic } from './topics.service.js';

export interface ForumRoutesOptions {
  db: Db;
  sessions: SessionResolver;
}

const idParams = z.object({ id: z.uuid() });

/** The forum, shared by every organization; signed-in users only. */
export const forumRoutes: FastifyPluginAsyncZod<ForumRoutesOptions> = async (app, { db, sessions }) => {
  app.addHook('onRequest', sessions.requireActor);
  const tags = ['forum'];
  const security = [{ sessionCookie: [] }];
  const errors = { 401: problemSchema, 404: problemSchema };
  const writeErrors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };

  app.get(
    '/forum/categories',
    {
      schema: {
        tags,
        security,
        summary: 'Categories the reader may see, with topic and post counts and latest activity',
        response: { 200: forumCategoryListSchema, 401: problemSchema },
      },
    },
    async (request) => ({ items: await listCategories(db, actorOf(request)) }),
  );

  app.post(
    '/forum/categories',
    {
      schema: {
        tags,
        security,
        summary: 'Create a category (platform administrators); organizationId makes it private to that organization',
        body: createForumCategoryBodySchema,
        response: { 201: forumCategorySchema, ...writeErrors },
      },
    },
    async (request, reply) => reply.code(201).send(await createCategory(db, actorOf(request), request.body)),
  );

  app.patch(
    '/forum/categories/:id',
    {
      schema: {
        tags,
        security,
        summary: 'Edit a category (platform administrators)',
        params: idParams,
        body: updateForumCategoryBodySchema,
        response: { 200: forumCategorySchema, ...writeErrors },
      },
    },
    async (request) => updateCategory(db, actorOf(request), request.params.id, request.body),
  );

  app.get(
    '/forum/topics',
    {
      schema: {
        tags,
        security,
        summary: 'Topics, pinned first; filters category, author, pinned, solved, date range; sort activity, newest, views, likes, replies',
        querystring: forumTopicListQuerySchema,
        response: { 200: forumTopicPageSchema, 400: problemSchema, 401: problemSchema },
      },
    },
    async (request) => listTopics(db, actorOf(request), request.query),
  );

  app.post(
    '/forum/topics',
    {
      schema: {
        tags,
        security,
        summary: 'Start a topic (Markdown body; @[Name](user-id) mentions)',
        body: createForumTopicBodySchema,
        response: { 201: forumTopicSchema, ...writeErrors },
      },
    },
    async (request, reply) => reply.code(201).send(await createTopic(db, actorOf(request), request.body)),
  );

  app.get(
    '/forum/topics/:id',
    {
      schema: {
        tags,
        security,
        summary: 'A topic (counts a view, once per reader per hour)',
        params: idParams,
        response: { 200: forumTopicSchema, ...errors },
      },
    },
    async (request) => openTopic(db, actorOf(request), request.params.id),
  );

  app.put(
    '/forum/topics/:id',
    {
      schema: {
        tags,
        security,
        summary: 'Edit a topic (author, moderator, or an admin of a private category’s organization)',
        params: idParams,
        body: updateForumTopicBodySchema,
        response: { 200: forumTopicSchema, ...writeErrors },
      },
    },
    async (request) => updateTopic(db, actorOf(request), request.params.id, request.body),
  );

  app.delete(
    '/forum/topics/:id',
    {
      schema: { tags, security, summary: 'Delete a topic with its replies', params: idParams, response: { 204: z.null(), ...writeErrors } },
    },
    async (request, reply) => {
      await deleteTopic(db, actorOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/forum/topics/:id/like',
    {
      schema: {
        tags,
        security,
        summary: 'Like or unlike a topic (toggle)',
        params: idParams,
        response: { 200: forumLikeResultSchema, ...writeErrors },
      },
    },
    async (request) => toggleTopicLike(db, actorOf(request), request.params.id),
  );

  const moderation = [
    ['pin', 'Pin a topic (moderators)', { pinned: true }],
    ['unpin', 'Unpin a topic (moderators)', { pinned: false }],
    ['lock', 'Lock a topic: no more replies (moderators)', { locked: true }],
    ['unlock', 'Unlock a topic (moderators)', { locked: false }],
  ] as const;
  for (const [action, summary, change] of moderation) {
    app.post(
      `/forum/topics/:id/${action}`,
      { schema: { tags, security, summary, params: idParams, response: { 200: forumTopicSchema, ...writeErrors } } },
      async (request) => moderateTopic(db, actorOf(request), request.params.id, change),
    );
  }

  app.get(
    '/forum/topics/:id/posts',
    {
      schema: {
        tags,
        security,
        summary:
          'The thread: a page of top-level replies, oldest first (by page, or after nextCursor), each followed by the first 10 replies of its branch by time (any depth), flat in reading order; moreReplies and repliesCursor on a top-level post lead to the rest; deleted posts with replies as tombstones',
        params: idParams,
        querystring: forumThreadQuerySchema,
        response: { 200: forumThreadSchema, ...errors, 400: problemSchema },
      },
    },
    async (request) => getThread(db, actorOf(request), request.params.id, request.query),
  );

  app.post(
    '/forum/topics/:id/posts',
    {
      schema: {
        tags,
        security,
        summary: 'Reply to the topic, or to one of its posts with parentPostId; 409 TOPIC_LOCKED on a locked topic',
        params: idParams,
        body: createForumPostBodySchema,
        response: { 201: forumPostSchema, ...writeErrors, 409: problemSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await createPost(db, actorOf(request), request.params.id, request.body)),
  );

  app.get(
    '/forum/posts/:id/replies',
    {
      schema: {
        tags,
        security,
        summary:
          'Replies beneath a post (any depth), oldest first, a page at a time after cursor (a top-level post’s repliesCursor, then each page’s nextCursor)',
        params: idParams,
        querystring: forumRepliesQuerySchema,
        response: { 200: forumRepliesSchema, ...errors, 400: problemSchema },
      },
    },
    async (request) => getReplies(db, actorOf(request), request.params.id, request.query),
  );

  app.put(
    '/forum/posts/:id',
    {
      schema: {
        tags,
        security,
        summary: 'Edit a post',
        params: idParams,
        body: updateForumPostBodySchema,
        response: { 200: forumPostSchema, ...writeErrors },
      },
    },
    async (request) => updatePost(db, actorOf(request), request.params.id, request.body.body),
  );

  app.delete(
    '/forum/posts/:id',
    {
      schema: {
        tags,
        security,
        summary: 'Delete a post (kept as a tombstone while it has replies)',
        params: idParams,
        response: { 204: z.null(), ...writeErrors },
      },
    },
    async (request, reply) => {
      await deletePost(db, actorOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/forum/posts/:id/like',
    {
      schema: {
        tags,
        security,
        summary: 'Like or unlike a post (toggle)',
        params: idParams,
        response: { 200: forumLikeResultSchema, ...writeErrors },
      },
    },
    async (request) => togglePostLike(db, actorOf(request), request.params.id),
  );

  app.post(
    '/forum/posts/:id/best-answer',
    {
      schema: {
        tags,
        security,
        summary: 'Mark the best answer (topic author or moderator; replaces an earlier one)',
        params: idParams,
        response: { 200: forumBestAnswerResultSchema, ...writeErrors },
      },
    },
    async (request) => setBestAnswer(db, actorOf(request), request.params.id, true),
  );

  app.delete(
    '/forum/posts/:id/best-answer',
    {
      schema: {
        tags,
        security,
        summary: 'Remove the best answer mark',
        params: idParams,
        response: { 200: forumBestAnswerResultSchema, ...writeErrors },
      },
    },
    async (request) => setBestAnswer(db, actorOf(request), request.params.id, false),
  );

  app.get(
    '/forum/search',
    {
      schema: {
        tags,
        security,
        summary: 'Full-text search over topics and posts (English and Arabic) with highlighted excerpts and the search time',
        querystring: forumSearchQuerySchema,
        response: { 200: forumSearchResultSchema, 400: problemSchema, 401: problemSchema },
      },
    },
    async (request) => searchForum(db, actorOf(request), request.query),
  );

  app.get(
    '/forum/search/suggestions',
    {
      schema: {
        tags,
        security,
        summary: 'Suggestions while typing: similar topic titles (typo tolerant) and popular searches',
        querystring: forumSuggestionsQuerySchema,
        response: { 200: forumSuggestionListSchema, 400: problemSchema, 401: problemSchema },
      },
    },
    async (request) => ({ items: await suggest(db, actorOf(request), request.query.q, request.query.limit) }),
  );

  app.get(
    '/forum/search/trending',
    {
      schema: {
        tags,
        security,
        summary: 'The most searched terms in the last day, week or month',
        querystring: forumTrendingQuerySchema,
        response: { 200: forumTrendingSchema, 400: problemSchema, 401: problemSchema },
      },
    },
    async (request) => trendingTerms(db, request.query.period, request.query.limit),
  );

  app.get(
    '/forum/stats',
    {
      schema: {
        tags,
        security,
        summary: 'Topics, replies, active members (30 days) and the solved share',
        response: { 200: forumStatsSchema, 401: problemSchema },
      },
    },
    async (request) => getForumStats(db, actorOf(request)),
  );

  app.post(
    '/forum/preview',
    {
      schema: {
        tags,
        security,
        summary: 'Render Markdown exactly as a post will show it (the composer’s preview)',
        body: markdownPreviewBodySchema,
        response: { 200: markdownPreviewSchema, 400: problemSchema, 401: problemSchema },
      },
    },
    async (request) => ({ html: renderMarkdown(request.body.body) }),
  );

  app.get(
    '/forum/people',
    {
      schema: {
        tags,
        security,
        summary: 'People to @mention whose name starts with q',
        querystring: mentionQuerySchema,
        response: { 200: mentionCandidateListSchema, 400: problemSchema, 401: problemSchema },
      },
    },
    async (request) => ({ items: await findMentionCandidates(db, request.query.q) }),
  );
};
