/// <reference types="vite/client" />
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClient, type TestContext, createTestApp } from '../helpers/app.js';
import { AUTH_ROUTES } from './auth.matrix.js';
import { secretsOf } from './leaks.js';
import {
  type MatrixEntry,
  type MatrixSetup,
  ROLES,
  type Role,
  type RouteKey,
  type World,
  buildWorld,
  copyOf,
  openApiOperations,
  registeredRoutes,
} from './harness.js';

// Every module adds its own `<module>.matrix.ts` next to this file; nothing here lists them.
const modules = import.meta.glob<{ entries: MatrixEntry[] }>('./*.matrix.ts', { eager: true });
const entries = Object.entries(modules).flatMap(([file, module]) => module.entries.map((entry) => ({ file, ...entry })));

let t: TestContext;
let world: World;
beforeAll(async () => {
  t = await createTestApp();
  world = await buildWorld(t.app, t.database.db);
  // Made before any request, so that every role's run sees the same items.
  await secretsOf(world);
});
afterAll(() => t.close());

const key = (r: RouteKey) => `${r.method} ${r.route}`;
/** HEAD answers as GET does, OPTIONS is the CORS preflight: neither is a route of its own. */
const counted = (r: RouteKey) => r.method !== 'HEAD' && r.method !== 'OPTIONS';
/** The auth library's pass-through (everything under /api/auth it serves): checked on its own below. */
const isAuthPassThrough = (r: RouteKey) => r.route.startsWith('/api/auth/') && r.route.includes('*');

/** Who makes this run's request: the setup's stand-in, else the role's person, on a copy of their client. */
function clientFor(role: Role, setup: MatrixSetup): TestClient {
  const base = setup.as ?? (role === 'owner' ? setup.owner : undefined) ?? world.personOf(role)?.client ?? new TestClient(t.app);
  return copyOf(t.app, base, setup.remoteAddress);
}

describe('authorization matrix', () => {
  it('has an entry for every registered route and every OpenAPI operation, and none for a route that does not exist', () => {
    const registered = registeredRoutes(t.app).filter(counted);
    const operations = openApiOperations(t.app).filter(counted);
    // The readers must see what is certainly there; otherwise empty lists would pass.
    expect(registered).toContainEqual({ method: 'GET', route: '/api/v1/users/:id' });
    expect(registered).toContainEqual({ method: 'DELETE', route: '/api/v1/users/me/sessions/:id' });
    expect(registered).toContainEqual({ method: 'GET', route: '/metrics' });
    expect(operations).toContainEqual({ method: 'GET', route: '/api/v1/users/:id' });
    expect(operations).toContainEqual({ method: 'POST', route: '/api/auth/sign-in/email' });

    const registeredKeys = new Set(registered.map(key));
    const required = new Set([...registered, ...operations].filter((r) => !isAuthPassThrough(r)).map(key));
    const covered = new Set(entries.filter((e) => !e.unrouted).map(key));
    const absent = entries.filter((e) => e.unrouted).map(key);

    expect([...required].filter((k) => !covered.has(k)).sort(), 'routes without an entry').toEqual([]);
    expect([...covered].filter((k) => !registeredKeys.has(k)).sort(), 'entries naming a route that does not exist').toEqual([]);
    expect(
      operations.map(key).filter((k) => !registeredKeys.has(k)),
      'OpenAPI operations the server does not register',
    ).toEqual([]);
    expect(
      absent.filter((k) => registeredKeys.has(k)),
      'unrouted entries naming a registered route',
    ).toEqual([]);
    const keyOf = (e: (typeof entries)[number]) => `${key(e)} ${e.variant ?? ''}`;
    expect(new Set(entries.map(keyOf)).size, 'entries with the same route and variant').toBe(entries.length);
  });

  it('serves only the allow-listed auth routes: nothing else under /api/auth, no pass-through to the library', () => {
    const allowed = new Set(AUTH_ROUTES.map(key));
    const served = registeredRoutes(t.app)
      .filter(counted)
      .filter((r) => r.route.startsWith('/api/auth/'))
      .map(key);
    expect(served.filter((k) => !allowed.has(k))).toEqual([]);
    for (const entry of entries.filter((e) => e.unrouted)) {
      expect(t.app.findRoute({ method: entry.method, url: entry.route }), `${key(entry)} is served`).toBeNull();
    }
  });

  it('answers a guest 401 on every route that needs an account before it looks at the input', async () => {
    const wrong: string[] = [];
    for (const entry of entries.filter((e) => !e.unrouted && e.expect.guest === 401)) {
      const { url, remoteAddress } = await entry.setup(world, 'guest');
      // A body no schema takes and a page that does not exist: a 400 here would tell a guest what the route expects.
      const response = await copyOf(t.app, new TestClient(t.app), remoteAddress).request({
        method: entry.method,
        url: `${url}${url.includes('?') ? '&' : '?'}page=0&pageSize=0`,
        ...(entry.method === 'GET' || entry.method === 'DELETE' ? {} : { body: { matrixUnknownField: [] } }),
      });
      if (response.statusCode !== 401) wrong.push(`${key(entry)}${entry.variant ? ` [${entry.variant}]` : ''}: ${response.statusCode}`);
    }
    expect(wrong).toEqual([]);
  });

  it('refuses a cookie-carrying write from another site (403 INVALID_ORIGIN) on every route that changes something', async () => {
    const wrong: string[] = [];
    for (const entry of entries.filter((e) => !e.unrouted && e.method !== 'GET')) {
      const setup = await entry.setup(world, 'sameOrgMember');
      const response = await clientFor('sameOrgMember', setup).request({
        method: entry.method,
        url: setup.url,
        ...(setup.body !== undefined ? { body: setup.body } : {}),
        headers: { ...setup.headers, origin: 'https://attacker.example' },
      });
      const code = response.statusCode === 403 ? (response.json() as { code?: string }).code : undefined;
      if (code !== 'INVALID_ORIGIN')
        wrong.push(`${key(entry)}${entry.variant ? ` [${entry.variant}]` : ''}: ${response.statusCode} ${code ?? ''}`);
    }
    expect(wrong).toEqual([]);
  });

  it.each(entries.map((e) => [`${e.method} ${e.route}${e.variant ? ` [${e.variant}]` : ''} (${e.file})`, e] as const))(
    '%s answers each role as declared',
    async (_name, entry) => {
      const actual = {} as Record<Role, number>;
      const unexpected = {} as Partial<Record<Role, string>>;
      const wrongData = {} as Partial<Record<Role, string>>;
      // The roles' runs are independent (each setup makes what its run changes), so they go at once.
      await Promise.all(
        ROLES.map(async (role) => {
          const setup = await entry.setup(world, role);
          const response = await clientFor(role, setup).request({
            method: entry.method,
            url: setup.url,
            ...(setup.body !== undefined ? { body: setup.body } : {}),
            ...(setup.headers ? { headers: setup.headers } : {}),
          });
          actual[role] = response.statusCode;
          if (response.statusCode !== entry.expect[role]) {
            unexpected[role] = `${role} ${response.statusCode}: ${response.body.slice(0, 300)}`;
          } else if (entry.check && response.statusCode < 300) {
            try {
              await entry.check(response, role, world);
            } catch (error) {
              wrongData[role] = `${role}: ${(error as Error).message}`;
            }
          }
        }),
      );
      const inOrder = (found: Partial<Record<Role, string>>) => ROLES.flatMap((role) => found[role] ?? []);
      expect(actual, inOrder(unexpected).join('\n')).toEqual(entry.expect);
      expect(inOrder(wrongData)).toEqual([]);
    },
  );
});
