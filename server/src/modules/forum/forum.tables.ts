import { sql } from 'drizzle-orm';
import { type AnyPgColumn, boolean, customType, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organizations } from '../organizations/organizations.tables.js';
import { users } from '../users/users.tables.js';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/** Forum categories: bilingual, ordered; a category with an organization is private to it. */
export const forumCategories = pgTable(
  'forum_categories',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slug: text('slug').notNull().unique(),
    nameEn: text('name_en').notNull(),
    nameAr: text('name_ar').notNull(),
    descriptionEn: text('description_en'),
    descriptionAr: text('description_ar'),
    position: integer('position').notNull().default(0),
    organizationId: uuid('organization_id').references(() => organizations.id, { onDelete: 'cascade' }),
    /** Its topics that are not deleted, kept by the writes that add, move or delete one. */
    topicsCount: integer('topics_count').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('forum_categories_organization_idx').on(t.organizationId)],
);

/**
 * Topics. The counters are kept exact by the writes that change them (row-level atomic updates in the
 * same transaction): posts_count counts the replies that are not deleted. best_post_id marks the
 * topic solved. The search vector is generated from the title (weight A) and the body (weight B).
 */
export const forumTopics = pgTable(
  'forum_topics',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    categoryId: uuid('category_id')
      .notNull()
      .references(() => forumCategories.id, { onDelete: 'restrict' }),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    /** The author's organization when the topic was written (shown with it; stays if they leave). */
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    body: text('body').notNull(),
    bodyHtml: text('body_html').notNull(),
    pinned: boolean('pinned').notNull().default(false),
    locked: boolean('locked').notNull().default(false),
    bestPostId: uuid('best_post_id').references((): AnyPgColumn => forumPosts.id, { onDelete: 'set null' }),
    viewsCount: integer('views_count').notNull().default(0),
    likesCount: integer('likes_count').notNull().default(0),
    postsCount: integer('posts_count').notNull().default(0),
    lastActivityAt: timestamp('last_activity_at', { withTimezone: true }).notNull().defaultNow(),
    lastPosterId: uuid('last_poster_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    editedAt: timestamp('edited_at', { withTimezone: true }),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    searchVector: tsvector('search_vector')
      .notNull()
      .generatedAlwaysAs(sql`p2p_search_vector(title, body)`),
    /** The title's words alone (folded, stemmed by script like p2p_search_query), for suggestions while typing. */
    titleVector: tsvector('title_vector')
      .notNull()
      .generatedAlwaysAs(sql`to_tsvector('public.p2p_bilingual'::regconfig, p2p_fold_arabic(title))`),
  },
  (t) => [
    // The lists order by (pinned desc, <sort column> desc, id desc); PostgreSQL reads a page from an
    // index only when its order, nulls placement included, is the query's (plain desc: nulls first).
    ...(
      [
        ['activity', t.lastActivityAt],
        ['newest', t.createdAt],
        ['views', t.viewsCount],
        ['likes', t.likesCount],
        ['replies', t.postsCount],
      ] as const
    ).map(([name, column]) =>
      index(`forum_topics_${name}_page_idx`)
        .on(t.pinned.desc().nullsFirst(), column.desc().nullsFirst(), t.id.desc().nullsFirst())
        .where(sql`deleted_at is null`),
    ),
    index('forum_topics_category_activity_page_idx')
      .on(t.categoryId, t.pinned.desc().nullsFirst(), t.lastActivityAt.desc().nullsFirst(), t.id.desc().nullsFirst())
      .where(sql`deleted_at is null`),
    index('forum_topics_author_idx').on(t.authorId, t.createdAt.desc().nullsFirst()),
    index('forum_topics_organization_idx')
      .on(t.organizationId)
      .where(sql`deleted_at is null`),
    index('forum_topics_search_idx').using('gin', t.searchVector),
    index('forum_topics_title_vector_idx')
      .using('gin', t.titleVector)
      .where(sql`deleted_at is null`),
  ],
);

/**
 * Replies. parent_id is the post replied to (null: a reply to the topic); root_id is the top-level
 * post of the thread branch (itself for a top-level post), so one query loads every descendant of a
 * page of top-level posts. A deleted post that still has replies stays as a tombstone (deleted_at
 * set, body emptied); one without replies is removed. replies_count counts direct replies, tombstones
 * included.
 */
export const forumPosts = pgTable(
  'forum_posts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    topicId: uuid('topic_id')
      .notNull()
      .references(() => forumTopics.id, { onDelete: 'cascade' }),
    parentId: uuid('parent_id').references((): AnyPgColumn => forumPosts.id, { onDelete: 'cascade' }),
    rootId: uuid('root_id').notNull(),
    depth: integer('depth').notNull().default(0),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    body: text('body').notNull(),
    bodyHtml: text('body_html').notNull(),
    likesCount: integer('likes_count').notNull().default(0),
    repliesCount: integer('replies_count').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    editedAt: timestamp('edited_at', { withTimezone: true }),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    searchVector: tsvector('search_vector')
      .notNull()
      .generatedAlwaysAs(sql`p2p_search_vector(null, body)`),
  },
  (t) => [
    index('forum_posts_top_level_idx')
      .on(t.topicId, t.createdAt)
      .where(sql`parent_id is null`),
    index('forum_posts_root_idx').on(t.rootId, t.createdAt),
    index('forum_posts_parent_idx').on(t.parentId),
    index('forum_posts_author_idx').on(t.authorId, t.createdAt.desc().nullsFirst()),
    index('forum_posts_organization_idx')
      .on(t.organizationId)
      .where(sql`deleted_at is null`),
    index('forum_posts_created_idx').on(t.createdAt.desc().nullsFirst()),
    index('forum_posts_search_idx').using('gin', t.searchVector),
  ],
);

export const forumTopicLikes = pgTable(
  'forum_topic_likes',
  {
    topicId: uuid('topic_id')
      .notNull()
      .references(() => forumTopics.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.topicId, t.userId] })],
);

export const forumPostLikes = pgTable(
  'forum_post_likes',
  {
    postId: uuid('post_id')
      .notNull()
      .references(() => forumPosts.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.postId, t.userId] }), index('forum_post_likes_user_idx').on(t.userId)],
);

/** The last counted view of a topic per user: a view counts again after an hour. */
export const forumTopicViews = pgTable(
  'forum_topic_views',
  {
    topicId: uuid('topic_id')
      .notNull()
      .references(() => forumTopics.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    viewedAt: timestamp('viewed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.topicId, t.userId] })],
);

/** @mentions in topics and posts, stored when written (notifications read them). */
export const forumMentions = pgTable(
  'forum_mentions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    topicId: uuid('topic_id')
      .notNull()
      .references(() => forumTopics.id, { onDelete: 'cascade' }),
    postId: uuid('post_id').references(() => forumPosts.id, { onDelete: 'cascade' }),
    mentionedUserId: uuid('mentioned_user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('forum_mentions_user_idx').on(t.mentionedUserId, t.createdAt.desc()), index('forum_mentions_topic_idx').on(t.topicId)],
);

/** Forum searches as typed (folded and lower-cased), for trending terms. */
export const forumSearchLog = pgTable(
  'forum_search_log',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    term: text('term').notNull(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    /** The searcher's organization when they searched: trending terms need people of several organizations. */
    organizationId: uuid('organization_id').references(() => organizations.id, { onDelete: 'set null' }),
    resultsCount: integer('results_count').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('forum_search_log_created_idx').on(t.createdAt.desc(), t.term)],
);
