import { randomUUID } from 'node:crypto';
import {
  type CreateForumPostBody,
  type CursorKey,
  encodeCursor,
  FORUM_BRANCH_REPLIES,
  type ForumLikeResult,
  type ForumPost,
  type ForumReplies,
  type forumRepliesQuerySchema,
  type forumThreadQuerySchema,
  type Page,
  toPage,
} from '@p2p/contracts';
import type { z } from 'zod';
import { type Db, type DbOrTx, toNumber } from '../../platform/db.js';
import { nextCursor, readCursor } from '../../platform/keyset.js';
import { AppError, notFound } from '../../platform/errors.js';
import { withTransaction } from '../../platform/transaction.js';
import { type Actor } from '../../platform/actor.js';
import { assertCanChange, assertCanPostIn, assertForumWriter, canChangeContent, canEditContent, canPostIn } from './forum.policy.js';
import { type Reader } from './forum.reader.js';
import { authorFrom } from '../people/index.js';
import { iso, isoOrNull } from '../../platform/time.js';
import { renderMarkdown } from '../../platform/markdown.js';
import { addMentions, replaceMentions } from './mentions.js';
import { findTopicPlace, type TopicPlace } from './topics.service.js';
import {
  countParentReply,
  countTopicReply,
  findPostForChange,
  findPostPlace,
  findPostRow,
  findReplyRows,
  findThreadRows,
  insertPost,
  lockPostRow,
  type PostKey,
  type PostRow,
  removePost,
  takePostLikeTurn,
  togglePostLikeRow,
  type ThreadPostRow,
  tombstonePost,
  uncountParentReply,
  uncountTopicReply,
  updatePostBody,
} from './queries/posts.queries.js';
import { setTopicBestPost } from './queries/topics.queries.js';

type ForumThreadQueryOutput = z.output<typeof forumThreadQuerySchema>;
type ForumRepliesQueryOutput = z.output<typeof forumRepliesQuerySchema>;

function presentPost(row: PostRow, topic: TopicPlace, reader: Reader): ForumPost {
  const deleted = row.deleted_at !== null;
  const place = { authorId: row.author_id, categoryOrganizationId: topic.categoryOrganizationId };
  const mayChange = !deleted && canChangeContent(reader, place);
  return {
    id: row.id,
    topicId: row.topic_id,
    parentPostId: row.parent_id,
    depth: row.depth,
    author: deleted ? null : authorFrom(row),
    body: deleted ? '' : row.body,
    bodyHtml: deleted ? '' : row.body_html,
    likesCount: row.likes_count,
    repliesCount: row.replies_count,
    likedByMe: row.liked_by_me,
    isBestAnswer: topic.bestPostId === row.id,
    deleted,
    createdAt: iso(row.created_at),
    editedAt: isoOrNull(row.edited_at),
    can: {
      edit: !deleted && canEditContent(reader, place),
      delete: mayChange,
      moderate: reader.isModerator,
      markBestAnswer: !deleted && (topic.authorId === reader.userId || reader.isModerator),
      reply: !topic.locked && !deleted && canPostIn(reader, topic.categoryOrganizationId),
    },
  };
}

type Timed = { id: string; created_at: Date | string; created_key?: string | null };

/** Oldest first, by the exact time when the row has it (microseconds), then by id. */
function byTime(a: Timed, b: Timed): number {
  const at = (row: Timed) => row.created_key ?? new Date(row.created_at).toISOString();
  return at(a) < at(b) ? -1 : at(a) > at(b) ? 1 : a.id < b.id ? -1 : 1;
}

/**
 * Posts in reading order: each parent followed by its replies (depth first), siblings oldest first.
 * `rows` may hold several branches; those whose parent is not among them start a branch, in order.
 */
export function threadOrder<T extends Timed & { parent_id: string | null }>(rows: T[]): T[] {
  const sorted = [...rows].sort(byTime);
  const ids = new Set(rows.map((row) => row.id));
  const children = new Map<string, T[]>();
  const starts: T[] = [];
  for (const row of sorted) {
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

/** Where a walk of posts goes on, read from a cursor (400 naming `cursor` when it is not a post's). */
function postKey(cursor: CursorKey | undefined): PostKey | undefined {
  if (!cursor) return undefined;
  const [at, id] = readCursor(cursor, ['time', 'uuid'] as const);
  return { at, id };
}

/**
 * A page of top-level posts (by page number, or after a cursor), each followed by the first
 * FORUM_BRANCH_REPLIES replies of its branch by time, flat in reading order, in one query whatever the
 * thread's size: a top-level post says how many replies it leaves out and where they start.
 */
export async function getThread(db: Db, actor: Actor, topicId: string, query: ForumThreadQueryOutput): Promise<Page<ForumPost>> {
  const reader = actor;
  const after = postKey(query.cursor);
  const thread = await findThreadRows(db, reader, topicId, { ...query, branchReplies: FORUM_BRANCH_REPLIES, after });
  if (!thread) throw notFound('Topic');
  const present = (row: ThreadPostRow): ForumPost => {
    const post = presentPost(row, thread.topic, reader);
    if (row.parent_id !== null) return post;
    const moreReplies = toNumber(row.more_replies);
    const repliesCursor =
      moreReplies > 0 && row.last_reply_key && row.last_reply_id ? encodeCursor([row.last_reply_key, row.last_reply_id]) : null;
    return { ...post, moreReplies, repliesCursor };
  };
  const roots = thread.posts.filter((row) => row.parent_id === null).sort(byTime);
  const lastRoot = roots.at(-1);
  const page = toPage(threadOrder(thread.posts).map(present), thread.totalRoots, query.page, query.pageSize);
  // By page number the total tells whether another page follows; walking by cursor, a full page may have one.
  const hasNext = after ? roots.length === query.pageSize : page.hasNext;
  const next = hasNext && lastRoot ? encodeCursor([lastRoot.created_key, lastRoot.id]) : null;
  return after ? { ...page, hasNext, hasPrevious: true, nextCursor: next } : { ...page, nextCursor: next };
}

/**
 * Replies beneath a post (any depth), oldest first, a page at a time after the cursor (the
 * repliesCursor of a thread's top-level post, or the previous page's nextCursor); each page in reading
 * order among its own posts.
 */
export async function getReplies(db: Db, actor: Actor, postId: string, query: ForumRepliesQueryOutput): Promise<ForumReplies> {
  const reader = actor;
  const after = postKey(query.cursor);
  const post = await findPostPlace(db, postId);
  if (!post) throw notFound('Post');
  const topic = await findTopicPlace(db, reader, post.topic_id);
  const rows = await findReplyRows(db, reader, { id: postId, isTopLevel: post.parent_id === null }, query.pageSize + 1, after);
  const shown = rows.slice(0, query.pageSize);
  return {
    items: threadOrder(shown).map((row) => presentPost(row, topic, reader)),
    nextCursor: nextCursor(rows, query.pageSize, (last) => [last.created_key, last.id]),
  };
}

async function loadPost(db: DbOrTx, reader: Reader, topic: TopicPlace, postId: string): Promise<ForumPost> {
  const row = await findPostRow(db, reader, postId);
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
    const counted = await countTopicReply(tx, reader, topicId);
    if (!counted) {
      const topic = await findTopicPlace(tx, reader, topicId);
      if (topic.locked) throw new AppError('TOPIC_LOCKED', 'This topic is locked: it takes no more replies');
      throw notFound('Topic');
    }
    // Moderators see every category, but a private one takes replies from its organization's members only.
    assertCanPostIn(reader, counted.category_organization_id);
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
      const parent = await countParentReply(tx, topicId, parentId);
      if (!parent)
        throw new AppError('VALIDATION_FAILED', 'The post you reply to does not exist', [
          { path: 'parentPostId', message: 'This post does not exist in the topic', code: 'not_found' },
        ]);
      rootId = parent.root_id;
      depth = parent.depth + 1;
    }
    const row = await insertPost(tx, {
      id,
      topicId,
      parentId,
      rootId,
      depth,
      authorId: actor.userId,
      organizationId: reader.organizationId,
      body: body.body,
      bodyHtml: renderMarkdown(body.body),
    });
    await addMentions(tx, { topicId, postId: id, authorId: actor.userId, body: body.body });
    return presentPost(row, topic, reader);
  });
}

/** The post and its topic for a change, both locked; 404 when not visible or already deleted. */
async function lockPost(tx: DbOrTx, reader: Reader, postId: string) {
  const post = await findPostForChange(tx, postId);
  if (!post || post.deleted_at) throw notFound('Post');
  const topic = await findTopicPlace(tx, reader, post.topic_id, { lock: true });
  const locked = await lockPostRow(tx, postId);
  if (!locked || locked.deleted_at) throw notFound('Post');
  return { post: { ...post, replies_count: locked.replies_count }, topic };
}

export async function updatePost(db: Db, actor: Actor, postId: string, body: string): Promise<ForumPost> {
  return withTransaction(db, async (tx) => {
    const reader = actor;
    const { post, topic } = await lockPost(tx, reader, postId);
    assertCanChange(reader, { authorId: post.author_id, categoryOrganizationId: topic.categoryOrganizationId }, 'post');
    assertCanPostIn(reader, topic.categoryOrganizationId);
    assertForumWriter(reader);
    await updatePostBody(tx, postId, body, renderMarkdown(body));
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
      await tombstonePost(tx, postId);
    } else {
      let parentId = post.parent_id;
      await removePost(tx, postId);
      while (parentId) {
        const parent = await uncountParentReply(tx, parentId);
        if (!parent || parent.deleted_at === null || parent.replies_count > 0) break;
        await removePost(tx, parent.id);
        parentId = parent.parent_id;
      }
    }
    await uncountTopicReply(tx, topic.id, postId);
  });
}

async function findVisiblePost(db: DbOrTx, reader: Reader, postId: string) {
  const post = await findPostPlace(db, postId);
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
    if (!(await takePostLikeTurn(tx, reader, postId))) throw notFound('Post');
    const { active, count } = await togglePostLikeRow(tx, postId, actor.userId);
    return { liked: active, likesCount: count };
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
    const bestPostId = await setTopicBestPost(tx, topic.id, postId, best);
    return { topicId: topic.id, bestPostId, solved: bestPostId !== null };
  });
}
