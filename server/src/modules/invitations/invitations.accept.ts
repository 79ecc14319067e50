import type { AcceptInvitationBody, InvitationPreview } from '@p2p/contracts';
import type { Db } from '../../platform/db.js';
import { AppError, isUniqueViolation } from '../../platform/errors.js';
import { withTransaction } from '../../platform/transaction.js';
import type { Auth } from '../auth/index.js';
import { checkPasswordStrength, insertUserWithPassword } from '../auth/index.js';
import { insertMembership, logoUrlOf } from '../organizations/index.js';
import { FORMER_MEMBER_NAME, findUserByEmail } from '../users/index.js';
import { claimInvitation, findInvitationByTokenHash, setAcceptedUser } from './invitations.repository.js';
import { effectiveStatus, hashInvitationToken } from './invitations.service.js';

type FoundInvitation = NonNullable<Awaited<ReturnType<typeof findInvitationByTokenHash>>>;

/** The invitation behind a token, or the reason it cannot be used (not found, accepted, cancelled, expired). */
function assertUsable(found: FoundInvitation | undefined): asserts found is FoundInvitation {
  if (!found) throw new AppError('INVITATION_NOT_FOUND', 'This invitation link is not valid');
  switch (effectiveStatus(found)) {
    case 'accepted':
      throw new AppError('INVITATION_ALREADY_ACCEPTED', 'This invitation has already been accepted: sign in instead');
    case 'cancelled':
      throw new AppError('INVITATION_CANCELLED', 'This invitation was cancelled by the organization');
    case 'expired':
      throw new AppError('INVITATION_EXPIRED', 'This invitation has expired: ask the organization to send a new one');
    case 'pending':
      return;
  }
}

/** What the link shows before the invitee decides. Public: whoever holds the token may see it. */
export async function previewInvitation(db: Db, token: string): Promise<InvitationPreview> {
  const found = await findInvitationByTokenHash(db, hashInvitationToken(token));
  assertUsable(found);
  const { invitation: i, organization: o, inviter } = found;
  return {
    email: i.email,
    role: i.role,
    message: i.message,
    language: i.language,
    expiresAt: i.expiresAt.toISOString(),
    organization: { id: o.id, name: o.name, nameAr: o.nameAr, logoUrl: logoUrlOf(o) },
    invitedBy: inviter ? { name: inviter.deletedAt ? FORMER_MEMBER_NAME : inviter.name } : null,
  };
}

/**
 * Accepts an invitation: in one transaction, claims it (a guarded update that only one of several
 * concurrent accepts can win), creates the user (email verified: the link proved the address), the
 * password and the membership with the invited role. An address that has an account meanwhile
 * leaves everything as it was. Signing in is the caller's (it sets cookies).
 */
export async function acceptInvitation(db: Db, auth: Auth, input: AcceptInvitationBody): Promise<{ userId: string; email: string }> {
  const tokenHash = hashInvitationToken(input.token);
  const found = await findInvitationByTokenHash(db, tokenHash);
  assertUsable(found);
  const weak = checkPasswordStrength(input.password, 'password', found.invitation.email);
  if (weak) throw new AppError('VALIDATION_FAILED', 'The request is not valid', [weak]);
  // Hashing is slow on purpose: done before the transaction so it holds no locks meanwhile.
  const passwordHash = await (await auth.$context).password.hash(input.password);

  return withTransaction(db, async (tx) => {
    const claimed = await claimInvitation(tx, tokenHash);
    if (!claimed) {
      assertUsable(await findInvitationByTokenHash(tx, tokenHash));
      throw new AppError('INVITATION_NOT_FOUND', 'This invitation link is not valid');
    }
    if (await findUserByEmail(tx, claimed.email)) throw new AppError('EMAIL_TAKEN', 'This email already has an account: sign in instead');
    let userId: string;
    try {
      const user = await insertUserWithPassword(tx, {
        email: claimed.email,
        firstName: input.firstName,
        lastName: input.lastName,
        language: input.language ?? claimed.language,
        emailVerified: true,
        passwordHash,
      });
      userId = user.id;
    } catch (error) {
      // A sign-up with the same address committed between the check and the insert.
      if (isUniqueViolation(error)) throw new AppError('EMAIL_TAKEN', 'This email already has an account: sign in instead');
      throw error;
    }
    await insertMembership(tx, { userId, organizationId: claimed.organizationId, role: claimed.role });
    await setAcceptedUser(tx, claimed.id, userId);
    return { userId, email: claimed.email };
  });
}
