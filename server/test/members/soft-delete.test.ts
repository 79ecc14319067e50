import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accounts, sessions } from '../../src/modules/auth/auth.tables.js';
import { memberships } from '../../src/modules/organizations/organizations.tables.js';
import { users } from '../../src/modules/users/users.tables.js';
import { mailOutbox } from '../../src/platform/mail/mail.tables.js';
import { TEST_PASSWORD, TestClient, type TestContext, createTestApp, expectProblem } from '../helpers/app.js';
import { acceptBody, addMember, createOrganization, invite } from '../invitations/factories.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('DELETE /api/v1/users/:id', () => {
  it('soft-deletes: sessions end, sign-in is impossible, the row and membership stay, the profile shows a former member', async () => {
    const org = await createOrganization(t.app);
    const member = await addMember(t.app, t.database.db, org.admin);
    const secondDevice = new TestClient(t.app);
    expect((await secondDevice.post('/api/auth/sign-in/email', { email: member.email, password: TEST_PASSWORD })).statusCode).toBe(200);
    expect(await t.database.db.select().from(sessions).where(eq(sessions.userId, member.id))).toHaveLength(2);

    const response = await org.admin.delete(`/api/v1/users/${member.id}`);
    expect(response.statusCode).toBe(204);
    expect(response.body).toBe('');

    expectProblem(await member.client.get('/api/v1/users/me'), 401, 'UNAUTHENTICATED');
    expectProblem(await secondDevice.get('/api/v1/users/me'), 401, 'UNAUTHENTICATED');
    expect(await t.database.db.select().from(sessions).where(eq(sessions.userId, member.id))).toHaveLength(0);
    expectProblem(
      await new TestClient(t.app).post('/api/auth/sign-in/email', { email: member.email, password: TEST_PASSWORD }),
      401,
      'INVALID_CREDENTIALS',
    );
    expect(await t.database.db.select().from(accounts).where(eq(accounts.userId, member.id))).toHaveLength(0);

    const [row] = await t.database.db.select().from(users).where(eq(users.id, member.id));
    expect(row).toMatchObject({ status: 'inactive', email: `deleted+${member.id}@invalid`, name: 'Former member', firstName: 'Former' });
    expect(row!.deletedAt).toBeInstanceOf(Date);
    expect(await t.database.db.select().from(memberships).where(eq(memberships.userId, member.id))).toMatchObject([
      { organizationId: org.organizationId, role: 'member' },
    ]);

    // A password reset for the old address finds nobody and sends nothing.
    const mailsBefore = (await t.database.db.select().from(mailOutbox).where(eq(mailOutbox.recipient, member.email))).length;
    expect((await new TestClient(t.app).post('/api/auth/request-password-reset', { email: member.email })).statusCode).toBe(200);
    expect(await t.database.db.select().from(mailOutbox).where(eq(mailOutbox.recipient, member.email))).toHaveLength(mailsBefore);

    const stranger = await createOrganization(t.app);
    for (const viewer of [org.admin, stranger.admin]) {
      const profile = await viewer.get(`/api/v1/users/${member.id}`);
      expect(profile.statusCode).toBe(200);
      expect(profile.json()).toMatchObject({
        id: member.id,
        name: 'Former member',
        isFormerMember: true,
        jobTitle: null,
        colleague: null,
        organization: { id: org.organizationId },
      });
      expect(profile.body).not.toContain(member.email);
      expect(profile.body).not.toContain('Sara');
    }
    const listed = (await org.admin.get('/api/v1/users')).json();
    expect(listed.items.map((m: { id: string }) => m.id)).toEqual([org.adminId]);
    expect(listed.total).toBe(1);

    expectProblem(await org.admin.delete(`/api/v1/users/${member.id}`), 404, 'NOT_FOUND');
    expectProblem(
      await org.admin.request({ method: 'PATCH', url: `/api/v1/users/${member.id}`, body: { status: 'active' } }),
      404,
      'NOT_FOUND',
    );
  });

  it('frees the email: the person can be invited again and joins as a new account', async () => {
    const org = await createOrganization(t.app);
    const member = await addMember(t.app, t.database.db, org.admin);
    expect((await org.admin.delete(`/api/v1/users/${member.id}`)).statusCode).toBe(204);
    const again = await invite(t.app, t.database.db, org.admin, { email: member.email });
    const client = new TestClient(t.app);
    const accepted = await client.post('/api/v1/invitations/accept', acceptBody(again.token));
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json().id).not.toBe(member.id);
    expect(accepted.json().email).toBe(member.email);
  });

  it('removes admins too (not the last one), but only within the organization and only by an admin', async () => {
    const org = await createOrganization(t.app);
    const second = await addMember(t.app, t.database.db, org.admin, 'admin');
    const member = await addMember(t.app, t.database.db, org.admin);
    const other = await createOrganization(t.app);
    expectProblem(await other.admin.delete(`/api/v1/users/${member.id}`), 404, 'NOT_FOUND');
    expectProblem(await member.client.delete(`/api/v1/users/${second.id}`), 403, 'FORBIDDEN');
    expectProblem(await member.client.delete(`/api/v1/users/${member.id}`), 403, 'FORBIDDEN');
    expectProblem(await new TestClient(t.app).delete(`/api/v1/users/${member.id}`), 401, 'UNAUTHENTICATED');
    expectProblem(await org.admin.delete('/api/v1/users/00000000-0000-4000-8000-000000000000'), 404, 'NOT_FOUND');
    expect((await t.database.db.select().from(users).where(eq(users.id, member.id)))[0]!.deletedAt).toBeNull();

    expect((await org.admin.delete(`/api/v1/users/${second.id}`)).statusCode).toBe(204);
    expectProblem(await second.client.get('/api/v1/users'), 401, 'UNAUTHENTICATED');
    expectProblem(await org.admin.delete(`/api/v1/users/${org.adminId}`), 409, 'LAST_ADMIN');
  });
});
