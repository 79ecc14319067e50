import type { MatrixEntry } from './harness.js';

/** /users/:id — the owner is the user the id names. */
export const entries: MatrixEntry[] = [
  {
    method: 'GET',
    route: '/api/v1/users/:id',
    setup: async (world) => ({ url: `/api/v1/users/${world.a.owner.id}` }),
    // Everyone signed in sees a profile (colleagues more of it); guests must sign in.
    expect: { owner: 200, sameOrgAdmin: 200, sameOrgMember: 200, otherOrgAdmin: 200, moderator: 200, guest: 401 },
  },
  {
    method: 'PATCH',
    route: '/api/v1/users/:id',
    setup: async (world) => {
      const target = await world.newMemberOfA();
      return { url: `/api/v1/users/${target.id}`, body: { jobTitle: 'Inspector' }, owner: target.client };
    },
    expect: { owner: 403, sameOrgAdmin: 200, sameOrgMember: 403, otherOrgAdmin: 404, moderator: 404, guest: 401 },
  },
  {
    method: 'DELETE',
    route: '/api/v1/users/:id',
    setup: async (world) => {
      const target = await world.newMemberOfA();
      return { url: `/api/v1/users/${target.id}`, owner: target.client };
    },
    expect: { owner: 403, sameOrgAdmin: 204, sameOrgMember: 403, otherOrgAdmin: 404, moderator: 404, guest: 401 },
  },
];
