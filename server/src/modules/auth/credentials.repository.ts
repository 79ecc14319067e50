import { and, desc, eq, gt } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db.js';
import { insertUser, type UserRow } from '../users/index.js';
import { accounts, sessions, verifications } from './auth.tables.js';

// The auth module's own rows about a person: their sessions and their credential account.

export type SessionRow = typeof sessions.$inferSelect;

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

/** Ends every session of the user (they are signed out everywhere on their next request). */
export async function deleteAllSessions(db: DbOrTx, userId: string): Promise<number> {
  const deleted = await db.delete(sessions).where(eq(sessions.userId, userId)).returning({ id: sessions.id });
  return deleted.length;
}

/** Nothing can sign in as this user again: sessions, the password and pending reset tokens go. */
export async function removeCredentials(db: DbOrTx, userId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
  await db.delete(accounts).where(eq(accounts.userId, userId));
  await db.delete(verifications).where(eq(verifications.value, userId));
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
  const user = await insertUser(db, input);
  await db.insert(accounts).values({ userId: user.id, accountId: user.id, providerId: 'credential', password: input.passwordHash });
  return user;
}
