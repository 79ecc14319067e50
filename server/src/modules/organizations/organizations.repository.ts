import { TRIAL_DAYS, type Industry, type OrgRole } from '@p2p/contracts';
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db.js';
import { memberships, organizations } from './organizations.tables.js';

export type OrganizationRow = typeof organizations.$inferSelect;
export type MembershipRow = typeof memberships.$inferSelect;

export async function insertOrganization(
  db: DbOrTx,
  input: { name: string; industry?: Industry | undefined; tier?: OrganizationRow['subscriptionTier'] },
): Promise<OrganizationRow> {
  const tier = input.tier ?? 'trial';
  const [row] = await db
    .insert(organizations)
    .values({
      name: input.name,
      industry: input.industry ?? null,
      subscriptionTier: tier,
      trialEndsAt: tier === 'trial' ? new Date(Date.now() + TRIAL_DAYS * 86_400_000) : null,
    })
    .returning();
  if (!row) throw new Error('organization insert returned nothing');
  return row;
}

export async function insertMembership(db: DbOrTx, input: { userId: string; organizationId: string; role: OrgRole }): Promise<MembershipRow> {
  const [row] = await db.insert(memberships).values(input).returning();
  if (!row) throw new Error('membership insert returned nothing');
  return row;
}

export async function findOrganizationByName(db: DbOrTx, name: string): Promise<OrganizationRow | undefined> {
  const [row] = await db.select().from(organizations).where(eq(organizations.name, name)).limit(1);
  return row;
}

export async function findMembershipWithOrganization(
  db: DbOrTx,
  userId: string,
): Promise<{ membership: MembershipRow; organization: OrganizationRow } | undefined> {
  const [row] = await db
    .select({ membership: memberships, organization: organizations })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
    .where(eq(memberships.userId, userId))
    .limit(1);
  return row;
}

/** Points the organization's logo at a stored file (or clears it); returns the previous file id. */
export async function setOrganizationLogo(db: DbOrTx, organizationId: string, fileId: string | null): Promise<string | null> {
  const [previous] = await db.select({ logoFileId: organizations.logoFileId }).from(organizations).where(eq(organizations.id, organizationId)).limit(1);
  await db.update(organizations).set({ logoFileId: fileId, updatedAt: new Date() }).where(eq(organizations.id, organizationId));
  return previous?.logoFileId ?? null;
}
