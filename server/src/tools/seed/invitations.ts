import { INVITATION_DAYS, INVITATION_STATUSES, type InvitationStatus } from '@p2p/contracts';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx, Tx } from '../../platform/db.js';
import { effectiveStatus, hashInvitationToken, invitations, newInvitationToken } from '../../modules/invitations/index.js';
import type { OrganizationRow } from '../../modules/organizations/index.js';
import { users } from '../../modules/users/index.js';
import {
  type ProgressListener,
  demoOrganizationName,
  findDemoCreatedOrganizations,
  findDemoOrganizations,
  lockDemoData,
} from './lookup.js';
import { DEMO_INVITATIONS, DEMO_INVITATION_EMAILS, invitationValues } from './demo-data/invitations.js';
import { DEMO_USERS } from './demo-data/users.js';

function keyOf(organizationId: string, email: string): string {
  return `${organizationId} ${email}`;
}

function adminOf(organization: string): string {
  const admin = DEMO_USERS.find((u) => u.organization === organization && u.role === 'admin');
  if (!admin) throw new Error(`the demo organization "${organization}" has no demo admin to send its invitations`);
  return admin.email;
}

async function findDemoInvitationRows(db: DbOrTx, organizationIds: string[]) {
  if (organizationIds.length === 0) return [];
  return db
    .select({ invitation: invitations, isExpired: sql<boolean>`${invitations.expiresAt} <= now()` })
    .from(invitations)
    .where(and(inArray(invitations.organizationId, organizationIds), inArray(invitations.email, [...DEMO_INVITATION_EMAILS])));
}

/**
 * Adds the demo invitations that are missing, found by organization and invitee email. A demo
 * invitation meant to be pending that has run out of time since an earlier seed gets a new token and
 * expiry, as a resend would; the others are left as they are.
 */
export async function seedInvitations(tx: Tx, onProgress: ProgressListener): Promise<{ created: number; repaired: number }> {
  await lockDemoData(tx);
  const label = 'Invitations';
  const orgs = await findDemoOrganizations(tx);
  const emails = [...new Set([...DEMO_INVITATIONS.map((i) => adminOf(i.organization)), ...DEMO_INVITATION_EMAILS])];
  const people = await tx
    .select({ id: users.id, email: users.email, createdAt: users.createdAt })
    .from(users)
    .where(inArray(users.email, emails));
  const existing = new Map(
    (
      await findDemoInvitationRows(
        tx,
        [...orgs.values()].map((o) => o.id),
      )
    ).map((r) => [keyOf(r.invitation.organizationId, r.invitation.email), r]),
  );
  const now = Date.now();
  let created = 0;
  let repaired = 0;
  for (const [index, demo] of DEMO_INVITATIONS.entries()) {
    const org = orgs.get(demo.organization);
    const inviter = people.find((u) => u.email === adminOf(demo.organization));
    if (!org || !inviter)
      throw new Error(`The demo organization "${demoOrganizationName(demo.organization)}" or its admin is missing; seed them first`);
    const found = existing.get(keyOf(org.id, demo.email));
    if (!found) {
      const acceptedBy = demo.state === 'accepted' ? people.find((u) => u.email === demo.email) : undefined;
      await tx.insert(invitations).values(
        invitationValues(demo, {
          organizationId: org.id,
          invitedById: inviter.id,
          // Only the hash of a fresh token is stored, and nobody keeps the token: the demo links cannot be opened.
          tokenHash: hashInvitationToken(newInvitationToken()),
          now,
          acceptedBy,
        }),
      );
      created += 1;
    } else if (demo.state === 'pending' && found.invitation.status === 'pending' && found.isExpired === true) {
      await tx
        .update(invitations)
        .set({
          tokenHash: hashInvitationToken(newInvitationToken()),
          expiresAt: sql`now() + make_interval(days => ${INVITATION_DAYS})`,
          sendCount: sql`${invitations.sendCount} + 1`,
          lastSentAt: sql`now()`,
          updatedAt: sql`now()`,
        })
        .where(eq(invitations.id, found.invitation.id));
      repaired += 1;
    }
    onProgress({ label, done: index + 1, total: DEMO_INVITATIONS.length });
  }
  return { created, repaired };
}

/** Deletes the demo invitations (by invitee email) of every demo organization, duplicates included. */
export async function removeDemoInvitations(tx: Tx): Promise<number> {
  const ids = new Set([...(await findDemoOrganizations(tx)).values()].map((o) => o.id));
  for (const { row } of await findDemoCreatedOrganizations(tx)) ids.add(row.id);
  if (ids.size === 0) return 0;
  const deleted = await tx
    .delete(invitations)
    .where(and(inArray(invitations.organizationId, [...ids]), inArray(invitations.email, [...DEMO_INVITATION_EMAILS])))
    .returning({ id: invitations.id });
  return deleted.length;
}

export interface InvitationsCheck {
  /** Demo invitations found in their intended state, and how many there should be, by state. */
  byState: Record<InvitationStatus, { demo: number; expected: number }>;
  problems: string[];
}

/** Each demo invitation is there, in its state; an accepted one is linked to the demo user who accepted it. */
export async function checkDemoInvitations(db: DbOrTx, orgs: Map<string, OrganizationRow>): Promise<InvitationsCheck> {
  const rows = await findDemoInvitationRows(
    db,
    [...orgs.values()].map((o) => o.id),
  );
  const acceptors = await db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(inArray(users.email, [...DEMO_INVITATION_EMAILS]));
  const byState = Object.fromEntries(
    INVITATION_STATUSES.map((state) => [state, { demo: 0, expected: DEMO_INVITATIONS.filter((i) => i.state === state).length }]),
  ) as InvitationsCheck['byState'];
  const problems: string[] = [];
  for (const demo of DEMO_INVITATIONS) {
    const org = orgs.get(demo.organization);
    if (!org) continue; // reported as a missing organization
    const what = `the invitation of ${demo.email} to "${demoOrganizationName(demo.organization)}"`;
    const row = rows.find((r) => r.invitation.organizationId === org.id && r.invitation.email === demo.email);
    if (!row) {
      problems.push(`${what} is missing`);
      continue;
    }
    const status = effectiveStatus({ invitation: row.invitation, isExpired: row.isExpired === true });
    if (status !== demo.state) {
      problems.push(`${what} is ${status}, expected ${demo.state}`);
      continue;
    }
    if (demo.state === 'accepted') {
      const acceptor = acceptors.find((u) => u.email === demo.email);
      if (!acceptor || row.invitation.acceptedUserId !== acceptor.id || !row.invitation.acceptedAt) {
        problems.push(`${what} is accepted but not linked to the demo user ${demo.email}`);
        continue;
      }
    }
    byState[demo.state].demo += 1;
  }
  return { byState, problems };
}
