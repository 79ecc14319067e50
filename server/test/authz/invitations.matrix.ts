import type { MatrixEntry } from './harness.js';

/** Invitations — the owner is the admin (A's co-admin) who sent the invitation. */
export const entries: MatrixEntry[] = [
  {
    method: 'POST',
    route: '/api/v1/invitations/:id/cancel',
    setup: async (world) => {
      const invitation = await world.newInvitationToA();
      return { url: `/api/v1/invitations/${invitation.id}/cancel`, body: {}, owner: world.a.coAdmin.client };
    },
    expect: { owner: 200, sameOrgAdmin: 200, sameOrgMember: 403, otherOrgAdmin: 404, moderator: 404, guest: 401 },
  },
  {
    method: 'POST',
    route: '/api/v1/invitations/:id/resend',
    setup: async (world) => {
      const invitation = await world.newInvitationToA();
      return { url: `/api/v1/invitations/${invitation.id}/resend`, body: {}, owner: world.a.coAdmin.client };
    },
    expect: { owner: 200, sameOrgAdmin: 200, sameOrgMember: 403, otherOrgAdmin: 404, moderator: 404, guest: 401 },
  },
  {
    method: 'GET',
    route: '/api/v1/invitations/validate/:token',
    setup: async (world) => {
      const invitation = await world.newInvitationToA();
      return { url: `/api/v1/invitations/validate/${invitation.token}`, owner: world.a.coAdmin.client };
    },
    // Public: the token itself is the credential.
    expect: { owner: 200, sameOrgAdmin: 200, sameOrgMember: 200, otherOrgAdmin: 200, moderator: 200, guest: 200 },
  },
];
