import { type Actor, assertCanWrite, assertOrgAdmin } from '../../platform/actor.js';
import type { DbOrTx } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import { findActorMembership, lockOrganization, type MembershipRow, type OrganizationRow } from './organizations.repository.js';

/** The actor's place as stored: their membership and organization rows (for what needs the whole rows). */
export interface ActorOrganization {
  membership: MembershipRow;
  organization: OrganizationRow;
}

/** The actor's membership and organization rows; every signed-in user has exactly one. */
export async function getActorOrganization(db: DbOrTx, actor: Actor): Promise<ActorOrganization> {
  const found = await findActorMembership(db, actor.userId);
  if (!found || !found.isActive) throw new AppError('UNAUTHENTICATED', 'Sign in to continue');
  return found;
}

/** The actor's place, for what only an organization admin may see (and, with `writing`, change). */
export async function getAdminPlace(db: DbOrTx, actor: Actor, { writing = false } = {}): Promise<ActorOrganization> {
  assertOrgAdmin(actor);
  if (writing) assertCanWrite(actor);
  return getActorOrganization(db, actor);
}

/**
 * For admin changes that affect admins or seats: takes the organization's lock, then re-reads the
 * actor's membership under it, so an admin demoted or deactivated by a concurrent request that
 * committed first is no longer treated as one. Must run inside a transaction.
 */
export async function lockAsOrgAdmin(tx: DbOrTx, actor: Actor): Promise<ActorOrganization> {
  assertOrgAdmin(actor);
  assertCanWrite(actor);
  await lockOrganization(tx, actor.organizationId);
  const place = await getActorOrganization(tx, actor);
  if (place.membership.role !== 'admin') throw new AppError('FORBIDDEN', 'Only an organization admin can do this');
  return place;
}
