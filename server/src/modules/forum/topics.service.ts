import {
  type CreateForumTopicBody,
  type ForumLikeResult,
  type ForumTopic,
  type ForumTopicSummary,
  type forumTopicListQuerySchema,
  type Page,
  toPage,
  type UpdateForumTopicBody,
} from '@p2p/contracts';
import { eq, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { type Db, type DbOrTx, queryRows, toNumber } from '../../platform/db.js';
import { AppError, notFound } from '../../platform/errors.js';
import { withTransaction } from '../../platform/transaction.js';
import { type Actor } from '../../platform/actor.js';
import { forumTopics } from './forum.tables.js';
import { assertCanChange, assertForumWriter, assertModerator, canChangeContent } from './forum.policy.js';
import { type Reader, visibleCategory, visibleTopic } from './forum.reader.js';
import { authorColumns, authorFrom, presentAuthor } from '../people/index.js';
import { iso, isoOrNull } from '../../platform/time.js';
import { excerptOf, renderMarkdown } from '../../platform/markdown.js';
import { addMentions, replaceMentions } from './mentions.js';

type TopicListQuery = z.output<typeof forumTopicListQuerySchema>;

/** Lists stop counting here: `total` is exact below it, and otherwise 10,000 with totalIsExact false. */
export const COUNT_LIMIT = 10_000;

const SORT_COLUMNS: Record<TopicListQuery['sort'], string> = {
  activity: 't.last_activity_at',
  newest: 't.created_at',
  views: 't.views_count',
  likes: 't.likes_count',
  replies: 't.posts_count',
};

const SUMMARY_COLUMNS = sql`t.id, t.category_id, t.title, left(t.body, 600) as body_start, t.pinned, t.locked, t.best_post_id,
  t.views_count, t.likes_count, t.posts_count, t.last_activity_at, t.created_at, t.author_id`;

function presentSummary(row: Record<string, unknown>): ForumTopicSummary {
  return {
    id: row.id as string,
    categoryId: row.category_id as string,
    title: row.title as string,
    excerpt: excerptOf(row.body_start as string),
    author: presentAuthor(row),
    pinned: row.pinned as boolean,
    locked: row.locked as boolean,
    solved: row.best_post_id !== null,
    viewsCount: toNumber(row.views_count),
    likesCount: toNumber(row.likes_count),
    postsCount: toNumber(row.posts_count),
    lastActivityAt: iso(row.last_activity_at as Date),
    createdAt: iso(row.created_at as Date),
  };
}

/** Topics the reader may see, pinned first, in the chosen order; `total` stops counting at COUNT_LIMIT. */
export async function listTopics(db: Db, actor: Actor, query: TopicListQuery): Promise<Page<ForumTopicSummary>> {
  const reader = actor;
  const conditions: SQL[] = [visibleTopic(reader)];
  if (query.categoryId) conditions.push(sql`t.category_id = ${query.categoryId}`);
  if (query.authorId) conditions.push(sql`t.author_id = ${query.authorId}`);
  if (query.pinned !== undefined) conditions.push(sql`t.pinned = ${query.pinned}`);
  if (query.solved !== undefined) conditions.push(query.solved ? sql`t.best_post_id is not null` : sql`t.best_post_id is null`);
  if (query.from) conditions.push(sql`t.created_at >= ${new Date(query.from)}`);
  if (query.to) conditions.push(sql`t.created_at <= ${endOfDay(query.to)}`);
  const where = sql.join(conditions, sql` and `);
  const order = sql.raw(`t.pinned desc, ${SORT_COLUMNS[query.sort]} desc, t.id desc`);
  // Without filters beyond the category, the categories' topic counters are the total; otherwise
  // count, stopping at COUNT_LIMIT. The total rides along with the page's rows (one round trip); a
  // page past the end has no rows to carry it and asks for it alone.
  const countedByCategory =
    query.authorId === undefined && query.pinned === undefined && query.solved === undefined && !query.from && !query.to;
  const total = countedByCategory
    ? sql`(select coalesce(sum(c.topics_count), 0) from forum_categories c
           where ${visibleCategory(reader, sql`c.organization_id`)} ${query.categoryId ? sql`and c.id = ${query.categoryId}` : sql``})`
    : sql`(select count(*) from (select 1 from forum_topics t where ${where} limit ${COUNT_LIMIT + 1}) s)`;
  const rows = await queryRows(
    db,
    sql`select ${SUMMARY_COLUMNS}, ${authorColumns()}, ${total} as total_count
        from forum_topics t join users u on u.id = t.author_id join organizations o on o.id = t.organization_id
        where ${where} order by ${order} limit ${query.pageSize} offset ${(query.page - 1) * query.pageSize}`,
  );
  const counted = toNumber(rows[0] ? rows[0].total_count : (await queryRows<{ n: number }>(db, sql`select ${total} as n`))[0]?.n);
  if (countedByCategory) return toPage(rows.map(presentSummary), counted, query.page, query.pageSize);
  const page = toPage(rows.map(presentSummary), Math.min(counted, COUNT_LIMIT), query.page, query.pageSize);
  return counted > COUNT_LIMIT ? { ...page, totalIsExact: false } : page;
}

/** A date-only upper bound includes the whole day. */
export function endOfDay(value: string): Date {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T23:59:59.999Z`) : new Date(value);
}

/** The topic as its reader sees it (one query), or 404 when missing, deleted or not visible. */
async function loadTopic(db: DbOrTx, reader: Reader, topicId: string): Promise<ForumTopic> {
  const [row] = await queryRows(
    db,
    sql`select ${SUMMARY_COLUMNS}, t.body, t.body_html, t.edited_at, c.organization_id as category_organization_id,
          exists(select 1 from forum_topic_likes l where l.topic_id = t.id and l.user_id = ${reader.userId}) as liked_by_me,
          left(bp.body, 600) as best_body, ${authorColumns()}, ${authorColumns('bu', 'bo', 'b_')},
          (select count(*) from forum_posts r, forum_posts br
            where br.id = bp.root_id and r.topic_id = t.id and r.parent_id is null and (r.created_at, r.id) < (br.created_at, br.id)) as best_position
        from forum_topics t
        join forum_categories c on c.id = t.category_id
        join users u on u.id = t.author_id join organizations o on o.id = t.organization_id
        left join forum_posts bp on bp.id = t.best_post_id
        left join users bu on bu.id = bp.author_id left join organizations bo on bo.id = bp.organization_id
        where t.id = ${topicId} and t.deleted_at is null and ${visibleCategory(reader, sql`c.organization_id`)}`,
  );
  if (!row) throw notFound('Topic');
  const summary = presentSummary(row);
  const place = { authorId: row.author_id as string, categoryOrganizationId: row.category_organization_id as string | null };
  const mayChange = canChangeContent(reader, place);
  const isAuthor = place.authorId === reader.userId;
  return {
    ...summary,
    body: row.body as string,
    bodyHtml: row.body_html as string,
    bestPostId: row.best_post_id as string | null,
    bestAnswer: row.best_post_id
      ? {
          postId: row.best_post_id as string,
          author: authorFrom(row, 'b_'),
          excerpt: excerptOf((row.best_body as string | null) ?? ''),
          position: toNumber(row.best_position),
        }
      : null,
    likedByMe: row.liked_by_me as boolean,
    editedAt: isoOrNull(row.edited_at as Date | null),
    can: {
      edit: mayChange,
      delete: mayChange,
      moderate: reader.isModerator,
      markBestAnswer: isAuthor || reader.isModerator,
      reply: !summary.locked,
    },
  };
}

/** Opening a topic counts a view, once per reader per hour (one atomic statement). */
export async function openTopic(db: Db, actor: Actor, topicId: string): Promise<ForumTopic> {
  const reader = actor;
  const topic = await loadTopic(db, reader, topicId);
  const [counted] = await queryRows<{ views_count: number }>(
    db,
    sql`with viewed as (
          insert into forum_topic_views (topic_id, user_id, viewed_at) values (${topicId}, ${actor.userId}, now())
          on conflict (topic_id, user_id) do update set viewed_at = excluded.viewed_at
            where forum_topic_views.viewed_at <= now() - interval '1 hour'
          returning 1)
        update forum_topics set views_count = views_count + 1
        where id = ${topicId} and exists (select 1 from viewed) returning views_count`,
  );
  return counted ? { ...topic, viewsCount: toNumber(counted.views_count) } : topic;
}

/** The category a topic goes into: it must exist and be visible to the writer (a body field: 400). */
async function assertWritableCategory(db: DbOrTx, reader: Reader, categoryId: string): Promise<void> {
  const [row] = await queryRows(
    db,
    sql`select 1 as ok from forum_categories c where c.id = ${categoryId} and ${visibleCategory(reader, sql`c.organization_id`)}`,
  );
  if (!row)
    throw new AppError('VALIDATION_FAILED', 'Choose a category', [
      { path: 'categoryId', message: 'This category does not exist', code: 'not_found' },
    ]);
}

export async function createTopic(db: Db, actor: Actor, body: CreateForumTopicBody): Promise<ForumTopic> {
  return withTransaction(db, async (tx) => {
    const reader = actor;
    assertForumWriter(reader);
    await assertWritableCategory(tx, reader, body.categoryId);
    const [created] = await tx
      .insert(forumTopics)
      .values({
        categoryId: body.categoryId,
        authorId: actor.userId,
        organizationId: reader.organizationId,
        title: body.title,
        body: body.body,
        bodyHtml: renderMarkdown(body.body),
        lastPosterId: actor.userId,
      })
      .returning({ id: forumTopics.id });
    await queryRows(tx, sql`update forum_categories set topics_count = topics_count + 1 where id = ${body.categoryId}`);
    await addMentions(tx, { topicId: created!.id, postId: null, authorId: actor.userId, body: body.body });
    return loadTopic(tx, reader, created!.id);
  });
}

/** What permission checks need to know about a topic. */
export interface TopicPlace {
  id: string;
  authorId: string;
  /** The organization of a private category (null: a public one). */
  categoryOrganizationId: string | null;
  locked: boolean;
  bestPostId: string | null;
}

/**
 * The topic's place, or 404 when it is missing, deleted or in a category the reader may not see.
 * With `lock`, the topic row stays locked until the transaction ends (writes that change it).
 */
export async function findTopicPlace(db: DbOrTx, reader: Reader, topicId: string, { lock = false } = {}): Promise<TopicPlace> {
  const [row] = await queryRows<{
    id: string;
    author_id: string;
    category_organization_id: string | null;
    locked: boolean;
    best_post_id: string | null;
  }>(
    db,
    sql`select t.id, t.author_id, t.locked, t.best_post_id, c.organization_id as category_organization_id
        from forum_topics t join forum_categories c on c.id = t.category_id
        where t.id = ${topicId} and t.deleted_at is null and ${visibleCategory(reader, sql`c.organization_id`)}
        ${lock ? sql`for update of t` : sql``}`,
  );
  if (!row) throw notFound('Topic');
  return {
    id: row.id,
    authorId: row.author_id,
    categoryOrganizationId: row.category_organization_id,
    locked: row.locked,
    bestPostId: row.best_post_id,
  };
}

export async function updateTopic(db: Db, actor: Actor, topicId: string, body: UpdateForumTopicBody): Promise<ForumTopic> {
  return withTransaction(db, async (tx) => {
    const reader = actor;
    const topic = await findTopicPlace(tx, reader, topicId, { lock: true });
    assertCanChange(reader, topic, 'topic');
    assertForumWriter(reader);
    await assertWritableCategory(tx, reader, body.categoryId);
    await queryRows(
      tx,
      sql`update forum_categories c set topics_count = topics_count + case when c.id = ${body.categoryId} then 1 else -1 end
          from forum_topics t where t.id = ${topicId} and t.category_id <> ${body.categoryId} and c.id in (t.category_id, ${body.categoryId})`,
    );
    const now = new Date();
    await tx
      .update(forumTopics)
      .set({
        categoryId: body.categoryId,
        title: body.title,
        body: body.body,
        bodyHtml: renderMarkdown(body.body),
        editedAt: now,
        updatedAt: now,
      })
      .where(eq(forumTopics.id, topicId));
    await replaceMentions(tx, { topicId, postId: null, authorId: topic.authorId, body: body.body });
    return loadTopic(tx, reader, topicId);
  });
}

/** Deleting a topic hides it with its replies (kept for the record, never shown again). */
export async function deleteTopic(db: Db, actor: Actor, topicId: string): Promise<void> {
  await withTransaction(db, async (tx) => {
    const reader = actor;
    const topic = await findTopicPlace(tx, reader, topicId, { lock: true });
    assertCanChange(reader, topic, 'topic');
    assertForumWriter(reader);
    await tx.update(forumTopics).set({ deletedAt: new Date(), updatedAt: new Date() }).where(eq(forumTopics.id, topicId));
    await queryRows(
      tx,
      sql`update forum_categories set topics_count = topics_count - 1 where id = (select category_id from forum_topics where id = ${topicId})`,
    );
  });
}

export async function toggleTopicLike(db: Db, actor: Actor, topicId: string): Promise<ForumLikeResult> {
  const reader = actor;
  assertForumWriter(reader);
  return withTransaction(db, async (tx) => {
    const [visible] = await queryRows(
      tx,
      sql`select ${likeTurn('forum_topic_likes', topicId, actor.userId)} as turn
          from forum_topics t join forum_categories c on c.id = t.category_id
          where t.id = ${topicId} and t.deleted_at is null and ${visibleCategory(reader, sql`c.organization_id`)}`,
    );
    if (!visible) throw notFound('Topic');
    return toggleLike(tx, { likes: 'forum_topic_likes', target: 'forum_topics', key: 'topic_id' }, topicId, actor.userId);
  });
}

/**
 * One person's toggles of one thing take turns (a transaction-scoped advisory lock), so that N
 * toggles leave it liked exactly when N is odd. Select it in the statement that checks visibility.
 */
export function likeTurn(likes: 'forum_topic_likes' | 'forum_post_likes', targetId: string, userId: string) {
  return sql`pg_advisory_xact_lock(hashtextextended(${`${likes}:${targetId}:${userId}`}, 0))`;
}

/**
 * A like toggle, in one statement taken after the caller's turn: insert the like, or delete it when
 * it was there, and move the counter by exactly the row that changed, so the counter always equals
 * the rows.
 */
export async function toggleLike(
  tx: DbOrTx,
  tables: { likes: 'forum_topic_likes' | 'forum_post_likes'; target: 'forum_topics' | 'forum_posts'; key: 'topic_id' | 'post_id' },
  targetId: string,
  userId: string,
): Promise<ForumLikeResult> {
  const likes = sql.raw(tables.likes);
  const target = sql.raw(tables.target);
  const key = sql.raw(tables.key);
  const [row] = await queryRows<{ likes_count: number; added: number }>(
    tx,
    sql`with added as (insert into ${likes} (${key}, user_id) values (${targetId}, ${userId}) on conflict do nothing returning 1),
        removed as (delete from ${likes} where ${key} = ${targetId} and user_id = ${userId} and not exists (select 1 from added) returning 1)
        update ${target} set likes_count = likes_count + (select count(*) from added) - (select count(*) from removed)
        where id = ${targetId} returning likes_count, (select count(*) from added) as added`,
  );
  return { liked: toNumber(row?.added) > 0, likesCount: toNumber(row?.likes_count) };
}

/** Moderators pin and lock topics. */
export async function moderateTopic(
  db: Db,
  actor: Actor,
  topicId: string,
  change: { pinned: boolean } | { locked: boolean },
): Promise<ForumTopic> {
  return withTransaction(db, async (tx) => {
    const reader = actor;
    await findTopicPlace(tx, reader, topicId, { lock: true });
    assertModerator(reader);
    await tx
      .update(forumTopics)
      .set({ ...change, updatedAt: new Date() })
      .where(eq(forumTopics.id, topicId));
    return loadTopic(tx, reader, topicId);
  });
}

/** Sets every category's topic counter from its rows (after bulk writes that bypass the services). */
export async function recountCategoryTopics(tx: DbOrTx): Promise<void> {
  await queryRows(
    tx,
    sql`update forum_categories c set topics_count = (select count(*) from forum_topics t where t.category_id = c.id and t.deleted_at is null)`,
  );
}
