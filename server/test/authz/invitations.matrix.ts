import { uniqueEmail } from '../helpers/app.js';
import { acceptBody } from '../invitations/factories.js';
import { type MatrixEntry, everyone, orgAdmins } from './harness.js';
import { revealsOnly } from './leaks.js';

/**
 * Invitations. Sending and listing are for organization admins, each in their own organization (the
 * moderator is the admin of one too); for an invitation by id, the owner is the admin (A's co-admin)
 * who sent it. Previewing and accepting are public: the token is the credential.
 */
export const entries: MatrixEntry[] = [
  {
    method: 'POST',
    route: '/api/v1/invitations',
    setup: async () => ({ url: '/api/v1/invitations', body: { email: uniqueEmail('matrix-invitee'), role: 'member' } }),
    expect: orgAdmins(201),
  },
  {
    method: 'GET',
    route: '/api/v1/invitations',
    setup: async () => ({ url: '/api/v1/invitations?pageSize=100' }),
    expect: orgAdmins(200),
    check: revealsOnly((s) => s.invitations),
  },
  { method: 'GET', route: '/api/v1/invitations/stats', setup: async () => ({ url: '/api/v1/invitations/stats' }), expect: orgAdmins(200) },
  {
    method: 'POST',
    route: '/api/v1/invitations/:id/cancel',
    setup: async (world) => {
      const invitation = await world.newInvitationToA();
      return { url: `/api/v1/invitations/${invitation.id}/cancel`, body: {}, owner: world.a.coAdmin.client };
    },
    // Another organization's admin finds nothing (404); a plain member anywhere is refused before any
    // lookup (403 whatever the id names, so it tells nothing about it).
    expect: { owner: 200, sameOrgAdmin: 200, sameOrgMember: 403, otherOrgAdmin: 404, otherOrgMember: 403, moderator: 404, guest: 401 },
  },
  {
    method: 'POST',
    route: '/api/v1/invitations/:id/resend',
    setup: async (world) => {
      const invitation = await world.newInvitationToA();
      return { url: `/api/v1/invitations/${invitation.id}/resend`, body: {}, owner: world.a.coAdmin.client };
    },
    // Another organization's admin finds nothing (404); a plain member anywhere is refused before any
    // lookup (403 whatever the id names, so it tells nothing about it).
    expect: { owner: 200, sameOrgAdmin: 200, sameOrgMember: 403, otherOrgAdmin: 404, otherOrgMember: 403, moderator: 404, guest: 401 },
  },
  {
    method: 'GET',
    route: '/api/v1/invitations/validate/:token',
    setup: async (world) => {
      const invitation = await world.newInvitationToA();
      return { url: `/api/v1/invitations/validate/${invitation.token}`, owner: world.a.coAdmin.client };
    },
    expect: everyone(200),
  },
  {
    method: 'POST',
    route: '/api/v1/invitations/accept',
    setup: async (world) => {
      const invitation = await world.newInvitationToA();
      return { url: '/api/v1/invitations/accept', body: acceptBody(invitation.token), owner: world.a.coAdmin.client };
    },
    // Whoever holds the link makes the invited account (a signed-in caller too; the caller's own session is not used).
    expect: everyone(200),
  },
];
