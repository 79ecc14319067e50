import { eq, sql } from 'drizzle-orm';
import { type DbOrTx, queryRows } from '../../../platform/db.js';
import { col, row, type RowOf } from '../../../platform/rows.js';
import { type Reader, visibleCategory, visibleTopic } from '../forum.reader.js';
import { forumCategories } from '../forum.tables.js';

// The forum's categories in SQL: the list with its counts, the forum's statistics, and the writes.

const categoryRow = row({
  id: col.text,
  slug: col.text,
  name_en: col.text,
  name_ar: col.text,
  description_en: col.textOrNull,
  description_ar: col.textOrNull,
  position: col.integer,
  organization_id: col.textOrNull,
  topics_count: col.integer,
  posts_count: col.bigint,
  last_activity_at: col.timestampOrNull,
});
export type CategoryRow = RowOf<typeof categoryRow>;

/** The categories the reader may see, in order, with their topic and post counts and latest activity. */
export async function listCategoryRows(db: DbOrTx, reader: Reader): Promise<CategoryRow[]> {
  return queryRows(
    db,
    categoryRow,
    sql`select c.id, c.slug, c.name_en, c.name_ar, c.description_en, c.description_ar, c.position, c.organization_id, c.topics_count,
          coalesce(s.posts, 0) as posts_count, s.last_activity_at
        from forum_categories c
        left join (
          select category_id, sum(posts_count) as posts, max(last_activity_at) as last_activity_at
          from forum_topics where deleted_at is null group by category_id
        ) s on s.category_id = c.id
        where ${visibleCategory(reader, sql`c.organization_id`)}
        order by c.position, c.name_en`,
  );
}

export async function insertCategory(db: DbOrTx, values: typeof forumCategories.$inferInsert): Promise<string> {
  const [created] = await db.insert(forumCategories).values(values).returning({ id: forumCategories.id });
  if (!created) throw new Error('category insert returned nothing');
  return created.id;
}

export async function updateCategoryRow(db: DbOrTx, id: string, change: Partial<typeof forumCategories.$inferInsert>): Promise<void> {
  await db.update(forumCategories).set(change).where(eq(forumCategories.id, id));
}

const statsRow = row({ topics: col.bigint, posts: col.bigint, solved: col.bigint, active: col.bigint });
export type ForumStatsRow = RowOf<typeof statsRow>;

/** Topics, replies, people active in the last 30 days and solved topics, over what the reader may see. */
export async function countForumStats(db: DbOrTx, reader: Reader): Promise<ForumStatsRow | undefined> {
  const visibleTopics = visibleTopic(reader);
  const [found] = await queryRows(
    db,
    statsRow,
    sql`select
          (select count(*) from forum_topics t where ${visibleTopics}) as topics,
          (select coalesce(sum(t.posts_count), 0) from forum_topics t where ${visibleTopics}) as posts,
          (select count(*) from forum_topics t where ${visibleTopics} and t.best_post_id is not null) as solved,
          (select count(distinct author_id) from (
             select t.author_id from forum_topics t where t.created_at > now() - interval '30 days' and ${visibleTopics}
             union all
             select p.author_id from forum_posts p join forum_topics t on t.id = p.topic_id
             where p.created_at > now() - interval '30 days' and p.deleted_at is null and ${visibleTopics}
           ) a) as active`,
  );
  return found;
}
