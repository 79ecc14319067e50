import { INVITATION_DAYS, INVITATION_STATUSES, type InvitationStatus, type Language, type OrgRole } from '@p2p/contracts';
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
} from './demo-lookup.js';
import { DEMO_USERS } from './demo-users.js';

export interface DemoInvitation {
  /** Key of the inviting organization; the invitation is sent by its first demo admin. */
  organization: string;
  /** On the organization's `.example` domain. An accepted invitation's is that of the demo user who accepted it. */
  email: string;
  role: OrgRole;
  language: Language;
  message: string | null;
  state: InvitationStatus;
  /** Days between sending it and the seed (for an accepted one: and its acceptance). */
  sentDaysAgo: number;
}

export const DEMO_INVITATIONS: readonly DemoInvitation[] = [
  // Jubail Polymers: every state, in English.
  {
    organization: 'jubail-polymers',
    email: 'hamad.alkhaldi@jubail-polymers.example',
    role: 'member',
    language: 'en',
    state: 'pending',
    sentDaysAgo: 2,
    message: 'Hamad, join us on P2P Sandbox so you can follow the OEE discussion for the extrusion halls with the quality team.',
  },
  {
    organization: 'jubail-polymers',
    email: 'lulwa.alfaraj@jubail-polymers.example',
    role: 'admin',
    language: 'en',
    state: 'pending',
    sentDaysAgo: 1,
    message: "Lulwa, I'd like you to co-manage our organization while I am at the Hannover fair next month.",
  },
  {
    organization: 'jubail-polymers',
    email: 'mansour.alyami@jubail-polymers.example',
    role: 'member',
    language: 'ar',
    state: 'expired',
    sentDaysAgo: 12,
    message: 'مرحبًا منصور، انضم إلينا لمتابعة تجربة قياس السماكة المباشر على خطوط الأفلام.',
  },
  {
    organization: 'jubail-polymers',
    email: 'sara.alamri@jubail-polymers.example',
    role: 'member',
    language: 'en',
    state: 'accepted',
    sentDaysAgo: 3,
    message: 'Sara, please join so you can share the ISO 9001 audit checklist with the plant.',
  },
  {
    organization: 'jubail-polymers',
    email: 'bader.alenezi@jubail-polymers.example',
    role: 'member',
    language: 'en',
    state: 'cancelled',
    sentDaysAgo: 6,
    message: null,
  },
  // Najd Steel Works: every state, mostly in Arabic (its admin uses the Arabic interface).
  {
    organization: 'najd-steel',
    email: 'rakan.alosaimi@najd-steel.example',
    role: 'member',
    language: 'ar',
    state: 'pending',
    sentDaysAgo: 3,
    message: 'أهلًا راكان، أدعوك للانضمام إلى المنصة لمتابعة نقاشات الصيانة التنبؤية لأفران الصهر.',
  },
  {
    organization: 'najd-steel',
    email: 'jawaher.alsuwailem@najd-steel.example',
    role: 'member',
    language: 'en',
    state: 'expired',
    sentDaysAgo: 15,
    message: 'Jawaher, the furnace energy dashboard pilot is starting; join to see the data and the weekly notes.',
  },
  {
    organization: 'najd-steel',
    email: 'turki.almutairi@najd-steel.example',
    role: 'member',
    language: 'ar',
    state: 'accepted',
    sentDaysAgo: 4,
    message: 'تركي، انضم إلينا لتنسيق خطط الصيانة مع فريق التحول الرقمي.',
  },
  {
    organization: 'najd-steel',
    email: 'salman.alshamrani@najd-steel.example',
    role: 'admin',
    language: 'ar',
    state: 'cancelled',
    sentDaysAgo: 9,
    message: 'سلمان، أرجو أن تتولى إدارة حساب المنظمة معي خلال فترة التوسعة.',
  },
  // Red Sea Food Industries: a smaller set.
  {
    organization: 'red-sea-foods',
    email: 'ahmed.baeshen@redsea-foods.example',
    role: 'member',
    language: 'en',
    state: 'pending',
    sentDaysAgo: 4,
    message: 'Ahmed, join us to compare changeover times on the juice and dairy lines.',
  },
  {
    organization: 'red-sea-foods',
    email: 'hessa.bamatraf@redsea-foods.example',
    role: 'member',
    language: 'ar',
    state: 'expired',
    sentDaysAgo: 20,
    message: 'حصة، ندعوك للانضمام لمتابعة متطلبات سلامة الغذاء وتدقيق الموردين.',
  },
  {
    organization: 'red-sea-foods',
    email: 'omar.bakhsh@redsea-foods.example',
    role: 'member',
    language: 'ar',
    state: 'accepted',
    sentDaysAgo: 2,
    message: 'عمر، انضم إلينا لمشاركة خطة تحليل المخاطر ونقاط التحكم الحرجة مع الفريق.',
  },
];

export const DEMO_INVITATION_EMAILS: readonly string[] = [...new Set(DEMO_INVITATIONS.map((i) => i.email))];

const DAY = 86_400_000;

function keyOf(organizationId: string, email: string): string {
  return `${organizationId} ${email}`;
}

function adminOf(organization: string): string {
  const admin = DEMO_USERS.find((u) => u.organization === organization && u.role === 'admin');
  if (!admin) throw new Error(`the demo organization "${organization}" has no demo admin to send its invitations`);
  return admin.email;
}

/** The rows a demo invitation is stored as, by state; only the hash of a fresh, never-kept token is stored. */
function invitationValues(
  demo: DemoInvitation,
  organizationId: string,
  invitedById: string,
  now: number,
  acceptedBy?: { id: string; createdAt: Date },
) {
  const sent = new Date((acceptedBy?.createdAt.getTime() ?? now) - demo.sentDaysAgo * DAY);
  const base = {
    organizationId,
    email: demo.email,
    role: demo.role,
    message: demo.message,
    language: demo.language,
    tokenHash: hashInvitationToken(newInvitationToken()),
    invitedById,
    expiresAt: new Date(sent.getTime() + INVITATION_DAYS * DAY),
    sendCount: 1,
    lastSentAt: sent,
    createdAt: sent,
    updatedAt: sent,
  };
  switch (demo.state) {
    case 'pending':
    case 'expired':
      return { ...base, status: 'pending' as const };
    case 'accepted': {
      if (!acceptedBy) throw new Error(`the accepted demo invitation of ${demo.email} needs that demo user`);
      return {
        ...base,
        status: 'accepted' as const,
        acceptedUserId: acceptedBy.id,
        acceptedAt: acceptedBy.createdAt,
        updatedAt: acceptedBy.createdAt,
      };
    }
    case 'cancelled': {
      const cancelledAt = new Date(sent.getTime() + DAY);
      return { ...base, status: 'cancelled' as const, cancelledAt, updatedAt: cancelledAt };
    }
  }
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
      await tx.insert(invitations).values(invitationValues(demo, org.id, inviter.id, now, acceptedBy));
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
