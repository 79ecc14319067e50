import { USE_CASE_VERSIONS_PAGE_DEFAULT } from '@p2p/contracts';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execute } from '../../src/platform/db.js';
import { createTestApp, expectProblem, type TestContext } from '../helpers/app.js';
import { createOrganization, type OrganizationFixture } from '../invitations/factories.js';
import { writeCase } from './factories.js';

// A case's versions come a page at a time, newest first, walked by cursor (issue 12: they were all
// answered at once, however many).

let t: TestContext;
let org: OrganizationFixture;
let caseId: string;
const VERSIONS = 45;

beforeAll(async () => {
  t = await createTestApp();
  org = await createOrganization(t.app, 'Dammam Valves');
  caseId = (await writeCase(org.admin)).id;
  // More versions than a page holds (as 45 edits would leave them), one edit of the title each.
  await execute(
    t.database.db,
    sql`insert into use_case_versions (use_case_id, version, editor_id, changes, created_at)
        select ${caseId}, n, ${org.adminId}, jsonb_build_array(jsonb_build_object('field', 'title', 'before', 'v' || (n - 1), 'after', 'v' || n)),
          now() - (${VERSIONS} - n) * interval '1 minute'
        from generate_series(2, ${VERSIONS + 1}) n`,
  );
});
afterAll(() => t.close());

type VersionPage = { items: { version: number }[]; nextCursor?: string | null };

describe('use-case versions', () => {
  it('answers a page, newest first, with the cursor to the older ones', async () => {
    const response = await org.admin.get(`/api/v1/use-cases/${caseId}/versions`);
    expect(response.statusCode).toBe(200);
    const page: VersionPage = response.json();
    expect(page.items).toHaveLength(USE_CASE_VERSIONS_PAGE_DEFAULT);
    expect(page.items[0]!.version).toBe(VERSIONS + 1);
    expect(page.nextCursor).toEqual(expect.any(String));
  });

  it('walks every version exactly once, newest first', async () => {
    const seen: number[] = [];
    let cursor: string | null | undefined = null;
    do {
      const response = await org.admin.get(`/api/v1/use-cases/${caseId}/versions?pageSize=10${cursor ? `&cursor=${cursor}` : ''}`);
      expect(response.statusCode).toBe(200);
      const page: VersionPage = response.json();
      seen.push(...page.items.map((item) => item.version));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(Array.from({ length: VERSIONS }, (_, i) => VERSIONS + 1 - i));
  });

  it('refuses a page size past 100 and a cursor of another list', async () => {
    expectProblem(await org.admin.get(`/api/v1/use-cases/${caseId}/versions?pageSize=101`), 400, 'VALIDATION_FAILED');
    const response = await org.admin.get(`/api/v1/use-cases/${caseId}/versions?cursor=WyJ4Il0`);
    const problem = expectProblem(response, 400, 'VALIDATION_FAILED');
    expect(problem.errors?.map((error) => error.path)).toContain('cursor');
  });
});
