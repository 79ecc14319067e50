import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PASSWORD, TestClient, type TestContext, createTestApp } from '../helpers/app.js';
import { insertMember, insertOrganizationWithAdmin } from '../helpers/people.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

// helpers/people.ts skips sign-up, invitations and sign-in for speed, using the auth library's
// hasher, session writer and cookie signer: if an upgrade of the library changes any of them, this
// fails here rather than as a puzzle in the tests that use those people.
describe('people made by the test fixtures without sign-up', () => {
  it('are signed in with a session both the fast path and the auth library accept, and sign in with TEST_PASSWORD', async () => {
    const org = await insertOrganizationWithAdmin(t.app, t.database.db, 'Fixture Steel');
    const me = await org.admin.get('/api/v1/users/me');
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ id: org.adminId, email: org.adminEmail, orgRole: 'admin', emailVerified: false });
    expect(me.json().organization).toMatchObject({ id: org.organizationId, name: 'Fixture Steel', subscriptionTier: 'trial' });
    const session = (await org.admin.get('/api/auth/get-session')).json();
    expect(session.user.id).toBe(org.adminId);

    const member = await insertMember(t.app, t.database.db, org.organizationId);
    expect((await member.client.get('/api/v1/users/me')).json()).toMatchObject({ id: member.id, orgRole: 'member', emailVerified: true });
    const signIn = await new TestClient(t.app).post('/api/auth/sign-in/email', { email: member.email, password: TEST_PASSWORD });
    expect(signIn.statusCode).toBe(200);
  });
});
