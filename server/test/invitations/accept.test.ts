import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accounts } from '../../src/modules/auth/auth.tables.js';
import { invitationSends, invitations } from '../../src/modules/invitations/invitations.tables.js';
import { memberships } from '../../src/modules/organizations/organizations.tables.js';
import { users } from '../../src/modules/users/users.tables.js';
import { TEST_PASSWORD, TestClient, type TestContext, createTestApp, expectProblem, signUp } from '../helpers/app.js';
import { countRows } from '../helpers/database.js';
import { acceptBody, createOrganization, invitationTokenFromOutbox, invite } from './factories.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const rowCounts = () => countRows(t.database.db, { users, memberships, accounts });
const invitationRow = async (id: string) => (await t.database.db.select().from(invitations).where(eq(invitations.id, id)))[0]!;

describe('GET /api/v1/invitations/validate/:token', () => {
  it('previews a valid invitation to anyone holding the link', async () => {
    const org = await createOrganization(t.app, 'Madinah Paper & Packaging');
    const sent = await invite(t.app, t.database.db, org.admin, { role: 'admin', message: 'Welcome aboard', language: 'ar' });
    const response = await new TestClient(t.app).get(`/api/v1/invitations/validate/${sent.token}`);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      email: sent.email,
      role: 'admin',
      message: 'Welcome aboard',
      language: 'ar',
      organization: { id: org.organizationId, name: 'Madinah Paper & Packaging', nameAr: null, logoUrl: null },
      invitedBy: { name: 'Faisal Al-Otaibi' },
    });
  });

  it('answers why a link cannot be used: unknown, expired, accepted', async () => {
    const org = await createOrganization(t.app);
    const guest = new TestClient(t.app);
    expectProblem(await guest.get('/api/v1/invitations/validate/not-a-real-token'), 404, 'INVITATION_NOT_FOUND');
    expectProblem(await guest.get(`/api/v1/invitations/validate/${'x'.repeat(90)}`), 404, 'INVITATION_NOT_FOUND');

    const expired = await invite(t.app, t.database.db, org.admin);
    await t.database.db
      .update(invitations)
      .set({ expiresAt: sql`now() - interval '1 second'` })
      .where(eq(invitations.id, expired.id));
    expectProblem(await guest.get(`/api/v1/invitations/validate/${expired.token}`), 410, 'INVITATION_EXPIRED');

    const accepted = await invite(t.app, t.database.db, org.admin);
    expect((await guest.post('/api/v1/invitations/accept', acceptBody(accepted.token))).statusCode).toBe(200);
    expectProblem(await new TestClient(t.app).get(`/api/v1/invitations/validate/${accepted.token}`), 409, 'INVITATION_ALREADY_ACCEPTED');
  });
});

describe('POST /api/v1/invitations/accept', () => {
  it('creates the account in that organization with the invited role, verified, and signs in', async () => {
    const org = await createOrganization(t.app);
    const sent = await invite(t.app, t.database.db, org.admin, { role: 'admin', language: 'ar' });
    const client = new TestClient(t.app);
    const response = await client.post('/api/v1/invitations/accept', {
      token: sent.token,
      firstName: ' Sara ',
      lastName: 'Al-Amri',
      password: TEST_PASSWORD,
    });
    expect(response.statusCode).toBe(200);
    const me = response.json();
    expect(me).toMatchObject({
      email: sent.email,
      firstName: 'Sara',
      name: 'Sara Al-Amri',
      emailVerified: true,
      orgRole: 'admin',
      language: 'ar',
      status: 'active',
      verificationDeadline: null,
    });
    expect(me.organization.id).toBe(org.organizationId);
    const cookie = response.cookies.find((c) => c.name === 'p2p.session_token');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.maxAge).toBe(7 * 86_400);

    expect((await client.get('/api/v1/users/me')).json()).toMatchObject({ id: me.id, orgRole: 'admin' });
    const sessions = (await client.get('/api/v1/users/me/sessions')).json().items;
    expect(sessions).toMatchObject([{ ipAddress: client.remoteAddress, isCurrent: true }]);
    expect(await invitationRow(sent.id)).toMatchObject({ status: 'accepted', acceptedUserId: me.id });
    // The new member shows up for the admin, and can sign in again with the chosen password.
    expect((await org.admin.get('/api/v1/users?search=Sara')).json().items.map((m: { id: string }) => m.id)).toEqual([me.id]);
    expect((await new TestClient(t.app).post('/api/auth/sign-in/email', { email: sent.email, password: TEST_PASSWORD })).statusCode).toBe(
      200,
    );
  });

  it('is single use: a second accept is refused and creates nothing', async () => {
    const org = await createOrganization(t.app);
    const sent = await invite(t.app, t.database.db, org.admin);
    expect((await new TestClient(t.app).post('/api/v1/invitations/accept', acceptBody(sent.token))).statusCode).toBe(200);
    const before = await rowCounts();
    const again = await new TestClient(t.app).post('/api/v1/invitations/accept', acceptBody(sent.token, { firstName: 'Other' }));
    expectProblem(again, 409, 'INVITATION_ALREADY_ACCEPTED');
    expect(again.cookies).toHaveLength(0);
    expect(await rowCounts()).toEqual(before);
  });

  it('refuses an expired invitation, and a weak or short password, leaving the invitation usable', async () => {
    const org = await createOrganization(t.app);
    const sent = await invite(t.app, t.database.db, org.admin);
    const before = await rowCounts();
    const common = expectProblem(
      await new TestClient(t.app).post('/api/v1/invitations/accept', acceptBody(sent.token, { password: 'password123' })),
      400,
      'VALIDATION_FAILED',
    );
    expect(common.errors).toEqual([expect.objectContaining({ path: 'password', code: 'PASSWORD_TOO_COMMON' })]);
    const ownEmail = expectProblem(
      await new TestClient(t.app).post('/api/v1/invitations/accept', acceptBody(sent.token, { password: `${sent.email.split('@')[0]}!!` })),
      400,
      'VALIDATION_FAILED',
    );
    expect(ownEmail.errors?.[0]?.code).toBe('PASSWORD_TOO_COMMON');
    const short = expectProblem(
      await new TestClient(t.app).post('/api/v1/invitations/accept', acceptBody(sent.token, { password: 'Short-1' })),
      400,
      'VALIDATION_FAILED',
    );
    expect(short.errors?.[0]?.path).toBe('password');
    expect(await rowCounts()).toEqual(before);
    expect((await invitationRow(sent.id)).status).toBe('pending');

    await t.database.db
      .update(invitations)
      .set({ expiresAt: sql`now() - interval '1 second'` })
      .where(eq(invitations.id, sent.id));
    expectProblem(await new TestClient(t.app).post('/api/v1/invitations/accept', acceptBody(sent.token)), 410, 'INVITATION_EXPIRED');
    expect(await rowCounts()).toEqual(before);
    expect((await invitationRow(sent.id)).status).toBe('pending');
  });

  it('refuses an address that got an account meanwhile with EMAIL_TAKEN, and creates nothing', async () => {
    const org = await createOrganization(t.app);
    const sent = await invite(t.app, t.database.db, org.admin);
    expect((await signUp(t.app, { email: sent.email, organizationName: 'Own Company' })).response.statusCode).toBe(200);
    const before = await rowCounts();
    const response = await new TestClient(t.app).post('/api/v1/invitations/accept', acceptBody(sent.token));
    expect(expectProblem(response, 409, 'EMAIL_TAKEN').detail).toMatch(/sign in/i);
    expect(response.cookies).toHaveLength(0);
    expect(await rowCounts()).toEqual(before);
    expect(await invitationRow(sent.id)).toMatchObject({ status: 'pending', acceptedUserId: null, acceptedAt: null });
    // The admin is not told (resending answers as for any address); the invitee is, on accepting again.
    await t.database.db
      .update(invitationSends)
      .set({ createdAt: sql`created_at - interval '1 hour'` })
      .where(eq(invitationSends.invitationId, sent.id));
    expect((await org.admin.post(`/api/v1/invitations/${sent.id}/resend`)).statusCode).toBe(200);
    const renewed = await invitationTokenFromOutbox(t.database.db, sent.email);
    expectProblem(await new TestClient(t.app).post('/api/v1/invitations/accept', acceptBody(renewed)), 409, 'EMAIL_TAKEN');
  });

  it('validates the body, naming the fields', async () => {
    const problem = expectProblem(
      await new TestClient(t.app).post('/api/v1/invitations/accept', { token: '', firstName: '', password: TEST_PASSWORD }),
      400,
      'VALIDATION_FAILED',
    );
    expect(problem.errors?.map((e) => e.path).sort()).toEqual(['firstName', 'lastName', 'token']);
  });
});
