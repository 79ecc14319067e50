import { type OrgRole, TRIAL_DAYS } from '@p2p/contracts';
import { makeSignature } from 'better-auth/crypto';
import type { FastifyInstance } from 'fastify';
import { accounts } from '../../src/modules/auth/auth.tables.js';
import { memberships, organizations } from '../../src/modules/organizations/organizations.tables.js';
import { users } from '../../src/modules/users/users.tables.js';
import type { Db } from '../../src/platform/db.js';
import type { OrganizationFixture } from '../invitations/factories.js';
import { TEST_PASSWORD, TestClient, uniqueEmail } from './app.js';

/**
 * People written straight into the database, for tests whose subject is not sign-up,
 * invitations or sign-in. Password hashing is slow on purpose (scrypt: about 0.1 s on an idle core,
 * several times that on a busy one), so nothing here hashes per person: TEST_PASSWORD is hashed once
 * per test file and every person gets that hash (they can still sign in with TEST_PASSWORD), and
 * their session is written by the auth library's own session code instead of a sign-in, which
 * would verify the hash again. The bench data generator does the same (bench/generate.ts).
 *
 * The rows are written here, table by table, the way sign-up and accepting an invitation write them
 * (like the other factories, which insert what a test needs): the app's repository functions for
 * them move between modules, the tables do not.
 */

export interface Person {
  client: TestClient;
  id: string;
  email: string;
}

let passwordHash: Promise<string> | undefined;

/** TEST_PASSWORD hashed with the auth library's hasher, once per test file (each file has its own module state). */
export function testPasswordHash(app: FastifyInstance): Promise<string> {
  passwordHash ??= app.services.auth.$context.then((context) => context.password.hash(TEST_PASSWORD));
  return passwordHash;
}

/**
 * A client holding a new session of the user, as a sign-in would leave it: the session row is
 * written by the library (its hooks run: a disabled account gets no session) and the cookie is
 * signed with the library's signer and secret.
 */
export async function signedInClient(app: FastifyInstance, userId: string): Promise<TestClient> {
  const context = await app.services.auth.$context;
  const session = await context.internalAdapter.createSession(userId);
  const signed = `${session.token}.${await makeSignature(session.token, context.secret)}`;
  const client = new TestClient(app);
  // Stored as the library sets it (URL-encoded), like every cookie a TestClient keeps.
  client.cookies.set(context.authCookies.sessionToken.name, encodeURIComponent(signed));
  return client;
}

/**
 * An organization and its admin as sign-up leaves them (trial tier, email not yet verified), signed
 * in; the same fixture as invitations/factories.ts's createOrganization, without the sign-up.
 */
export async function insertOrganizationWithAdmin(
  app: FastifyInstance,
  db: Db,
  organizationName = 'Jubail Polymers',
): Promise<OrganizationFixture> {
  const [organization] = await db
    .insert(organizations)
    .values({ name: organizationName, subscriptionTier: 'trial', trialEndsAt: new Date(Date.now() + TRIAL_DAYS * 86_400_000) })
    .returning({ id: organizations.id });
  const admin = await insertPerson(app, db, organization!.id, 'admin', {
    firstName: 'Faisal',
    lastName: 'Al-Otaibi',
    emailVerified: false,
  });
  return { admin: admin.client, adminId: admin.id, adminEmail: admin.email, organizationId: organization!.id };
}

/** A member (or admin) of the organization as accepting an invitation leaves them (email verified), signed in. */
export function insertMember(app: FastifyInstance, db: Db, organizationId: string, role: OrgRole = 'member'): Promise<Person> {
  return insertPerson(app, db, organizationId, role, { firstName: 'Sara', lastName: 'Al-Amri', emailVerified: true });
}

async function insertPerson(
  app: FastifyInstance,
  db: Db,
  organizationId: string,
  role: OrgRole,
  name: { firstName: string; lastName: string; emailVerified: boolean },
): Promise<Person> {
  const email = uniqueEmail(role);
  const { firstName, lastName, emailVerified } = name;
  const [user] = await db
    .insert(users)
    .values({ email, name: `${firstName} ${lastName}`, firstName, lastName, language: 'en', emailVerified })
    .returning({ id: users.id });
  const userId = user!.id;
  await db.insert(accounts).values({ userId, accountId: userId, providerId: 'credential', password: await testPasswordHash(app) });
  await db.insert(memberships).values({ userId, organizationId, role });
  return { client: await signedInClient(app, userId), id: userId, email };
}
