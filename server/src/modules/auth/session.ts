import type { PlatformRole, UserStatus } from '@p2p/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { type Actor, CLIENT_IP_HEADER, type SessionResolver, toActor } from '../../platform/actor.js';
import type { Db } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import { copySetCookies, toWebHeaders } from '../../platform/http.js';
import type { Auth } from './auth.js';
import { createMembershipReader, createSessionFastPath, type SessionFastPath } from './session-fast-path.js';

/**
 * Most signed-in requests are answered by one query of our own (see session-fast-path.ts); the auth
 * library's getSession answers the rest, so that cookie refresh, expiry clean-up and every other rule
 * stay the library's. Either way the actor comes with its organization and role (one resolution per
 * request, cached on the request).
 */
export function createSessionResolver(auth: Auth, db: Db): SessionResolver {
  let fastPath: Promise<SessionFastPath | null> | undefined;
  const getFastPath = () => (fastPath ??= createSessionFastPath(auth, db));
  const readMembership = createMembershipReader(db);

  const viaLibrary = async (request: FastifyRequest, reply: FastifyReply): Promise<Actor | null> => {
    const headers = toWebHeaders(request, [CLIENT_IP_HEADER]);
    headers.set(CLIENT_IP_HEADER, request.ip);
    const result = await auth.api.getSession({ headers, returnHeaders: true });
    copySetCookies(result.headers, reply);
    const found = result.response;
    if (!found) return null;
    const user = found.user as typeof found.user & { platformRole: PlatformRole; status: UserStatus; deletedAt?: Date | null };
    if (user.status !== 'active' || user.deletedAt) return null;
    const membership = await readMembership(user.id);
    // Every signed-in person belongs to an organization; an account without one cannot act.
    if (!membership) return null;
    return toActor({
      userId: user.id,
      sessionId: found.session.id,
      email: user.email,
      emailVerified: user.emailVerified,
      platformRole: user.platformRole,
      status: user.status,
      createdAt: new Date(user.createdAt),
      membership,
    });
  };

  const resolve = async (request: FastifyRequest, reply: FastifyReply): Promise<Actor | null> => {
    if (request.actor) return request.actor;
    const cookie = request.headers.cookie;
    if (!cookie) return null;
    const fast = await getFastPath();
    const found = fast ? await fast.read(cookie) : ({ kind: 'fallback' } as const);
    if (found.kind === 'guest') return null;
    if (found.kind === 'fallback') {
      request.actor = await viaLibrary(request, reply);
      return request.actor;
    }
    const { user, membership } = found;
    if (user.status !== 'active' || user.deletedAt || !membership) return null;
    request.actor = toActor({
      userId: user.id,
      sessionId: found.sessionId,
      email: user.email,
      emailVerified: user.emailVerified,
      platformRole: user.platformRole,
      status: user.status,
      createdAt: user.createdAt,
      membership,
    });
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
