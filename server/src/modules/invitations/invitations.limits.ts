import { type SQL, sql } from 'drizzle-orm';
import { type DbOrTx, queryRows } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import { col, row } from '../../platform/rows.js';
import { invitationSends } from './invitations.tables.js';

// How many invitation emails may go out, so that invitations are neither a spam channel nor a way to
// mail any address again and again. Counted from invitation_sends under the organization's lock
// (lockAsOrgAdmin), which every send takes first: two requests at once are counted one after the other.

/** Invitation emails (first sends and resends) one organization may send in 24 hours. */
export const MAX_INVITATION_EMAILS_PER_ORGANIZATION_PER_DAY = 100;
/** Invitation emails one admin may send in an hour. */
export const MAX_INVITATION_EMAILS_PER_ADMIN_PER_HOUR = 20;
/** Resends of one invitation (after its first email). */
export const MAX_RESENDS_PER_INVITATION = 3;
/** The least time between two emails of the same invitation. */
export const MIN_MINUTES_BETWEEN_RESENDS = 10;
/** New invitations of one address by one organization in 24 hours (cancel and invite again counts each time). */
export const MAX_INVITES_PER_ADDRESS_PER_DAY = 3;

const retryRow = row({ retry_after: col.integer });

/**
 * Seconds until fewer than `limit` sends match `condition` within `window` (an interval literal), or
 * null when one more may go now: the `limit`-th newest matching send leaves the window first.
 */
async function secondsUntilBelow(db: DbOrTx, condition: SQL, limit: number, window: string): Promise<number | null> {
  const [found] = await queryRows(
    db,
    retryRow,
    sql`select greatest(1, ceil(extract(epoch from (s.created_at + ${window}::interval - now()))))::int as retry_after
      from ${invitationSends} s
      where ${condition} and s.created_at > now() - ${window}::interval
      order by s.created_at desc
      offset ${limit - 1} limit 1`,
  );
  return found ? found.retry_after : null;
}

function tooMany(detail: string, retryAfterSeconds: number): AppError {
  return new AppError('RATE_LIMITED', detail, undefined, { 'retry-after': String(retryAfterSeconds) });
}

/** The organization's and the admin's sending budgets; throws 429 with Retry-After when one is spent. */
async function assertSenderBudget(db: DbOrTx, organizationId: string, adminId: string): Promise<void> {
  const organizationWait = await secondsUntilBelow(
    db,
    sql`s.organization_id = ${organizationId}`,
    MAX_INVITATION_EMAILS_PER_ORGANIZATION_PER_DAY,
    '24 hours',
  );
  if (organizationWait !== null) {
    throw tooMany(
      `Your organization has sent ${MAX_INVITATION_EMAILS_PER_ORGANIZATION_PER_DAY} invitation emails in the last 24 hours; try again later`,
      organizationWait,
    );
  }
  const adminWait = await secondsUntilBelow(db, sql`s.sent_by_id = ${adminId}`, MAX_INVITATION_EMAILS_PER_ADMIN_PER_HOUR, '1 hour');
  if (adminWait !== null) {
    throw tooMany(
      `You have sent ${MAX_INVITATION_EMAILS_PER_ADMIN_PER_HOUR} invitation emails in the last hour; try again later`,
      adminWait,
    );
  }
}

/** Before a new invitation (or the renewal of an expired one through a new invitation) of `email`. */
export async function assertMayInvite(db: DbOrTx, organizationId: string, adminId: string, email: string): Promise<void> {
  await assertSenderBudget(db, organizationId, adminId);
  const addressWait = await secondsUntilBelow(
    db,
    sql`s.organization_id = ${organizationId} and s.email = ${email} and s.kind = 'invite'`,
    MAX_INVITES_PER_ADDRESS_PER_DAY,
    '24 hours',
  );
  if (addressWait !== null) {
    throw tooMany(
      `This address has been invited ${MAX_INVITES_PER_ADDRESS_PER_DAY} times in the last 24 hours; try again later`,
      addressWait,
    );
  }
}

const invitationSendsRow = row({ resends: col.integer, wait_seconds: col.integerOrNull });

/** Before a resend: at most MAX_RESENDS_PER_INVITATION, each MIN_MINUTES_BETWEEN_RESENDS after the previous email. */
export async function assertMayResend(db: DbOrTx, organizationId: string, adminId: string, invitationId: string): Promise<void> {
  const [sends] = await queryRows(
    db,
    invitationSendsRow,
    sql`select
        (count(*) filter (where s.kind = 'resend'))::int as resends,
        ceil(extract(epoch from (max(s.created_at) + make_interval(mins => ${MIN_MINUTES_BETWEEN_RESENDS}) - now())))::int as wait_seconds
      from ${invitationSends} s where s.invitation_id = ${invitationId}`,
  );
  if (sends && sends.resends >= MAX_RESENDS_PER_INVITATION) {
    throw new AppError(
      'RATE_LIMITED',
      `This invitation has been sent again ${MAX_RESENDS_PER_INVITATION} times already; cancel it and invite the address again later`,
      undefined,
      { 'retry-after': String(24 * 3600) },
    );
  }
  if (sends?.wait_seconds !== null && sends?.wait_seconds !== undefined && sends.wait_seconds > 0) {
    throw tooMany(`An invitation can be sent again ${MIN_MINUTES_BETWEEN_RESENDS} minutes after its last email`, sends.wait_seconds);
  }
  await assertSenderBudget(db, organizationId, adminId);
}

export async function recordInvitationSend(
  db: DbOrTx,
  send: { invitationId: string; organizationId: string; email: string; sentById: string; kind: 'invite' | 'resend' },
): Promise<void> {
  await db.insert(invitationSends).values(send);
}
