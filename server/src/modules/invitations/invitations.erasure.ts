import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db.js';
import { invitationSends, invitations } from './invitations.tables.js';

/** The invitation an erased person accepted named their address: it now names the unroutable one, in the caller's transaction. */
export async function forgetInvitee(tx: DbOrTx, userId: string, removedEmail: string): Promise<void> {
  const accepted = await tx
    .update(invitations)
    .set({ email: removedEmail, updatedAt: sql`now()` })
    .where(eq(invitations.acceptedUserId, userId))
    .returning({ id: invitations.id });
  for (const invitation of accepted) {
    await tx.update(invitationSends).set({ email: removedEmail }).where(eq(invitationSends.invitationId, invitation.id));
  }
}
