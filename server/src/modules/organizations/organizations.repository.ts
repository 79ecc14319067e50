import { TRIAL_DAYS, type Industry, type OrgRole } from '@p2p/contracts';
import { and, count, eq, isNull, ne, sql } from 'drizzle-orm';
import { type DbOrTx, queryRows, toNumber } from '../../platform/db.js';
import { col, row } from '../../platform/rows.js';
import { users } from '../users/index.js';
import { organizationCounters } from './organization-counters.js';
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

export async function insertMembership(
  db: DbOrTx,
  input: { userId: string; organizationId: string; role: OrgRole },
): Promise<MembershipRow> {
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
  const [previous] = await db
    .select({ logoFileId: organizations.logoFileId })
    .from(organizations)
    .where(eq(organizations.id, organizationId))
    .limit(1);
  await db.update(organizations).set({ logoFileId: fileId, updatedAt: new Date() }).where(eq(organizations.id, organizationId));
  return previous?.logoFileId ?? null;
}

export async function findOrganizationById(db: DbOrTx, id: string): Promise<OrganizationRow | undefined> {
  const [row] = await db.select().from(organizations).where(eq(organizations.id, id)).limit(1);
  return row;
}

/**
 * Takes the organization's row lock for the rest of the transaction. Every change to who is an
 * active admin and to how many seats are used (members, pending invitations) takes it first, so
 * two such changes in one organization run one after the other and each sees the other's result.
 * FOR NO KEY UPDATE does not block foreign-key checks of rows that merely reference the organization.
 */
export async function lockOrganization(db: DbOrTx, id: string): Promise<void> {
  await db.select({ id: organizations.id }).from(organizations).where(eq(organizations.id, id)).for('no key update');
}

export type OrganizationChanges = Partial<
  Pick<
    OrganizationRow,
    'name' | 'nameAr' | 'industry' | 'size' | 'city' | 'region' | 'website' | 'contactEmail' | 'contactPhone' | 'description'
  >
>;

export async function updateOrganization(db: DbOrTx, id: string, changes: OrganizationChanges): Promise<OrganizationRow | undefined> {
  const [row] = await db
    .update(organizations)
    .set({ ...changes, updatedAt: new Date() })
    .where(eq(organizations.id, id))
    .returning();
  return row;
}

/** A user counts as an active member while their status is active and they are not deleted. */
const isActiveUser = and(eq(users.status, 'active'), isNull(users.deletedAt));

/** The user's membership and organization, with what decides whether they may act (status, deletion). */
export async function findActorMembership(
  db: DbOrTx,
  userId: string,
): Promise<{ membership: MembershipRow; organization: OrganizationRow; isActive: boolean } | undefined> {
  const [row] = await db
    .select({ membership: memberships, organization: organizations, status: users.status, deletedAt: users.deletedAt })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.userId, userId))
    .limit(1);
  if (!row) return undefined;
  return { membership: row.membership, organization: row.organization, isActive: row.status === 'active' && row.deletedAt === null };
}

export async function countActiveAdmins(db: DbOrTx, organizationId: string, excludingUserId?: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.organizationId, organizationId),
        eq(memberships.role, 'admin'),
        isActiveUser,
        excludingUserId ? ne(users.id, excludingUserId) : undefined,
      ),
    );
  return toNumber(row?.n);
}

const usedSeatsRow = row({ members: col.bigint, invitations: col.bigint });

/** Seats taken against the tier's user limit: active members plus pending, unexpired invitations. */
export async function countUsedSeats(db: DbOrTx, organizationId: string): Promise<number> {
  const [row] = await queryRows(
    db,
    usedSeatsRow,
    sql`select
      (select count(*) from ${memberships} m join ${users} u on u.id = m.user_id
        where m.organization_id = ${organizationId} and u.status = 'active' and u.deleted_at is null) as members,
      (${organizationCounters().pendingInvitations(organizationId)}) as invitations`,
  );
  return toNumber(row?.members) + toNumber(row?.invitations);
}

export interface OrganizationCounts {
  usersByRoleAndStatus: Array<{ role: MembershipRow['role']; status: typeof users.$inferSelect.status; count: number }>;
  pendingInvitations: number;
  liveFiles: number;
  forumTopics: number;
  forumPosts: number;
  useCases: number;
  publishedUseCases: number;
}

const contentTotalsRow = row({
  invitations: col.bigint,
  files: col.bigint,
  topics: col.bigint,
  posts: col.bigint,
  use_cases: col.bigint,
  published_use_cases: col.bigint,
});

/** Everything the stats page counts, in two aggregate queries. Soft-deleted users are not counted. */
export async function countOrganizationContents(db: DbOrTx, organizationId: string): Promise<OrganizationCounts> {
  const counters = organizationCounters();
  const [groups, [totals]] = await Promise.all([
    db
      .select({ role: memberships.role, status: users.status, n: count() })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.organizationId, organizationId), isNull(users.deletedAt)))
      .groupBy(memberships.role, users.status),
    // Each count is built by the module that owns the table (they depend on this one, not the other way round).
    queryRows(
      db,
      contentTotalsRow,
      sql`select
        (${counters.pendingInvitations(organizationId)}) as invitations,
        (${counters.liveFiles(organizationId)}) as files,
        (${counters.forumTopics(organizationId)}) as topics,
        (${counters.forumPosts(organizationId)}) as posts,
        (${counters.useCases(organizationId)}) as use_cases,
        (${counters.publishedUseCases(organizationId)}) as published_use_cases`,
    ),
  ]);
  return {
    usersByRoleAndStatus: groups.map((g) => ({ role: g.role, status: g.status, count: toNumber(g.n) })),
    pendingInvitations: toNumber(totals?.invitations),
    liveFiles: toNumber(totals?.files),
    forumTopics: toNumber(totals?.topics),
    forumPosts: toNumber(totals?.posts),
    useCases: toNumber(totals?.use_cases),
    publishedUseCases: toNumber(totals?.published_use_cases),
  };
}

/** The organization with the number of its active members (its public card). */
export async function findOrganizationWithMemberCount(
  db: DbOrTx,
  id: string,
): Promise<{ organization: OrganizationRow; memberCount: number; publicUseCasesCount: number } | undefined> {
  const memberCount = db
    .select({ n: count() })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organizationId, organizations.id), isActiveUser));
  const [row] = await db
    .select({
      organization: organizations,
      memberCount: sql<unknown>`(${memberCount})`,
      publicUseCasesCount: sql<unknown>`(${organizationCounters().publicUseCases(id)})`,
    })
    .from(organizations)
    .where(eq(organizations.id, id))
    .limit(1);
  return row
    ? { organization: row.organization, memberCount: toNumber(row.memberCount), publicUseCasesCount: toNumber(row.publicUseCasesCount) }
    : undefined;
}

/** A drizzle SQL fragment. */
type SqlFragment = ReturnType<typeof sql>;

/**
 * Takes the organization's row lock (FOR UPDATE) for the rest of the transaction and answers its
 * subscription tier, for a quota counted under the lock; undefined when there is no such organization.
 */
export async function lockOrganizationForQuota(db: DbOrTx, id: string): Promise<OrganizationRow['subscriptionTier'] | undefined> {
  const [row] = await db.select({ tier: organizations.subscriptionTier }).from(organizations).where(eq(organizations.id, id)).for('update');
  return row?.tier;
}

/** The organization a person belongs to, as a scalar sub-select on their user id (null without a membership). */
export const membershipOrganizationSql = (userId: SqlFragment): SqlFragment =>
  sql`(select m.organization_id from ${memberships} m where m.user_id = ${userId})`;

/**
 * Organizations whose name or Arabic name contains the text (lower-cased and Arabic-folded, LIKE
 * wildcards escaped by the caller), that also meet `where` (given the organization's id), by name.
 */
export async function findOrganizationsNamed(
  db: DbOrTx,
  contains: string,
  where: (organizationId: SqlFragment) => SqlFragment,
  limit: number,
): Promise<{ id: string; name: string }[]> {
  const o = organizations;
  return db
    .select({ id: o.id, name: o.name })
    .from(o)
    .where(
      sql`(p2p_fold_arabic(lower(${o.name})) like p2p_fold_arabic(${contains}) or p2p_fold_arabic(lower(coalesce(${o.nameAr}, ''))) like p2p_fold_arabic(${contains}))
        and ${where(sql`${o.id}`)}`,
    )
    .orderBy(o.name)
    .limit(limit);
}
