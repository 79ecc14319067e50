import type { DbOrTx } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import { type Actor, assertCanWrite } from '../auth/session.js';
import { findActorMembership, lockOrganization, type MembershipRow, type OrganizationRow } from './organizations.repository.js';

/** The actor's place: their membership and organization. */
export interface ActorOrganization {
  membership: MembershipRow;
  organization: OrganizationRow;
}

export const isOrgAdmin = (place: ActorOrganization) => place.membership.role === 'admin';

/** The actor's membership and organization; every signed-in user has exactly one. */
export async function getActorOrganization(db: DbOrTx, actor: Actor): Promise<ActorOrganization> {
  const found = await findActorMembership(db, actor.userId);
  if (!found || !found.isActive) throw new AppError('UNAUTHENTICATED', 'Sign in to continue');
  return found;
}

export function assertOrgAdmin(place: ActorOrganization): void {
  if (!isOrgAdmin(place)) throw new AppError('FORBIDDEN', 'Only an organization admin can do this');
}

/** Writes need a verified email after the grace period and an organization that is not suspended. */
export function assertCanWriteIn(actor: Actor, place: ActorOrganization): void {
  assertCanWriteWithStatus(actor, place.organization.status);
}

/** assertCanWriteIn for a caller that knows only its organization's status. */
export function assertCanWriteWithStatus(actor: Actor, organizationStatus: OrganizationRow['status']): void {
  assertCanWrite(actor);
  if (organizationStatus === 'suspended')
    throw new AppError('FORBIDDEN', 'This organization is suspended: it can read but not change anything');
}

/** The actor's place, for what only an organization admin may see (and, with `writing`, change). */
export async function getAdminPlace(db: DbOrTx, actor: Actor, { writing = false } = {}): Promise<ActorOrganization> {
  const place = await getActorOrganization(db, actor);
  assertOrgAdmin(place);
  if (writing) assertCanWriteIn(actor, place);
  return place;
}

/**
 * For admin changes that affect admins or seats: takes the organization's lock, then re-reads the
 * actor's membership under it, so an admin demoted or deactivated by a concurrent request that
 * committed first is no longer treated as one. Must run inside a transaction.
 */
export async function lockAsOrgAdmin(tx: DbOrTx, actor: Actor): Promise<ActorOrganization> {
  const before = await getActorOrganization(tx, actor);
  assertOrgAdmin(before);
  await lockOrganization(tx, before.organization.id);
  return getAdminPlace(tx, actor, { writing: true });
}
