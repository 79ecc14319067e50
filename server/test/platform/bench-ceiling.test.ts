import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { organizations } from '../../src/modules/organizations/index.js';
import type { Database } from '../../src/platform/db.js';
import { testConfig } from '../helpers/app.js';
import { openTestDatabase } from '../helpers/database.js';

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

async function appWith(env: Record<string, string>) {
  const app = await buildApp({ config: testConfig(env), database });
  await app.ready();
  return app;
}

describe('benchmark ceiling route', () => {
  it('does not exist without BENCH_CEILING', async () => {
    const app = await appWith({});
    try {
      const response = await app.inject({ method: 'GET', url: '/__bench/ceiling' });
      expect(response.statusCode).toBe(404);
      const spec = (await app.inject({ method: 'GET', url: '/openapi.json' })).json() as { paths: Record<string, unknown> };
      expect(Object.keys(spec.paths)).not.toContain('/__bench/ceiling');
    } finally {
      await app.close();
    }
  });

  it('with BENCH_CEILING=1 selects one organization by primary key', async () => {
    const [org] = await database.db.insert(organizations).values({ name: 'Ceiling Test Works' }).returning({ id: organizations.id });
    const app = await appWith({ BENCH_CEILING: '1' });
    try {
      const found = await app.inject({ method: 'GET', url: `/__bench/ceiling?id=${org!.id}` });
      expect(found.statusCode).toBe(200);
      expect(found.json()).toEqual({ organization: { id: org!.id, name: 'Ceiling Test Works' } });
      const missing = await app.inject({ method: 'GET', url: '/__bench/ceiling' });
      expect(missing.statusCode).toBe(200);
      expect(missing.json()).toEqual({ organization: null });
    } finally {
      await app.close();
    }
  });
});
