import { createHash, randomBytes } from 'node:crypto';
import {
  TIER_LIMITS,
  toPage,
  type CreateInvitationBody,
  type Invitation,
  type InvitationStats,
  type InvitationStatus,
  type Page,
} from '@p2p/contracts';
import type { Db, DbOrTx } from '../../platform/db.js';
import { AppError, notFound } from '../../platform/errors.js';
import type { Mailer } from '../../platform/mail/index.js';
import { withTransaction } from '../../platform/transaction.js';
import { type Actor } from '../../platform/actor.js';
import {
  type ActorOrganization,
  countUsedSeats,
  findMembershipWithOrganization,
  getAdminPlace,
  lockAsOrgAdmin,
} from '../organizations/index.js';
import { FORMER_MEMBER_NAME, findUserByEmail, findUserById } from '../users/index.js';
import {
  cancelPendingInvitation,
  countInvitationsByStatus,
  findInvitation,
  findPendingInvitationByEmail,
  insertInvitation,
  type InvitationRow,
  type InvitationView,
  listInvitations as listInvitationRows,
  renewInvitation,
} from './invitations.repository.js';
import { assertMayInvite, assertMayResend, recordInvitationSend } from './invitations.limits.js';

export interface InvitationDeps {
  db: Db;
  mailer: Mailer;
  publicUrl: string;
}

/** 32 random bytes, base64url: what the link carries. Only its SHA-256 is stored. */
export function newInvitationToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashInvitationToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function invitationUrl(publicUrl: string, token: string): string {
  return `${publicUrl}/invitations/accept?token=${encodeURIComponent(token)}`;
}

/** What a stored invitation is now: a pending one past its expiry is "expired". */
export function effectiveStatus(view: Pick<InvitationView, 'invitation' | 'isExpired'>): InvitationStatus {
  return view.invitation.status === 'pending' && view.isExpired ? 'expired' : view.invitation.status;
}

export function presentInvitation(view: InvitationView): Invitation {
  const { invitation: i, inviter } = view;
  return {
    id: i.id,
    email: i.email,
    role: i.role,
    message: i.message,
    language: i.language,
    status: effectiveStatus(view),
    expiresAt: i.expiresAt.toISOString(),
    createdAt: i.createdAt.toISOString(),
    lastSentAt: i.lastSentAt.toISOString(),
    sendCount: i.sendCount,
    invitedBy: inviter ? { id: inviter.id, name: inviter.deletedAt ? FORMER_MEMBER_NAME : inviter.name } : null,
    acceptedAt: i.acceptedAt?.toISOString() ?? null,
  };
}

/**
 * A member of this organization is refused (the admin sees their members anyway). Whether the address
 * has an account in another organization is not told here: the answer is the same as for any address,
 * and the invitee, who proves they own the address by opening the link, learns it at acceptance.
 */
async function assertNotMember(tx: DbOrTx, organizationId: string, email: string): Promise<void> {
  const existing = await findUserByEmail(tx, email);
  if (!existing) return;
  const membership = await findMembershipWithOrganization(tx, existing.id);
  if (membership?.organization.id === organizationId)
    throw new AppError('ALREADY_MEMBER', 'This person is already a member of your organization');
}

/** Active members plus pending invitations may not go over the tier's user limit. Runs under the organization lock. */
async function assertSeatAvailable(tx: DbOrTx, place: ActorOrganization): Promise<void> {
  const limit = TIER_LIMITS[place.organization.subscriptionTier].users;
  if (limit === null) return;
  if ((await countUsedSeats(tx, place.organization.id)) + 1 > limit) {
    throw new AppError(
      'USER_LIMIT_REACHED',
      `The ${place.organization.subscriptionTier} plan allows ${limit} users, counting pending invitations`,
    );
  }
}

/** Why an invitation that is not (or no longer) pending cannot be changed by an admin. */
function notPendingError(invitation: InvitationRow): AppError {
  if (invitation.status === 'accepted') return new AppError('INVITATION_ALREADY_ACCEPTED', 'This invitation has already been accepted');
  return new AppError('CONFLICT', 'This invitation was cancelled');
}

async function sendInvitationMail(
  deps: InvitationDeps,
  tx: DbOrTx,
  invitation: InvitationRow,
  token: string,
  inviterName: string,
  organizationName: string,
): Promise<void> {
  await deps.mailer.enqueue(tx, {
    to: invitation.email,
    language: invitation.language,
    template: 'invitation',
    data: {
      inviterName,
      organizationName,
      role: invitation.role,
      message: invitation.message,
      expiresAt: invitation.expiresAt.toISOString(),
      url: invitationUrl(deps.publicUrl, token),
    },
  });
}

async function getInviter(tx: DbOrTx, actor: Actor) {
  const inviter = await findUserById(tx, actor.userId);
  if (!inviter) throw new AppError('UNAUTHENTICATED', 'Sign in to continue');
  return inviter;
}

async function getView(tx: DbOrTx, organizationId: string, id: string): Promise<InvitationView> {
  const view = await findInvitation(tx, organizationId, id);
  if (!view) throw notFound('Invitation');
  return view;
}

/**
 * Invites an email address: refuses members of this organization, a duplicate pending invitation,
 * going over the user limit and over the sending limits (invitations.limits.ts); an address with an
 * account elsewhere gets the same answer as any other. An expired invitation of the same address is
 * renewed instead of duplicated. The email is written to the outbox in the same transaction.
 */
export async function createInvitation(deps: InvitationDeps, actor: Actor, input: CreateInvitationBody): Promise<Invitation> {
  const token = newInvitationToken();
  return withTransaction(deps.db, async (tx) => {
    const place = await lockAsOrgAdmin(tx, actor);
    const organizationId = place.organization.id;
    await assertNotMember(tx, organizationId, input.email);
    const pending = await findPendingInvitationByEmail(tx, organizationId, input.email);
    if (pending && !pending.isExpired)
      throw new AppError('INVITATION_PENDING', 'This address already has a pending invitation: resend it instead');
    await assertSeatAvailable(tx, place);
    await assertMayInvite(tx, organizationId, actor.userId, input.email);

    const inviter = await getInviter(tx, actor);
    const terms = {
      role: input.role,
      message: input.message ? input.message : null,
      language: input.language ?? inviter.language,
      tokenHash: hashInvitationToken(token),
      invitedById: actor.userId,
    };
    const invitation = pending
      ? await renewInvitation(tx, organizationId, pending.invitation.id, terms)
      : await insertInvitation(tx, { organizationId, email: input.email, ...terms });
    if (!invitation) throw new AppError('CONFLICT', 'The invitation changed meanwhile; try again');
    await recordInvitationSend(tx, {
      invitationId: invitation.id,
      organizationId,
      email: invitation.email,
      sentById: actor.userId,
      kind: 'invite',
    });
    await sendInvitationMail(deps, tx, invitation, token, inviter.name, place.organization.name);
    return presentInvitation(await getView(tx, organizationId, invitation.id));
  });
}

export async function listInvitations(
  db: Db,
  actor: Actor,
  query: { status?: InvitationStatus | undefined; page: number; pageSize: number },
): Promise<Page<Invitation>> {
  const place = await getAdminPlace(db, actor);
  const { rows, total } = await listInvitationRows(db, place.organization.id, query);
  return toPage(rows.map(presentInvitation), total, query.page, query.pageSize);
}

export async function getInvitationStats(db: Db, actor: Actor): Promise<InvitationStats> {
  const place = await getAdminPlace(db, actor);
  const counts = await countInvitationsByStatus(db, place.organization.id);
  const sent = counts.pending + counts.expired + counts.accepted + counts.cancelled;
  return { sent, ...counts, acceptanceRate: sent === 0 ? 0 : counts.accepted / sent };
}

export async function cancelInvitation(db: Db, actor: Actor, id: string): Promise<Invitation> {
  return withTransaction(db, async (tx) => {
    const place = await getAdminPlace(tx, actor, { writing: true });
    // Guarded on "still pending": an accept racing this cancel cannot both succeed.
    const cancelled = await cancelPendingInvitation(tx, place.organization.id, id);
    const view = await getView(tx, place.organization.id, id);
    if (!cancelled) throw notPendingError(view.invitation);
    return presentInvitation(view);
  });
}

/** A new token and a new expiry (the previous link stops working) and the email again. */
export async function resendInvitation(deps: InvitationDeps, actor: Actor, id: string): Promise<Invitation> {
  const token = newInvitationToken();
  return withTransaction(deps.db, async (tx) => {
    const place = await lockAsOrgAdmin(tx, actor);
    const organizationId = place.organization.id;
    const current = await getView(tx, organizationId, id);
    if (current.invitation.status !== 'pending') throw notPendingError(current.invitation);
    await assertNotMember(tx, organizationId, current.invitation.email);
    // An expired invitation holds no seat; renewing it takes one again.
    if (current.isExpired) await assertSeatAvailable(tx, place);
    await assertMayResend(tx, organizationId, actor.userId, id);
    const renewed = await renewInvitation(tx, organizationId, id, { tokenHash: hashInvitationToken(token) });
    if (!renewed) throw notPendingError((await getView(tx, organizationId, id)).invitation);
    await recordInvitationSend(tx, { invitationId: id, organizationId, email: renewed.email, sentById: actor.userId, kind: 'resend' });
    const inviter = await getInviter(tx, actor);
    await sendInvitationMail(deps, tx, renewed, token, inviter.name, place.organization.name);
    return presentInvitation(await getView(tx, organizationId, id));
  });
}
