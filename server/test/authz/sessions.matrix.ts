import { TEST_PASSWORD, TestClient } from '../helpers/app.js';
import type { MatrixEntry } from './harness.js';

/** /users/me/sessions/:id — the owner is the user whose (other) session the id names. */
export const entries: MatrixEntry[] = [
  {
    method: 'DELETE',
    route: '/api/v1/users/me/sessions/:id',
    setup: async (world) => {
      const owner = await world.newMemberOfA();
      const phone = new TestClient(world.app);
      const signIn = await phone.post('/api/auth/sign-in/email', { email: owner.email, password: TEST_PASSWORD });
      if (signIn.statusCode !== 200) throw new Error(`sign-in failed: ${signIn.body}`);
      const items = (await owner.client.get('/api/v1/users/me/sessions')).json().items as Array<{ id: string; isCurrent: boolean }>;
      const other = items.find((s) => !s.isCurrent);
      if (!other) throw new Error('no second session');
      return { url: `/api/v1/users/me/sessions/${other.id}`, owner: owner.client };
    },
    // Someone else's session does not exist for you.
    expect: { owner: 204, sameOrgAdmin: 404, sameOrgMember: 404, otherOrgAdmin: 404, moderator: 404, guest: 401 },
  },
];
