import { createHmac, timingSafeEqual } from 'node:crypto';
import type { PlatformRole, UserStatus } from '@p2p/contracts';
import type { BetterAuthOptions } from 'better-auth';
import { eq, sql } from 'drizzle-orm';
import type { ActorMembership } from '../../platform/actor.js';
import type { Db } from '../../platform/db.js';
import { memberships, organizations } from '../organizations/index.js';
import { users } from '../users/index.js';
import type { Auth } from './auth.js';
import { sessions } from './auth.tables.js';

/**
 * Reads a signed-in request's session in one query, without the auth library, when the answer is
 * certain to be the library's own: a correctly signed session cookie whose row exists, has not
 * expired and is not yet due for its sliding refresh. Everything else (no row, an expired row, a
 * refresh due, a cookie the library would clean up, a signature that does not verify here) is
 * answered `fallback`, and the caller asks the library, which then writes cookies and rows exactly
 * as it always does.
 */
export type FastSession =
  | { kind: 'guest' }
  | { kind: 'fallback' }
  | {
      kind: 'session';
      sessionId: string;
      user: {
        id: string;
        email: string;
        emailVerified: boolean;
        platformRole: PlatformRole;
        status: UserStatus;
        deletedAt: Date | null;
        createdAt: Date;
      };
      membership: ActorMembership | null;
    };

export interface SessionFastPath {
  read(cookieHeader: string, now?: number): Promise<FastSession>;
}

const toMembership = (row: {
  organizationId: string | null;
  role: ActorMembership['role'] | null;
  organizationStatus: ActorMembership['organizationStatus'] | null;
}) =>
  row.organizationId && row.role && row.organizationStatus
    ? { organizationId: row.organizationId, role: row.role, organizationStatus: row.organizationStatus }
    : null;

const GUEST: FastSession = { kind: 'guest' };
const FALLBACK: FastSession = { kind: 'fallback' };
/** Base64 of an HMAC-SHA256: 32 bytes, 44 characters ending in one "=". The library refuses any other length. */
const SIGNATURE_LENGTH = 44;

interface CookieNames {
  sessionToken: string;
  sessionData: string;
  dontRemember: string;
}

/**
 * The first value of each named cookie, decoded as the auth library's HTTP layer (better-call)
 * decodes it: the first occurrence of a name wins, surrounding quotes are dropped, and a value is
 * URL-decoded when it contains "%" and decodes.
 */
export function readCookies(header: string, names: readonly string[]): Map<string, string> {
  const found = new Map<string, string>();
  let index = 0;
  while (index < header.length && found.size < names.length) {
    const eq = header.indexOf('=', index);
    if (eq === -1) break;
    let end = header.indexOf(';', index);
    if (end === -1) end = header.length;
    else if (end < eq) {
      index = header.lastIndexOf(';', eq - 1) + 1;
      continue;
    }
    const key = header.slice(index, eq).trim();
    if (names.includes(key) && !found.has(key)) {
      let value = header.slice(eq + 1, end).trim();
      if (value.codePointAt(0) === 34) value = value.slice(1, -1);
      found.set(key, decodeValue(value));
    }
    index = end + 1;
  }
  return found;
}

function decodeValue(value: string): string {
  if (!value.includes('%')) return value;
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/**
 * The session token of a signed cookie value `token.signature` (signature = base64 HMAC-SHA256 of
 * the token with the auth secret), or null when the signature does not match.
 */
export function verifySignedToken(value: string, secret: string): string | null {
  const dot = value.lastIndexOf('.');
  if (dot < 1) return null;
  const token = value.slice(0, dot);
  const signature = value.slice(dot + 1);
  if (signature.length !== SIGNATURE_LENGTH || !signature.endsWith('=')) return null;
  const expected = createHmac('sha256', secret).update(token, 'utf8').digest();
  const given = Buffer.from(signature, 'base64');
  // Buffer.from ignores characters outside the alphabet; the round trip refuses such signatures.
  if (given.length !== expected.length || given.toString('base64') !== signature) return null;
  return timingSafeEqual(given, expected) ? token : null;
}

export async function createSessionFastPath(auth: Auth, db: Db): Promise<SessionFastPath | null> {
  const context = await auth.$context;
  const options: BetterAuthOptions = context.options;
  const session = options.session;
  // Anything that changes how the library reads a session: ask it every time.
  if (
    options.secondaryStorage ||
    session?.cookieCache?.enabled ||
    session?.deferSessionRefresh ||
    session?.disableSessionRefresh ||
    (options.plugins?.length ?? 0) > 0 ||
    options.hooks?.before ||
    options.hooks?.after
  ) {
    return null;
  }
  const secret = context.secret;
  const names: CookieNames = {
    sessionToken: context.authCookies.sessionToken.name,
    sessionData: context.authCookies.sessionData.name,
    dontRemember: context.authCookies.dontRememberToken.name,
  };
  const cookieNames = [names.sessionToken, names.sessionData, names.dontRemember];
  const expiresInMs = context.sessionConfig.expiresIn * 1000;
  const updateAgeMs = context.sessionConfig.updateAge * 1000;

  const findByToken = db
    .select({
      sessionId: sessions.id,
      expiresAt: sessions.expiresAt,
      userId: users.id,
      email: users.email,
      emailVerified: users.emailVerified,
      platformRole: users.platformRole,
      status: users.status,
      deletedAt: users.deletedAt,
      createdAt: users.createdAt,
      organizationId: memberships.organizationId,
      role: memberships.role,
      organizationStatus: organizations.status,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(memberships, eq(memberships.userId, users.id))
    .leftJoin(organizations, eq(organizations.id, memberships.organizationId))
    .where(eq(sessions.token, sql.placeholder('token')))
    .limit(1)
    .prepare('auth_session_by_token');

  return {
    async read(cookieHeader, now = Date.now()) {
      const cookies = readCookies(cookieHeader, cookieNames);
      // The library clears a stray cache cookie and never slides a "don't remember me" session.
      if (cookies.has(names.sessionData) || cookies.has(names.dontRemember)) return FALLBACK;
      const signed = cookies.get(names.sessionToken);
      if (signed === undefined) return GUEST;
      const token = verifySignedToken(signed, secret);
      if (!token) return FALLBACK;
      const [row] = await findByToken.execute({ token });
      if (!row) return FALLBACK;
      const expiresAt = row.expiresAt.getTime();
      if (!(expiresAt > now)) return FALLBACK;
      // The library's sliding rule: refresh once updateAge has passed since the expiry was last set.
      if (expiresAt - expiresInMs + updateAgeMs <= now) return FALLBACK;
      return {
        kind: 'session',
        sessionId: row.sessionId,
        user: {
          id: row.userId,
          email: row.email,
          emailVerified: row.emailVerified,
          platformRole: row.platformRole,
          status: row.status,
          deletedAt: row.deletedAt,
          createdAt: row.createdAt,
        },
        membership: toMembership(row),
      };
    },
  };
}

/** The membership of a user whose session the auth library read (the fallback path). */
export function createMembershipReader(db: Db): (userId: string) => Promise<ActorMembership | null> {
  const findMembership = db
    .select({ organizationId: memberships.organizationId, role: memberships.role, organizationStatus: organizations.status })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
    .where(eq(memberships.userId, sql.placeholder('userId')))
    .limit(1)
    .prepare('auth_membership_by_user');
  return async (userId) => {
    const [row] = await findMembership.execute({ userId });
    return row ? toMembership(row) : null;
  };
}
