import { TIER_LIMITS, toPage, type Member, type MemberListQuery, type Page, type UpdateMemberBody, type UserProfile } from '@p2p/contracts';
import type { Db, DbOrTx } from '../../platform/db.js';
import { AppError, notFound } from '../../platform/errors.js';
import { withTransaction } from '../../platform/transaction.js';
import { type Actor } from '../../platform/actor.js';
import {
  type ActorOrganization,
  countActiveAdmins,
  getAdminPlace,
  countUsedSeats,
  getActorOrganization,
  lockAsOrgAdmin,
  lockOrganization,
  logoUrlOf,
} from '../organizations/index.js';
import {
  findMember,
  findUserWithOrganization,
  listMembers as listMemberRows,
  type MemberRow,
  countOtherLiveMembers,
  setMemberRole,
  updateMemberFields,
} from './members.repository.js';
import { avatarUrlOf, FORMER_MEMBER_NAME } from '../users/index.js';
import { deleteAllSessions } from '../auth/index.js';

export function presentMember({ user, role }: MemberRow): Member {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    firstName: user.firstName,
    lastName: user.lastName,
    jobTitle: user.jobTitle,
    department: user.department,
    phone: user.phone,
    avatarUrl: avatarUrlOf(user),
    role,
    status: user.status,
    emailVerified: user.emailVerified,
    createdAt: user.createdAt.toISOString(),
  };
}

export async function listMembers(db: Db, actor: Actor, query: MemberListQuery): Promise<Page<Member>> {
  const place = await getAdminPlace(db, actor);
  const { rows, total } = await listMemberRows(db, place.organization.id, query);
  return toPage(rows.map(presentMember), total, query.page, query.pageSize);
}

/**
 * Another user as the actor sees them: colleagues of the same organization get the contact details,
 * role and status; everyone else the public card; a removed user is an anonymous former member.
 */
export async function getUserProfile(db: Db, actor: Actor, userId: string): Promise<UserProfile> {
  const [place, found] = await Promise.all([getActorOrganization(db, actor), findUserWithOrganization(db, userId)]);
  if (!found) throw notFound('User');
  const { user, membership, organization } = found;
  const organizationCard = { id: organization.id, name: organization.name, nameAr: organization.nameAr, logoUrl: logoUrlOf(organization) };
  if (user.deletedAt) {
    return {
      id: user.id,
      name: FORMER_MEMBER_NAME,
      isFormerMember: true,
      jobTitle: null,
      department: null,
      avatarUrl: null,
      organization: organizationCard,
      colleague: null,
    };
  }
  const isColleague = place.organization.id === organization.id;
  return {
    id: user.id,
    name: user.name,
    isFormerMember: false,
    jobTitle: user.jobTitle,
    department: user.department,
    avatarUrl: avatarUrlOf(user),
    organization: organizationCard,
    colleague: isColleague ? { email: user.email, phone: user.phone, bio: user.bio, role: membership.role, status: user.status } : null,
  };
}

/** A live (not removed) member of the actor's organization; anyone else is not there for this admin. */
async function getManagedMember(tx: DbOrTx, place: ActorOrganization, userId: string): Promise<MemberRow> {
  const target = await findMember(tx, place.organization.id, userId);
  if (!target || target.user.deletedAt) throw notFound('User');
  return target;
}

const isActiveAdmin = (m: MemberRow) => m.role === 'admin' && m.user.status === 'active' && !m.user.deletedAt;

/**
 * The rules for taking an admin away (demotion, deactivation, removal). The last active admin is
 * answered first, because "promote someone else first" is what that admin needs to hear; otherwise
 * an admin still may not do it to themselves.
 */
async function assertMayRemoveAdminRights(
  tx: DbOrTx,
  actor: Actor,
  place: ActorOrganization,
  target: MemberRow,
  losesAdmin: boolean,
): Promise<void> {
  if (losesAdmin && isActiveAdmin(target) && (await countActiveAdmins(tx, place.organization.id, target.user.id)) === 0) {
    throw new AppError('LAST_ADMIN', 'The organization needs at least one active admin: make someone else an admin first');
  }
  if (losesAdmin && target.user.id === actor.userId) {
    throw new AppError('CANNOT_CHANGE_SELF', 'You cannot demote, deactivate or remove yourself; ask another admin');
  }
}

export async function updateMember(db: Db, actor: Actor, userId: string, input: UpdateMemberBody): Promise<Member> {
  return withTransaction(db, async (tx) => {
    // Serialises admin changes within the organization: the last-admin count below cannot be
    // invalidated by a concurrent demotion, and a concurrently demoted actor is seen as a member.
    const place = await lockAsOrgAdmin(tx, actor);
    const target = await getManagedMember(tx, place, userId);
    const demotes = input.role === 'member' && target.role === 'admin';
    const deactivates = input.status === 'inactive' && target.user.status !== 'inactive';
    const activates = input.status === 'active' && target.user.status !== 'active';
    if (input.status !== undefined && input.status !== target.user.status && target.user.status === 'suspended') {
      throw new AppError('FORBIDDEN', 'This account was suspended by the platform; only a platform admin can lift that');
    }
    await assertMayRemoveAdminRights(tx, actor, place, target, demotes || deactivates);
    if (activates) {
      const limit = TIER_LIMITS[place.organization.subscriptionTier].users;
      if (limit !== null && (await countUsedSeats(tx, place.organization.id)) + 1 > limit) {
        throw new AppError(
          'USER_LIMIT_REACHED',
          `The ${place.organization.subscriptionTier} plan allows ${limit} users, counting pending invitations`,
        );
      }
    }

    if (input.role && input.role !== target.role) await setMemberRole(tx, userId, input.role);
    const fields = {
      ...(input.status !== undefined ? { status: input.status } : {}),
      ...(input.jobTitle !== undefined ? { jobTitle: input.jobTitle } : {}),
      ...(input.department !== undefined ? { department: input.department } : {}),
    };
    if (Object.keys(fields).length > 0) await updateMemberFields(tx, userId, fields);
    // A deactivated user is signed out everywhere at once, in the same transaction.
    if (deactivates) await deleteAllSessions(tx, userId);
    return presentMember(await getManagedMember(tx, place, userId));
  });
}

/**
 * For an admin removing a member (the erasure itself is the privacy module's): under the organization's
 * lock, a live member of the admin's own organization, and not the last admin nor the admin themselves.
 */
export async function lockRemovableMember(tx: DbOrTx, actor: Actor, userId: string): Promise<void> {
  const place = await lockAsOrgAdmin(tx, actor);
  const target = await getManagedMember(tx, place, userId);
  await assertMayRemoveAdminRights(tx, actor, place, target, true);
}

/**
 * For a person deleting their own account: under the organization's lock, the last active admin may
 * not leave other people without one (409 LAST_ADMIN). Tells whether nobody else is left.
 */
export async function lockLeavingMember(tx: DbOrTx, actor: Actor): Promise<{ isLastMember: boolean; organizationId: string }> {
  await lockOrganization(tx, actor.organizationId);
  const place = await getActorOrganization(tx, actor);
  const organizationId = place.organization.id;
  const others = await countOtherLiveMembers(tx, organizationId, actor.userId);
  const isLastAdmin = place.membership.role === 'admin' && (await countActiveAdmins(tx, organizationId, actor.userId)) === 0;
  if (isLastAdmin && others > 0) {
    throw new AppError(
      'LAST_ADMIN',
      `You are the last admin of ${place.organization.name}: make someone else an admin before deleting your account`,
    );
  }
  return { isLastMember: others === 0, organizationId };
}
