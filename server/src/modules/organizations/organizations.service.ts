import { TIER_LIMITS, type Organization, type OrganizationCard, type OrganizationStats, type UpdateOrganizationBody } from '@p2p/contracts';
import type { Db } from '../../platform/db.js';
import { notFound } from '../../platform/errors.js';
import { withTransaction } from '../../platform/transaction.js';
import { type Actor } from '../../platform/actor.js';
import { getActorOrganization, getAdminPlace } from './organizations.policy.js';
import {
  countOrganizationContents,
  findOrganizationWithMemberCount,
  type OrganizationRow,
  updateOrganization,
} from './organizations.repository.js';
import { fileUrlOrNull } from '../../platform/file-url.js';

const DAY_MS = 86_400_000;

export const logoUrlOf = (organization: Pick<OrganizationRow, 'logoFileId'>) => fileUrlOrNull(organization.logoFileId);

export function presentOrganization(o: OrganizationRow): Organization {
  return {
    id: o.id,
    name: o.name,
    nameAr: o.nameAr,
    industry: o.industry,
    size: o.size,
    city: o.city,
    region: o.region,
    website: o.website,
    contactEmail: o.contactEmail,
    contactPhone: o.contactPhone,
    description: o.description,
    logoUrl: logoUrlOf(o),
    status: o.status,
    subscriptionTier: o.subscriptionTier,
    trialEndsAt: o.trialEndsAt?.toISOString() ?? null,
    createdAt: o.createdAt.toISOString(),
  };
}

export async function getMyOrganization(db: Db, actor: Actor): Promise<Organization> {
  const { organization } = await getActorOrganization(db, actor);
  return presentOrganization(organization);
}

export async function updateMyOrganization(db: Db, actor: Actor, input: UpdateOrganizationBody): Promise<Organization> {
  return withTransaction(db, async (tx) => {
    const place = await getAdminPlace(tx, actor, { writing: true });
    const updated = await updateOrganization(tx, place.organization.id, input);
    if (!updated) throw notFound('Organization');
    return presentOrganization(updated);
  });
}

/** Whole days left in the trial (rounded up; 0 once it is over), or null outside a trial. */
export function trialDaysLeft(organization: Pick<OrganizationRow, 'subscriptionTier' | 'trialEndsAt'>, now = new Date()): number | null {
  if (organization.subscriptionTier !== 'trial' || !organization.trialEndsAt) return null;
  return Math.max(0, Math.ceil((organization.trialEndsAt.getTime() - now.getTime()) / DAY_MS));
}

export async function getMyOrganizationStats(db: Db, actor: Actor): Promise<OrganizationStats> {
  const place = await getAdminPlace(db, actor);
  const { organization } = place;
  const counts = await countOrganizationContents(db, organization.id);
  const byRole = { admin: 0, member: 0 };
  const byStatus = { active: 0, inactive: 0, suspended: 0 };
  for (const group of counts.usersByRoleAndStatus) {
    byRole[group.role] += group.count;
    byStatus[group.status] += group.count;
  }
  const limits = TIER_LIMITS[organization.subscriptionTier];
  return {
    users: { total: byRole.admin + byRole.member, byRole, byStatus },
    invitations: { pending: counts.pendingInvitations },
    content: {
      forumTopics: counts.forumTopics,
      forumPosts: counts.forumPosts,
      useCases: counts.useCases,
      publishedUseCases: counts.publishedUseCases,
    },
    storage: { usedBytes: organization.storageUsedBytes, quotaBytes: limits.storageBytes, files: counts.liveFiles },
    subscription: {
      tier: organization.subscriptionTier,
      trialEndsAt: organization.trialEndsAt?.toISOString() ?? null,
      trialDaysLeft: trialDaysLeft(organization),
      limits: { ...limits },
    },
  };
}

/** The public profile of any organization; guests included. */
export async function getOrganizationCard(db: Db, organizationId: string): Promise<OrganizationCard> {
  const found = await findOrganizationWithMemberCount(db, organizationId);
  if (!found) throw notFound('Organization');
  const { id, name, nameAr, industry, size, city, region, website, description, logoUrl } = presentOrganization(found.organization);
  return {
    id,
    name,
    nameAr,
    industry,
    size,
    city,
    region,
    website,
    description,
    logoUrl,
    memberCount: found.memberCount,
    publicUseCasesCount: found.publicUseCasesCount,
  };
}
