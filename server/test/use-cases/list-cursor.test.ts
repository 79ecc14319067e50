import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execute } from '../../src/platform/db.js';
import { createTestApp, expectProblem, TestClient, type TestContext } from '../helpers/app.js';
import { createOrganization, type OrganizationFixture } from '../invitations/factories.js';
import { writeCase } from './factories.js';

// The library newest first walks by cursor (issue 12: deep pages were an OFFSET walk).

let t: TestContext;
let org: OrganizationFixture;
const ids: string[] = [];

beforeAll(async () => {
  t = await createTestApp();
  org = await createOrganization(t.app, 'Khobar Compressors');
  for (let i = 0; i < 13; i += 1) ids.push((await writeCase(org.admin, { title: `Compressed air leak survey ${i}` })).id);
  // Several cases published at the same moment: the id breaks the tie.
  await execute(
    t.database.db,
    sql`update use_cases set published_at = date_trunc('minute', now()) where id in (${sql.join(
      ids.slice(3, 9).map((id) => sql`${id}`),
      sql`, `,
    )})`,
  );
});
afterAll(() => t.close());

type Page = { items: { id: string }[]; nextCursor?: string | null; total: number; hasNext: boolean };

async function get(client: TestClient, url: string): Promise<Page> {
  const response = await client.get(url);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

describe('the use-case list newest first', () => {
  it('walks every case exactly once, in the order of the pages', async () => {
    for (const client of [org.admin, new TestClient(t.app)]) {
      const base = '/api/v1/use-cases?sort=newest&pageSize=4&facets=false';
      const paged: string[] = [];
      for (let page = 1; page <= 4; page += 1) paged.push(...(await get(client, `${base}&page=${page}`)).items.map((item) => item.id));
      const walked: string[] = [];
      let cursor: string | null | undefined = null;
      let first: Page | null = null;
      do {
        const page: Page = await get(client, cursor ? `${base}&cursor=${cursor}` : base);
        first ??= page;
        walked.push(...page.items.map((item) => item.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(walked).toEqual(paged);
      expect(new Set(walked)).toEqual(new Set(ids));
      expect(first!.total).toBe(13);
    }
  });

  it('keeps the facets and the total when walking with facets', async () => {
    const first = await get(org.admin, '/api/v1/use-cases?pageSize=5');
    const second = await get(org.admin, `/api/v1/use-cases?pageSize=5&cursor=${first.nextCursor}`);
    expect(second).toMatchObject({ total: 13, hasNext: true });
    expect(second.items.map((item) => item.id)).not.toContain(first.items[0]!.id);
  });

  it('refuses a page past 10,000 rows (400 naming page), here and on the other paged lists of the library', async () => {
    for (const url of ['/api/v1/use-cases?page=501', '/api/v1/use-cases/location/filter?region=eastern&page=101&pageSize=100']) {
      const problem = expectProblem(await org.admin.get(url), 400, 'VALIDATION_FAILED');
      expect(problem.errors?.map((error) => error.path)).toContain('page');
    }
    expect((await org.admin.get('/api/v1/use-cases?page=500')).statusCode).toBe(200);
  });

  it('refuses a cursor with another order (400 naming cursor)', async () => {
    const first = await get(org.admin, '/api/v1/use-cases?pageSize=5');
    const problem = expectProblem(await org.admin.get(`/api/v1/use-cases?sort=views&cursor=${first.nextCursor}`), 400, 'VALIDATION_FAILED');
    expect(problem.errors?.map((error) => error.path)).toContain('cursor');
  });
});
