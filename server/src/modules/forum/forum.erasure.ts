import { eq, sql } from 'drizzle-orm';
import { type DbOrTx, execute } from '../../platform/db.js';
import {
  forumMentions,
  forumPostLikes,
  forumPosts,
  forumSearchLog,
  forumTopicLikes,
  forumTopics,
  forumTopicViews,
} from './forum.tables.js';

/**
 * What the forum forgets of an erased person, in the caller's transaction: their likes (each taking
 * its count back in the same statement), searches, view markers and the mentions of them. Their
 * topics and replies stay, shown as a former member's.
 */
export async function eraseForumPerson(tx: DbOrTx, userId: string): Promise<void> {
  await execute(
    tx,
    sql`with gone as (delete from ${forumTopicLikes} where user_id = ${userId} returning topic_id)
      update ${forumTopics} t set likes_count = t.likes_count - 1 from gone where t.id = gone.topic_id`,
  );
  await execute(
    tx,
    sql`with gone as (delete from ${forumPostLikes} where user_id = ${userId} returning post_id)
      update ${forumPosts} p set likes_count = p.likes_count - 1 from gone where p.id = gone.post_id`,
  );
  await tx.delete(forumSearchLog).where(eq(forumSearchLog.userId, userId));
  await tx.delete(forumTopicViews).where(eq(forumTopicViews.userId, userId));
  await tx.delete(forumMentions).where(eq(forumMentions.mentionedUserId, userId));
}
