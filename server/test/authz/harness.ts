import type { FastifyInstance } from 'fastify';
import { eq } from 'drizzle-orm';
import { organizations } from '../../src/modules/organizations/organizations.tables.js';
import { users } from '../../src/modules/users/users.tables.js';
import type { Db } from '../../src/platform/db.js';
import type { TestClient } from '../helpers/app.js';
import { insertMember } from '../helpers/people.js';
import { type InvitedFixture, addMember, createOrganization, invite } from '../invitations/factories.js';

/**
 * The authorization matrix: every /api/v1 route that takes an id (or token) in its path has an entry
 * in some `*.matrix.ts` file of this folder, saying what each kind of caller gets. The harness runs
 * every entry as every role and fails on any route without an entry.
 */
export const ROLES = ['owner', 'sameOrgAdmin', 'sameOrgMember', 'otherOrgAdmin', 'moderator', 'guest'] as const;
export type Role = (typeof ROLES)[number];

export interface Person {
  client: TestClient;
  id: string;
  email: string;
}

/**
 * Organization A (an admin, a co-admin, a plain member and a member who owns resources) and
 * organization B (an admin). A is on the unlimited tier so setups may add people freely.
 */
export interface World {
  app: FastifyInstance;
  db: Db;
  a: { organizationId: string; admin: Person; coAdmin: Person; member: Person; owner: Person };
  b: { organizationId: string; admin: Person };
  /** The platform's staff, in a third organization: a moderator (a role of the matrix) and a superadmin (an owner where the platform owns the resource). */
  platform: { moderator: Person; superadmin: Person };
  /**
   * A fresh, signed-in member of A (for resources that a run changes or removes). Made for every
   * role of an entry, so it is written directly with the shared password hash, not by an invitation.
   */
  newMemberOfA(): Promise<Person>;
  /** A fresh pending invitation to A, sent by A's co-admin. */
  newInvitationToA(): Promise<InvitedFixture>;
}

export interface MatrixSetup {
  url: string;
  body?: object;
  /** Who plays "owner" for this run; A's resource-owning member when absent. */
  owner?: TestClient;
}

export interface MatrixEntry {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** The Fastify route pattern, e.g. '/api/v1/users/:id'. */
  route: string;
  /** Tells apart several entries of one route (e.g. a public and an organization-private forum category). */
  variant?: string;
  /** Called before every role's request, so each run starts from a fresh resource when it needs one. */
  setup(world: World): Promise<MatrixSetup>;
  /** The status code each role gets. */
  expect: Record<Role, number>;
}

export async function buildWorld(app: FastifyInstance, db: Db): Promise<World> {
  const orgA = await createOrganization(app, 'Organization A');
  await db
    .update(organizations)
    .set({ subscriptionTier: 'enterprise', trialEndsAt: null })
    .where(eq(organizations.id, orgA.organizationId));
  const orgB = await createOrganization(app, 'Organization B');
  const adminA: Person = { client: orgA.admin, id: orgA.adminId, email: orgA.adminEmail };
  const coAdmin = await addMember(app, db, orgA.admin, 'admin');
  const staff = async (platformRole: 'moderator' | 'superadmin'): Promise<Person> => {
    const org = await createOrganization(app, `Platform staff (${platformRole})`);
    await db.update(users).set({ platformRole }).where(eq(users.id, org.adminId));
    return { client: org.admin, id: org.adminId, email: org.adminEmail };
  };
  const platform = { moderator: await staff('moderator'), superadmin: await staff('superadmin') };
  return {
    platform,
    app,
    db,
    a: {
      organizationId: orgA.organizationId,
      admin: adminA,
      coAdmin,
      member: await addMember(app, db, orgA.admin),
      owner: await addMember(app, db, orgA.admin),
    },
    b: { organizationId: orgB.organizationId, admin: { client: orgB.admin, id: orgB.adminId, email: orgB.adminEmail } },
    newMemberOfA: () => insertMember(app, db, orgA.organizationId),
    newInvitationToA: () => invite(app, db, coAdmin.client),
  };
}

/**
 * Route patterns and methods as Fastify registered them, read from printRoutes()'s tree: each line
 * is a path segment indented four characters per level below its parent.
 */
export function registeredRoutes(app: FastifyInstance): Array<{ method: string; route: string }> {
  const found: Array<{ method: string; route: string }> = [];
  const stack: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
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
