import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { eq, inArray } from 'drizzle-orm';
import { invitationSends } from '../../src/modules/invitations/invitations.tables.js';
import { organizations } from '../../src/modules/organizations/organizations.tables.js';
import { users } from '../../src/modules/users/users.tables.js';
import type { Db } from '../../src/platform/db.js';
import { TestClient } from '../helpers/app.js';
import { insertMember, insertOrganizationWithAdmin, signedInClient } from '../helpers/people.js';
import { type InvitedFixture, invite } from '../invitations/factories.js';

/**
 * The authorization matrix: every route the server registers (every operation of the OpenAPI
 * document, the auth routes that remain, and the operational ones outside the document) has an entry
 * in some `*.matrix.ts` file of this folder, saying what each kind of caller gets. The harness runs
 * every entry as every role and fails on any route without an entry and on any entry naming a route
 * that does not exist.
 */
export const ROLES = ['owner', 'sameOrgAdmin', 'sameOrgMember', 'otherOrgAdmin', 'otherOrgMember', 'moderator', 'guest'] as const;
export type Role = (typeof ROLES)[number];
export type Expect = Record<Role, number>;

export interface Person {
  client: TestClient;
  id: string;
  email: string;
}

/**
 * Organization A (an admin, a co-admin, a plain member and a member who owns resources) and
 * organization B (an admin and a plain member), on the unlimited tier so setups may add people freely.
 */
export interface World {
  app: FastifyInstance;
  db: Db;
  a: { organizationId: string; admin: Person; coAdmin: Person; member: Person; owner: Person };
  b: { organizationId: string; admin: Person; member: Person };
  /**
   * The platform's staff, each the admin of an organization of their own: a moderator (a role of the
   * matrix) and a superadmin (an owner where the platform owns the resource).
   */
  platform: { moderator: Person; moderatorOrganizationId: string; superadmin: Person };
  /**
   * A fresh, signed-in member of A (for resources that a run changes or removes). Made for every
   * role of an entry, so it is written directly with the shared password hash, not by an invitation.
   */
  newMemberOfA(): Promise<Person>;
  /** A fresh pending invitation to A, sent by A's co-admin (a day ago, as far as the sending limits count). */
  newInvitationToA(): Promise<InvitedFixture>;
  /** Who plays the role in every run without an override (null for the guest). */
  personOf(role: Role): Person | null;
  /** A new session of the role's person (a new guest client for the guest): for runs that end the session they use. */
  newSessionOf(role: Role): Promise<TestClient>;
  /**
   * A new person of the role's kind, signed in (null for the guest): a member or an admin of A or B,
   * or a moderator in an organization of their own. For runs that change or remove the caller's own
   * account (password, deletion), so that the world's people stay as they are.
   */
  newPersonLike(role: Role): Promise<Person | null>;
}

export interface MatrixSetup {
  url: string;
  /** A JSON body, or the raw bytes of a multipart body (with its content type in `headers`). */
  body?: object;
  headers?: Record<string, string>;
  /** Who plays "owner" for this run; A's resource-owning member when absent. */
  owner?: TestClient;
  /** Who plays this run's role instead of the role's usual person (e.g. a new session, for a sign-out). */
  as?: TestClient;
  /** The caller's address instead of the client's own (e.g. 127.0.0.1 for a caller on this machine). */
  remoteAddress?: string;
}

export interface MatrixEntry {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** The Fastify route pattern, e.g. '/api/v1/users/:id'. */
  route: string;
  /** Tells apart several entries of one route (e.g. a public and an organization-private forum category). */
  variant?: string;
  /**
   * A path that no route may serve (e.g. one of the auth library's endpoints that the product does not
   * expose): the completeness check asserts that nothing is registered under this pattern.
   */
  unrouted?: true;
  /** Called before every role's request, so each run starts from a fresh resource when it needs one. */
  setup(world: World, role: Role): Promise<MatrixSetup>;
  /** The status code each role gets. */
  expect: Expect;
  /**
   * What the status alone cannot show (a list or a search leaking another organization's items):
   * called after every role's request that got its expected status; throws when the response is wrong.
   */
  check?(response: LightMyRequestResponse, role: Role, world: World): void | Promise<void>;
}

/** The same status for every role, and the guest's own. */
export function signedIn(status: number, guest = 401): Expect {
  return {
    owner: status,
    sameOrgAdmin: status,
    sameOrgMember: status,
    otherOrgAdmin: status,
    otherOrgMember: status,
    moderator: status,
    guest,
  };
}

/** The same status for every role, the guest included. */
export function everyone(status: number): Expect {
  return signedIn(status, status);
}

/**
 * Organization admins only (each acts on their own organization): the owner, A's plain member and
 * B's plain member get 403; the moderator is the admin of an organization of their own.
 */
export function orgAdmins(status: number): Expect {
  return {
    owner: 403,
    sameOrgAdmin: status,
    sameOrgMember: 403,
    otherOrgAdmin: status,
    otherOrgMember: 403,
    moderator: status,
    guest: 401,
  };
}

export async function buildWorld(app: FastifyInstance, db: Db): Promise<World> {
  // Written directly, as sign-up and accepting an invitation leave them (those flows have tests of their own):
  // no password is hashed for the world's people.
  const orgA = await insertOrganizationWithAdmin(app, db, 'Organization A');
  const orgB = await insertOrganizationWithAdmin(app, db, 'Organization B');
  const adminA: Person = { client: orgA.admin, id: orgA.adminId, email: orgA.adminEmail };
  const coAdmin = await insertMember(app, db, orgA.organizationId, 'admin');
  const staff = async (platformRole: 'moderator' | 'superadmin') => {
    const org = await insertOrganizationWithAdmin(app, db, `Platform staff (${platformRole})`);
    await db.update(users).set({ platformRole }).where(eq(users.id, org.adminId));
    return { person: { client: org.admin, id: org.adminId, email: org.adminEmail }, organizationId: org.organizationId };
  };
  const moderator = await staff('moderator');
  const superadmin = await staff('superadmin');
  // Every organization on the unlimited tier: runs add people of each role's kind to A, B and the
  // moderator's organization, and the tiers' limits are the organizations tests' subject.
  await db
    .update(organizations)
    .set({ subscriptionTier: 'enterprise', trialEndsAt: null })
    .where(inArray(organizations.id, [orgA.organizationId, orgB.organizationId, moderator.organizationId, superadmin.organizationId]));
  const a = {
    organizationId: orgA.organizationId,
    admin: adminA,
    coAdmin,
    member: await insertMember(app, db, orgA.organizationId),
    owner: await insertMember(app, db, orgA.organizationId),
  };
  const b = {
    organizationId: orgB.organizationId,
    admin: { client: orgB.admin, id: orgB.adminId, email: orgB.adminEmail },
    member: await insertMember(app, db, orgB.organizationId),
  };
  const platform = { moderator: moderator.person, moderatorOrganizationId: moderator.organizationId, superadmin: superadmin.person };
  const personOf = (role: Role): Person | null => {
    switch (role) {
      case 'owner':
        return a.owner;
      case 'sameOrgAdmin':
        return a.admin;
      case 'sameOrgMember':
        return a.member;
      case 'otherOrgAdmin':
        return b.admin;
      case 'otherOrgMember':
        return b.member;
      case 'moderator':
        return platform.moderator;
      case 'guest':
        return null;
    }
  };
  return {
    platform,
    app,
    db,
    a,
    b,
    newMemberOfA: () => insertMember(app, db, orgA.organizationId),
    async newInvitationToA() {
      const invitation = await invite(app, db, coAdmin.client);
      // Its email written as sent a day ago: the sending limits (an admin's hour, the organization's day,
      // the time between two emails of one invitation) are the invitation tests' subject, not the matrix's.
      await db
        .update(invitationSends)
        .set({ createdAt: new Date(Date.now() - 25 * 3_600_000) })
        .where(eq(invitationSends.invitationId, invitation.id));
      return invitation;
    },
    personOf,
    async newSessionOf(role) {
      const person = personOf(role);
      return person ? signedInClient(app, person.id) : new TestClient(app);
    },
    async newPersonLike(role) {
      switch (role) {
        case 'owner':
        case 'sameOrgMember':
          return insertMember(app, db, a.organizationId);
        case 'sameOrgAdmin':
          return insertMember(app, db, a.organizationId, 'admin');
        case 'otherOrgAdmin':
          return insertMember(app, db, b.organizationId, 'admin');
        case 'otherOrgMember':
          return insertMember(app, db, b.organizationId);
        case 'moderator': {
          const person = await insertMember(app, db, platform.moderatorOrganizationId, 'admin');
          await db.update(users).set({ platformRole: 'moderator' }).where(eq(users.id, person.id));
          return person;
        }
        case 'guest':
          return null;
      }
    },
  };
}

/**
 * A resource made on the first role's run and shared by the others', per key (e.g. a visibility):
 * for entries whose requests change nothing that another role's run depends on (reads, toggles
 * that are per person), so that an entry makes one resource instead of one per role.
 */
export function shared<T>(make: (world: World, key: string) => Promise<T>): (world: World, key: string) => Promise<T> {
  const made = new Map<string, Promise<T>>();
  return (world, key) => {
    let value = made.get(key);
    if (!value) {
      value = make(world, key);
      made.set(key, value);
    }
    return value;
  };
}

/** The same person on a client of its own: what a response sets (cookies) stays out of the world's clients. */
export function copyOf(app: FastifyInstance, client: TestClient, remoteAddress = client.remoteAddress): TestClient {
  const copy = new TestClient(app, { remoteAddress });
  for (const [name, value] of client.cookies) copy.cookies.set(name, value);
  return copy;
}

export interface RouteKey {
  method: string;
  route: string;
}

/**
 * Route patterns and methods as Fastify registered them, read from printRoutes()'s tree: each line
 * is a node indented four characters per level below its parent, whose pattern continues the
 * parent's (the default, common-prefix tree: the flat one loses a wildcard's parent).
 */
export function registeredRoutes(app: FastifyInstance): RouteKey[] {
  const found: RouteKey[] = [];
  const stack: string[] = [];
  for (const line of app.printRoutes().split('\n')) {
    const match = /^((?:│ {3}| {4})*)[├└]── (.*?)(?: \(([A-Z, ]+)\))?$/u.exec(line);
    if (!match) continue;
    const depth = match[1]!.length / 4;
    stack.length = depth;
    const route = (stack[depth - 1] ?? '') + match[2]!;
    stack[depth] = route;
    for (const method of match[3]?.split(', ') ?? []) found.push({ method, route });
  }
  return found;
}

/** Every operation of the OpenAPI document, its `{id}` path parameters written as Fastify's `:id`. */
export function openApiOperations(app: FastifyInstance): RouteKey[] {
  const document = app.swagger() as { paths?: Record<string, Record<string, unknown>> };
  const methods = new Set(['get', 'put', 'post', 'delete', 'patch', 'options', 'head', 'trace']);
  return Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
    Object.keys(item)
      .filter((method) => methods.has(method))
      .map((method) => ({ method: method.toUpperCase(), route: path.replace(/\{([^}]+)\}/g, ':$1') })),
  );
}
