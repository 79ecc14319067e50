import { randomUUID } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { type DbOrTx, type Tx, execute, queryRows } from '../../platform/db.js';
import { col, row } from '../../platform/rows.js';
import {
  forumCategories,
  forumPostLikes,
  forumPosts,
  forumTopicLikes,
  forumTopics,
  recountCategoryTopics,
} from '../../modules/forum/index.js';
import { users } from '../../modules/users/index.js';
import { DEMO_TOPICS, type DemoPost, type PostPlace, postValues, topicValues } from './demo-data/forum-topics.js';
import { DEMO_EMAILS, type ProgressListener, demoUserIds, loadDemoPeople } from './lookup.js';

const topicIdRow = row({ topic_id: col.text });

/** Topics by demo users, found by author and title (a demo topic is one of these). */
async function findDemoTopicIds(db: DbOrTx): Promise<string[]> {
  const rows = await db
    .select({ id: forumTopics.id })
    .from(forumTopics)
    .innerJoin(users, eq(users.id, forumTopics.authorId))
    .where(
      and(
        inArray(users.email, [...DEMO_EMAILS]),
        inArray(
          forumTopics.title,
          DEMO_TOPICS.map((topic) => topic.title),
        ),
      ),
    );
  return rows.map((row) => row.id);
}

export async function countDemoTopics(db: DbOrTx): Promise<number> {
  return (await findDemoTopicIds(db)).length;
}

/** The demo topics with their threads, likes, best answers, pins and locks; topics already there are left alone. */
export async function seedForum(tx: Tx, onProgress: ProgressListener): Promise<{ created: number }> {
  const label = 'Forum topics';
  const { person } = await loadDemoPeople(tx);
  const categories = new Map(
    (await tx.select({ id: forumCategories.id, slug: forumCategories.slug }).from(forumCategories)).map((c) => [c.slug, c.id]),
  );
  const existing = new Set(
    (
      await tx
        .select({ title: forumTopics.title })
        .from(forumTopics)
        .where(inArray(forumTopics.id, [...(await findDemoTopicIds(tx)), randomUUID()]))
    ).map((row) => row.title),
  );
  let created = 0;
  for (const [index, demo] of DEMO_TOPICS.entries()) {
    onProgress({ label, done: index, total: DEMO_TOPICS.length });
    if (existing.has(demo.title)) continue;
    const categoryId = categories.get(demo.category);
    if (!categoryId) throw new Error(`The demo category ${demo.category} is missing`);
    const author = person(demo.by);
    const startedAt = new Date(Date.now() - demo.daysAgo * 86_400_000);
    const [topic] = await tx
      .insert(forumTopics)
      .values(topicValues(demo, { categoryId, author, startedAt }))
      .returning({ id: forumTopics.id });
    const topicId = topic!.id;
    for (const liker of demo.likes ?? []) await tx.insert(forumTopicLikes).values({ topicId, userId: person(liker).id });
    // Replies follow each other 47 minutes apart, depth first (a reply before its own replies).
    let minutes = 0;
    let bestPostId: string | null = null;
    let last = { at: startedAt, by: author.id };
    const insertPost = async (post: DemoPost, parent: PostPlace['parent']): Promise<void> => {
      minutes += 47;
      const writer = person(post.by);
      const at = new Date(startedAt.getTime() + minutes * 60_000);
      const values = postValues(post, { id: randomUUID(), topicId, parent }, writer, at);
      await tx.insert(forumPosts).values(values);
      for (const liker of post.likes ?? []) await tx.insert(forumPostLikes).values({ postId: values.id, userId: person(liker).id });
      if (post.best) bestPostId = values.id;
      last = { at, by: writer.id };
      for (const child of post.replies ?? []) await insertPost(child, { id: values.id, rootId: values.rootId, depth: values.depth });
    };
    for (const post of demo.posts) await insertPost(post, null);
    await execute(
      tx,
      sql`update forum_topics set best_post_id = ${bestPostId}, likes_count = ${demo.likes?.length ?? 0},
            posts_count = (select count(*) from forum_posts where topic_id = ${topicId}),
            last_activity_at = ${last.at}, last_poster_id = ${last.by}
          where id = ${topicId}`,
    );
    created += 1;
  }
  await recountCategoryTopics(tx);
  onProgress({ label, done: DEMO_TOPICS.length, total: DEMO_TOPICS.length });
  return { created };
}

/**
 * Removes the demo topics (their replies and likes go with them) and every other forum post and like
 * by demo users, so the demo users themselves can be removed.
 */
export async function removeDemoForum(tx: Tx): Promise<number> {
  const topicIds = await findDemoTopicIds(tx);
  if (topicIds.length > 0) await tx.delete(forumTopics).where(inArray(forumTopics.id, topicIds));
  // What demo users wrote elsewhere goes too (with the replies beneath it); those topics' counters are recounted.
  await execute(tx, sql`delete from forum_topics where author_id in ${demoUserIds}`);
  await recountCategoryTopics(tx);
  const touched = await queryRows(tx, topicIdRow, sql`delete from forum_posts where author_id in ${demoUserIds} returning topic_id`);
  const topics = [...new Set(touched.map((row) => row.topic_id))];
  if (topics.length > 0) {
    const ids = sql.join(
      topics.map((id) => sql`${id}`),
      sql`, `,
    );
    await execute(
      tx,
      sql`update forum_posts p set replies_count = (select count(*) from forum_posts c where c.parent_id = p.id) where p.topic_id in (${ids})`,
    );
    await execute(
      tx,
      sql`update forum_topics t set posts_count = (select count(*) from forum_posts p where p.topic_id = t.id and p.deleted_at is null) where t.id in (${ids})`,
    );
  }
  return topicIds.length;
}
