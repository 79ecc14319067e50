import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invitations } from '../../src/modules/invitations/invitations.tables.js';
import { memberships } from '../../src/modules/organizations/organizations.tables.js';
import { users } from '../../src/modules/users/users.tables.js';
import { TestClient, type TestContext, createTestApp } from '../helpers/app.js';
import { acceptBody, addMember, createOrganization, invite } from './factories.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const usersWithEmail = (email: string) => t.database.db.select().from(users).where(eq(users.email, email));
const invitationRow = async (id: string) => (await t.database.db.select().from(invitations).where(eq(invitations.id, id)))[0]!;

describe('concurrent use of one invitation', () => {
  it('N parallel accepts of one token: exactly one 200, the others 409, one user and one membership', async () => {
    const org = await createOrganization(t.app);
    const sent = await invite(t.app, t.database.db, org.admin);
    const clients = Array.from({ length: 6 }, () => new TestClient(t.app));
    const responses = await Promise.all(
      clients.map((c, i) => c.post('/api/v1/invitations/accept', acceptBody(sent.token, { firstName: `Racer${i}` }))),
    );
    const statuses = responses.map((r) => r.statusCode).sort();
    expect(statuses).toEqual([200, 409, 409, 409, 409, 409]);
    for (const r of responses.filter((r) => r.statusCode === 409)) expect(r.json().code).toBe('INVITATION_ALREADY_ACCEPTED');

    const created = await usersWithEmail(sent.email);
    expect(created).toHaveLength(1);
    const winner = responses.find((r) => r.statusCode === 200)!.json();
    expect(created[0]!.firstName).toBe(winner.firstName);
    expect(await t.database.db.select().from(memberships).where(eq(memberships.userId, created[0]!.id))).toHaveLength(1);
    expect(await invitationRow(sent.id)).toMatchObject({ status: 'accepted', acceptedUserId: created[0]!.id });
  });

  it('two admins cancelling while the invitee accepts: exactly one wins, and a cancelled invitation never has a user', async () => {
    const org = await createOrganization(t.app);
    const secondAdmin = await addMember(t.app, t.database.db, org.admin, 'admin');
    for (let round = 0; round < 4; round += 1) {
      const sent = await invite(t.app, t.database.db, org.admin);
      const invitee = new TestClient(t.app);
      const [cancelA, cancelB, accept] = await Promise.all([
        org.admin.post(`/api/v1/invitations/${sent.id}/cancel`),
        secondAdmin.client.post(`/api/v1/invitations/${sent.id}/cancel`),
        invitee.post('/api/v1/invitations/accept', acceptBody(sent.token)),
      ]);
      const winners = [cancelA, cancelB, accept].filter((r) => r.statusCode === 200);
      expect(winners).toHaveLength(1);
      const row = await invitationRow(sent.id);
      const created = await usersWithEmail(sent.email);
      if (accept.statusCode === 200) {
        expect(row.status).toBe('accepted');
        expect(created).toHaveLength(1);
        for (const cancel of [cancelA, cancelB]) expect(cancel.json().code).toBe('INVITATION_ALREADY_ACCEPTED');
      } else {
        expect(row.status).toBe('cancelled');
        expect(row.acceptedUserId).toBeNull();
        expect(created).toHaveLength(0);
        expect(accept.statusCode).toBe(410);
        expect(accept.json().code).toBe('INVITATION_CANCELLED');
        expect([cancelA, cancelB].map((r) => r.statusCode).sort()).toEqual([200, 409]);
      }
    }
  });

  it('parallel invitations of one organization never exceed the user limit', async () => {
    const org = await createOrganization(t.app);
    // 1 admin + 6 pending = 7 of the trial's 10 seats; 6 more requests race for the last 3.
    for (let i = 0; i < 6; i += 1) await invite(t.app, t.database.db, org.admin);
    const responses = await Promise.all(
      Array.from({ length: 6 }, (_, i) => org.admin.post('/api/v1/invitations', { email: `race.${i}.${Date.now()}@example.com` })),
    );
    expect(responses.map((r) => r.statusCode).sort()).toEqual([201, 201, 201, 409, 409, 409]);
    const pending = await t.database.db.select().from(invitations).where(eq(invitations.organizationId, org.organizationId));
    expect(pending).toHaveLength(9);
  });
});
