import { and, desc, eq, gt } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db.js';
import { accounts, sessions } from '../auth/auth.tables.js';
import { users } from './users.tables.js';

export type UserRow = typeof users.$inferSelect;
export type SessionRow = typeof sessions.$inferSelect;

export async function findUserById(db: DbOrTx, id: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return row;
}

export async function findUserByEmail(db: DbOrTx, email: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.email, email.toLowerCase())).limit(1);
  return row;
}

export async function listActiveSessions(db: DbOrTx, userId: string): Promise<SessionRow[]> {
  return db
    .select()
    .from(sessions)
    .where(and(eq(sessions.userId, userId), gt(sessions.expiresAt, new Date())))
    .orderBy(desc(sessions.updatedAt));
}

/** Deletes one of the user's own sessions; returns whether one was deleted. */
export async function deleteUserSession(db: DbOrTx, userId: string, sessionId: string): Promise<boolean> {
  const deleted = await db
    .delete(sessions)
    .where(and(eq(sessions.id, sessionId), eq(sessions.userId, userId)))
    .returning({ id: sessions.id });
  return deleted.length > 0;
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
    .set({ avatarFileId: fileId, image: fileId ? `/api/v1/files/${fileId}` : null, updatedAt: new Date() })
    .where(eq(users.id, userId));
  return previous?.avatarFileId ?? null;
}

export interface NewPasswordUser {
  email: string;
  firstName: string;
  lastName: string;
  language: UserRow['language'];
  emailVerified: boolean;
  /** Already hashed with the auth library's hasher. */
  passwordHash: string;
}

/** A user who signs in with email and password: the users row and the auth library's credential account. */
export async function insertUserWithPassword(db: DbOrTx, input: NewPasswordUser): Promise<UserRow> {
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
  await db.insert(accounts).values({ userId: user.id, accountId: user.id, providerId: 'credential', password: input.passwordHash });
  return user;
}
