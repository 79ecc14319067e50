import { INVITATION_DAYS, type InvitationStatus, type Language, type OrgRole } from '@p2p/contracts';
import { and, count, desc, eq, gt, lte, type SQL, sql } from 'drizzle-orm';
import { type DbOrTx, queryRows, toNumber } from '../../platform/db.js';
import { col, row } from '../../platform/rows.js';
import { organizations, type OrganizationRow } from '../organizations/index.js';
import { users } from '../users/index.js';
import { invitations } from './invitations.tables.js';

export type InvitationRow = typeof invitations.$inferSelect;

/** An invitation with what is shown beside it: whether it has expired (by the database clock) and who sent it. */
export interface InvitationView {
  invitation: InvitationRow;
  isExpired: boolean;
  inviter: { id: string; name: string; deletedAt: Date | null } | null;
}

const isExpiredColumn = sql<boolean>`${invitations.expiresAt} <= now()`;
const newExpiry = sql`now() + make_interval(days => ${INVITATION_DAYS})`;

const viewColumns = {
  invitation: invitations,
  isExpired: isExpiredColumn,
  inviterId: users.id,
  inviterName: users.name,
  inviterDeletedAt: users.deletedAt,
};

type ViewRow = {
  invitation: InvitationRow;
  isExpired: boolean;
  inviterId: string | null;
  inviterName: string | null;
  inviterDeletedAt: Date | null;
};

function toView(row: ViewRow): InvitationView {
  return {
    invitation: row.invitation,
    isExpired: row.isExpired === true,
    inviter: row.inviterId ? { id: row.inviterId, name: row.inviterName ?? '', deletedAt: row.inviterDeletedAt } : null,
  };
}

/** "expired" is derived: a pending invitation whose time is up. */
function statusCondition(status: InvitationStatus) {
  if (status === 'expired') return and(eq(invitations.status, 'pending'), lte(invitations.expiresAt, sql`now()`));
  if (status === 'pending') return and(eq(invitations.status, 'pending'), gt(invitations.expiresAt, sql`now()`));
  return eq(invitations.status, status);
}

export interface NewInvitation {
  organizationId: string;
  email: string;
  role: OrgRole;
  message: string | null;
  language: Language;
  tokenHash: string;
  invitedById: string;
}

export async function insertInvitation(db: DbOrTx, input: NewInvitation): Promise<InvitationRow> {
  const [row] = await db
    .insert(invitations)
    .values({ ...input, expiresAt: newExpiry })
    .returning();
  if (!row) throw new Error('invitation insert returned nothing');
  return row;
}

/** The pending (possibly expired) invitation of this address to this organization; there is at most one. */
export async function findPendingInvitationByEmail(
  db: DbOrTx,
  organizationId: string,
  email: string,
): Promise<{ invitation: InvitationRow; isExpired: boolean } | undefined> {
  const [row] = await db
    .select({ invitation: invitations, isExpired: isExpiredColumn })
    .from(invitations)
    .where(and(eq(invitations.organizationId, organizationId), eq(invitations.email, email), eq(invitations.status, 'pending')))
    .limit(1);
  return row ? { invitation: row.invitation, isExpired: row.isExpired === true } : undefined;
}

/**
 * Gives a still-pending invitation a new token and a new expiry (the old link stops working), and
 * optionally new terms. Guarded on status so an invitation accepted or cancelled meanwhile is left alone.
 */
export async function renewInvitation(
  db: DbOrTx,
  organizationId: string,
  id: string,
  changes: { tokenHash: string } & Partial<Pick<InvitationRow, 'role' | 'message' | 'language' | 'invitedById'>>,
): Promise<InvitationRow | undefined> {
  const [row] = await db
    .update(invitations)
    .set({ ...changes, expiresAt: newExpiry, sendCount: sql`${invitations.sendCount} + 1`, lastSentAt: sql`now()`, updatedAt: sql`now()` })
    .where(and(eq(invitations.id, id), eq(invitations.organizationId, organizationId), eq(invitations.status, 'pending')))
    .returning();
  return row;
}

/** Cancels a pending invitation; undefined when it is not pending any more (or not this organization's). */
export async function cancelPendingInvitation(db: DbOrTx, organizationId: string, id: string): Promise<InvitationRow | undefined> {
  const [row] = await db
    .update(invitations)
    .set({ status: 'cancelled', cancelledAt: sql`now()`, updatedAt: sql`now()` })
    .where(and(eq(invitations.id, id), eq(invitations.organizationId, organizationId), eq(invitations.status, 'pending')))
    .returning();
  return row;
}

export async function findInvitation(db: DbOrTx, organizationId: string, id: string): Promise<InvitationView | undefined> {
  const [row] = await db
    .select(viewColumns)
    .from(invitations)
    .leftJoin(users, eq(users.id, invitations.invitedById))
    .where(and(eq(invitations.id, id), eq(invitations.organizationId, organizationId)))
    .limit(1);
  return row ? toView(row) : undefined;
}

export async function listInvitations(
  db: DbOrTx,
  organizationId: string,
  query: { status?: InvitationStatus | undefined; page: number; pageSize: number },
): Promise<{ rows: InvitationView[]; total: number }> {
  const where = and(eq(invitations.organizationId, organizationId), query.status ? statusCondition(query.status) : undefined);
  const [rows, [totalRow]] = await Promise.all([
    db
      .select(viewColumns)
      .from(invitations)
      .leftJoin(users, eq(users.id, invitations.invitedById))
      .where(where)
      .orderBy(desc(invitations.createdAt), desc(invitations.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ n: count() }).from(invitations).where(where),
  ]);
  return { rows: rows.map(toView), total: toNumber(totalRow?.n) };
}

const statusCountsRow = row({ pending: col.bigint, expired: col.bigint, accepted: col.bigint, cancelled: col.bigint });

export async function countInvitationsByStatus(db: DbOrTx, organizationId: string): Promise<Record<InvitationStatus, number>> {
  const [row] = await queryRows(
    db,
    statusCountsRow,
    sql`select
      count(*) filter (where status = 'pending' and expires_at > now()) as pending,
      count(*) filter (where status = 'pending' and expires_at <= now()) as expired,
      count(*) filter (where status = 'accepted') as accepted,
      count(*) filter (where status = 'cancelled') as cancelled
    from ${invitations} where organization_id = ${organizationId}`,
  );
  return {
    pending: toNumber(row?.pending),
    expired: toNumber(row?.expired),
    accepted: toNumber(row?.accepted),
    cancelled: toNumber(row?.cancelled),
  };
}

/** The invitation a token stands for, with its organization and inviter (for the public preview and accept). */
export async function findInvitationByTokenHash(
  db: DbOrTx,
  tokenHash: string,
): Promise<(InvitationView & { organization: OrganizationRow }) | undefined> {
  const [row] = await db
    .select({ ...viewColumns, organization: organizations })
    .from(invitations)
    .innerJoin(organizations, eq(organizations.id, invitations.organizationId))
    .leftJoin(users, eq(users.id, invitations.invitedById))
    .where(eq(invitations.tokenHash, tokenHash))
    .limit(1);
  return row ? { ...toView(row), organization: row.organization } : undefined;
}

/**
 * Claims the invitation for acceptance: one guarded UPDATE, so of two concurrent accepts (or an
 * accept and a cancel) exactly one finds it still pending and unexpired.
 */
export async function claimInvitation(db: DbOrTx, tokenHash: string): Promise<InvitationRow | undefined> {
  const [row] = await db
    .update(invitations)
    .set({ status: 'accepted', acceptedAt: sql`now()`, updatedAt: sql`now()` })
    .where(and(eq(invitations.tokenHash, tokenHash), eq(invitations.status, 'pending'), gt(invitations.expiresAt, sql`now()`)))
    .returning();
  return row;
}

export async function setAcceptedUser(db: DbOrTx, id: string, userId: string): Promise<void> {
  await db.update(invitations).set({ acceptedUserId: userId }).where(eq(invitations.id, id));
}

/** Pending, unexpired invitations of an organization (they take seats): a scalar sub-select for its statistics. */
export const countPendingInvitationsSql = (organizationId: string): SQL =>
  sql`select count(*) from ${invitations} i where i.organization_id = ${organizationId} and i.status = 'pending' and i.expires_at > now()`;
