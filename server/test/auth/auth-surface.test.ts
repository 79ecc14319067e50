import { asc } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountRateLimits, accounts, rateLimits, sessions, verifications } from '../../src/modules/auth/auth.tables.js';
import { users } from '../../src/modules/users/users.tables.js';
import { mailOutbox } from '../../src/platform/mail/mail.tables.js';
import { TEST_PASSWORD, TestClient, type TestContext, createTestApp, expectProblem, signUp } from '../helpers/app.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/** The auth library's endpoints the product uses (web app, mailed links, e2e): nothing else is served. */
const SERVED = new Set([
  'POST /sign-up/email',
  'POST /sign-in/email',
  'POST /sign-out',
  'GET /get-session',
  'POST /request-password-reset',
  'POST /reset-password',
  'GET /verify-email',
  'POST /send-verification-email',
  'POST /change-password',
  'POST /revoke-other-sessions',
]);

/** Every endpoint of the auth library as "METHOD /path", read from the library itself. */
function libraryEndpoints(): string[] {
  const found = new Set<string>();
  for (const endpoint of Object.values(t.app.services.auth.api) as Array<{ path?: unknown; options?: { method?: unknown } }>) {
    if (typeof endpoint.path !== 'string') continue;
    const declared = endpoint.options?.method;
    const methods = declared === '*' ? ['GET', 'POST'] : Array.isArray(declared) ? declared : [declared ?? 'GET'];
    for (const method of methods) found.add(`${String(method)} ${endpoint.path}`);
  }
  return [...found].sort();
}

/** Everything an auth endpoint could change, as it stands. */
async function snapshot() {
  const db = t.database.db;
  return JSON.stringify([
    await db.select().from(users).orderBy(asc(users.id)),
    await db.select().from(sessions).orderBy(asc(sessions.id)),
    await db.select().from(accounts).orderBy(asc(accounts.id)),
    await db.select().from(verifications).orderBy(asc(verifications.id)),
    await db.select().from(mailOutbox).orderBy(asc(mailOutbox.id)),
    await db.select().from(rateLimits).orderBy(asc(rateLimits.key)),
    await db.select().from(accountRateLimits).orderBy(asc(accountRateLimits.key)),
  ]);
}

/** The raw session token inside a TestClient's (signed, URL-encoded) session cookie. */
function sessionTokenOf(client: TestClient): string {
  const cookie = [...client.cookies].find(([name]) => name.endsWith('session_token'));
  if (!cookie) throw new Error('not signed in');
  return decodeURIComponent(cookie[1]).split('.')[0]!;
}

describe('the auth library behind an allow-list', () => {
  it('reads the library’s endpoints, including the dangerous ones found in the security test', () => {
    const endpoints = libraryEndpoints();
    for (const dangerous of [
      'POST /update-user',
      'POST /verify-password',
      'GET /list-sessions',
      'POST /update-session',
      'POST /unlink-account',
      'POST /revoke-session',
      'POST /revoke-sessions',
      'POST /change-email',
      'POST /delete-user',
      'GET /reset-password/:token',
      'GET /list-accounts',
    ])
      expect(endpoints).toContain(dangerous);
    for (const served of SERVED) expect(endpoints).toContain(served);
  });

  it('answers 404 problem+json to every other endpoint, signed in, and changes nothing', async () => {
    const { client, email } = await signUp(t.app);
    const token = sessionTokenOf(client);
    const other = libraryEndpoints().filter((endpoint) => !SERVED.has(endpoint));
    expect(other.length).toBeGreaterThan(20);
    // Bodies that would succeed if the endpoint were reachable.
    const body = {
      name: 'x'.repeat(5000),
      image: 'javascript:alert(1)',
      email,
      newEmail: 'attacker@example.com',
      password: TEST_PASSWORD,
      currentPassword: TEST_PASSWORD,
      newPassword: 'Another-Pass-99812',
      token,
      providerId: 'credential',
      callbackURL: '/',
    };
    const before = await snapshot();
    for (const endpoint of other) {
      const [method, path] = endpoint.split(' ') as ['GET' | 'POST', string];
      const url = `/api/auth${path.replaceAll(/:[a-zA-Z]+/g, token)}?token=${token}&callbackURL=%2F`;
      const response = method === 'GET' ? await client.get(url) : await client.post(url, body);
      expect(response.statusCode, endpoint).toBe(404);
      expectProblem(response, 404, 'NOT_FOUND');
    }
    expect(await snapshot()).toBe(before);
    // Still signed in: nothing revoked the session.
    expect((await client.get('/api/v1/users/me')).statusCode).toBe(200);
  });

  it('answers 404 to the served paths with another method', async () => {
    const { client } = await signUp(t.app);
    expectProblem(await client.get('/api/auth/sign-in/email'), 404, 'NOT_FOUND');
    expectProblem(await client.request({ method: 'DELETE', url: '/api/auth/get-session' }), 404, 'NOT_FOUND');
    expectProblem(await client.request({ method: 'PUT', url: '/api/auth/change-password', body: {} }), 404, 'NOT_FOUND');
  });
});

describe('the signed-in person’s auth routes', () => {
  it('answer a guest 401 before looking at the body', async () => {
    const guest = new TestClient(t.app);
    expectProblem(await guest.post('/api/auth/change-password', { unknownField: [] }), 401, 'UNAUTHENTICATED');
    expectProblem(
      await guest.post('/api/auth/change-password', 'not json', { 'content-type': 'application/json' }),
      401,
      'UNAUTHENTICATED',
    );
    expectProblem(await guest.post('/api/auth/revoke-other-sessions'), 401, 'UNAUTHENTICATED');
  });
});

describe('the session token stays in the httpOnly cookie', () => {
  it('is in no answer: sign-up, sign-in, get-session, change-password, the profile and the session list', async () => {
    const signedUp = await signUp(t.app);
    const answers = [signedUp.response];
    const client = new TestClient(t.app);
    answers.push(await client.post('/api/auth/sign-in/email', { email: signedUp.email, password: signedUp.password }));
    const token = sessionTokenOf(client);
    const session = await client.get('/api/auth/get-session');
    expect(session.statusCode).toBe(200);
    expect(session.json().session).toMatchObject({ id: expect.any(String), userId: expect.any(String) });
    answers.push(session, await client.get('/api/v1/users/me'), await client.get('/api/v1/users/me/sessions'));
    const changed = await client.post('/api/auth/change-password', {
      currentPassword: signedUp.password,
      newPassword: 'Another-Pass-99812',
      revokeOtherSessions: true,
    });
    expect(changed.statusCode).toBe(200);
    answers.push(changed, await client.get('/api/auth/get-session'));
    const newToken = sessionTokenOf(client);
    for (const answer of answers) {
      expect(answer.statusCode).toBe(200);
      expect(answer.body).not.toContain(token);
      expect(answer.body).not.toContain(newToken);
      expect(answer.body).not.toMatch(/"token"/);
      expect(answer.headers['set-auth-token']).toBeUndefined();
    }
  });
});
