import { INVITATION_DAYS, type InvitationStatus, type Language, type OrgRole } from '@p2p/contracts';
import type { invitations } from '../../../modules/invitations/index.js';
import { DEMO_ORGANIZATIONS } from './organizations.js';

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

type InvitationRow = [
  /** The invitee's email before the organization's domain. */
  localPart: string,
  role: OrgRole,
  language: Language,
  state: InvitationStatus,
  sentDaysAgo: number,
  message: string | null,
];

/** Invitations of three organizations, in every state, for their admins' invitations page. */
// prettier-ignore
const INVITATIONS: ReadonlyArray<[organization: string, invitations: readonly InvitationRow[]]> = [
  // Every state, in English.
  ['jubail-polymers', [
    ['hamad.alkhaldi', 'member', 'en', 'pending', 2,
      'Hamad, join us on P2P Sandbox so you can follow the OEE discussion for the extrusion halls with the quality team.'],
    ['lulwa.alfaraj', 'admin', 'en', 'pending', 1,
      "Lulwa, I'd like you to co-manage our organization while I am at the Hannover fair next month."],
    ['mansour.alyami', 'member', 'ar', 'expired', 12,
      'مرحبًا منصور، انضم إلينا لمتابعة تجربة قياس السماكة المباشر على خطوط الأفلام.'],
    ['sara.alamri', 'member', 'en', 'accepted', 3,
      'Sara, please join so you can share the ISO 9001 audit checklist with the plant.'],
    ['bader.alenezi', 'member', 'en', 'cancelled', 6,
      null],
  ]],
  // Every state, mostly in Arabic (its admin uses the Arabic interface).
  ['najd-steel', [
    ['rakan.alosaimi', 'member', 'ar', 'pending', 3,
      'أهلًا راكان، أدعوك للانضمام إلى المنصة لمتابعة نقاشات الصيانة التنبؤية لأفران الصهر.'],
    ['jawaher.alsuwailem', 'member', 'en', 'expired', 15,
      'Jawaher, the furnace energy dashboard pilot is starting; join to see the data and the weekly notes.'],
    ['turki.almutairi', 'member', 'ar', 'accepted', 4,
      'تركي، انضم إلينا لتنسيق خطط الصيانة مع فريق التحول الرقمي.'],
    ['salman.alshamrani', 'admin', 'ar', 'cancelled', 9,
      'سلمان، أرجو أن تتولى إدارة حساب المنظمة معي خلال فترة التوسعة.'],
  ]],
  // A smaller set.
  ['red-sea-foods', [
    ['ahmed.baeshen', 'member', 'en', 'pending', 4,
      'Ahmed, join us to compare changeover times on the juice and dairy lines.'],
    ['hessa.bamatraf', 'member', 'ar', 'expired', 20,
      'حصة، ندعوك للانضمام لمتابعة متطلبات سلامة الغذاء وتدقيق الموردين.'],
    ['omar.bakhsh', 'member', 'ar', 'accepted', 2,
      'عمر، انضم إلينا لمشاركة خطة تحليل المخاطر ونقاط التحكم الحرجة مع الفريق.'],
  ]],
];

export const DEMO_INVITATIONS: readonly DemoInvitation[] = INVITATIONS.flatMap(([organization, rows]) => {
  const org = DEMO_ORGANIZATIONS.find((o) => o.key === organization);
  if (!org) throw new Error(`the demo invitations name an unknown organization "${organization}"`);
  return rows.map(([localPart, role, language, state, sentDaysAgo, message]) => ({
    organization,
    email: `${localPart}@${org.domain}`,
    role,
    language,
    message,
    state,
    sentDaysAgo,
  }));
});

export const DEMO_INVITATION_EMAILS: readonly string[] = [...new Set(DEMO_INVITATIONS.map((i) => i.email))];

const DAY = 86_400_000;

/**
 * The row a demo invitation is stored as, by state: sent `sentDaysAgo` before now (before its acceptance
 * for an accepted one), valid for the usual days, sent once; a cancelled one was cancelled a day after
 * it was sent. `tokenHash` is the hash of a fresh token nobody keeps.
 */
export function invitationValues(
  demo: DemoInvitation,
  refs: { organizationId: string; invitedById: string; tokenHash: string; now: number; acceptedBy?: { id: string; createdAt: Date } },
): typeof invitations.$inferInsert {
  const { acceptedBy } = refs;
  const sent = new Date((acceptedBy?.createdAt.getTime() ?? refs.now) - demo.sentDaysAgo * DAY);
  const base = {
    organizationId: refs.organizationId,
    email: demo.email,
    role: demo.role,
    message: demo.message,
    language: demo.language,
    tokenHash: refs.tokenHash,
    invitedById: refs.invitedById,
    expiresAt: new Date(sent.getTime() + INVITATION_DAYS * DAY),
    sendCount: 1,
    lastSentAt: sent,
    createdAt: sent,
    updatedAt: sent,
  };
  switch (demo.state) {
    case 'pending':
    case 'expired':
      return { ...base, status: 'pending' };
    case 'accepted': {
      if (!acceptedBy) throw new Error(`the accepted demo invitation of ${demo.email} needs that demo user`);
      return {
        ...base,
        status: 'accepted',
        acceptedUserId: acceptedBy.id,
        acceptedAt: acceptedBy.createdAt,
        updatedAt: acceptedBy.createdAt,
      };
    }
    case 'cancelled': {
      const cancelledAt = new Date(sent.getTime() + DAY);
      return { ...base, status: 'cancelled', cancelledAt, updatedAt: cancelledAt };
    }
  }
}
