import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessions } from '../../src/modules/auth/auth.tables.js';
import { users } from '../../src/modules/users/users.tables.js';
import { TestClient, type TestContext, createTestApp, expectProblem, signUp } from '../helpers/app.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const DAY = 86_400;

async function signIn(email: string, password: string, extra: Record<string, unknown> = {}) {
  const client = new TestClient(t.app);
  const response = await client.post('/api/auth/sign-in/email', { email, password, ...extra });
  return { client, response };
}

describe('sessions', () => {
  it('signs in with the right password and refuses a wrong one without saying whether the account exists', async () => {
    const { email, password } = await signUp(t.app);
    const ok = await signIn(email.toUpperCase(), password);
    expect(ok.response.statusCode).toBe(200);
    expect((await ok.client.get('/api/v1/users/me')).statusCode).toBe(200);

    const wrong = await signIn(email, 'Wrong-Password-123');
    const unknown = await signIn('nobody.here@example.com', 'Wrong-Password-123');
    const a = expectProblem(wrong.response, 401, 'INVALID_CREDENTIALS');
    const b = expectProblem(unknown.response, 401, 'INVALID_CREDENTIALS');
    expect(a.detail).toBe(b.detail);
    expect(wrong.client.cookies.size).toBe(0);
  });

  it('keeps a default session 7 days and a remember-me session 30 days, in the row and the cookie', async () => {
    const { email, password } = await signUp(t.app);
    const plain = await signIn(email, password);
    const remembered = await signIn(email, password, { rememberMe: true });
    const cookieOf = (r: typeof plain.response) => r.cookies.find((c) => c.name === 'p2p.session_token');
    expect(cookieOf(plain.response)?.maxAge).toBe(7 * DAY);
    expect(cookieOf(remembered.response)?.maxAge).toBe(30 * DAY);

    const list = (await remembered.client.get('/api/v1/users/me/sessions')).json().items as Array<{
      rememberMe: boolean;
      expiresAt: string;
      isCurrent: boolean;
    }>;
    const current = list.find((s) => s.isCurrent)!;
    expect(current.rememberMe).toBe(true);
    expect((Date.parse(current.expiresAt) - Date.now()) / 1000).toBeGreaterThan(29.9 * DAY);
    const other = list.find((s) => !s.isCurrent && !s.rememberMe)!;
    expect((Date.parse(other.expiresAt) - Date.now()) / 1000).toBeLessThanOrEqual(7 * DAY);
    expect((Date.parse(other.expiresAt) - Date.now()) / 1000).toBeGreaterThan(6.9 * DAY);
  });

  it('slides: a default session used after a day gets 7 more days; a remember-me one in its last week gets 30', async () => {
    const { email, password } = await signUp(t.app);
    const plain = await signIn(email, password);
    const remembered = await signIn(email, password, { rememberMe: true });
    const age = async (client: TestClient, days: number) => {
      const [row] = (await client.get('/api/v1/users/me/sessions')).json().items.filter((s: { isCurrent: boolean }) => s.isCurrent);
      const [session] = await t.database.db.select().from(sessions).where(eq(sessions.id, row.id));
      await t.database.db
        .update(sessions)
        .set({ expiresAt: new Date(session!.expiresAt.getTime() - days * DAY * 1000) })
        .where(eq(sessions.id, row.id));
    };
    await age(plain.client, 2);
    await age(remembered.client, 25);
    const refreshedPlain = await plain.client.get('/api/auth/get-session');
    const refreshedRemembered = await remembered.client.get('/api/auth/get-session');
    expect(Date.parse(refreshedPlain.json().session.expiresAt) - Date.now()).toBeGreaterThan(6.9 * DAY * 1000);
    expect(Date.parse(refreshedRemembered.json().session.expiresAt) - Date.now()).toBeGreaterThan(29.9 * DAY * 1000);
    expect(refreshedPlain.cookies.find((c) => c.name === 'p2p.session_token')?.maxAge).toBe(7 * DAY);
    expect(refreshedRemembered.cookies.find((c) => c.name === 'p2p.session_token')?.maxAge).toBeGreaterThan(29.9 * DAY);
  });

  it('signs out: the session cookie no longer works', async () => {
    const { client } = await signUp(t.app);
    const token = client.cookies.get('p2p.session_token')!;
    const out = await client.post('/api/auth/sign-out');
    expect(out.statusCode).toBe(200);
    const stale = new TestClient(t.app);
    stale.cookies.set('p2p.session_token', token);
    expectProblem(await stale.get('/api/v1/users/me'), 401, 'UNAUTHENTICATED');
    expect((await stale.get('/api/auth/get-session')).body).toBe('null');
  });

  it('lists my sessions and revokes another device, not someone else’s', async () => {
    const { client: laptop, email, password } = await signUp(t.app);
    const { client: phone } = await signIn(email, password);
    const items = (await laptop.get('/api/v1/users/me/sessions')).json().items as Array<{
      id: string;
      isCurrent: boolean;
      ipAddress: string;
    }>;
    expect(items).toHaveLength(2);
    expect(items.filter((s) => s.isCurrent)).toHaveLength(1);
    expect(items.map((s) => s.ipAddress).sort()).toEqual([laptop.remoteAddress, phone.remoteAddress].sort());
    const phoneSession = items.find((s) => !s.isCurrent)!;

    const { client: stranger } = await signUp(t.app);
    expectProblem(await stranger.delete(`/api/v1/users/me/sessions/${phoneSession.id}`), 404, 'NOT_FOUND');
    expect((await phone.get('/api/v1/users/me')).statusCode).toBe(200);

    expect((await laptop.delete(`/api/v1/users/me/sessions/${phoneSession.id}`)).statusCode).toBe(204);
    expectProblem(await phone.get('/api/v1/users/me'), 401, 'UNAUTHENTICATED');
    expect((await laptop.get('/api/v1/users/me')).statusCode).toBe(200);
    expectProblem(await laptop.delete('/api/v1/users/me/sessions/not-a-uuid'), 404, 'NOT_FOUND');
    expectProblem(await new TestClient(t.app).get('/api/v1/users/me/sessions'), 401, 'UNAUTHENTICATED');
  });

  it('refuses cookie-carrying auth requests from an untrusted origin', async () => {
    const { client } = await signUp(t.app);
    const response = await client.request({
      method: 'POST',
      url: '/api/auth/sign-out',
      body: {},
      headers: { origin: 'https://evil.example' },
    });
    expectProblem(response, 403, 'INVALID_ORIGIN');
    expect((await client.get('/api/v1/users/me')).statusCode).toBe(200);
  });
});

describe('disabled accounts', () => {
  it('ends the sessions of a deactivated or suspended user at once and refuses their sign-in', async () => {
    for (const status of ['inactive', 'suspended'] as const) {
      const { client, email, password } = await signUp(t.app);
      const me = (await client.get('/api/v1/users/me')).json();
      await t.database.db.update(users).set({ status }).where(eq(users.id, me.id));
      expectProblem(await client.get('/api/v1/users/me'), 401, 'UNAUTHENTICATED');
      expectProblem(await new TestClient(t.app).post('/api/auth/sign-in/email', { email, password }), 403, 'ACCOUNT_DISABLED');
    }
  });
});
