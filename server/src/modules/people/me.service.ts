import type { Me, SessionInfo, UpdateMeBody } from '@p2p/contracts';
import type { Db } from '../../platform/db.js';
import { AppError, notFound } from '../../platform/errors.js';
import { type Actor, verificationDeadline } from '../../platform/actor.js';
import { findMembershipWithOrganization, logoUrlOf } from '../organizations/index.js';
import { deleteUserSession, listActiveSessions } from '../auth/index.js';
import { avatarUrlOf, findUserById, updateUserProfile } from '../users/index.js';
import { withTransaction } from '../../platform/transaction.js';

export async function getMe(db: Db, actor: Actor): Promise<Me> {
  return loadMe(db, actor.userId);
}

/** The "who am I" shape of a user (also answered right after an invitation is accepted). */
export async function loadMe(db: Db, userId: string): Promise<Me> {
  const [user, membership] = await Promise.all([findUserById(db, userId), findMembershipWithOrganization(db, userId)]);
  if (!user) throw new AppError('UNAUTHENTICATED', 'Sign in to continue');
  if (!membership) throw notFound('Organization membership');
  const { organization } = membership;
  return {
    id: user.id,
    email: user.email,
    emailVerified: user.emailVerified,
    name: user.name,
    firstName: user.firstName,
    lastName: user.lastName,
    jobTitle: user.jobTitle,
    department: user.department,
    phone: user.phone,
    bio: user.bio,
    avatarUrl: avatarUrlOf(user),
    language: user.language,
    platformRole: user.platformRole,
    status: user.status,
    createdAt: user.createdAt.toISOString(),
    verificationDeadline: verificationDeadline(user.emailVerified, user.createdAt)?.toISOString() ?? null,
    orgRole: membership.membership.role,
    organization: {
      id: organization.id,
      name: organization.name,
      nameAr: organization.nameAr,
      industry: organization.industry,
      status: organization.status,
      subscriptionTier: organization.subscriptionTier,
      trialEndsAt: organization.trialEndsAt?.toISOString() ?? null,
      logoUrl: logoUrlOf(organization),
    },
  };
}

export async function listMySessions(db: Db, actor: Actor): Promise<SessionInfo[]> {
  const rows = await listActiveSessions(db, actor.userId);
  return rows.map((s) => ({
    id: s.id,
    createdAt: s.createdAt.toISOString(),
    updatedAt: s.updatedAt.toISOString(),
    expiresAt: s.expiresAt.toISOString(),
    ipAddress: s.ipAddress || null,
    userAgent: s.userAgent || null,
    rememberMe: s.rememberMe,
    isCurrent: s.id === actor.sessionId,
  }));
}

export async function revokeMySession(db: Db, actor: Actor, sessionId: string): Promise<void> {
  if (!(await deleteUserSession(db, actor.userId, sessionId))) throw notFound('Session');
}

export async function updateMe(db: Db, actor: Actor, input: UpdateMeBody): Promise<Me> {
  await withTransaction(db, async (tx) => {
    const current = await findUserById(tx, actor.userId);
    if (!current) throw new AppError('UNAUTHENTICATED', 'Sign in to continue');
    const firstName = input.firstName ?? current.firstName;
    const lastName = input.lastName ?? current.lastName;
    await updateUserProfile(tx, actor.userId, {
      ...input,
      ...(input.firstName || input.lastName ? { name: `${firstName} ${lastName}` } : {}),
    });
  });
  return getMe(db, actor);
}
