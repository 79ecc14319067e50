import { randomUUID } from 'node:crypto';
import { type CreateForumPostBody, type ForumLikeResult, type ForumPost, type Page, toPage } from '@p2p/contracts';
import { sql } from 'drizzle-orm';
import { type Db, type DbOrTx, queryRows, toNumber } from '../../platform/db.js';
import { AppError, notFound } from '../../platform/errors.js';
import { withTransaction } from '../../platform/transaction.js';
import { type Actor } from '../../platform/actor.js';
import { assertCanChange, assertForumWriter, canChangeContent } from './forum.policy.js';
import { type Reader, visibleCategory } from './forum.reader.js';
import { authorColumns, authorFrom } from '../people/index.js';
import { iso, isoOrNull } from '../../platform/time.js';
import { renderMarkdown } from '../../platform/markdown.js';
import { addMentions, replaceMentions } from './mentions.js';
import { findTopicPlace, likeTurn, type TopicPlace, toggleLike } from './topics.service.js';

const POST_COLUMNS = (reader: Reader) => sql`p.id, p.topic_id, p.parent_id, p.root_id, p.depth, p.author_id, p.body, p.body_html,
  p.likes_count, p.replies_count, p.created_at, p.edited_at, p.deleted_at,
  exists(select 1 from forum_post_likes l where l.post_id = p.id and l.user_id = ${reader.userId}) as liked_by_me,
  ${authorColumns()}`;

const POST_JOINS = sql`join users u on u.id = p.author_id join organizations o on o.id = p.organization_id`;

function presentPost(row: Record<string, unknown>, topic: TopicPlace, reader: Reader): ForumPost {
  const deleted = row.deleted_at !== null;
  const mayChange =
    !deleted && canChangeContent(reader, { authorId: row.author_id as string, categoryOrganizationId: topic.categoryOrganizationId });
  return {
    id: row.id as string,
    topicId: row.topic_id as string,
    parentPostId: row.parent_id as string | null,
    depth: toNumber(row.depth),
    author: deleted ? null : authorFrom(row),
    body: deleted ? '' : (row.body as string),
    bodyHtml: deleted ? '' : (row.body_html as string),
    likesCount: toNumber(row.likes_count),
    repliesCount: toNumber(row.replies_count),
    likedByMe: row.liked_by_me as boolean,
    isBestAnswer: topic.bestPostId === row.id,
    deleted,
    createdAt: iso(row.created_at as Date),
    editedAt: isoOrNull(row.edited_at as Date | null),
    can: {
      edit: mayChange,
      delete: mayChange,
      moderate: reader.isModerator,
      markBestAnswer: !deleted && (topic.authorId === reader.userId || reader.isModerator),
      reply: !topic.locked && !deleted,
    },
  };
}

/**
 * Posts in reading order: each parent followed by its replies (depth first), siblings oldest first.
 * `rows` may hold several branches; those whose parent is not among them start a branch, in order.
 */
export function threadOrder<T extends { id: string; parent_id: string | null; created_at: Date | string }>(rows: T[]): T[] {
  const byTime = [...rows].sort((a, b) => new Date(a.created_at).getTime() - new Date(b.created_at).getTime() || (a.id < b.id ? -1 : 1));
  const ids = new Set(rows.map((row) => row.id));
  const children = new Map<string, T[]>();
  const starts: T[] = [];
  for (const row of byTime) {
    if (row.parent_id && ids.has(row.parent_id)) {
      const list = children.get(row.parent_id);
      if (list) list.push(row);
      else children.set(row.parent_id, [row]);
    } else starts.push(row);
  }
  const ordered: T[] = [];
  const stack = [...starts].reverse();
  while (stack.length > 0) {
    const row = stack.pop()!;
    ordered.push(row);
    const replies = children.get(row.id);
    if (replies) for (let i = replies.length - 1; i >= 0; i -= 1) stack.push(replies[i]!);
  }
  return ordered;
}

/**
 * A page of top-level posts with every reply beneath them, flat in reading order, in one query
 * whatever the thread's size: the topic (404 when the reader may not see it), the count of its
 * top-level posts, and the page of branches with all their posts (through root_id).
 */
export async function getThread(db: Db, actor: Actor, topicId: string, page: number, pageSize: number): Promise<Page<ForumPost>> {
  const reader = actor;
  const rows = await queryRows(
    db,
    sql`with topic as (
          select t.id as t_id, t.author_id as t_author_id, t.locked as t_locked, t.best_post_id as t_best_post_id,
            c.organization_id as t_category_organization_id
          from forum_topics t join forum_categories c on c.id = t.category_id
          where t.id = ${topicId} and t.deleted_at is null and ${visibleCategory(reader, sql`c.organization_id`)}),
        roots as (
          select id from forum_posts where topic_id = (select t_id from topic) and parent_id is null
          order by created_at, id limit ${pageSize} offset ${(page - 1) * pageSize}),
        total as (select count(*) as total_roots from forum_posts where topic_id = (select t_id from topic) and parent_id is null)
        select topic.*, total.total_roots, ${POST_COLUMNS(reader)}
        from topic cross join total
        left join (forum_posts p ${POST_JOINS}) on p.root_id in (select id from roots)`,
  );
  const first = rows[0];
  if (!first) throw notFound('Topic');
  const topic: TopicPlace = {
    id: first.t_id as string,
    authorId: first.t_author_id as string,
    categoryOrganizationId: first.t_category_organization_id as string | null,
    locked: first.t_locked as boolean,
    bestPostId: first.t_best_post_id as string | null,
  };
  const posts = rows.filter((row) => row.id !== null) as (Record<string, unknown> & {
    id: string;
    parent_id: string | null;
    created_at: Date;
  })[];
  return toPage(
    threadOrder(posts).map((row) => presentPost(row, topic, reader)),
    toNumber(first.total_roots),
    page,
    pageSize,
  );
}

/** Every reply beneath a post (not the post itself), flat in reading order. */
export async function getReplies(db: Db, actor: Actor, postId: string): Promise<ForumPost[]> {
  const reader = actor;
  const [post] = await queryRows<{ topic_id: string; root_id: string }>(
    db,
    sql`select topic_id, root_id from forum_posts where id = ${postId}`,
  );
  if (!post) throw notFound('Post');
  const topic = await findTopicPlace(db, reader, post.topic_id);
  const branch = await queryRows(
    db,
    sql`select ${POST_COLUMNS(reader)} from forum_posts p ${POST_JOINS} where p.root_id = ${post.root_id}`,
  );
  const ordered = threadOrder(branch as (Record<string, unknown> & { id: string; parent_id: string | null; created_at: Date })[]);
  // The descendants of the post: the rows after it in reading order that are deeper than it.
  const start = ordered.findIndex((row) => row.id === postId);
  const depth = toNumber(ordered[start]?.depth);
  const replies: typeof ordered = [];
  for (let i = start + 1; i < ordered.length && toNumber(ordered[i]!.depth) > depth; i += 1) replies.push(ordered[i]!);
  return replies.map((row) => presentPost(row, topic, reader));
}

async function loadPost(db: DbOrTx, reader: Reader, topic: TopicPlace, postId: string): Promise<ForumPost> {
  const [row] = await queryRows(db, sql`select ${POST_COLUMNS(reader)} from forum_posts p ${POST_JOINS} where p.id = ${postId}`);
  if (!row) throw notFound('Post');
  return presentPost(row, topic, reader);
}

/**
 * A reply to the topic or to one of its posts. One transaction: the post, its parent's reply count,
 * the topic's counters and latest activity (refused when the topic is locked, checked under the
 * topic's row lock), the mentions.
 */
export async function createPost(db: Db, actor: Actor, topicId: string, body: CreateForumPostBody): Promise<ForumPost> {
  const reader = actor;
  assertForumWriter(reader);
  return withTransaction(db, async (tx) => {
    // The topic's counters move first: that one statement also checks that the reader sees the topic
    // and that it is not locked, and holds the topic's row lock for the rest of the transaction.
    const [counted] = await queryRows<{ author_id: string; best_post_id: string | null; category_organization_id: string | null }>(
      tx,
      sql`update forum_topics t set posts_count = posts_count + 1, last_activity_at = now(), last_poster_id = ${actor.userId}
          from forum_categories c
          where t.id = ${topicId} and c.id = t.category_id and t.deleted_at is null and not t.locked
            and ${visibleCategory(reader, sql`c.organization_id`)}
          returning t.author_id, t.best_post_id, c.organization_id as category_organization_id`,
    );
    if (!counted) {
      const topic = await findTopicPlace(tx, reader, topicId);
      if (topic.locked) throw new AppError('TOPIC_LOCKED', 'This topic is locked: it takes no more replies');
      throw notFound('Topic');
    }
    const topic: TopicPlace = {
      id: topicId,
      authorId: counted.author_id,
      categoryOrganizationId: counted.category_organization_id,
      locked: false,
      bestPostId: counted.best_post_id,
    };
    const id = randomUUID();
    let rootId: string = id;
    let depth = 0;
    const parentId = body.parentPostId ?? null;
    if (parentId) {
      const [parent] = await queryRows<{ root_id: string; depth: number }>(
        tx,
        sql`update forum_posts set replies_count = replies_count + 1
            where id = ${parentId} and topic_id = ${topicId} and deleted_at is null returning root_id, depth`,
      );
      if (!parent)
        throw new AppError('VALIDATION_FAILED', 'The post you reply to does not exist', [
          { path: 'parentPostId', message: 'This post does not exist in the topic', code: 'not_found' },
        ]);
      rootId = parent.root_id;
      depth = toNumber(parent.depth) + 1;
    }
    const [row] = await queryRows(
      tx,
      sql`with p as (
            insert into forum_posts (id, topic_id, parent_id, root_id, depth, author_id, organization_id, body, body_html)
            values (${id}, ${topicId}, ${parentId}, ${rootId}, ${depth}, ${actor.userId}, ${reader.organizationId}, ${body.body}, ${renderMarkdown(body.body)})
            returning *)
          select p.*, false as liked_by_me, ${authorColumns()} from p ${POST_JOINS}`,
    );
    await addMentions(tx, { topicId, postId: id, authorId: actor.userId, body: body.body });
    return presentPost(row!, topic, reader);
  });
}

/** The post and its topic for a change, both locked; 404 when not visible or already deleted. */
async function lockPost(tx: DbOrTx, reader: Reader, postId: string) {
  const [post] = await queryRows<{
    id: string;
    topic_id: string;
    parent_id: string | null;
    author_id: string;
    replies_count: number;
    deleted_at: Date | null;
  }>(tx, sql`select id, topic_id, parent_id, author_id, replies_count, deleted_at from forum_posts where id = ${postId}`);
  if (!post || post.deleted_at) throw notFound('Post');
  const topic = await findTopicPlace(tx, reader, post.topic_id, { lock: true });
  const [locked] = await queryRows<{ replies_count: number; deleted_at: Date | null }>(
    tx,
    sql`select replies_count, deleted_at from forum_posts where id = ${postId} for update`,
  );
  if (!locked || locked.deleted_at) throw notFound('Post');
  return { post: { ...post, replies_count: toNumber(locked.replies_count) }, topic };
}

export async function updatePost(db: Db, actor: Actor, postId: string, body: string): Promise<ForumPost> {
  return withTransaction(db, async (tx) => {
    const reader = actor;
    const { post, topic } = await lockPost(tx, reader, postId);
    assertCanChange(reader, { authorId: post.author_id, categoryOrganizationId: topic.categoryOrganizationId }, 'post');
    assertForumWriter(reader);
    await queryRows(
      tx,
      sql`update forum_posts set body = ${body}, body_html = ${renderMarkdown(body)}, edited_at = now(), updated_at = now() where id = ${postId}`,
    );
    await replaceMentions(tx, { topicId: topic.id, postId, authorId: post.author_id, body });
    return loadPost(tx, reader, topic, postId);
  });
}

/**
 * Deleting a post: one with replies stays as a tombstone so the thread keeps its shape; one without
 * is removed, and so is every tombstone above it that is left without replies. The topic's reply
 * count drops by one; a deleted best answer is no longer the best answer.
 */
export async function deletePost(db: Db, actor: Actor, postId: string): Promise<void> {
  await withTransaction(db, async (tx) => {
    const reader = actor;
    const { post, topic } = await lockPost(tx, reader, postId);
    assertCanChange(reader, { authorId: post.author_id, categoryOrganizationId: topic.categoryOrganizationId }, 'post');
    assertForumWriter(reader);
    if (post.replies_count > 0) {
      await queryRows(
        tx,
        sql`update forum_posts set deleted_at = now(), updated_at = now(), body = '', body_html = '' where id = ${postId}`,
      );
      await queryRows(tx, sql`delete from forum_mentions where post_id = ${postId}`);
    } else {
      let parentId = post.parent_id;
      await queryRows(tx, sql`delete from forum_posts where id = ${postId}`);
      while (parentId) {
        const [parent] = await queryRows<{ id: string; parent_id: string | null; replies_count: number; deleted_at: Date | null }>(
          tx,
          sql`update forum_posts set replies_count = replies_count - 1 where id = ${parentId} returning id, parent_id, replies_count, deleted_at`,
        );
        if (!parent || parent.deleted_at === null || toNumber(parent.replies_count) > 0) break;
        await queryRows(tx, sql`delete from forum_posts where id = ${parent.id}`);
        parentId = parent.parent_id;
      }
    }
    await queryRows(
      tx,
      sql`update forum_topics set posts_count = posts_count - 1, updated_at = now(),
            best_post_id = case when best_post_id = ${postId} then null else best_post_id end
          where id = ${topic.id}`,
    );
  });
}

async function findVisiblePost(db: DbOrTx, reader: Reader, postId: string) {
  const [post] = await queryRows<{ topic_id: string; deleted_at: Date | null }>(
    db,
    sql`select topic_id, deleted_at from forum_posts where id = ${postId}`,
  );
  if (!post) throw notFound('Post');
  const topic = await findTopicPlace(db, reader, post.topic_id);
  return { post, topic };
}

export async function togglePostLike(db: Db, actor: Actor, postId: string): Promise<ForumLikeResult> {
  const reader = actor;
  assertForumWriter(reader);
  return withTransaction(db, async (tx) => {
    // One statement checks that the reader sees the post (not deleted, in a visible topic) and takes
    // the toggle's turn for this person and post.
    const [visible] = await queryRows(
      tx,
      sql`select ${likeTurn('forum_post_likes', postId, actor.userId)} as turn
          from forum_posts p join forum_topics t on t.id = p.topic_id join forum_categories c on c.id = t.category_id
          where p.id = ${postId} and p.deleted_at is null and t.deleted_at is null and ${visibleCategory(reader, sql`c.organization_id`)}`,
    );
    if (!visible) throw notFound('Post');
    return toggleLike(tx, { likes: 'forum_post_likes', target: 'forum_posts', key: 'post_id' }, postId, actor.userId);
  });
}

/** The topic's author or a moderator marks one reply as the best answer (or takes it back). */
export async function setBestAnswer(
  db: Db,
  actor: Actor,
  postId: string,
  best: boolean,
): Promise<{ topicId: string; bestPostId: string | null; solved: boolean }> {
  return withTransaction(db, async (tx) => {
    const reader = actor;
    const { post, topic: visible } = await findVisiblePost(tx, reader, postId);
    if (post.deleted_at) throw notFound('Post');
    const topic = await findTopicPlace(tx, reader, visible.id, { lock: true });
    if (topic.authorId !== actor.userId && !reader.isModerator)
      throw new AppError('FORBIDDEN', 'Only the topic author or a moderator can choose the best answer');
    assertForumWriter(reader);
    const [row] = await queryRows<{ best_post_id: string | null }>(
      tx,
      best
        ? sql`update forum_topics set best_post_id = ${postId}, updated_at = now() where id = ${topic.id} returning best_post_id`
        : sql`update forum_topics set best_post_id = case when best_post_id = ${postId} then null else best_post_id end, updated_at = now()
              where id = ${topic.id} returning best_post_id`,
    );
    const bestPostId = row?.best_post_id ?? null;
    return { topicId: topic.id, bestPostId, solved: bestPostId !== null };
  });
}
