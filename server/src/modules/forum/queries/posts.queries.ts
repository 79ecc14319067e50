import { type SQL, sql } from 'drizzle-orm';
import { type DbOrTx, execute, queryRows, toNumber } from '../../../platform/db.js';
import { col, row, type RowOf, nullable } from '../../../platform/rows.js';
import { toggle, toggleTurn } from '../../../platform/toggle.js';
import { authorColumns, authorJoin, authorShape } from '../../people/index.js';
import { exactTime } from '../../../platform/keyset.js';
import { type Reader, visibleCategory } from '../forum.reader.js';
import { forumPostLikes, forumPosts } from '../forum.tables.js';
import type { TopicPlace } from './topics.queries.js';

// The forum's replies in SQL: the hand-tuned thread (a page of top-level posts with the first replies
// of each branch), the replies beneath a post a page at a time, one post, and the writes with the
// counters they move.

const POST_FIELDS = sql`p.id, p.topic_id, p.parent_id, p.root_id, p.depth, p.author_id, p.body, p.body_html,
  p.likes_count, p.replies_count, p.created_at, p.edited_at, p.deleted_at`;

const postColumns = (reader: Reader): SQL =>
  sql`${POST_FIELDS},
  exists(select 1 from forum_post_likes l where l.post_id = p.id and l.user_id = ${reader.userId}) as liked_by_me,
  ${authorColumns()}`;

/** A branch's replies are counted up to this many (the count of the rest stops there: reading a huge branch's index to the end would cost more than the number tells). */
export const BRANCH_COUNT_LIMIT = 10_000;

/** What the thread reads of each post (POST_FIELDS and the organization its author wrote for). */
const THREAD_ROW_FIELDS =
  'id, topic_id, parent_id, root_id, depth, author_id, organization_id, body, body_html, likes_count, replies_count, created_at, edited_at, deleted_at';

/** The post's author and their organization, for authorColumns. */
const postAuthorJoin = (): SQL => authorJoin(sql`p.author_id`, sql`p.organization_id`);

/** A post as it is shown: postColumns. */
export const postRow = row({
  id: col.text,
  topic_id: col.text,
  parent_id: col.textOrNull,
  root_id: col.text,
  depth: col.integer,
  author_id: col.text,
  body: col.text,
  body_html: col.text,
  likes_count: col.integer,
  replies_count: col.integer,
  created_at: col.timestamp,
  edited_at: col.timestampOrNull,
  deleted_at: col.timestampOrNull,
  liked_by_me: col.boolean,
  ...authorShape(),
});
export type PostRow = RowOf<typeof postRow>;

/** The thread's rows: the topic's place and its count of top-level posts on each, and a post on each but a post-less thread's one row. */
const threadRow = row({
  t_id: col.text,
  t_author_id: col.text,
  t_locked: col.boolean,
  t_best_post_id: col.textOrNull,
  t_category_organization_id: col.textOrNull,
  total_roots: col.bigint,
  ...nullable(postRow),
  /** The post's exact time (a cursor's key). */
  created_key: col.textOrNull,
  /** On a top-level post: its branch's replies left out, and the exact time of the last one shown. */
  more_replies: col.bigintOrNull,
  last_reply_key: col.textOrNull,
  last_reply_id: col.textOrNull,
});
export type ThreadPostRow = PostRow & {
  created_key: string;
  more_replies: number | string | null;
  last_reply_key: string | null;
  last_reply_id: string | null;
};

/** The posts are left joined: a row has one exactly when it has its id. */
const hasPost = (found: RowOf<typeof threadRow>): found is RowOf<typeof threadRow> & ThreadPostRow => found.id !== null;

/** Where a walk goes on: after the post with this exact time and id. */
export interface PostKey {
  at: string;
  id: string;
}

/**
 * The thread in one statement whatever its size: the topic (no row when the reader may not see it),
 * the count of its top-level posts, the page of top-level posts (by page number, or after `after`),
 * and the first `branchReplies` replies of each one's branch by time (through root_id), with the
 * count of the rest and the key of the last one shown.
 */
export function threadQuery(reader: Reader, topicId: string, page: number, pageSize: number, branchReplies: number, after?: PostKey): SQL {
  // The topic's id is given as such (not as the topic CTE's), so the plan reads its top-level posts
  // from their index; when the reader may not see the topic, the topic CTE is empty and so is the answer.
  // The page's posts are read once each, from the indexes that order them (top-level posts by topic,
  // a branch's replies by root_id), never looked up again by id; each branch is counted once
  // (materialized: inlined, it would be counted again for every post of the page).
  const fields = sql.raw(THREAD_ROW_FIELDS);
  return sql`with topic as (
          select t.id as t_id, t.author_id as t_author_id, t.locked as t_locked, t.best_post_id as t_best_post_id,
            c.organization_id as t_category_organization_id
          from forum_topics t join forum_categories c on c.id = t.category_id
          where t.id = ${topicId} and t.deleted_at is null and ${visibleCategory(reader, sql`c.organization_id`)}),
        roots as (
          select ${fields} from forum_posts where topic_id = ${topicId} and parent_id is null
          ${after ? sql`and (created_at, id) > (${after.at}::timestamptz, ${after.id}::uuid)` : sql``}
          order by created_at, id limit ${pageSize} ${after ? sql`` : sql`offset ${(page - 1) * pageSize}`}),
        total as (select count(*) as total_roots from forum_posts where topic_id = ${topicId} and parent_id is null),
        shown as (
          select f.* from roots r cross join lateral (
            select ${fields} from forum_posts where root_id = r.id and parent_id is not null
            order by created_at, id limit ${branchReplies}) f),
        branches as materialized (
          select r.id as root_id,
            (select count(*) from (select 1 from forum_posts b where b.root_id = r.id limit ${BRANCH_COUNT_LIMIT + 1}) counted) - 1
              - (select count(*) from shown s where s.root_id = r.id) as more_replies,
            l.last_reply_key, l.last_reply_id
          from roots r left join lateral (
            select ${exactTime(sql`s.created_at`)} as last_reply_key, s.id as last_reply_id from shown s where s.root_id = r.id
            order by s.created_at desc, s.id desc limit 1) l on true)
        select topic.*, total.total_roots, ${postColumns(reader)}, ${exactTime(sql`p.created_at`)} as created_key,
          b.more_replies, b.last_reply_key, b.last_reply_id
        from topic cross join total
        left join ((select * from roots union all select * from shown) p ${postAuthorJoin()}) on true
        left join branches b on b.root_id = p.id`;
}

export interface ThreadRows {
  topic: TopicPlace;
  totalRoots: number;
  /** The page's top-level posts and the replies shown of their branches, in no particular order. */
  posts: ThreadPostRow[];
}

/** The thread's topic, count and posts; none when the reader may not see the topic. */
export async function findThreadRows(
  db: DbOrTx,
  reader: Reader,
  topicId: string,
  page: { page: number; pageSize: number; branchReplies: number; after?: PostKey | undefined },
): Promise<ThreadRows | undefined> {
  const rows = await queryRows(db, threadRow, threadQuery(reader, topicId, page.page, page.pageSize, page.branchReplies, page.after));
  const first = rows[0];
  if (!first) return undefined;
  return {
    topic: {
      id: first.t_id,
      authorId: first.t_author_id,
      categoryOrganizationId: first.t_category_organization_id,
      locked: first.t_locked,
      bestPostId: first.t_best_post_id,
    },
    totalRoots: toNumber(first.total_roots),
    posts: rows.filter(hasPost),
  };
}

const postPlaceRow = row({ topic_id: col.text, root_id: col.text, parent_id: col.textOrNull, deleted_at: col.timestampOrNull });
export type PostPlace = RowOf<typeof postPlaceRow>;

/** The post's topic and branch, deleted or not. */
export async function findPostPlace(db: DbOrTx, postId: string): Promise<PostPlace | undefined> {
  const [found] = await queryRows(
    db,
    postPlaceRow,
    sql`select topic_id, root_id, parent_id, deleted_at from forum_posts where id = ${postId}`,
  );
  return found;
}

const replyRow = row({ ...postRow, created_key: col.text });
export type ReplyRow = RowOf<typeof replyRow>;

/**
 * Replies beneath a post (any depth), oldest first, `limit` of them after `after`. Beneath a
 * top-level post they are its branch (root_id's index, in key order); beneath a reply, its
 * descendants found through parent_id.
 */
export function repliesQuery(reader: Reader, post: { id: string; isTopLevel: boolean }, limit: number, after?: PostKey): SQL {
  const afterKey = after ? sql`and (p.created_at, p.id) > (${after.at}::timestamptz, ${after.id}::uuid)` : sql``;
  const beneath = post.isTopLevel
    ? sql`p.root_id = ${post.id} and p.parent_id is not null`
    : sql`p.id in (with recursive below as (
            select id from forum_posts where parent_id = ${post.id}
            union all select c.id from forum_posts c join below on c.parent_id = below.id)
          select id from below)`;
  return sql`select ${postColumns(reader)}, ${exactTime(sql`p.created_at`)} as created_key
      from forum_posts p ${postAuthorJoin()}
      where ${beneath} ${afterKey}
      order by p.created_at, p.id limit ${limit}`;
}

export function findReplyRows(
  db: DbOrTx,
  reader: Reader,
  post: { id: string; isTopLevel: boolean },
  limit: number,
  after?: PostKey,
): Promise<ReplyRow[]> {
  return queryRows(db, replyRow, repliesQuery(reader, post, limit, after));
}

export async function findPostRow(db: DbOrTx, reader: Reader, postId: string): Promise<PostRow | undefined> {
  const [found] = await queryRows(
    db,
    postRow,
    sql`select ${postColumns(reader)} from forum_posts p ${postAuthorJoin()} where p.id = ${postId}`,
  );
  return found;
}

const repliedTopicRow = row({ author_id: col.text, best_post_id: col.textOrNull, category_organization_id: col.textOrNull });

/**
 * A reply's first step: the topic's counters and latest activity move, in one statement that also
 * checks that the reader sees the topic and that it is not locked, and holds the topic's row lock
 * for the rest of the transaction. None when it did not (hidden, missing or locked).
 */
export async function countTopicReply(tx: DbOrTx, reader: Reader, topicId: string): Promise<RowOf<typeof repliedTopicRow> | undefined> {
  const [counted] = await queryRows(
    tx,
    repliedTopicRow,
    sql`update forum_topics t set posts_count = posts_count + 1, last_activity_at = now(), last_poster_id = ${reader.userId}
        from forum_categories c
        where t.id = ${topicId} and c.id = t.category_id and t.deleted_at is null and not t.locked
          and ${visibleCategory(reader, sql`c.organization_id`)}
        returning t.author_id, t.best_post_id, c.organization_id as category_organization_id`,
  );
  return counted;
}

const parentRow = row({ root_id: col.text, depth: col.integer });

/** The parent of a new reply counts one more reply; its branch and depth, or none when it is not a live post of the topic. */
export async function countParentReply(tx: DbOrTx, topicId: string, parentId: string): Promise<RowOf<typeof parentRow> | undefined> {
  const [parent] = await queryRows(
    tx,
    parentRow,
    sql`update forum_posts set replies_count = replies_count + 1
        where id = ${parentId} and topic_id = ${topicId} and deleted_at is null returning root_id, depth`,
  );
  return parent;
}

export interface NewPost {
  id: string;
  topicId: string;
  parentId: string | null;
  rootId: string;
  depth: number;
  authorId: string;
  organizationId: string;
  body: string;
  bodyHtml: string;
}

/** Inserts the post and answers it as it is shown (its author has not liked it). */
export async function insertPost(tx: DbOrTx, post: NewPost): Promise<PostRow> {
  const [created] = await queryRows(
    tx,
    postRow,
    sql`with p as (
          insert into forum_posts (id, topic_id, parent_id, root_id, depth, author_id, organization_id, body, body_html)
          values (${post.id}, ${post.topicId}, ${post.parentId}, ${post.rootId}, ${post.depth}, ${post.authorId}, ${post.organizationId}, ${post.body}, ${post.bodyHtml})
          returning *)
        select ${POST_FIELDS}, false as liked_by_me, ${authorColumns()} from p ${postAuthorJoin()}`,
  );
  if (!created) throw new Error('post insert returned nothing');
  return created;
}

const postForChangeRow = row({
  id: col.text,
  topic_id: col.text,
  parent_id: col.textOrNull,
  author_id: col.text,
  replies_count: col.integer,
  deleted_at: col.timestampOrNull,
});
export type PostForChange = RowOf<typeof postForChangeRow>;

export async function findPostForChange(tx: DbOrTx, postId: string): Promise<PostForChange | undefined> {
  const [post] = await queryRows(
    tx,
    postForChangeRow,
    sql`select id, topic_id, parent_id, author_id, replies_count, deleted_at from forum_posts where id = ${postId}`,
  );
  return post;
}

const lockedPostRow = row({ replies_count: col.integer, deleted_at: col.timestampOrNull });

/** Locks the post's row for the rest of the transaction; its reply count and deletion as locked. */
export async function lockPostRow(tx: DbOrTx, postId: string): Promise<RowOf<typeof lockedPostRow> | undefined> {
  const [locked] = await queryRows(
    tx,
    lockedPostRow,
    sql`select replies_count, deleted_at from forum_posts where id = ${postId} for update`,
  );
  return locked;
}

export async function updatePostBody(tx: DbOrTx, postId: string, body: string, bodyHtml: string): Promise<void> {
  await execute(
    tx,
    sql`update forum_posts set body = ${body}, body_html = ${bodyHtml}, edited_at = now(), updated_at = now() where id = ${postId}`,
  );
}

/** A deleted post with replies stays as a tombstone: emptied, and mentioning nobody. */
export async function tombstonePost(tx: DbOrTx, postId: string): Promise<void> {
  await execute(tx, sql`update forum_posts set deleted_at = now(), updated_at = now(), body = '', body_html = '' where id = ${postId}`);
  await execute(tx, sql`delete from forum_mentions where post_id = ${postId}`);
}

export async function removePost(tx: DbOrTx, postId: string): Promise<void> {
  await execute(tx, sql`delete from forum_posts where id = ${postId}`);
}

const uncountedParentRow = row({ id: col.text, parent_id: col.textOrNull, replies_count: col.integer, deleted_at: col.timestampOrNull });

/** The parent of a removed post counts one reply less; the parent as it is then, or none when it is gone. */
export async function uncountParentReply(tx: DbOrTx, parentId: string): Promise<RowOf<typeof uncountedParentRow> | undefined> {
  const [parent] = await queryRows(
    tx,
    uncountedParentRow,
    sql`update forum_posts set replies_count = replies_count - 1 where id = ${parentId} returning id, parent_id, replies_count, deleted_at`,
  );
  return parent;
}

/** The topic counts one reply less; a deleted best answer is no longer the best answer. */
export async function uncountTopicReply(tx: DbOrTx, topicId: string, postId: string): Promise<void> {
  await execute(
    tx,
    sql`update forum_topics set posts_count = posts_count - 1, updated_at = now(),
          best_post_id = case when best_post_id = ${postId} then null else best_post_id end
        where id = ${topicId}`,
  );
}

const turnRow = row({ turn: col.text });

/**
 * Checks that the reader sees the post (not deleted, in a visible topic) and, when they do, takes
 * their like toggle's turn on it (one statement); false when the post is not visible.
 */
export async function takePostLikeTurn(tx: DbOrTx, reader: Reader, postId: string): Promise<boolean> {
  const rows = await queryRows(
    tx,
    turnRow,
    sql`select ${toggleTurn('forum_post_likes', postId, reader.userId)} as turn
        from forum_posts p join forum_topics t on t.id = p.topic_id join forum_categories c on c.id = t.category_id
        where p.id = ${postId} and p.deleted_at is null and t.deleted_at is null and ${visibleCategory(reader, sql`c.organization_id`)}`,
  );
  return rows.length > 0;
}

/** The like toggle on a post (after takePostLikeTurn). */
export async function togglePostLikeRow(tx: DbOrTx, postId: string, userId: string): Promise<{ active: boolean; count: number }> {
  return toggle(
    tx,
    {
      rows: forumPostLikes,
      targetKey: forumPostLikes.postId,
      userKey: forumPostLikes.userId,
      target: forumPosts,
      targetId: forumPosts.id,
      counter: forumPosts.likesCount,
    },
    postId,
    userId,
  );
}
