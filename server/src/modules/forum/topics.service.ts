import {
  type CreateForumTopicBody,
  type ForumLikeResult,
  type ForumTopic,
  encodeCursor,
  type ForumTopicSummary,
  type Page,
  toPage,
  type UpdateForumTopicBody,
} from '@p2p/contracts';
import { type Db, type DbOrTx, toNumber } from '../../platform/db.js';
import { AppError, notFound } from '../../platform/errors.js';
import { withTransaction } from '../../platform/transaction.js';
import { type Actor } from '../../platform/actor.js';
import {
  asWriter,
  assertCanChange,
  assertCanPostIn,
  assertForumWriter,
  assertModerator,
  canChangeContent,
  canEditContent,
  canPostIn,
  notWritableHere,
} from './forum.policy.js';
import { type Reader } from './forum.reader.js';
import { authorFrom, presentAuthor } from '../people/index.js';
import { iso, isoOrNull } from '../../platform/time.js';
import { excerptOf, renderMarkdown } from '../../platform/markdown.js';
import { addMentions, replaceMentions } from './mentions.js';
import {
  addCategoryTopic,
  COUNT_LIMIT,
  countedByCategory,
  countTopicView,
  findTopicPlaceRow,
  findTopicRow,
  insertTopic,
  isCategoryVisible,
  listTopicRows,
  moveCategoryTopic,
  removeCategoryTopic,
  takeTopicLikeTurn,
  type TopicListQuery,
  type TopicPlace,
  type TopicSummaryRow,
  toggleTopicLikeRow,
  topicKey,
  topicKeyOf,
  updateTopicRow,
} from './queries/topics.queries.js';

export { COUNT_LIMIT, endOfDay, recountCategoryTopics, type TopicPlace } from './queries/topics.queries.js';

function presentSummary(row: TopicSummaryRow): ForumTopicSummary {
  return {
    id: row.id,
    categoryId: row.category_id,
    title: row.title,
    excerpt: excerptOf(row.body_start),
    author: presentAuthor(row),
    pinned: row.pinned,
    locked: row.locked,
    solved: row.best_post_id !== null,
    viewsCount: row.views_count,
    likesCount: row.likes_count,
    postsCount: row.posts_count,
    lastActivityAt: iso(row.last_activity_at),
    createdAt: iso(row.created_at),
  };
}

/**
 * Topics the reader may see, pinned first, in the chosen order, by page number or after a cursor;
 * `total` stops counting at COUNT_LIMIT.
 */
export async function listTopics(db: Db, actor: Actor, query: TopicListQuery): Promise<Page<ForumTopicSummary>> {
  const after = topicKey(query);
  const { rows, total: counted } = await listTopicRows(db, actor, query, after);
  const shown = rows.slice(0, query.pageSize);
  const exact = countedByCategory(query) || counted <= COUNT_LIMIT;
  const page = toPage(shown.map(presentSummary), exact ? counted : COUNT_LIMIT, query.page, query.pageSize);
  const hasNext = after ? rows.length > query.pageSize : page.hasNext;
  const last = shown.at(-1);
  const nextCursor = hasNext && last ? encodeCursor(topicKeyOf(query.sort, last)) : null;
  return { ...page, ...(exact ? {} : { totalIsExact: false }), ...(after ? { hasNext, hasPrevious: true } : {}), nextCursor };
}

/** The topic as its reader sees it (one query), or 404 when missing, deleted or not visible. */
async function loadTopic(db: DbOrTx, reader: Reader, topicId: string): Promise<ForumTopic> {
  const row = await findTopicRow(db, reader, topicId);
  if (!row) throw notFound('Topic');
  const summary = presentSummary(row);
  const place = { authorId: row.author_id, categoryOrganizationId: row.category_organization_id };
  const mayChange = canChangeContent(reader, place);
  const isAuthor = place.authorId === reader.userId;
  return {
    ...summary,
    body: row.body,
    bodyHtml: row.body_html,
    bestPostId: row.best_post_id,
    bestAnswer: row.best_post_id
      ? {
          postId: row.best_post_id,
          author: authorFrom(row, 'b_'),
          excerpt: excerptOf(row.best_body ?? ''),
          position: toNumber(row.best_position),
        }
      : null,
    likedByMe: row.liked_by_me,
    editedAt: isoOrNull(row.edited_at),
    can: {
      edit: canEditContent(reader, place),
      delete: mayChange,
      moderate: reader.isModerator,
      markBestAnswer: isAuthor || reader.isModerator,
      reply: !summary.locked && canPostIn(reader, place.categoryOrganizationId),
    },
  };
}

/** Opening a topic counts a view, once per reader per hour (one atomic statement). */
export async function openTopic(db: Db, actor: Actor, topicId: string): Promise<ForumTopic> {
  const topic = await loadTopic(db, actor, topicId);
  const viewsCount = await countTopicView(db, topicId, actor.userId);
  return viewsCount === null ? topic : { ...topic, viewsCount };
}

/**
 * The category a topic goes into: one the reader may write in (a public one, or their organization's
 * private one). Unknown or invisible: a body field, 400. Another organization's private category that
 * a moderator sees: 403, moderators moderate there but do not write.
 */
async function assertWritableCategory(db: DbOrTx, reader: Reader, categoryId: string): Promise<void> {
  if (await isCategoryVisible(db, asWriter(reader), categoryId)) return;
  if (reader.isModerator && (await isCategoryVisible(db, reader, categoryId))) throw notWritableHere();
  throw new AppError('VALIDATION_FAILED', 'Choose a category', [
    { path: 'categoryId', message: 'This category does not exist', code: 'not_found' },
  ]);
}

export async function createTopic(db: Db, actor: Actor, body: CreateForumTopicBody): Promise<ForumTopic> {
  return withTransaction(db, async (tx) => {
    const reader = actor;
    assertForumWriter(reader);
    await assertWritableCategory(tx, reader, body.categoryId);
    const id = await insertTopic(tx, {
      categoryId: body.categoryId,
      authorId: actor.userId,
      organizationId: reader.organizationId,
      title: body.title,
      body: body.body,
      bodyHtml: renderMarkdown(body.body),
      lastPosterId: actor.userId,
    });
    await addCategoryTopic(tx, body.categoryId);
    await addMentions(tx, { topicId: id, postId: null, authorId: actor.userId, body: body.body });
    return loadTopic(tx, reader, id);
  });
}

/**
 * The topic's place, or 404 when it is missing, deleted or in a category the reader may not see.
 * With `lock`, the topic row stays locked until the transaction ends (writes that change it).
 */
export async function findTopicPlace(db: DbOrTx, reader: Reader, topicId: string, { lock = false } = {}): Promise<TopicPlace> {
  const place = await findTopicPlaceRow(db, reader, topicId, lock);
  if (!place) throw notFound('Topic');
  return place;
}

export async function updateTopic(db: Db, actor: Actor, topicId: string, body: UpdateForumTopicBody): Promise<ForumTopic> {
  return withTransaction(db, async (tx) => {
    const reader = actor;
    const topic = await findTopicPlace(tx, reader, topicId, { lock: true });
    assertCanChange(reader, topic, 'topic');
    assertCanPostIn(reader, topic.categoryOrganizationId);
    assertForumWriter(reader);
    await assertWritableCategory(tx, reader, body.categoryId);
    await moveCategoryTopic(tx, topicId, body.categoryId);
    const now = new Date();
    await updateTopicRow(tx, topicId, {
      categoryId: body.categoryId,
      title: body.title,
      body: body.body,
      bodyHtml: renderMarkdown(body.body),
      editedAt: now,
      updatedAt: now,
    });
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
    await updateTopicRow(tx, topicId, { deletedAt: new Date(), updatedAt: new Date() });
    await removeCategoryTopic(tx, topicId);
  });
}

export async function toggleTopicLike(db: Db, actor: Actor, topicId: string): Promise<ForumLikeResult> {
  const reader = actor;
  assertForumWriter(reader);
  return withTransaction(db, async (tx) => {
    if (!(await takeTopicLikeTurn(tx, reader, topicId))) throw notFound('Topic');
    const { active, count } = await toggleTopicLikeRow(tx, topicId, actor.userId);
    return { liked: active, likesCount: count };
  });
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
    await updateTopicRow(tx, topicId, { ...change, updatedAt: new Date() });
    return loadTopic(tx, reader, topicId);
  });
}
