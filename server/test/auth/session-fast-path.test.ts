import { createHmac } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { sessions } from '../../src/modules/auth/auth.tables.js';
import { createSessionResolver } from '../../src/modules/auth/session.js';
import type { Actor } from '../../src/platform/actor.js';
import { readCookies, verifySignedToken } from '../../src/modules/auth/session-fast-path.js';
import { users } from '../../src/modules/users/users.tables.js';
import { TestClient, type TestContext, createTestApp, expectProblem, signUp } from '../helpers/app.js';

const DAY_MS = 86_400_000;
const COOKIE = 'p2p.session_token';

let t: TestContext;
let https: TestContext;
beforeAll(async () => {
  t = await createTestApp();
  https = await createTestApp({ PUBLIC_URL: 'https://p2p.example' });
});
afterAll(async () => {
  await t.close();
  await https.close();
});
afterEach(() => {
  vi.restoreAllMocks();
});

/** Counts how often a request had to ask the auth library for its session. */
function spyOnLibrary(context: TestContext) {
  return vi.spyOn(context.app.services.auth.api, 'getSession');
}

async function currentSessionRow(context: TestContext, client: TestClient, cookieName = COOKIE) {
  const signed = decodeURIComponent(client.cookies.get(cookieName)!);
  const token = signed.slice(0, signed.lastIndexOf('.'));
  const [row] = await context.database.db.select().from(sessions).where(eq(sessions.token, token));
  return row!;
}

async function setExpiry(context: TestContext, sessionId: string, expiresAt: Date) {
  await context.database.db.update(sessions).set({ expiresAt }).where(eq(sessions.id, sessionId));
}

describe('session fast path', () => {
  it('answers a valid session with one query of its own, without asking the library or setting a cookie', async () => {
    const { client, email } = await signUp(t.app);
    const library = spyOnLibrary(t);
    const me = await client.get('/api/v1/users/me');
    expect(me.statusCode).toBe(200);
    expect(me.json().email).toBe(email);
    expect(me.headers['set-cookie']).toBeUndefined();
    expect(library).not.toHaveBeenCalled();
    expect((await client.get('/api/v1/users/me/sessions')).json().items.filter((s: { isCurrent: boolean }) => s.isCurrent)).toHaveLength(1);
    expect(library).not.toHaveBeenCalled();
  });

  it('reads the actor’s organization and role with the session, on both paths', async () => {
    const { client } = await signUp(t.app);
    const me = (await client.get('/api/v1/users/me')).json();
    const resolver = createSessionResolver(t.app.services.auth, t.database.db);
    const resolve = async () => {
      const request = { headers: { cookie: client.cookieHeader }, ip: '127.0.0.1', actor: null } as unknown as FastifyRequest;
      const reply = { header: () => reply } as unknown as FastifyReply;
      return resolver.resolve(request, reply);
    };
    const expected = { organizationId: me.organization.id, organizationRole: 'admin', organizationStatus: 'active', isOrgAdmin: true };
    const membershipOf = (actor: Actor | null) =>
      actor && {
        organizationId: actor.organizationId,
        organizationRole: actor.organizationRole,
        organizationStatus: actor.organizationStatus,
        isOrgAdmin: actor.isOrgAdmin,
      };
    const library = spyOnLibrary(t);
    expect(membershipOf(await resolve())).toEqual(expected);
    expect(library).not.toHaveBeenCalled();

    const row = await currentSessionRow(t, client);
    await setExpiry(t, row.id, new Date(row.expiresAt.getTime() - 2 * DAY_MS));
    expect(membershipOf(await resolve())).toEqual(expected);
    expect(library).toHaveBeenCalledTimes(1);
  });

  it('refuses a tampered signature (the library is asked and refuses too)', async () => {
    const { client } = await signUp(t.app);
    const signed = decodeURIComponent(client.cookies.get(COOKIE)!);
    const dot = signed.lastIndexOf('.');
    const token = signed.slice(0, dot);
    const signature = signed.slice(dot + 1);
    const flipped = `${signature[0] === 'A' ? 'B' : 'A'}${signature.slice(1)}`;
    const library = spyOnLibrary(t);
    for (const value of [`${token}.${flipped}`, `${token}x.${signature}`, token, `${token}.${signature.slice(0, -1)}`]) {
      const forged = new TestClient(t.app);
      forged.cookies.set(COOKIE, encodeURIComponent(value));
      expectProblem(await forged.get('/api/v1/users/me'), 401, 'UNAUTHENTICATED');
    }
    expect(library).toHaveBeenCalledTimes(4);
    expect((await client.get('/api/v1/users/me')).statusCode).toBe(200);
  });

  it('refuses an expired session row', async () => {
    const { client } = await signUp(t.app);
    const row = await currentSessionRow(t, client);
    await setExpiry(t, row.id, new Date(Date.now() - 1000));
    expectProblem(await client.get('/api/v1/users/me'), 401, 'UNAUTHENTICATED');
    const [left] = await t.database.db.select().from(sessions).where(eq(sessions.id, row.id));
    expect(left).toBeUndefined();
  });

  it('refuses a revoked session at once', async () => {
    const { client } = await signUp(t.app);
    const row = await currentSessionRow(t, client);
    expect((await client.get('/api/v1/users/me')).statusCode).toBe(200);
    await t.database.db.delete(sessions).where(eq(sessions.id, row.id));
    expectProblem(await client.get('/api/v1/users/me'), 401, 'UNAUTHENTICATED');
  });

  it('refuses a deactivated, suspended or deleted user at once, without asking the library', async () => {
    for (const change of [{ status: 'inactive' }, { status: 'suspended' }, { deletedAt: new Date() }] as const) {
      const { client } = await signUp(t.app);
      const me = (await client.get('/api/v1/users/me')).json();
      await t.database.db.update(users).set(change).where(eq(users.id, me.id));
      const library = spyOnLibrary(t);
      expectProblem(await client.get('/api/v1/users/me'), 401, 'UNAUTHENTICATED');
      expect(library).not.toHaveBeenCalled();
      library.mockRestore();
    }
  });

  it('leaves a session due for its sliding refresh to the library, which extends the row and re-sets the cookie', async () => {
    const { client } = await signUp(t.app);
    const row = await currentSessionRow(t, client);
    await setExpiry(t, row.id, new Date(row.expiresAt.getTime() - 2 * DAY_MS));
    const library = spyOnLibrary(t);
    const me = await client.get('/api/v1/users/me');
    expect(me.statusCode).toBe(200);
    expect(library).toHaveBeenCalledTimes(1);
    const cookie = me.cookies.find((c) => c.name === COOKIE);
    expect(cookie?.maxAge).toBe(7 * 86_400);
    const refreshed = await currentSessionRow(t, client);
    expect(refreshed.expiresAt.getTime() - Date.now()).toBeGreaterThan(6.9 * DAY_MS);

    library.mockClear();
    expect((await client.get('/api/v1/users/me')).headers['set-cookie']).toBeUndefined();
    expect(library).not.toHaveBeenCalled();
  });

  it('slides a remember-me session only in its last week, by 30 days', async () => {
    const { client } = await signUp(t.app, { rememberMe: true });
    const row = await currentSessionRow(t, client);
    expect(row.rememberMe).toBe(true);
    const library = spyOnLibrary(t);
    await setExpiry(t, row.id, new Date(Date.now() + 10 * DAY_MS));
    expect((await client.get('/api/v1/users/me')).headers['set-cookie']).toBeUndefined();
    expect(library).not.toHaveBeenCalled();

    await setExpiry(t, row.id, new Date(Date.now() + 5 * DAY_MS));
    expect((await client.get('/api/v1/users/me')).statusCode).toBe(200);
    expect(library).toHaveBeenCalledTimes(1);
    expect((await currentSessionRow(t, client)).expiresAt.getTime() - Date.now()).toBeGreaterThan(29.9 * DAY_MS);
  });

  it('leaves requests carrying the library’s other session cookies to the library', async () => {
    const { client } = await signUp(t.app);
    const library = spyOnLibrary(t);
    client.cookies.set('p2p.session_data', 'stale');
    const me = await client.get('/api/v1/users/me');
    expect(me.statusCode).toBe(200);
    expect(library).toHaveBeenCalledTimes(1);
    expect(me.cookies.find((c) => c.name === 'p2p.session_data')?.maxAge).toBe(0);
  });

  it('treats cookies without a session cookie as a guest, without a query or the library', async () => {
    const library = spyOnLibrary(t);
    const guest = new TestClient(t.app);
    guest.cookies.set('theme', 'dark');
    expectProblem(await guest.get('/api/v1/users/me'), 401, 'UNAUTHENTICATED');
    expect(library).not.toHaveBeenCalled();
  });

  it('reads the __Secure- cookie on an https deployment', async () => {
    const { client } = await signUp(https.app);
    const name = '__Secure-p2p.session_token';
    expect(client.cookies.has(name)).toBe(true);
    const library = spyOnLibrary(https);
    expect((await client.get('/api/v1/users/me')).statusCode).toBe(200);
    expect(library).not.toHaveBeenCalled();

    const plain = new TestClient(https.app);
    plain.cookies.set(COOKIE, client.cookies.get(name)!);
    expectProblem(await plain.get('/api/v1/users/me'), 401, 'UNAUTHENTICATED');
  });
});

describe('signed cookie values', () => {
  const secret = 'a-secret-of-the-right-length-0123456789abcdef';
  const sign = (token: string) => `${token}.${createHmac('sha256', secret).update(token).digest('base64')}`;

  it('accepts the token signed with the secret and nothing else', () => {
    expect(verifySignedToken(sign('abc.def'), secret)).toBe('abc.def');
    expect(verifySignedToken(sign('abc'), `${secret}x`)).toBeNull();
    expect(verifySignedToken(sign('abc').replace('abc', 'abd'), secret)).toBeNull();
    expect(verifySignedToken('abc', secret)).toBeNull();
    expect(verifySignedToken(`.${sign('abc').split('.')[1]}`, secret)).toBeNull();
    const signature = sign('abc').split('.')[1]!;
    expect(verifySignedToken(`abc.${signature.slice(0, 20)}!${signature.slice(21)}`, secret)).toBeNull();
  });

  it('reads cookies as the library does: first occurrence wins, quotes dropped, URL-decoded', () => {
    const header = `other=1; p2p.session_token="a%2Bb.c%3D"; p2p.session_token=second; bad=%E0%A4%A`;
    const found = readCookies(header, ['p2p.session_token', 'bad', 'missing']);
    expect(found.get('p2p.session_token')).toBe('a+b.c=');
    expect(found.get('bad')).toBe('%E0%A4%A');
    expect(found.has('missing')).toBe(false);
  });
});
