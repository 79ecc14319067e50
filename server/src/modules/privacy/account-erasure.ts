import { and, eq, isNull } from 'drizzle-orm';
import type { Tx } from '../../platform/db.js';
import { mailOutbox } from '../../platform/mail/index.js';
import { removeCredentials } from '../auth/index.js';
import { type FilesContext, files, removeFile } from '../files/index.js';
import { eraseForumPerson } from '../forum/index.js';
import { forgetInvitee } from '../invitations/index.js';
import { eraseUseCasePerson } from '../use-cases/index.js';
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

  // Each module forgets what it keeps of them (likes and saves taking their counts back in SQL).
  await eraseForumPerson(tx, userId);
  await eraseUseCasePerson(tx, userId);
  await forgetInvitee(tx, userId, removedUserEmail(userId));
  // Mail to them that has not gone out yet, and what the outbox still holds of mail to them.
  await tx.delete(mailOutbox).where(eq(mailOutbox.recipient, formerEmail));

  await removeCredentials(tx, userId);
  await anonymiseUser(tx, userId);
}
