import type { PersonalDataExport } from '@p2p/contracts';
import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db.js';
import { iso, isoOrNull } from '../../platform/time.js';
import { forumPostLikes, forumPosts, forumSearchLog, forumTopicLikes, forumTopics } from './forum.tables.js';

/** The forum section of a person's data export: only their own rows (by their id), only the columns it exports. */
export async function forumPersonalData(db: DbOrTx, userId: string): Promise<PersonalDataExport['forum']> {
  const [topicRows, postRows, topicLikeRows, postLikeRows, forumSearchRows] = await Promise.all([
    db
      .select({
        id: forumTopics.id,
        categoryId: forumTopics.categoryId,
        title: forumTopics.title,
        body: forumTopics.body,
        createdAt: forumTopics.createdAt,
        editedAt: forumTopics.editedAt,
        deletedAt: forumTopics.deletedAt,
      })
      .from(forumTopics)
      .where(eq(forumTopics.authorId, userId))
      .orderBy(asc(forumTopics.createdAt)),
    db
      .select({
        id: forumPosts.id,
        topicId: forumPosts.topicId,
        parentId: forumPosts.parentId,
        body: forumPosts.body,
        createdAt: forumPosts.createdAt,
        editedAt: forumPosts.editedAt,
        deletedAt: forumPosts.deletedAt,
      })
      .from(forumPosts)
      .where(eq(forumPosts.authorId, userId))
      .orderBy(asc(forumPosts.createdAt)),
    db
      .select({ topicId: forumTopicLikes.topicId, createdAt: forumTopicLikes.createdAt })
      .from(forumTopicLikes)
      .where(eq(forumTopicLikes.userId, userId))
      .orderBy(asc(forumTopicLikes.createdAt)),
    db
      .select({ postId: forumPostLikes.postId, createdAt: forumPostLikes.createdAt })
      .from(forumPostLikes)
      .where(eq(forumPostLikes.userId, userId))
      .orderBy(asc(forumPostLikes.createdAt)),
    db
      .select({ term: forumSearchLog.term, resultsCount: forumSearchLog.resultsCount, createdAt: forumSearchLog.createdAt })
      .from(forumSearchLog)
      .where(eq(forumSearchLog.userId, userId))
      .orderBy(asc(forumSearchLog.createdAt)),
  ]);
  return {
    topics: topicRows.map((topic) => ({
      id: topic.id,
      categoryId: topic.categoryId,
      title: topic.title,
      body: topic.body,
      createdAt: iso(topic.createdAt),
      editedAt: isoOrNull(topic.editedAt),
      deletedAt: isoOrNull(topic.deletedAt),
    })),
    posts: postRows.map((post) => ({
      id: post.id,
      topicId: post.topicId,
      parentPostId: post.parentId,
      body: post.body,
      createdAt: iso(post.createdAt),
      editedAt: isoOrNull(post.editedAt),
      deletedAt: isoOrNull(post.deletedAt),
    })),
    likes: [
      ...topicLikeRows.map((l) => ({ topicId: l.topicId, postId: null, likedAt: iso(l.createdAt) })),
      ...postLikeRows.map((l) => ({ topicId: null, postId: l.postId, likedAt: iso(l.createdAt) })),
    ].sort((a, b) => a.likedAt.localeCompare(b.likedAt)),
    searches: forumSearchRows.map((s) => ({ term: s.term, resultsCount: s.resultsCount, searchedAt: iso(s.createdAt) })),
  };
}
