import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db.js';
import { execute } from '../../platform/db.js';
import { mailOutbox } from '../../platform/mail/index.js';
import { removeCredentials } from '../auth/index.js';
import { type FilesContext, files, removeFile } from '../files/index.js';
import {
  forumMentions,
  forumPostLikes,
  forumPosts,
  forumSearchLog,
  forumTopicLikes,
  forumTopics,
  forumTopicViews,
} from '../forum/index.js';
import { invitationSends, invitations } from '../invitations/index.js';
import {
  useCaseLikes,
  useCaseSavedSearches,
  useCaseSaves,
  useCaseSearchLog,
  useCaseViewers,
  useCaseViews,
  useCases,
} from '../use-cases/index.js';
import { anonymiseUser, findUserById, removedUserEmail } from '../users/index.js';

/**
 * Erases a person, in the caller's transaction: what must stay (their topics, replies, cases and
 * versions, reports, invitations they sent) keeps its place under the same user id, shown as a
 * "former member"; everything else about them goes. The user row loses email (an unroutable unique
 * address), names, job, phone, bio and picture; sessions, credentials and reset tokens, likes (the
 * counters they added taken back in SQL), saved cases and searches, search history, view markers,
 * mentions of them, pending mail to them and their export log are deleted. Their avatar's bytes go
 * after commit.
 */
export async function eraseAccount(tx: Tx, filesContext: FilesContext, userId: string): Promise<void> {
  const user = await findUserById(tx, userId);
  if (!user || user.deletedAt) return;
  const formerEmail = user.email;

  // The picture: the file is deleted (its quota freed, its bytes removed after commit).
  const avatars = await tx
    .select({ id: files.id })
    .from(files)
    .where(and(eq(files.uploaderId, userId), eq(files.purpose, 'avatar'), isNull(files.deletedAt)));
  for (const avatar of avatars) await removeFile(filesContext, tx, avatar.id);

  // Likes and saves: each removed one takes its count back, in the same statement.
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
  await execute(
    tx,
    sql`with gone as (delete from ${useCaseLikes} where user_id = ${userId} returning use_case_id)
      update ${useCases} c set likes_count = c.likes_count - 1 from gone where c.id = gone.use_case_id`,
  );
  await execute(
    tx,
    sql`with gone as (delete from ${useCaseSaves} where user_id = ${userId} returning use_case_id)
      update ${useCases} c set saves_count = c.saves_count - 1 from gone where c.id = gone.use_case_id`,
  );

  // What they searched, saved, looked at and were mentioned in.
  await tx.delete(forumSearchLog).where(eq(forumSearchLog.userId, userId));
  await tx.delete(useCaseSearchLog).where(eq(useCaseSearchLog.userId, userId));
  await tx.delete(useCaseSavedSearches).where(eq(useCaseSavedSearches.userId, userId));
  await tx.delete(forumTopicViews).where(eq(forumTopicViews.userId, userId));
  await tx.delete(useCaseViewers).where(eq(useCaseViewers.userId, userId));
  await tx.delete(forumMentions).where(eq(forumMentions.mentionedUserId, userId));
  // A counted view stays counted (the case's totals and its owners' charts), no longer theirs.
  await tx.update(useCaseViews).set({ userId: null }).where(eq(useCaseViews.userId, userId));

  // The invitation they accepted named their address: it now names the unroutable one.
  const accepted = await tx
    .update(invitations)
    .set({ email: removedUserEmail(userId), updatedAt: sql`now()` })
    .where(eq(invitations.acceptedUserId, userId))
    .returning({ id: invitations.id });
  for (const invitation of accepted) {
    await tx
      .update(invitationSends)
      .set({ email: removedUserEmail(userId) })
      .where(eq(invitationSends.invitationId, invitation.id));
  }
  // Mail to them that has not gone out yet, and what the outbox still holds of mail to them.
  await tx.delete(mailOutbox).where(eq(mailOutbox.recipient, formerEmail));

  await removeCredentials(tx, userId);
  await anonymiseUser(tx, userId);
}
