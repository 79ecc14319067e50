import type { MemberListQuery, OrgRole } from '@p2p/contracts';
import { and, asc, count, desc, eq, ilike, isNull, ne, or, type SQL, sql } from 'drizzle-orm';
import { type DbOrTx, escapeLike, toNumber } from '../../platform/db.js';
import { memberships, organizations, type MembershipRow, type OrganizationRow } from '../organizations/index.js';
import { type UserRow, users } from '../users/index.js';

export interface MemberRow {
  user: UserRow;
  role: OrgRole;
}

const SORTS: Record<MemberListQuery['sort'], SQL[]> = {
  name: [asc(sql`lower(${users.name})`), asc(users.id)],
  email: [asc(users.email), asc(users.id)],
  newest: [desc(users.createdAt), desc(users.id)],
  oldest: [asc(users.createdAt), asc(users.id)],
};

/** One page of an organization's members (soft-deleted users left out) and the total that match. */
export async function listMembers(
  db: DbOrTx,
  organizationId: string,
  query: MemberListQuery,
): Promise<{ rows: MemberRow[]; total: number }> {
  const search = query.search ? `%${escapeLike(query.search)}%` : undefined;
  const where = and(
    eq(memberships.organizationId, organizationId),
    isNull(users.deletedAt),
    search ? or(ilike(users.name, search), ilike(users.email, search)) : undefined,
    query.role ? eq(memberships.role, query.role) : undefined,
    query.status ? eq(users.status, query.status) : undefined,
    query.department ? sql`lower(${users.department}) = lower(${query.department})` : undefined,
  );
  const [rows, [totalRow]] = await Promise.all([
    db
      .select({ user: users, role: memberships.role })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(where)
      .orderBy(...SORTS[query.sort])
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ n: count() }).from(memberships).innerJoin(users, eq(users.id, memberships.userId)).where(where),
  ]);
  return { rows, total: toNumber(totalRow?.n) };
}

/** A user of the given organization, soft-deleted ones included (callers decide what those mean). */
export async function findMember(db: DbOrTx, organizationId: string, userId: string): Promise<MemberRow | undefined> {
  const [row] = await db
    .select({ user: users, role: memberships.role })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organizationId, organizationId), eq(memberships.userId, userId)))
    .limit(1);
  return row;
}

/** Any user with their membership and organization (for profiles seen across organizations). */
export async function findUserWithOrganization(
  db: DbOrTx,
  userId: string,
): Promise<{ user: UserRow; membership: MembershipRow; organization: OrganizationRow } | undefined> {
  const [row] = await db
    .select({ user: users, membership: memberships, organization: organizations })
    .from(users)
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
    .where(eq(users.id, userId))
    .limit(1);
  return row;
}

export async function setMemberRole(db: DbOrTx, userId: string, role: OrgRole): Promise<void> {
  await db.update(memberships).set({ role }).where(eq(memberships.userId, userId));
}

export async function updateMemberFields(
  db: DbOrTx,
  userId: string,
  changes: Partial<Pick<UserRow, 'status' | 'jobTitle' | 'department'>>,
): Promise<void> {
  await db
    .update(users)
    .set({ ...changes, updatedAt: new Date() })
    .where(eq(users.id, userId));
}

/** Members of the organization other than this user who have not been removed (any status). */
export async function countOtherLiveMembers(db: DbOrTx, organizationId: string, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organizationId, organizationId), isNull(users.deletedAt), ne(users.id, userId)));
  return toNumber(row?.n);
}
