import { randomUUID } from 'node:crypto';
import { DEMO_CATEGORIES } from '../src/tools/seed/index.js';
import {
  SEARCH_TERMS,
  type Language,
  type Random,
  anyOf,
  between,
  paragraphs,
  seededRandom,
  skewed,
  toHtml,
  topicTitle,
} from './forum-text.js';
import type { Generator, GeneratorContext } from './generate.js';

/** At scale 1: 100,000 topics and 1,000,000 replies; 10,000 search-log rows over the last month. */
export function forumCountsFor(scale: number): { topics: number; posts: number; searches: number } {
  const topics = Math.max(10, Math.round(100_000 * scale));
  return { topics, posts: topics * 10, searches: Math.max(10, Math.round(10_000 * scale)) };
}

/** The tables the forum generator fills; their secondary indexes and foreign keys are set aside while it does. */
const LOADED_TABLES = ['forum_topics', 'forum_posts', 'forum_topic_likes', 'forum_post_likes', 'forum_search_log'];
/** Topics generated and written together (their replies and likes with them). */
const TOPIC_CHUNK = 1000;
const ROW_BATCH = 5000;
const MAX_DEPTH = 10;
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
/** Relative weights of the default categories, in DEMO_CATEGORIES order (automation … general). */
const CATEGORY_WEIGHTS = [22, 18, 25, 10, 10, 15];

interface TopicRow {
  id: string;
  categoryId: string;
  authorId: string;
  organizationId: string;
  title: string;
  body: string;
  pinned: boolean;
  locked: boolean;
  bestPostId: string | null;
  viewsCount: number;
  likesCount: number;
  postsCount: number;
  lastActivityAt: Date;
  lastPosterId: string;
  createdAt: Date;
  deletedAt: Date | null;
}

interface PostRow {
  id: string;
  topicId: string;
  parentId: string | null;
  rootId: string;
  depth: number;
  author: number;
  body: string;
  likesCount: number;
  repliesCount: number;
  createdAt: Date;
  deletedAt: Date | null;
}

interface LikeRows {
  target: string[];
  user: string[];
  at: Date[];
}

/**
 * How many replies a topic gets: most 0–15, one in ten a longer discussion, and a long tail of a few
 * hundred. Scaled afterwards so that the total is exactly the target.
 */
function replyCounts(random: Random, topics: number, total: number): number[] {
  const raw: number[] = [];
  let sum = 0;
  for (let i = 0; i < topics; i += 1) {
    const r = random();
    const n =
      r < 0.88
        ? Math.floor(16 * random() ** 1.6)
        : r < 0.985
          ? between(random, 16, 50)
          : Math.min(900, Math.floor(100 / (1 - random()) ** 0.6));
    raw.push(n);
    sum += n;
  }
  const factor = total / Math.max(1, sum);
  let assigned = 0;
  const counts = raw.map((n) => {
    const scaled = Math.round(n * factor);
    assigned += scaled;
    return scaled;
  });
  // Rounding leaves a few replies over or under: settle them on random topics.
  while (assigned !== total) {
    const i = Math.floor(random() * topics);
    if (assigned < total) {
      counts[i]! += 1;
      assigned += 1;
    } else if (counts[i]! > 0) {
      counts[i]! -= 1;
      assigned -= 1;
    }
  }
  return counts;
}

/** Likes on one post or topic: most none, a few popular ones. */
function likeCount(random: Random, popular: boolean): number {
  const r = random();
  if (popular) return r < 0.4 ? 0 : r < 0.8 ? between(random, 1, 5) : r < 0.98 ? between(random, 6, 15) : between(random, 20, 100);
  return r < 0.65 ? 0 : r < 0.9 ? between(random, 1, 2) : r < 0.99 ? between(random, 3, 6) : between(random, 10, 40);
}

function weightedIndex(random: Random, weights: readonly number[]): number {
  const total = weights.reduce((a, b) => a + b, 0);
  let r = random() * total;
  for (let i = 0; i < weights.length; i += 1) {
    r -= weights[i]!;
    if (r < 0) return i;
  }
  return weights.length - 1;
}

interface SetAside {
  indexes: { name: string; definition: string }[];
  foreignKeys: { table: string; name: string; definition: string }[];
}

async function setAsideIndexesAndKeys(ctx: GeneratorContext): Promise<SetAside> {
  const { client } = ctx;
  const indexes = await client.query<{ name: string; definition: string }>(
    `select ic.relname as name, pg_get_indexdef(i.indexrelid) as definition
       from pg_index i
       join pg_class ic on ic.oid = i.indexrelid
       join pg_class t on t.oid = i.indrelid
      where t.relnamespace = 'public'::regnamespace and t.relname = any($1)
        and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid and c.conrelid = i.indrelid)
      order by t.relname, ic.relname`,
    [LOADED_TABLES],
  );
  const foreignKeys = await client.query<{ table: string; name: string; definition: string }>(
    `select t.relname as table, c.conname as name, pg_get_constraintdef(c.oid) as definition
       from pg_constraint c join pg_class t on t.oid = c.conrelid
      where c.contype = 'f' and t.relnamespace = 'public'::regnamespace and t.relname = any($1)
      order by t.relname, c.conname`,
    [LOADED_TABLES],
  );
  for (const fk of foreignKeys.rows) await client.query(`alter table "${fk.table}" drop constraint "${fk.name}"`);
  for (const index of indexes.rows) await client.query(`drop index "${index.name}"`);
  return { indexes: indexes.rows, foreignKeys: foreignKeys.rows };
}

async function ensureCategories(ctx: GeneratorContext): Promise<string[]> {
  const { client } = ctx;
  await client.query(
    `insert into forum_categories (slug, name_en, name_ar, description_en, description_ar, position)
     select * from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::int[])
     on conflict (slug) do nothing`,
    [
      DEMO_CATEGORIES.map((c) => c.slug),
      DEMO_CATEGORIES.map((c) => c.nameEn),
      DEMO_CATEGORIES.map((c) => c.nameAr),
      DEMO_CATEGORIES.map((c) => c.descriptionEn),
      DEMO_CATEGORIES.map((c) => c.descriptionAr),
      DEMO_CATEGORIES.map((c) => c.position),
    ],
  );
  const rows = await client.query<{ id: string; slug: string }>('select id, slug from forum_categories where slug = any($1)', [
    DEMO_CATEGORIES.map((c) => c.slug),
  ]);
  const bySlug = new Map(rows.rows.map((r) => [r.slug, r.id]));
  return DEMO_CATEGORIES.map((c) => bySlug.get(c.slug)!);
}

/** One topic's replies in a thread shape: top-level posts, and replies nested under recent ones. */
function buildThread(random: Random, topic: TopicRow, replies: number, pickAuthor: () => number, now: number): PostRow[] {
  const posts: PostRow[] = [];
  const start = topic.createdAt.getTime();
  // Replies spread over the time left, busier at first.
  const span = Math.max(HOUR_MS, Math.min(now - start - 60_000, 120 * DAY_MS));
  let at = start;
  for (let i = 0; i < replies; i += 1) {
    at += Math.max(1000, (span / (replies + 1)) * 2 * random() ** 1.5);
    if (at > now - 1000) at = now - 1000 - (replies - i);
    const r = random();
    let parent: PostRow | undefined;
    if (i > 0 && r >= 0.4) {
      parent = r < 0.85 ? posts[i - 1 - Math.floor(Math.min(i, 3) * random())] : posts[Math.floor(random() * i)];
      if (parent && parent.depth >= MAX_DEPTH - 1) parent = posts.find((p) => p.id === parent!.rootId);
    }
    const id = randomUUID();
    const language: Language = random() < 0.85 ? (/[\u0600-\u06FF]/.test(topic.title) ? 'ar' : 'en') : random() < 0.5 ? 'en' : 'ar';
    const body = paragraphs(random, language, between(random, 1, 5));
    if (parent) parent.repliesCount += 1;
    posts.push({
      id,
      topicId: topic.id,
      parentId: parent?.id ?? null,
      rootId: parent ? parent.rootId : id,
      depth: parent ? parent.depth + 1 : 0,
      author: pickAuthor(),
      body,
      likesCount: 0,
      repliesCount: 0,
      createdAt: new Date(Math.max(start + 1000, at)),
      deletedAt: null,
    });
  }
  // A deleted post that has replies stays as an empty tombstone.
  for (const post of posts) {
    if (post.repliesCount > 0 && random() < 0.01) {
      post.deletedAt = new Date(Math.min(now, post.createdAt.getTime() + DAY_MS));
      post.body = '';
    }
  }
  return posts;
}

/** Distinct users (not the author) who like something, with times after it was written. */
function addLikes(
  random: Random,
  into: LikeRows,
  target: string,
  author: number,
  count: number,
  after: number,
  userIds: readonly string[],
  now: number,
): number {
  const chosen = new Set<number>();
  const wanted = Math.min(count, userIds.length - 1);
  while (chosen.size < wanted) {
    const u = Math.floor(random() * userIds.length);
    if (u !== author) chosen.add(u);
  }
  for (const u of chosen) {
    into.target.push(target);
    into.user.push(userIds[u]!);
    into.at.push(new Date(after + Math.floor(random() * Math.max(1000, now - after))));
  }
  return wanted;
}

async function insertTopics(ctx: GeneratorContext, topics: TopicRow[]): Promise<void> {
  const col = <K extends keyof TopicRow>(key: K) => topics.map((t) => t[key]);
  await ctx.client.query(
    `insert into forum_topics (id, category_id, author_id, organization_id, title, body, body_html, pinned, locked, best_post_id,
                               views_count, likes_count, posts_count, last_activity_at, last_poster_id, created_at, updated_at, deleted_at)
     select id, category_id, author_id, organization_id, title, body, body_html, pinned, locked, best_post_id,
            views_count, likes_count, posts_count, last_activity_at, last_poster_id, created_at, created_at, deleted_at
       from unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::text[], $6::text[], $7::text[], $8::bool[], $9::bool[], $10::uuid[],
                   $11::int[], $12::int[], $13::int[], $14::timestamptz[], $15::uuid[], $16::timestamptz[], $17::timestamptz[])
         as t(id, category_id, author_id, organization_id, title, body, body_html, pinned, locked, best_post_id,
              views_count, likes_count, posts_count, last_activity_at, last_poster_id, created_at, deleted_at)`,
    [
      col('id'),
      col('categoryId'),
      col('authorId'),
      col('organizationId'),
      col('title'),
      col('body'),
      topics.map((t) => toHtml(t.body)),
      col('pinned'),
      col('locked'),
      col('bestPostId'),
      col('viewsCount'),
      col('likesCount'),
      col('postsCount'),
      col('lastActivityAt'),
      col('lastPosterId'),
      col('createdAt'),
      col('deletedAt'),
    ],
  );
}

async function insertPosts(ctx: GeneratorContext, posts: PostRow[]): Promise<void> {
  for (let from = 0; from < posts.length; from += ROW_BATCH) {
    const batch = posts.slice(from, from + ROW_BATCH);
    await ctx.client.query(
      `insert into forum_posts (id, topic_id, parent_id, root_id, depth, author_id, organization_id, body, body_html,
                                likes_count, replies_count, created_at, updated_at, deleted_at)
       select id, topic_id, parent_id, root_id, depth, author_id, organization_id, body, body_html,
              likes_count, replies_count, created_at, created_at, deleted_at
         from unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::int[], $6::uuid[], $7::uuid[], $8::text[], $9::text[],
                     $10::int[], $11::int[], $12::timestamptz[], $13::timestamptz[])
           as t(id, topic_id, parent_id, root_id, depth, author_id, organization_id, body, body_html, likes_count, replies_count, created_at, deleted_at)`,
      [
        batch.map((p) => p.id),
        batch.map((p) => p.topicId),
        batch.map((p) => p.parentId),
        batch.map((p) => p.rootId),
        batch.map((p) => p.depth),
        batch.map((p) => ctx.userIds[p.author]!),
        batch.map((p) => ctx.organizationIds[Math.floor(p.author / (ctx.userIds.length / ctx.organizationIds.length))]!),
        batch.map((p) => p.body),
        batch.map((p) => toHtml(p.body)),
        batch.map((p) => p.likesCount),
        batch.map((p) => p.repliesCount),
        batch.map((p) => p.createdAt),
        batch.map((p) => p.deletedAt),
      ],
    );
  }
}

async function insertLikes(ctx: GeneratorContext, table: 'forum_topic_likes' | 'forum_post_likes', likes: LikeRows): Promise<void> {
  const column = table === 'forum_topic_likes' ? 'topic_id' : 'post_id';
  for (let from = 0; from < likes.target.length; from += ROW_BATCH * 2) {
    const to = from + ROW_BATCH * 2;
    await ctx.client.query(
      `insert into ${table} (${column}, user_id, created_at) select * from unnest($1::uuid[], $2::uuid[], $3::timestamptz[])`,
      [likes.target.slice(from, to), likes.user.slice(from, to), likes.at.slice(from, to)],
    );
  }
}

/** Steps of the forum load with their durations, for the report. */
export const forumLoadDetails: { step: string; ms: number }[] = [];

function addTime(step: string, started: number): void {
  const ms = Math.round(performance.now() - started);
  const existing = forumLoadDetails.find((d) => d.step === step);
  if (existing) existing.ms += ms;
  else forumLoadDetails.push({ step, ms });
}

async function generateThreads(ctx: GeneratorContext, categoryIds: string[]): Promise<void> {
  const { topics: topicCount, posts: postCount } = forumCountsFor(ctx.scale);
  const random = seededRandom(20_260_101 + Math.round(ctx.scale * 1000));
  const users = ctx.userIds.length;
  const usersPerOrganization = users / ctx.organizationIds.length;
  // Some people write far more than others; the stride spreads the busy ones over organizations.
  const pickAuthor = () => (Math.floor(users * random() ** 1.5) * 7919) % users;
  const organizationOf = (user: number) => ctx.organizationIds[Math.floor(user / usersPerOrganization)]!;
  const counts = replyCounts(random, topicCount, postCount);
  const now = Date.now();
  const firstTopicAt = now - 730 * DAY_MS;
  const progress = ctx.progress('Forum threads', topicCount);

  for (let from = 0; from < topicCount; from += TOPIC_CHUNK) {
    const to = Math.min(topicCount, from + TOPIC_CHUNK);
    let started = performance.now();
    const topics: TopicRow[] = [];
    const posts: PostRow[] = [];
    const topicLikes: LikeRows = { target: [], user: [], at: [] };
    const postLikes: LikeRows = { target: [], user: [], at: [] };
    for (let i = from; i < to; i += 1) {
      const author = pickAuthor();
      const language: Language = random() < 0.55 ? 'en' : 'ar';
      const createdAt = new Date(firstTopicAt + ((now - firstTopicAt - DAY_MS) * (i + random())) / topicCount);
      const topic: TopicRow = {
        id: randomUUID(),
        categoryId: categoryIds[weightedIndex(random, CATEGORY_WEIGHTS)]!,
        authorId: ctx.userIds[author]!,
        organizationId: organizationOf(author),
        title: topicTitle(random, language),
        body: paragraphs(random, language, between(random, 2, 7)),
        pinned: i < 6 || random() < 0.001,
        locked: random() < 0.01,
        bestPostId: null,
        viewsCount: 0,
        likesCount: 0,
        postsCount: 0,
        lastActivityAt: createdAt,
        lastPosterId: ctx.userIds[author]!,
        createdAt,
        deletedAt: random() < 0.002 ? new Date(createdAt.getTime() + DAY_MS) : null,
      };
      const thread = buildThread(random, topic, counts[i]!, pickAuthor, now);
      let lastPost: PostRow | undefined;
      for (const post of thread) {
        if (post.deletedAt) continue;
        topic.postsCount += 1;
        if (!lastPost || post.createdAt > lastPost.createdAt) lastPost = post;
        post.likesCount = addLikes(
          random,
          postLikes,
          post.id,
          post.author,
          likeCount(random, false),
          post.createdAt.getTime(),
          ctx.userIds,
          now,
        );
      }
      if (lastPost) {
        topic.lastActivityAt = lastPost.createdAt;
        topic.lastPosterId = ctx.userIds[lastPost.author]!;
      }
      topic.likesCount = addLikes(random, topicLikes, topic.id, author, likeCount(random, true), createdAt.getTime(), ctx.userIds, now);
      topic.viewsCount = topic.postsCount * between(random, 4, 25) + between(random, 1, 60);
      if (topic.postsCount >= 2 && random() < 0.25) {
        const candidates = thread.filter((p) => !p.deletedAt && p.author !== author);
        if (candidates.length > 0)
          topic.bestPostId = skewed(
            random,
            [...candidates].sort((a, b) => b.likesCount - a.likesCount),
            1.5,
          ).id;
      }
      topics.push(topic);
      posts.push(...thread);
    }
    addTime('generate text and thread shapes (JS)', started);
    started = performance.now();
    await insertTopics(ctx, topics);
    addTime('insert topics', started);
    started = performance.now();
    await insertPosts(ctx, posts);
    addTime('insert posts', started);
    started = performance.now();
    await insertLikes(ctx, 'forum_topic_likes', topicLikes);
    await insertLikes(ctx, 'forum_post_likes', postLikes);
    addTime('insert likes', started);
    progress.increment(to - from);
  }
  progress.stop();
}

async function generateSearchLog(ctx: GeneratorContext): Promise<void> {
  const { searches } = forumCountsFor(ctx.scale);
  const random = seededRandom(7_777 + Math.round(ctx.scale * 1000));
  const now = Date.now();
  const progress = ctx.progress('Search log', searches);
  const started = performance.now();
  for (let from = 0; from < searches; from += ROW_BATCH) {
    const to = Math.min(searches, from + ROW_BATCH);
    const term: string[] = [];
    const user: (string | null)[] = [];
    const results: number[] = [];
    const at: Date[] = [];
    for (let i = from; i < to; i += 1) {
      const t = skewed(random, SEARCH_TERMS, 2.5);
      term.push(random() < 0.1 ? t.toUpperCase() : t);
      user.push(random() < 0.1 ? null : anyOf(random, ctx.userIds));
      results.push(Math.floor(5000 * random() ** 3));
      at.push(new Date(now - Math.floor(30 * DAY_MS * random())));
    }
    await ctx.client.query(
      `insert into forum_search_log (term, user_id, results_count, created_at)
       select p2p_fold_arabic(lower(term)), user_id, results_count, created_at
         from unnest($1::text[], $2::uuid[], $3::int[], $4::timestamptz[]) as t(term, user_id, results_count, created_at)`,
      [term, user, results, at],
    );
    progress.increment(to - from);
  }
  addTime('insert search log', started);
  progress.stop();
}

/**
 * The forum: the default categories, topics and threaded replies with likes, exact counters, best
 * answers, pinned and locked topics, and a month of search-log entries. Secondary indexes and foreign
 * keys of the loaded tables are dropped first and rebuilt after the load (inside the same transaction).
 */
export function createForumGenerator(): Generator {
  let setAside: SetAside | undefined;
  return {
    name: 'forum threads and search log',
    async run(ctx) {
      forumLoadDetails.length = 0;
      let started = performance.now();
      setAside = await setAsideIndexesAndKeys(ctx);
      addTime('drop forum indexes and foreign keys', started);
      started = performance.now();
      const categoryIds = await ensureCategories(ctx);
      addTime('categories', started);
      await generateThreads(ctx, categoryIds);
      await generateSearchLog(ctx);
    },
    async afterLoad(ctx) {
      if (!setAside) return;
      await ctx.client.query("set local maintenance_work_mem = '256MB'");
      const progress = ctx.progress('Forum indexes', setAside.indexes.length + setAside.foreignKeys.length);
      for (const index of setAside.indexes) {
        const started = performance.now();
        await ctx.client.query(index.definition);
        addTime(`index ${index.name}`, started);
        progress.increment(1);
      }
      const started = performance.now();
      for (const fk of setAside.foreignKeys) {
        await ctx.client.query(`alter table "${fk.table}" add constraint "${fk.name}" ${fk.definition}`);
        progress.increment(1);
      }
      addTime('foreign keys (validated)', started);
      await ctx.client.query(
        'update forum_categories c set topics_count = (select count(*) from forum_topics t where t.category_id = c.id and t.deleted_at is null)',
      );
      progress.stop();
      setAside = undefined;
    },
  };
}
