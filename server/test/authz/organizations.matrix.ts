import type { MatrixEntry } from './harness.js';

export const entries: MatrixEntry[] = [
  {
    method: 'GET',
    route: '/api/v1/organizations/:id',
    setup: async (world) => ({ url: `/api/v1/organizations/${world.a.organizationId}` }),
    // The public organization profile: guests included.
    expect: { owner: 200, sameOrgAdmin: 200, sameOrgMember: 200, otherOrgAdmin: 200, moderator: 200, guest: 200 },
  },
];
