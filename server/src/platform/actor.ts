import type { OrganizationStatus, OrgRole, PlatformRole, UserStatus } from '@p2p/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from './errors.js';

/**
 * Who is acting, in which organization, with what rights: resolved once per request by the session
 * resolver (one query with the session) and handed to every service. A leaf module: it imports no
 * module, so every module may import it.
 */
export interface Actor {
  userId: string;
  sessionId: string;
  email: string;
  emailVerified: boolean;
  platformRole: PlatformRole;
  status: UserStatus;
  createdAt: Date;
  /** Every signed-in person belongs to exactly one organization. */
  organizationId: string;
  organizationRole: OrgRole;
  organizationStatus: OrganizationStatus;
  /** An admin of their own organization. */
  isOrgAdmin: boolean;
  /** Platform moderators and superadmins: moderate everything and see every category. */
  isModerator: boolean;
}

/** What the session resolver reads with the session: the person and their membership. */
export interface ActorSource {
  userId: string;
  sessionId: string;
  email: string;
  emailVerified: boolean;
  platformRole: PlatformRole;
  status: UserStatus;
  createdAt: Date;
  membership: ActorMembership;
}

/** The actor's organization as read with the session: its id and status, and the actor's role in it. */
export interface ActorMembership {
  organizationId: string;
  role: OrgRole;
  organizationStatus: OrganizationStatus;
}

export function toActor({ membership, ...person }: ActorSource): Actor {
  return {
    ...person,
    organizationId: membership.organizationId,
    organizationRole: membership.role,
    organizationStatus: membership.organizationStatus,
    isOrgAdmin: membership.role === 'admin',
    isModerator: person.platformRole === 'moderator' || person.platformRole === 'superadmin',
  };
}

/**
 * Who is looking: a signed-in actor or a guest (public pages). The same rights as Actor, with the
 * signed-in fields null for a guest.
 */
export interface Viewer {
  actor: Actor | null;
  userId: string | null;
  organizationId: string | null;
  organizationStatus: OrganizationStatus | null;
  isOrgAdmin: boolean;
  isModerator: boolean;
}

export const GUEST: Viewer = Object.freeze({
  actor: null,
  userId: null,
  organizationId: null,
  organizationStatus: null,
  isOrgAdmin: false,
  isModerator: false,
});

export function viewerOf(actor: Actor | null): Viewer {
  if (!actor) return GUEST;
  const { userId, organizationId, organizationStatus, isOrgAdmin, isModerator } = actor;
  return { actor, userId, organizationId, organizationStatus, isOrgAdmin, isModerator };
}

/** A signed-in viewer, or 401. */
export function requireSignedIn(viewer: Viewer): asserts viewer is Viewer & { actor: Actor; userId: string; organizationId: string } {
  if (!viewer.actor) throw new AppError('UNAUTHENTICATED', 'Sign in to continue');
}

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
}

/** Resolves the actor of a request; built by the auth module, handed to every module's routes. */
export interface SessionResolver {
  /** The signed-in actor, or null for a guest. Refreshes the sliding session cookie when due. */
  resolve: (request: FastifyRequest, reply: FastifyReply) => Promise<Actor | null>;
  /** preHandler (passed unbound): answers 401 for guests and for disabled accounts. */
  requireActor: (request: FastifyRequest, reply: FastifyReply) => Promise<void>;
}

/** The actor of a request that passed requireActor. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('UNAUTHENTICATED', 'Sign in to continue');
  return request.actor;
}

/**
 * The header the Fastify bridge fills from request.ip (socket or trusted proxy) for the auth library,
 * after dropping any copy the client sent.
 */
export const CLIENT_IP_HEADER = 'x-p2p-client-ip';

/** An unverified account works normally for this long after sign-up (the web app shows a banner). */
export const VERIFICATION_GRACE_DAYS = 7;
const VERIFICATION_GRACE_MS = VERIFICATION_GRACE_DAYS * 86_400_000;

export function verificationDeadline(emailVerified: boolean, createdAt: Date): Date | null {
  return emailVerified ? null : new Date(createdAt.getTime() + VERIFICATION_GRACE_MS);
}

/** The one suspension check: a suspended organization can read but not change anything. */
export function assertOrganizationActive(organizationStatus: OrganizationStatus): void {
  if (organizationStatus === 'suspended') {
    throw new AppError('FORBIDDEN', 'This organization is suspended: it can read but not change anything');
  }
}

/**
 * Writing needs a verified email once the grace period after sign-up is over, and an organization
 * that is not suspended.
 */
export function assertCanWrite(actor: Pick<Actor, 'emailVerified' | 'createdAt' | 'organizationStatus'>, now = new Date()): void {
  if (!actor.emailVerified && now.getTime() - actor.createdAt.getTime() > VERIFICATION_GRACE_MS) {
    throw new AppError('EMAIL_NOT_VERIFIED', 'Verify your email address to keep writing');
  }
  assertOrganizationActive(actor.organizationStatus);
}

/** Only an admin of their own organization. */
export function assertOrgAdmin(actor: Pick<Actor, 'isOrgAdmin'>): void {
  if (!actor.isOrgAdmin) throw new AppError('FORBIDDEN', 'Only an organization admin can do this');
}
