import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db.js';
import { userDataExports, users } from './users.tables.js';
import { fileUrlOrNull } from '../../platform/file-url.js';

export type UserRow = typeof users.$inferSelect;

export async function findUserById(db: DbOrTx, id: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return row;
}

export async function findUserByEmail(db: DbOrTx, email: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.email, email.toLowerCase())).limit(1);
  return row;
}

export async function updateUserProfile(
  db: DbOrTx,
  id: string,
  changes: Partial<Pick<UserRow, 'firstName' | 'lastName' | 'name' | 'jobTitle' | 'department' | 'phone' | 'bio' | 'language'>>,
): Promise<UserRow | undefined> {
  const [row] = await db
    .update(users)
    .set({ ...changes, updatedAt: new Date() })
    .where(eq(users.id, id))
    .returning();
  return row;
}

/** Points the user's avatar at a stored file (or clears it); returns the previous file id. */
export async function setUserAvatar(db: DbOrTx, userId: string, fileId: string | null): Promise<string | null> {
  const [previous] = await db.select({ avatarFileId: users.avatarFileId }).from(users).where(eq(users.id, userId)).limit(1);
  await db
    .update(users)
    .set({ avatarFileId: fileId, image: fileUrlOrNull(fileId), updatedAt: new Date() })
    .where(eq(users.id, userId));
  return previous?.avatarFileId ?? null;
}

/** A new users row (a password user's credential is added by the auth module). */
export async function insertUser(
  db: DbOrTx,
  input: Pick<UserRow, 'email' | 'firstName' | 'lastName' | 'language' | 'emailVerified'>,
): Promise<UserRow> {
  const [user] = await db
    .insert(users)
    .values({
      email: input.email.toLowerCase(),
      name: `${input.firstName} ${input.lastName}`,
      firstName: input.firstName,
      lastName: input.lastName,
      language: input.language,
      emailVerified: input.emailVerified,
    })
    .returning();
  if (!user) throw new Error('user insert returned nothing');
  return user;
}

/** The avatar's address, from the stored file only (the auth library's free-form "image" is not trusted). */
export const avatarUrlOf = (user: Pick<UserRow, 'avatarFileId'>) => fileUrlOrNull(user.avatarFileId);

/** What a removed user is shown as, everywhere. */
export const FORMER_MEMBER_NAME = 'Former member';

/** The address a removed user's email is rewritten to: unique, and never deliverable (RFC 6761 .invalid). */
export const removedUserEmail = (userId: string) => `deleted+${userId}@invalid`;

/**
 * What stays of a removed person: the row (so their content keeps its author, shown as a former
 * member) without anything that names or reaches them, and their export log gone.
 */
export async function anonymiseUser(db: DbOrTx, userId: string): Promise<void> {
  await db
    .update(users)
    .set({
      deletedAt: sql`now()`,
      status: 'inactive',
      email: removedUserEmail(userId),
      emailVerified: false,
      name: FORMER_MEMBER_NAME,
      firstName: 'Former',
      lastName: 'member',
      jobTitle: null,
      department: null,
      phone: null,
      bio: null,
      image: null,
      avatarFileId: null,
      updatedAt: new Date(),
    })
    .where(eq(users.id, userId));
  await db.delete(userDataExports).where(eq(userDataExports.userId, userId));
}
