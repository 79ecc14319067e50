/// <reference types="vite/client" />
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClient, type TestContext, createTestApp } from '../helpers/app.js';
import { type MatrixEntry, ROLES, type Role, type World, buildWorld, registeredRoutes } from './harness.js';

// Every module adds its own `<module>.matrix.ts` next to this file; nothing here lists them.
const modules = import.meta.glob<{ entries: MatrixEntry[] }>('./*.matrix.ts', { eager: true });
const entries = Object.entries(modules).flatMap(([file, module]) => module.entries.map((entry) => ({ file, ...entry })));

let t: TestContext;
let world: World;
beforeAll(async () => {
  t = await createTestApp();
  world = await buildWorld(t.app, t.database.db);
});
afterAll(() => t.close());

const key = (method: string, route: string) => `${method} ${route}`;

function clientFor(role: Role, ownerOverride: TestClient | undefined): TestClient {
  switch (role) {
    case 'owner':
      return ownerOverride ?? world.a.owner.client;
    case 'sameOrgAdmin':
      return world.a.admin.client;
    case 'sameOrgMember':
      return world.a.member.client;
    case 'otherOrgAdmin':
      return world.b.admin.client;
    case 'moderator':
      return world.platform.moderator.client;
    case 'guest':
      return new TestClient(t.app);
  }
}

describe('authorization matrix', () => {
  it('has an entry for every /api/v1 route with a path parameter, and no entry for a route that does not exist', () => {
    const routes = registeredRoutes(t.app).filter((r) => r.method !== 'HEAD' && r.method !== 'OPTIONS');
    // The route reader must see what is certainly there; otherwise an empty list would pass.
    expect(routes).toContainEqual({ method: 'GET', route: '/api/v1/users/:id' });
    expect(routes).toContainEqual({ method: 'DELETE', route: '/api/v1/users/me/sessions/:id' });
    const covered = new Set(entries.map((e) => key(e.method, e.route)));
    const keyOf = (e: (typeof entries)[number]) => `${key(e.method, e.route)} ${e.variant ?? ''}`;
    const registered = new Set(routes.map((r) => key(r.method, r.route)));
    const uncovered = routes.filter((r) => r.route.startsWith('/api/v1/') && r.route.includes(':')).map((r) => key(r.method, r.route));
    expect(uncovered.filter((k) => !covered.has(k))).toEqual([]);
    expect([...covered].filter((k) => !registered.has(k))).toEqual([]);
    expect(new Set(entries.map(keyOf)).size).toBe(entries.length);
  });

  it.each(entries.map((e) => [`${e.method} ${e.route}${e.variant ? ` [${e.variant}]` : ''} (${e.file})`, e] as const))(
    '%s answers each role as declared',
    async (_name, entry) => {
      const actual = {} as Record<Role, number>;
      for (const role of ROLES) {
        const { url, body, owner } = await entry.setup(world);
        const response = await clientFor(role, owner).request({ method: entry.method, url, ...(body !== undefined ? { body } : {}) });
        actual[role] = response.statusCode;
      }
      expect(actual).toEqual(entry.expect);
    },
  );
});
