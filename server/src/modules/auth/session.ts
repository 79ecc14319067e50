import type { PlatformRole, UserStatus } from '@p2p/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import { copySetCookies, toWebHeaders } from '../../platform/http.js';
import { type Auth, CLIENT_IP_HEADER } from './auth.js';
import { type ActorMembership, createSessionFastPath, type SessionFastPath } from './session-fast-path.js';

export type { ActorMembership } from './session-fast-path.js';

/** Who is making a request. Every service call takes it. */
export interface Actor {
  userId: string;
  sessionId: string;
  email: string;
  emailVerified: boolean;
  platformRole: PlatformRole;
  status: UserStatus;
  createdAt: Date;
  /**
   * The actor's organization and role, read with the session (null: no membership). Absent when the
   * resolver did not read it (an actor built by hand): read the membership yourself then.
   */
  membership?: ActorMembership | null;
}

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
}

export interface SessionResolver {
  /** The signed-in actor, or null for a guest. Refreshes the sliding session cookie when due. */
  resolve(request: FastifyRequest, reply: FastifyReply): Promise<Actor | null>;
  /** preHandler: answers 401 for guests and for disabled accounts. */
  requireActor(request: FastifyRequest, reply: FastifyReply): Promise<void>;
}

/**
 * Most signed-in requests are answered by one query of our own (see session-fast-path.ts); the auth
 * library's getSession answers the rest, so that cookie refresh, expiry clean-up and every other rule
 * stay the library's. Without a database handle every request asks the library.
 */
export function createSessionResolver(auth: Auth, db?: Db): SessionResolver {
  let fastPath: Promise<SessionFastPath | null> | undefined;
  const getFastPath = () => (fastPath ??= db ? createSessionFastPath(auth, db) : Promise.resolve(null));

  const viaLibrary = async (request: FastifyRequest, reply: FastifyReply, fast: SessionFastPath | null): Promise<Actor | null> => {
    const headers = toWebHeaders(request, [CLIENT_IP_HEADER]);
    headers.set(CLIENT_IP_HEADER, request.ip);
    const result = await auth.api.getSession({ headers, returnHeaders: true });
    copySetCookies(result.headers, reply);
    const found = result.response;
    if (!found) return null;
    const user = found.user as typeof found.user & { platformRole: PlatformRole; status: UserStatus; deletedAt?: Date | null };
    if (user.status !== 'active' || user.deletedAt) return null;
    const actor: Actor = {
      userId: user.id,
      sessionId: found.session.id,
      email: user.email,
      emailVerified: user.emailVerified,
      platformRole: user.platformRole,
      status: user.status,
      createdAt: new Date(user.createdAt),
    };
    if (fast) actor.membership = await fast.readMembership(user.id);
    return actor;
  };

  const resolve = async (request: FastifyRequest, reply: FastifyReply): Promise<Actor | null> => {
    if (request.actor) return request.actor;
    const cookie = request.headers.cookie;
    if (!cookie) return null;
    const fast = await getFastPath();
    const found = fast ? await fast.read(cookie) : ({ kind: 'fallback' } as const);
    if (found.kind === 'guest') return null;
    if (found.kind === 'fallback') {
      request.actor = await viaLibrary(request, reply, fast);
      return request.actor;
    }
    const { user } = found;
    if (user.status !== 'active' || user.deletedAt) return null;
    request.actor = {
      userId: user.id,
      sessionId: found.sessionId,
      email: user.email,
      emailVerified: user.emailVerified,
      platformRole: user.platformRole,
      status: user.status,
      createdAt: user.createdAt,
      membership: found.membership,
    };
    return request.actor;
  };
  return {
    resolve,
    async requireActor(request, reply) {
      const actor = await resolve(request, reply);
      if (!actor) throw new AppError('UNAUTHENTICATED', 'Sign in to continue');
    },
  };
}

/** The actor of a request that passed requireActor. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('UNAUTHENTICATED', 'Sign in to continue');
  return request.actor;
}

const VERIFICATION_GRACE_MS = 7 * 86_400_000;

/**
 * Writing needs a verified email once the 7-day grace period after sign-up is over; until then an
 * unverified account works normally (the web app shows a banner).
 */
export function assertCanWrite(actor: Actor, now = new Date()): void {
  if (!actor.emailVerified && now.getTime() - actor.createdAt.getTime() > VERIFICATION_GRACE_MS) {
    throw new AppError('EMAIL_NOT_VERIFIED', 'Verify your email address to keep writing');
  }
}

export function verificationDeadline(emailVerified: boolean, createdAt: Date): Date | null {
  return emailVerified ? null : new Date(createdAt.getTime() + VERIFICATION_GRACE_MS);
}
