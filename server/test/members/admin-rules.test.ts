import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memberships } from '../../src/modules/organizations/organizations.tables.js';
import { users } from '../../src/modules/users/users.tables.js';
import type { TestClient, TestContext } from '../helpers/app.js';
import { createTestApp, expectProblem } from '../helpers/app.js';
import { insertMember, insertOrganizationWithAdmin } from '../helpers/people.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const patch = (client: TestClient, id: string, body: object) => client.request({ method: 'PATCH', url: `/api/v1/users/${id}`, body });

async function activeAdmins(organizationId: string): Promise<string[]> {
  const rows = await t.database.db
    .select({ id: users.id })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.organizationId, organizationId),
        eq(memberships.role, 'admin'),
        eq(users.status, 'active'),
        isNull(users.deletedAt),
      ),
    );
  return rows.map((r) => r.id);
}

// The people here are written straight into the database with one shared password hash (helpers/people.ts):
// these tests are about admin rules, and sign-up and invitations have their own.
describe('an admin and themselves; the last admin', () => {
  it('the only admin cannot demote, deactivate or remove themselves: LAST_ADMIN', async () => {
    const org = await insertOrganizationWithAdmin(t.app, t.database.db);
    expectProblem(await patch(org.admin, org.adminId, { role: 'member' }), 409, 'LAST_ADMIN');
    expectProblem(await patch(org.admin, org.adminId, { status: 'inactive' }), 409, 'LAST_ADMIN');
    expectProblem(await org.admin.delete(`/api/v1/users/${org.adminId}`), 409, 'LAST_ADMIN');
    expect(await activeAdmins(org.organizationId)).toEqual([org.adminId]);
    expect((await org.admin.get('/api/v1/users/me')).json().orgRole).toBe('admin');
  });

  it('with another admin present, still not themselves: CANNOT_CHANGE_SELF; harmless self edits pass', async () => {
    const org = await insertOrganizationWithAdmin(t.app, t.database.db);
    const second = await insertMember(t.app, t.database.db, org.organizationId, 'admin');
    expectProblem(await patch(org.admin, org.adminId, { role: 'member' }), 403, 'CANNOT_CHANGE_SELF');
    expectProblem(await patch(org.admin, org.adminId, { status: 'inactive' }), 403, 'CANNOT_CHANGE_SELF');
    expectProblem(await org.admin.delete(`/api/v1/users/${org.adminId}`), 403, 'CANNOT_CHANGE_SELF');
    const harmless = await patch(org.admin, org.adminId, { role: 'admin', status: 'active', jobTitle: 'Managing Director' });
    expect(harmless.statusCode).toBe(200);
    expect(harmless.json()).toMatchObject({ role: 'admin', status: 'active', jobTitle: 'Managing Director' });
    expect((await activeAdmins(org.organizationId)).sort()).toEqual([org.adminId, second.id].sort());
  });

  it('an admin demotes another admin, who then loses admin rights', async () => {
    const org = await insertOrganizationWithAdmin(t.app, t.database.db);
    const second = await insertMember(t.app, t.database.db, org.organizationId, 'admin');
    expect((await second.client.get('/api/v1/users')).statusCode).toBe(200);
    expect((await patch(org.admin, second.id, { role: 'member' })).json().role).toBe('member');
    expectProblem(await second.client.get('/api/v1/users'), 403, 'FORBIDDEN');
    expectProblem(await patch(second.client, org.adminId, { role: 'member' }), 403, 'FORBIDDEN');
  });

  // Six rounds of two racing requests: generous for a busy machine; a fast one finishes in about a second.
  it('two admins demoting or deactivating each other at once: one wins, an active admin always remains', { timeout: 120_000 }, async () => {
    for (const change of [{ role: 'member' }, { status: 'inactive' }] as const) {
      for (let round = 0; round < 3; round += 1) {
        const org = await insertOrganizationWithAdmin(t.app, t.database.db);
        const second = await insertMember(t.app, t.database.db, org.organizationId, 'admin');
        const [a, b] = await Promise.all([patch(org.admin, second.id, change), patch(second.client, org.adminId, change)]);
        const statuses = [a.statusCode, b.statusCode].sort();
        // The loser is no longer an admin (403), or was signed out by the deactivation (401).
        expect(statuses[0]).toBe(200);
        expect([401, 403]).toContain(statuses[1]);
        expect(await activeAdmins(org.organizationId)).toHaveLength(1);
      }
    }
  });
});
