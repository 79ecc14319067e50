import { and, desc, eq } from 'drizzle-orm';
import { afterResponseWork } from '../../src/modules/auth/after-response.js';
import { users } from '../../src/modules/users/users.tables.js';
import type { Db } from '../../src/platform/db.js';
import { mailOutbox } from '../../src/platform/mail/mail.tables.js';
import { TEST_PASSWORD, TestClient, uniqueEmail } from '../helpers/app.js';
import { type MatrixEntry, type RouteKey, type World, everyone, signedIn } from './harness.js';

/**
 * The auth routes that remain in front of the auth library (an allow-list: nothing else under
 * /api/auth reaches it). authorization.test.ts asserts that no other route is served under /api/auth.
 */
export const AUTH_ROUTES: RouteKey[] = [
  { method: 'POST', route: '/api/auth/sign-up/email' },
  { method: 'POST', route: '/api/auth/sign-in/email' },
  { method: 'POST', route: '/api/auth/sign-out' },
  { method: 'GET', route: '/api/auth/get-session' },
  { method: 'POST', route: '/api/auth/revoke-other-sessions' },
  { method: 'POST', route: '/api/auth/request-password-reset' },
  { method: 'POST', route: '/api/auth/reset-password' },
  { method: 'GET', route: '/api/auth/verify-email' },
  { method: 'POST', route: '/api/auth/send-verification-email' },
  { method: 'POST', route: '/api/auth/change-password' },
];

/** The token of the newest mail of this template to this address. */
async function mailedToken(db: Db, email: string, template: string): Promise<string> {
  const [mail] = await db
    .select()
    .from(mailOutbox)
    .where(and(eq(mailOutbox.recipient, email), eq(mailOutbox.template, template)))
    .orderBy(desc(mailOutbox.createdAt))
    .limit(1);
  const token = mail?.links[0] ? new URL(mail.links[0]).searchParams.get('token') : null;
  if (!token) throw new Error(`no ${template} mail with a token to ${email}`);
  return token;
}

/** A new member of A whose email is not verified yet, with a verification link mailed to them. */
async function unverifiedWithToken(world: World): Promise<string> {
  const person = await world.newMemberOfA();
  await world.db.update(users).set({ emailVerified: false }).where(eq(users.id, person.id));
  const sent = await new TestClient(world.app).post('/api/auth/send-verification-email', { email: person.email });
  if (sent.statusCode !== 200) throw new Error(`send-verification-email answered ${sent.statusCode}: ${sent.body}`);
  return mailedToken(world.db, person.email, 'verify-email');
}

const NEW_PASSWORD = 'Granite-Heron-5718';

/**
 * Authentication. Signing up, signing in, the session probe and the emailed-token routes are public
 * (the token is the credential); signing out and changing the password act on the caller's own
 * session and account, so each run gets a new session or a new person of the role's kind.
 */
export const entries: MatrixEntry[] = [
  {
    method: 'POST',
    route: '/api/auth/sign-up/email',
    setup: async () => ({
      url: '/api/auth/sign-up/email',
      body: {
        email: uniqueEmail('matrix-signup'),
        password: TEST_PASSWORD,
        firstName: 'Huda',
        lastName: 'Al-Qahtani',
        organizationName: 'Matrix Works',
      },
    }),
    expect: everyone(200),
  },
  {
    method: 'POST',
    route: '/api/auth/sign-in/email',
    // Each role signs in as its own person again; the guest as A's plain member.
    setup: async (world, role) => ({
      url: '/api/auth/sign-in/email',
      body: { email: (world.personOf(role) ?? world.a.member).email, password: TEST_PASSWORD },
    }),
    expect: everyone(200),
  },
  {
    method: 'POST',
    route: '/api/auth/sign-out',
    setup: async (world, role) => ({ url: '/api/auth/sign-out', body: {}, as: await world.newSessionOf(role) }),
    expect: everyone(200),
  },
  { method: 'GET', route: '/api/auth/get-session', setup: async () => ({ url: '/api/auth/get-session' }), expect: everyone(200) },
  // It ends the caller's other sessions: each run a new person of the role's kind, so the world's sessions stay.
  {
    method: 'POST',
    route: '/api/auth/revoke-other-sessions',
    setup: async (world, role) => {
      const person = await world.newPersonLike(role);
      return { url: '/api/auth/revoke-other-sessions', body: {}, ...(person ? { as: person.client } : {}) };
    },
    expect: signedIn(200),
  },
  {
    method: 'POST',
    route: '/api/auth/request-password-reset',
    setup: async () => ({ url: '/api/auth/request-password-reset', body: { email: uniqueEmail('matrix-reset') } }),
    expect: everyone(200),
  },
  {
    method: 'POST',
    route: '/api/auth/reset-password',
    setup: async (world) => {
      const person = await world.newMemberOfA();
      const requested = await new TestClient(world.app).post('/api/auth/request-password-reset', { email: person.email });
      if (requested.statusCode !== 200) throw new Error(`request-password-reset answered ${requested.statusCode}: ${requested.body}`);
      // The token and its mail are written after the answer.
      await afterResponseWork(world.app.services.auth).settled();
      const token = await mailedToken(world.db, person.email, 'reset-password');
      return { url: '/api/auth/reset-password', body: { token, newPassword: NEW_PASSWORD } };
    },
    expect: everyone(200),
  },
  {
    method: 'GET',
    route: '/api/auth/verify-email',
    setup: async (world) => ({ url: `/api/auth/verify-email?token=${encodeURIComponent(await unverifiedWithToken(world))}` }),
    expect: everyone(200),
  },
  {
    method: 'POST',
    route: '/api/auth/send-verification-email',
    // A signed-in caller asks for their own address (another one answers 400 EMAIL_MISMATCH): each run
    // gets a new unverified person of the role's kind; the guest asks for a new unverified member of A.
    setup: async (world, role) => {
      const person = (await world.newPersonLike(role)) ?? (await world.newMemberOfA());
      await world.db.update(users).set({ emailVerified: false }).where(eq(users.id, person.id));
      return {
        url: '/api/auth/send-verification-email',
        body: { email: person.email },
        ...(role === 'guest' ? {} : { as: person.client }),
      };
    },
    expect: everyone(200),
  },
  {
    method: 'POST',
    route: '/api/auth/change-password',
    setup: async (world, role) => {
      const person = await world.newPersonLike(role);
      return {
        url: '/api/auth/change-password',
        body: { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD },
        ...(person ? { as: person.client } : {}),
      };
    },
    expect: signedIn(200),
  },
  // The auth library's other endpoints are not the product's: nothing serves them, to anyone.
  ...(
    [
      ['POST', '/api/auth/update-user', { name: 'Renamed' }],
      ['POST', '/api/auth/verify-password', { password: TEST_PASSWORD }],
      ['GET', '/api/auth/list-sessions', undefined],
      ['POST', '/api/auth/delete-user', {}],
      ['POST', '/api/auth/change-email', { newEmail: 'taken.over@example.com' }],
      ['POST', '/api/auth/revoke-sessions', {}],
    ] as const
  ).map(([method, route, body]): MatrixEntry => ({
    method,
    route,
    unrouted: true,
    // A person of the role's kind of its own, so that whatever the library did stays out of the world's people.
    setup: async (world, role) => {
      const person = await world.newPersonLike(role);
      return { url: route, ...(body ? { body } : {}), ...(person ? { as: person.client } : {}) };
    },
    expect: everyone(404),
  })),
];
