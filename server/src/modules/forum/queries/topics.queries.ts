import type { forumTopicListQuerySchema } from '@p2p/contracts';
import { eq, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { type DbOrTx, execute, queryRows, toNumber } from '../../../platform/db.js';
import { exactTime, readCursor } from '../../../platform/keyset.js';
import { col, row, type RowOf } from '../../../platform/rows.js';
import { toggle, toggleTurn } from '../../../platform/toggle.js';
import { authorColumns, authorJoin, authorShape, optionalAuthorShape } from '../../people/index.js';
import { type Reader, visibleCategory, visibleTopic } from '../forum.reader.js';
import { forumTopicLikes, forumTopics } from '../forum.tables.js';

// The forum's topics in SQL: the hand-tuned topic list, one topic as its reader sees it, the place
// permission checks need, the topic writes and the categories' topic counters they move.

export type TopicListQuery = z.output<typeof forumTopicListQuerySchema>;

/** Lists stop counting here: `total` is exact below it, and otherwise 10,000 with totalIsExact false. */
export const COUNT_LIMIT = 10_000;

const SORT_COLUMNS: Record<TopicListQuery['sort'], string> = {
  activity: 't.last_activity_at',
  newest: 't.created_at',
  views: 't.views_count',
  likes: 't.likes_count',
  replies: 't.posts_count',
};

/** The sorts by a time (the others count something). */
const TIME_SORTS: ReadonlySet<TopicListQuery['sort']> = new Set(['activity', 'newest']);

/** Where a walk of the topic list goes on: after the topic with this pin, sort value and id. */
export type TopicKey = [pinned: boolean, value: string | number, id: string];

/** The cursor's key for the list's sort (400 naming `cursor` when it is another list's). */
export function topicKey(query: TopicListQuery): TopicKey | undefined {
  if (!query.cursor) return undefined;
  return TIME_SORTS.has(query.sort)
    ? readCursor(query.cursor, ['boolean', 'time', 'uuid'] as const)
    : readCursor(query.cursor, ['boolean', 'integer', 'uuid'] as const);
}

/** The key of a listed topic, for the cursor after it. */
export function topicKeyOf(sort: TopicListQuery['sort'], found: TopicListRow): TopicKey {
  return [found.pinned, TIME_SORTS.has(sort) ? found.sort_key : Number(found.sort_key), found.id];
}

/** The sort column's value as a cursor keeps it: a time exactly, a count as it is. */
const sortKeyColumn = (sort: TopicListQuery['sort']): SQL =>
  TIME_SORTS.has(sort) ? exactTime(sql.raw(SORT_COLUMNS[sort])) : sql.raw(SORT_COLUMNS[sort]);

/** Rows after the key in the list's order (pinned desc, sort column desc, id desc: one row comparison, read from the page index). */
function afterTopicKey(sort: TopicListQuery['sort'], [pinned, value, id]: TopicKey): SQL {
  const typed = TIME_SORTS.has(sort) ? sql`${value}::timestamptz` : sql`${value}::integer`;
  return sql`(t.pinned, ${sql.raw(SORT_COLUMNS[sort])}, t.id) < (${pinned}::boolean, ${typed}, ${id}::uuid)`;
}

const SUMMARY_COLUMNS = sql`t.id, t.category_id, t.title, left(t.body, 600) as body_start, t.pinned, t.locked, t.best_post_id,
  t.views_count, t.likes_count, t.posts_count, t.last_activity_at, t.created_at, t.author_id`;

/** A topic in a list: SUMMARY_COLUMNS and its author. */
export const topicSummaryRow = row({
  id: col.text,
  category_id: col.text,
  title: col.text,
  body_start: col.text,
  pinned: col.boolean,
  locked: col.boolean,
  best_post_id: col.textOrNull,
  views_count: col.integer,
  likes_count: col.integer,
  posts_count: col.integer,
  last_activity_at: col.timestamp,
  created_at: col.timestamp,
  author_id: col.text,
  ...authorShape(),
});
export type TopicSummaryRow = RowOf<typeof topicSummaryRow>;

const topicListRow = row({ ...topicSummaryRow, total_count: col.bigint, sort_key: col.text });
export type TopicListRow = RowOf<typeof topicListRow>;
const countRow = row({ n: col.bigint });

/** A date-only upper bound includes the whole day. */
export function endOfDay(value: string): Date {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T23:59:59.999Z`) : new Date(value);
}

/**
 * Without filters beyond the category, the categories' topic counters are the list's total;
 * otherwise the matching topics are counted, stopping past COUNT_LIMIT.
 */
export function countedByCategory(query: TopicListQuery): boolean {
  return query.authorId === undefined && query.pinned === undefined && query.solved === undefined && !query.from && !query.to;
}

function topicListWhere(reader: Reader, query: TopicListQuery): SQL {
  const conditions: SQL[] = [visibleTopic(reader)];
  if (query.categoryId) conditions.push(sql`t.category_id = ${query.categoryId}`);
  if (query.authorId) conditions.push(sql`t.author_id = ${query.authorId}`);
  if (query.pinned !== undefined) conditions.push(sql`t.pinned = ${query.pinned}`);
  if (query.solved !== undefined) conditions.push(query.solved ? sql`t.best_post_id is not null` : sql`t.best_post_id is null`);
  if (query.from) conditions.push(sql`t.created_at >= ${new Date(query.from)}`);
  if (query.to) conditions.push(sql`t.created_at <= ${endOfDay(query.to)}`);
  return sql.join(conditions, sql` and `);
}

/** The list's total as a scalar sub-select (see countedByCategory). */
function topicListTotal(reader: Reader, query: TopicListQuery): SQL {
  return countedByCategory(query)
    ? sql`(select coalesce(sum(c.topics_count), 0) from forum_categories c
           where ${visibleCategory(reader, sql`c.organization_id`)} ${query.categoryId ? sql`and c.id = ${query.categoryId}` : sql``})`
    : sql`(select count(*) from (select 1 from forum_topics t where ${topicListWhere(reader, query)} limit ${COUNT_LIMIT + 1}) s)`;
}

/**
 * The topic list: topics the reader may see, pinned first, in the chosen order, with their authors;
 * the total rides along with the page's rows (one round trip).
 */
export function topicListQuery(reader: Reader, query: TopicListQuery, after?: TopicKey): SQL {
  const order = sql.raw(`t.pinned desc, ${SORT_COLUMNS[query.sort]} desc, t.id desc`);
  // Walking by cursor: the rows after the key, and one more to tell whether a next page follows.
  const page = after
    ? sql`and ${afterTopicKey(query.sort, after)} order by ${order} limit ${query.pageSize + 1}`
    : sql`order by ${order} limit ${query.pageSize} offset ${(query.page - 1) * query.pageSize}`;
  return sql`select ${SUMMARY_COLUMNS}, ${authorColumns()}, ${topicListTotal(reader, query)} as total_count,
          ${sortKeyColumn(query.sort)}::text as sort_key
        from forum_topics t ${authorJoin(sql`t.author_id`, sql`t.organization_id`)}
        where ${topicListWhere(reader, query)} ${page}`;
}

/**
 * A page of the topic list and its total (a page past the end has no rows to carry it: it is asked
 * for alone); walking by cursor, one row more than the page when another page follows.
 */
export async function listTopicRows(
  db: DbOrTx,
  reader: Reader,
  query: TopicListQuery,
  after?: TopicKey,
): Promise<{ rows: TopicListRow[]; total: number }> {
  const rows = await queryRows(db, topicListRow, topicListQuery(reader, query, after));
  if (rows[0]) return { rows, total: toNumber(rows[0].total_count) };
  const [counted] = await queryRows(db, countRow, sql`select ${topicListTotal(reader, query)} as n`);
  return { rows, total: toNumber(counted?.n) };
}

const topicRow = row({
  ...topicSummaryRow,
  body: col.text,
  body_html: col.text,
  edited_at: col.timestampOrNull,
  category_organization_id: col.textOrNull,
  liked_by_me: col.boolean,
  best_body: col.textOrNull,
  ...optionalAuthorShape('b_'),
  best_position: col.bigint,
});
export type TopicRow = RowOf<typeof topicRow>;

/** The topic as its reader sees it, with its best answer's author and position; none when missing, deleted or not visible. */
export async function findTopicRow(db: DbOrTx, reader: Reader, topicId: string): Promise<TopicRow | undefined> {
  const [found] = await queryRows(
    db,
    topicRow,
    sql`select ${SUMMARY_COLUMNS}, t.body, t.body_html, t.edited_at, c.organization_id as category_organization_id,
          exists(select 1 from forum_topic_likes l where l.topic_id = t.id and l.user_id = ${reader.userId}) as liked_by_me,
          left(bp.body, 600) as best_body, ${authorColumns()}, ${authorColumns('bu', 'bo', 'b_')},
          (select count(*) from forum_posts r, forum_posts br
            where br.id = bp.root_id and r.topic_id = t.id and r.parent_id is null and (r.created_at, r.id) < (br.created_at, br.id)) as best_position
        from forum_topics t
        join forum_categories c on c.id = t.category_id
        ${authorJoin(sql`t.author_id`, sql`t.organization_id`)}
        left join forum_posts bp on bp.id = t.best_post_id
        ${authorJoin(sql`bp.author_id`, sql`bp.organization_id`, { userAlias: 'bu', organizationAlias: 'bo', left: true })}
        where t.id = ${topicId} and t.deleted_at is null and ${visibleCategory(reader, sql`c.organization_id`)}`,
  );
  return found;
}

const viewsRow = row({ views_count: col.integer });

/** Counts a view, once per reader per hour (one atomic statement); the new count, or null when it did not count. */
export async function countTopicView(db: DbOrTx, topicId: string, userId: string): Promise<number | null> {
  const [counted] = await queryRows(
    db,
    viewsRow,
    sql`with viewed as (
          insert into forum_topic_views (topic_id, user_id, viewed_at) values (${topicId}, ${userId}, now())
          on conflict (topic_id, user_id) do update set viewed_at = excluded.viewed_at
            where forum_topic_views.viewed_at <= now() - interval '1 hour'
          returning 1)
        update forum_topics set views_count = views_count + 1
        where id = ${topicId} and exists (select 1 from viewed) returning views_count`,
  );
  return counted ? counted.views_count : null;
}

const okRow = row({ ok: col.integer });

/** Whether the category exists and the reader may see it. */
export async function isCategoryVisible(db: DbOrTx, reader: Reader, categoryId: string): Promise<boolean> {
  const rows = await queryRows(
    db,
    okRow,
    sql`select 1 as ok from forum_categories c where c.id = ${categoryId} and ${visibleCategory(reader, sql`c.organization_id`)}`,
  );
  return rows.length > 0;
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

const topicPlaceRow = row({
  id: col.text,
  author_id: col.text,
  locked: col.boolean,
  best_post_id: col.textOrNull,
  category_organization_id: col.textOrNull,
});

/**
 * The topic's place, or none when it is missing, deleted or in a category the reader may not see.
 * With `lock`, the topic row stays locked until the transaction ends.
 */
export async function findTopicPlaceRow(db: DbOrTx, reader: Reader, topicId: string, lock: boolean): Promise<TopicPlace | undefined> {
  const [found] = await queryRows(
    db,
    topicPlaceRow,
    sql`select t.id, t.author_id, t.locked, t.best_post_id, c.organization_id as category_organization_id
        from forum_topics t join forum_categories c on c.id = t.category_id
        where t.id = ${topicId} and t.deleted_at is null and ${visibleCategory(reader, sql`c.organization_id`)}
        ${lock ? sql`for update of t` : sql``}`,
  );
  if (!found) return undefined;
  return {
    id: found.id,
    authorId: found.author_id,
    categoryOrganizationId: found.category_organization_id,
    locked: found.locked,
    bestPostId: found.best_post_id,
  };
}

export async function insertTopic(tx: DbOrTx, values: typeof forumTopics.$inferInsert): Promise<string> {
  const [created] = await tx.insert(forumTopics).values(values).returning({ id: forumTopics.id });
  if (!created) throw new Error('topic insert returned nothing');
  return created.id;
}

export async function updateTopicRow(tx: DbOrTx, topicId: string, change: Partial<typeof forumTopics.$inferInsert>): Promise<void> {
  await tx.update(forumTopics).set(change).where(eq(forumTopics.id, topicId));
}

/** A new topic in the category. */
export async function addCategoryTopic(tx: DbOrTx, categoryId: string): Promise<void> {
  await execute(tx, sql`update forum_categories set topics_count = topics_count + 1 where id = ${categoryId}`);
}

/** The topic moves to `categoryId`: its old category counts one topic less, the new one one more (nothing when it stays). */
export async function moveCategoryTopic(tx: DbOrTx, topicId: string, categoryId: string): Promise<void> {
  await execute(
    tx,
    sql`update forum_categories c set topics_count = topics_count + case when c.id = ${categoryId} then 1 else -1 end
        from forum_topics t where t.id = ${topicId} and t.category_id <> ${categoryId} and c.id in (t.category_id, ${categoryId})`,
  );
}

/** The topic's category counts one topic less. */
export async function removeCategoryTopic(tx: DbOrTx, topicId: string): Promise<void> {
  await execute(
    tx,
    sql`update forum_categories set topics_count = topics_count - 1 where id = (select category_id from forum_topics where id = ${topicId})`,
  );
}

/** Sets every category's topic counter from its rows (after bulk writes that bypass the services). */
export async function recountCategoryTopics(tx: DbOrTx): Promise<void> {
  await execute(
    tx,
    sql`update forum_categories c set topics_count = (select count(*) from forum_topics t where t.category_id = c.id and t.deleted_at is null)`,
  );
}

const turnRow = row({ turn: col.text });

/**
 * Checks that the reader sees the topic and, when they do, takes their like toggle's turn on it
 * (one statement); false when the topic is not visible.
 */
export async function takeTopicLikeTurn(tx: DbOrTx, reader: Reader, topicId: string): Promise<boolean> {
  const rows = await queryRows(
    tx,
    turnRow,
    sql`select ${toggleTurn('forum_topic_likes', topicId, reader.userId)} as turn
        from forum_topics t join forum_categories c on c.id = t.category_id
        where t.id = ${topicId} and t.deleted_at is null and ${visibleCategory(reader, sql`c.organization_id`)}`,
  );
  return rows.length > 0;
}

/** The like toggle on a topic (after takeTopicLikeTurn). */
export async function toggleTopicLikeRow(tx: DbOrTx, topicId: string, userId: string): Promise<{ active: boolean; count: number }> {
  return toggle(
    tx,
    {
      rows: forumTopicLikes,
      targetKey: forumTopicLikes.topicId,
      userKey: forumTopicLikes.userId,
      target: forumTopics,
      targetId: forumTopics.id,
      counter: forumTopics.likesCount,
    },
    topicId,
    userId,
  );
}

const bestPostRow = row({ best_post_id: col.textOrNull });

/** Marks the post as the topic's best answer, or takes it back when it is; the topic's best answer afterwards. */
export async function setTopicBestPost(tx: DbOrTx, topicId: string, postId: string, best: boolean): Promise<string | null> {
  const [updated] = await queryRows(
    tx,
    bestPostRow,
    best
      ? sql`update forum_topics set best_post_id = ${postId}, updated_at = now() where id = ${topicId} returning best_post_id`
      : sql`update forum_topics set best_post_id = case when best_post_id = ${postId} then null else best_post_id end, updated_at = now()
            where id = ${topicId} returning best_post_id`,
  );
  return updated?.best_post_id ?? null;
}
