import { z } from 'zod';
import { organizationRefSchema } from './organizations.js';
import { text } from './text.js';
import { cursorQuerySchema, PAGE_SIZE_MAX, pageQuerySchema, pageSchema } from './pagination.js';

const uuidFilter = z.uuid().optional();
/** `true`/`false` in a query string. */
const booleanQuery = z
  .enum(['true', 'false'])
  .transform((value) => value === 'true')
  .optional();
/** A date or date-time in a query string (`2026-01-31` or ISO 8601). */
const dateQuery = z.iso.datetime({ offset: true }).or(z.iso.date()).optional();

/** Who wrote a topic or post, as the forum shows them. A removed account shows as a former member (formerMember: true, name empty). */
export const forumAuthorSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    avatarUrl: z.string().nullable(),
    jobTitle: z.string().nullable(),
    organization: organizationRefSchema,
    formerMember: z.boolean(),
  })
  .meta({ id: 'ForumAuthor' });
export type ForumAuthor = z.infer<typeof forumAuthorSchema>;

// ---- Categories ----

export const forumCategorySchema = z
  .object({
    id: z.uuid(),
    slug: z.string(),
    nameEn: z.string(),
    nameAr: z.string(),
    descriptionEn: z.string().nullable(),
    descriptionAr: z.string().nullable(),
    position: z.number().int(),
    /** Set when the category is private to one organization. */
    organizationId: z.uuid().nullable(),
    topicsCount: z.number().int(),
    postsCount: z.number().int(),
    lastActivityAt: z.string().nullable(),
  })
  .meta({ id: 'ForumCategory' });
export type ForumCategory = z.infer<typeof forumCategorySchema>;

export const forumCategoryListSchema = z.object({ items: z.array(forumCategorySchema) }).meta({ id: 'ForumCategoryList' });

export const createForumCategoryBodySchema = z
  .object({
    slug: text()
      .trim()
      .min(2)
      .max(60)
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: 'Use lower-case letters, digits and single hyphens' }),
    nameEn: text().trim().min(2).max(80),
    nameAr: text().trim().min(2).max(80),
    descriptionEn: text({ multiline: true }).trim().max(500).nullable().optional(),
    descriptionAr: text({ multiline: true }).trim().max(500).nullable().optional(),
    position: z.number().int().min(0).max(10_000).optional(),
    organizationId: z.uuid().nullable().optional(),
  })
  .strict()
  .meta({ id: 'CreateForumCategoryBody' });
export type CreateForumCategoryBody = z.infer<typeof createForumCategoryBodySchema>;

export const updateForumCategoryBodySchema = createForumCategoryBodySchema.partial().strict().meta({ id: 'UpdateForumCategoryBody' });
export type UpdateForumCategoryBody = z.infer<typeof updateForumCategoryBodySchema>;

// ---- Topics ----

export const FORUM_TOPIC_SORTS = ['activity', 'newest', 'views', 'likes', 'replies'] as const;
export type ForumTopicSort = (typeof FORUM_TOPIC_SORTS)[number];

export const forumTopicListQuerySchema = pageQuerySchema.extend({
  categoryId: uuidFilter,
  authorId: uuidFilter,
  pinned: booleanQuery,
  solved: booleanQuery,
  from: dateQuery,
  to: dateQuery,
  sort: z.enum(FORUM_TOPIC_SORTS).default('activity'),
  /** Walk on after the previous page's last topic (its nextCursor) instead of by page number. */
  cursor: cursorQuerySchema,
});
export type ForumTopicListQuery = z.input<typeof forumTopicListQuerySchema>;

export const forumTopicSummarySchema = z
  .object({
    id: z.uuid(),
    categoryId: z.uuid(),
    title: z.string(),
    /** The start of the body as plain text. */
    excerpt: z.string(),
    author: forumAuthorSchema,
    pinned: z.boolean(),
    locked: z.boolean(),
    solved: z.boolean(),
    viewsCount: z.number().int(),
    likesCount: z.number().int(),
    postsCount: z.number().int(),
    lastActivityAt: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: 'ForumTopicSummary' });
export type ForumTopicSummary = z.infer<typeof forumTopicSummarySchema>;

export const forumTopicPageSchema = pageSchema(forumTopicSummarySchema).meta({ id: 'ForumTopicPage' });

/** What the signed-in reader may do with a topic or post. */
export const forumPermissionsSchema = z
  .object({
    edit: z.boolean(),
    delete: z.boolean(),
    /** Pin/unpin, lock/unlock (moderators). */
    moderate: z.boolean(),
    /** Mark or remove the best answer (topic author or moderator). */
    markBestAnswer: z.boolean(),
    reply: z.boolean(),
  })
  .meta({ id: 'ForumPermissions' });

export const forumTopicSchema = forumTopicSummarySchema
  .extend({
    body: z.string(),
    /** The body rendered from Markdown and sanitised. */
    bodyHtml: z.string(),
    bestPostId: z.uuid().nullable(),
    bestAnswer: z
      .object({
        postId: z.uuid(),
        author: forumAuthorSchema.nullable(),
        excerpt: z.string(),
        /** The 0-based place of the answer's top-level branch among the topic's top-level posts (oldest first): its thread page is floor(position / pageSize) + 1. */
        position: z.number().int(),
      })
      .nullable(),
    likedByMe: z.boolean(),
    editedAt: z.string().nullable(),
    can: forumPermissionsSchema,
  })
  .meta({ id: 'ForumTopic' });
export type ForumTopic = z.infer<typeof forumTopicSchema>;

const title = text().trim().min(5, { error: 'Use at least 5 characters' }).max(200);
const markdownBody = text({ multiline: true }).trim().min(1, { error: 'Write something first' }).max(50_000);

export const createForumTopicBodySchema = z
  .object({ categoryId: z.uuid(), title, body: markdownBody })
  .strict()
  .meta({ id: 'CreateForumTopicBody' });
export type CreateForumTopicBody = z.infer<typeof createForumTopicBodySchema>;

export const updateForumTopicBodySchema = createForumTopicBodySchema.meta({ id: 'UpdateForumTopicBody' });
export type UpdateForumTopicBody = z.infer<typeof updateForumTopicBodySchema>;

// ---- Posts ----

/**
 * A post in a thread. Thread endpoints return posts flat, in reading order (depth first, oldest first
 * at every level), each with its parent and depth, so the client can indent and mark "replying to".
 * A deleted post that still has replies comes back as a tombstone: deleted true, author null, body empty.
 */
export const forumPostSchema = z
  .object({
    id: z.uuid(),
    topicId: z.uuid(),
    parentPostId: z.uuid().nullable(),
    depth: z.number().int(),
    author: forumAuthorSchema.nullable(),
    body: z.string(),
    bodyHtml: z.string(),
    likesCount: z.number().int(),
    repliesCount: z.number().int(),
    likedByMe: z.boolean(),
    isBestAnswer: z.boolean(),
    deleted: z.boolean(),
    createdAt: z.string(),
    editedAt: z.string().nullable(),
    can: forumPermissionsSchema,
    /**
     * On a top-level post of a thread page: how many replies of its branch the page leaves out (the
     * page shows the first FORUM_BRANCH_REPLIES by time), fetched with GET /forum/posts/:id/replies?cursor=repliesCursor.
     * A branch is counted up to 10,000 replies.
     */
    moreReplies: z.number().int().optional(),
    /** Where the branch's left-out replies start (null when none is left out). */
    repliesCursor: z.string().nullable().optional(),
  })
  .meta({ id: 'ForumPost' });
export type ForumPost = z.infer<typeof forumPostSchema>;

/** A thread page shows at most this many replies of each top-level post's branch (the first by time); the rest load on request. */
export const FORUM_BRANCH_REPLIES = 10;

export const forumThreadQuerySchema = pageQuerySchema.extend({
  /** Walk on after the previous page's last top-level post (its nextCursor) instead of by page number. */
  cursor: cursorQuerySchema,
});
export type ForumThreadQuery = z.input<typeof forumThreadQuerySchema>;

/**
 * A page of top-level posts, each followed by the first FORUM_BRANCH_REPLIES replies of its branch (any
 * depth), flat in reading order; `moreReplies` on a top-level post counts the rest. `total` counts top-level posts.
 */
export const forumThreadSchema = pageSchema(forumPostSchema).meta({ id: 'ForumThread' });
export type ForumThread = z.infer<typeof forumThreadSchema>;

export const FORUM_REPLIES_PAGE_DEFAULT = 50;

export const forumRepliesQuerySchema = z.object({
  pageSize: z.coerce.number().int().min(1).max(PAGE_SIZE_MAX).default(FORUM_REPLIES_PAGE_DEFAULT),
  /** The repliesCursor of a thread's top-level post, or the nextCursor of the previous page of replies. */
  cursor: cursorQuerySchema,
});
export type ForumRepliesQuery = z.input<typeof forumRepliesQuerySchema>;

/** Replies beneath a post (any depth), oldest first, a page at a time; `nextCursor` is null after the last. */
export const forumRepliesSchema = z
  .object({ items: z.array(forumPostSchema), nextCursor: z.string().nullable().optional() })
  .meta({ id: 'ForumReplies' });
export type ForumReplies = z.infer<typeof forumRepliesSchema>;

export const createForumPostBodySchema = z
  .object({ body: markdownBody, parentPostId: z.uuid().nullable().optional() })
  .strict()
  .meta({ id: 'CreateForumPostBody' });
export type CreateForumPostBody = z.infer<typeof createForumPostBodySchema>;

export const updateForumPostBodySchema = z.object({ body: markdownBody }).strict().meta({ id: 'UpdateForumPostBody' });

export const forumLikeResultSchema = z.object({ liked: z.boolean(), likesCount: z.number().int() }).meta({ id: 'ForumLikeResult' });
export type ForumLikeResult = z.infer<typeof forumLikeResultSchema>;

export const forumBestAnswerResultSchema = z
  .object({ topicId: z.uuid(), bestPostId: z.uuid().nullable(), solved: z.boolean() })
  .meta({ id: 'ForumBestAnswerResult' });

export const markdownPreviewBodySchema = z.object({ body: text({ multiline: true }).max(50_000) }).strict();
export const markdownPreviewSchema = z.object({ html: z.string() }).meta({ id: 'MarkdownPreview' });

/** People one can @mention (any active member of the platform). */
/** `GET /forum/people?q=`: the start of a name. */
export const mentionQuerySchema = z.object({ q: text().trim().min(1).max(100) });

export const mentionCandidateSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    jobTitle: z.string().nullable(),
    avatarUrl: z.string().nullable(),
    organizationName: z.string(),
  })
  .meta({ id: 'MentionCandidate' });
export const mentionCandidateListSchema = z.object({ items: z.array(mentionCandidateSchema) }).meta({ id: 'MentionCandidateList' });
export type MentionCandidate = z.infer<typeof mentionCandidateSchema>;

/** How a mention is written in Markdown: `@[Name](user-id)`; it renders as a link to the person's card. */
export const MENTION_PATTERN = /@\[([^\]\n]{1,100})\]\(([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\)/g;

// ---- Search ----

export const FORUM_SEARCH_SCOPES = ['all', 'topics', 'posts'] as const;
export const FORUM_SEARCH_SORTS = ['relevance', 'date', 'likes'] as const;

export const forumSearchQuerySchema = pageQuerySchema.extend({
  q: text().trim().min(1).max(200),
  scope: z.enum(FORUM_SEARCH_SCOPES).default('all'),
  categoryId: uuidFilter,
  authorId: uuidFilter,
  from: dateQuery,
  to: dateQuery,
  sort: z.enum(FORUM_SEARCH_SORTS).default('relevance'),
});
export type ForumSearchQuery = z.input<typeof forumSearchQuerySchema>;

/** Highlighted text as parts: `mark` parts are the matched words, in the original spelling. */
export const highlightSchema = z.array(z.object({ text: z.string(), mark: z.boolean() })).meta({ id: 'Highlight' });
export type Highlight = z.infer<typeof highlightSchema>;

export const forumSearchHitSchema = z
  .object({
    kind: z.enum(['topic', 'post']),
    topicId: z.uuid(),
    postId: z.uuid().nullable(),
    categoryId: z.uuid(),
    title: highlightSchema,
    excerpt: highlightSchema,
    author: forumAuthorSchema,
    likesCount: z.number().int(),
    solved: z.boolean(),
    createdAt: z.string(),
    rank: z.number(),
  })
  .meta({ id: 'ForumSearchHit' });
export type ForumSearchHit = z.infer<typeof forumSearchHitSchema>;

export const forumSearchResultSchema = pageSchema(forumSearchHitSchema).extend({ tookMs: z.number() }).meta({ id: 'ForumSearchResult' });
export type ForumSearchResult = z.infer<typeof forumSearchResultSchema>;

export const forumSuggestionsQuerySchema = z.object({
  q: text().trim().min(1).max(100),
  limit: z.coerce.number().int().min(1).max(20).default(8),
});
export const forumSuggestionSchema = z
  .object({ kind: z.enum(['topic', 'term']), text: z.string(), topicId: z.uuid().nullable() })
  .meta({ id: 'ForumSuggestion' });
export const forumSuggestionListSchema = z.object({ items: z.array(forumSuggestionSchema) }).meta({ id: 'ForumSuggestionList' });
export type ForumSuggestion = z.infer<typeof forumSuggestionSchema>;

export const TRENDING_PERIODS = ['day', 'week', 'month'] as const;
export const forumTrendingQuerySchema = z.object({
  period: z.enum(TRENDING_PERIODS).default('week'),
  limit: z.coerce.number().int().min(1).max(50).default(10),
});
export const forumTrendingSchema = z
  .object({ period: z.enum(TRENDING_PERIODS), items: z.array(z.object({ term: z.string(), count: z.number().int() })) })
  .meta({ id: 'ForumTrending' });
export type ForumTrending = z.infer<typeof forumTrendingSchema>;

export const forumStatsSchema = z
  .object({
    topics: z.number().int(),
    posts: z.number().int(),
    /** People who wrote a topic or post in the last 30 days. */
    activeMembers: z.number().int(),
    solvedTopics: z.number().int(),
    /** solvedTopics / topics, 0..1. */
    solvedShare: z.number(),
  })
  .meta({ id: 'ForumStats' });
export type ForumStats = z.infer<typeof forumStatsSchema>;
