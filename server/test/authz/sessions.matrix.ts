import { signedInClient } from '../helpers/people.js';
import type { MatrixEntry } from './harness.js';

/** /users/me/sessions/:id — the owner is the user whose (other) session the id names. */
export const entries: MatrixEntry[] = [
  {
    method: 'DELETE',
    route: '/api/v1/users/me/sessions/:id',
    setup: async (world) => {
      const owner = await world.newMemberOfA();
      // A second session of the owner (their phone), written as a sign-in writes it, without verifying a password per role.
      await signedInClient(world.app, owner.id);
      const items = (await owner.client.get('/api/v1/users/me/sessions')).json().items as Array<{ id: string; isCurrent: boolean }>;
      const other = items.find((s) => !s.isCurrent);
      if (!other) throw new Error('no second session');
      return { url: `/api/v1/users/me/sessions/${other.id}`, owner: owner.client };
    },
    // Someone else's session does not exist for you.
    expect: { owner: 204, sameOrgAdmin: 404, sameOrgMember: 404, otherOrgAdmin: 404, otherOrgMember: 404, moderator: 404, guest: 401 },
  },
];
