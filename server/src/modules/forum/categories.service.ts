import type { CreateForumCategoryBody, ForumCategory, ForumStats, UpdateForumCategoryBody } from '@p2p/contracts';
import { eq, sql } from 'drizzle-orm';
import { type Db, queryRows, toNumber } from '../../platform/db.js';
import { AppError, isForeignKeyViolation, isUniqueViolation, notFound } from '../../platform/errors.js';
import { type Actor } from '../../platform/actor.js';
import { forumCategories } from './forum.tables.js';
import { visibleCategory, visibleTopic } from './forum.reader.js';
import { isoOrNull } from '../../platform/time.js';

/** The categories the reader may see, in order, with their topic and post counts and latest activity. */
export async function listCategories(db: Db, actor: Actor): Promise<ForumCategory[]> {
  const reader = actor;
  const rows = await queryRows(
    db,
    sql`select c.*, coalesce(s.posts, 0) as posts_count, s.last_activity_at
        from forum_categories c
        left join (
          select category_id, sum(posts_count) as posts, max(last_activity_at) as last_activity_at
          from forum_topics where deleted_at is null group by category_id
        ) s on s.category_id = c.id
        where ${visibleCategory(reader, sql`c.organization_id`)}
        order by c.position, c.name_en`,
  );
  return rows.map((row) => ({
    id: row.id as string,
    slug: row.slug as string,
    nameEn: row.name_en as string,
    nameAr: row.name_ar as string,
    descriptionEn: row.description_en as string | null,
    descriptionAr: row.description_ar as string | null,
    position: toNumber(row.position),
    organizationId: row.organization_id as string | null,
    topicsCount: toNumber(row.topics_count),
    postsCount: toNumber(row.posts_count),
    lastActivityAt: isoOrNull(row.last_activity_at as Date | null),
  }));
}

async function findCategory(db: Db, actor: Actor, id: string): Promise<ForumCategory> {
  const found = (await listCategories(db, actor)).find((category) => category.id === id);
  if (!found) throw notFound('Category');
  return found;
}

function assertSuperadmin(actor: Actor): void {
  if (actor.platformRole !== 'superadmin') throw new AppError('FORBIDDEN', 'Only a platform administrator can manage categories');
}

async function saveCategory(write: () => Promise<string>, organizationId: string | null | undefined): Promise<string> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error))
      throw new AppError('VALIDATION_FAILED', 'This slug is taken', [
        { path: 'slug', message: 'Another category uses this slug', code: 'taken' },
      ]);
    if (isForeignKeyViolation(error))
      throw new AppError('VALIDATION_FAILED', 'No such organization', [
        { path: 'organizationId', message: `Organization ${organizationId} does not exist`, code: 'not_found' },
      ]);
    throw error;
  }
}

export async function createCategory(db: Db, actor: Actor, body: CreateForumCategoryBody): Promise<ForumCategory> {
  assertSuperadmin(actor);
  const id = await saveCategory(async () => {
    const [row] = await db
      .insert(forumCategories)
      .values({ ...body, organizationId: body.organizationId ?? null })
      .returning({ id: forumCategories.id });
    return row!.id;
  }, body.organizationId);
  return findCategory(db, actor, id);
}

export async function updateCategory(db: Db, actor: Actor, id: string, body: UpdateForumCategoryBody): Promise<ForumCategory> {
  await findCategory(db, actor, id);
  assertSuperadmin(actor);
  await saveCategory(async () => {
    await db
      .update(forumCategories)
      .set({ ...body, updatedAt: new Date() })
      .where(eq(forumCategories.id, id));
    return id;
  }, body.organizationId);
  return findCategory(db, actor, id);
}

/** Topics, replies, people active in the last 30 days and the solved share, over what the reader may see. */
export async function getForumStats(db: Db, actor: Actor): Promise<ForumStats> {
  const reader = actor;
  const visibleTopics = visibleTopic(reader);
  const [row] = await queryRows(
    db,
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
  const topics = toNumber(row?.topics);
  const solvedTopics = toNumber(row?.solved);
  return {
    topics,
    posts: toNumber(row?.posts),
    activeMembers: toNumber(row?.active),
    solvedTopics,
    solvedShare: topics === 0 ? 0 : solvedTopics / topics,
  };
}
