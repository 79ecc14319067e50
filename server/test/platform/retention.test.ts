import { type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authRetention } from '../../src/modules/auth/index.js';
import { forumRetention } from '../../src/modules/forum/index.js';
import { useCaseRetention } from '../../src/modules/use-cases/index.js';
import { execute, queryRows, toNumber } from '../../src/platform/db.js';
import { runRetentionPass, startRetention } from '../../src/platform/retention.js';
import { col, row } from '../../src/platform/rows.js';
import { createTestApp, type TestContext } from '../helpers/app.js';
import { createCategory, startTopic } from '../forum/factories.js';
import { createOrganization, type OrganizationFixture } from '../invitations/factories.js';
import { writeCase } from '../use-cases/factories.js';

// Logs that grew forever (issue 12) are pruned: rows aged with SQL past their table's retention go in
// one pass, recent ones stay, and what the kept rows feed (the owner's engagement chart over its
// longest period, trending cases and trending searches) reads the same before and after.

const RULES = [...authRetention, ...forumRetention, ...useCaseRetention];

let t: TestContext;
let org: OrganizationFixture;
let topicId: string;
let caseId: string;

beforeAll(async () => {
  t = await createTestApp();
  org = await createOrganization(t.app, 'Rabigh Refining');
  topicId = await startTopic(org.admin, await createCategory(t.database.db));
  caseId = (await writeCase(org.admin)).id;
});
afterAll(() => t.close());

const countRow = row({ n: col.bigint });
async function count(statement: SQL): Promise<number> {
  const [found] = await queryRows(t.database.db, countRow, statement);
  return toNumber(found?.n);
}

/** Rows of each log, some just inside their retention and some past it (`age` is an SQL interval). */
async function ageRows(): Promise<void> {
  const db = t.database.db;
  const user = org.adminId;
  const organization = org.organizationId;
  for (const [term, age] of [
    ['old valve', '91 days'],
    ['old valve', '120 days'],
    ['pump seal', '89 days'],
    ['pump seal', '20 days'],
    ['pump seal', '2 days'],
  ] as const) {
    await execute(
      db,
      sql`insert into forum_search_log (term, user_id, results_count, created_at) values (${term}, ${user}, 3, now() - ${age}::interval)`,
    );
  }
  for (const [q, age] of [
    ['old search', '91 days'],
    ['kept search', '89 days'],
  ] as const) {
    await execute(
      db,
      sql`insert into use_case_search_log (user_id, q, results_count, created_at) values (${user}, ${q}, 1, now() - ${age}::interval)`,
    );
  }
  // Views at the edges of the longest engagement chart (365 Riyadh days) and inside trending's month.
  for (const age of ['400 days', '367 days', '364 days', '200 days', '20 days', '2 days', '1 hour']) {
    await execute(
      db,
      sql`insert into use_case_views (use_case_id, user_id, organization_id, viewed_at) values (${caseId}, ${user}, ${organization}, now() - ${age}::interval)`,
    );
  }
  await execute(
    db,
    sql`insert into use_case_viewers (use_case_id, user_id, viewed_at) values (${caseId}, ${user}, now() - interval '25 hours')`,
  );
  await execute(
    db,
    sql`insert into forum_topic_views (topic_id, user_id, viewed_at) values (${topicId}, ${user}, now() - interval '25 hours')`,
  );
  const other = (await createOrganization(t.app, 'Yanbu Cement')).adminId;
  await execute(
    db,
    sql`insert into forum_topic_views (topic_id, user_id, viewed_at) values (${topicId}, ${other}, now() - interval '10 minutes')`,
  );
  const msAgo = (hours: number) => sql`(extract(epoch from now() - make_interval(hours => ${hours})) * 1000)::bigint`;
  await execute(db, sql`insert into rate_limits (key, count, last_request) values ('10.0.0.1/sign-in/email', 4, ${msAgo(25)})`);
  await execute(db, sql`insert into rate_limits (key, count, last_request) values ('10.0.0.2/sign-in/email', 4, ${msAgo(1)})`);
  await execute(
    db,
    sql`insert into account_rate_limits (key, count, window_started_at) values ('sign-in:old@example.com', 3, now() - interval '25 hours'),
        ('sign-in:new@example.com', 3, now() - interval '5 minutes')`,
  );
}

/** What the kept rows feed, as the API answers it. */
async function readings() {
  const get = async (url: string) => {
    const response = await org.admin.get(url);
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };
  return {
    engagement: await get(`/api/v1/use-cases/${caseId}/engagement?days=365`),
    trendingCases: await get('/api/v1/use-cases/trending?period=month'),
    trendingSearches: await get('/api/v1/forum/search/trending?period=month'),
    history: await get('/api/v1/use-cases/search/history'),
  };
}

describe('retention', () => {
  it('deletes rows past each table’s retention in one pass, keeps the others, and changes nothing they feed', async () => {
    await ageRows();
    const before = await readings();
    expect(before.engagement.totals.views).toBeGreaterThanOrEqual(5);

    const deleted = await runRetentionPass(t.database.db, RULES);
    expect([...deleted.values()].reduce((sum, n) => sum + n, 0)).toBe(2 + 1 + 2 + 1 + 1 + 1 + 1);

    expect(await count(sql`select count(*) as n from forum_search_log where term = 'old valve'`)).toBe(0);
    expect(await count(sql`select count(*) as n from forum_search_log where term = 'pump seal'`)).toBe(3);
    expect(await count(sql`select count(*) as n from use_case_search_log where q = 'old search'`)).toBe(0);
    expect(await count(sql`select count(*) as n from use_case_search_log where q = 'kept search'`)).toBe(1);
    expect(await count(sql`select count(*) as n from use_case_views where viewed_at < now() - interval '366 days'`)).toBe(0);
    expect(await count(sql`select count(*) as n from use_case_views where use_case_id = ${caseId}`)).toBe(5);
    expect(await count(sql`select count(*) as n from use_case_viewers where viewed_at < now() - interval '1 day'`)).toBe(0);
    expect(await count(sql`select count(*) as n from forum_topic_views where topic_id = ${topicId}`)).toBe(1);
    expect(await count(sql`select count(*) as n from rate_limits where key like '10.0.0.%'`)).toBe(1);
    expect(await count(sql`select count(*) as n from account_rate_limits where key like 'sign-in:%'`)).toBe(1);

    const after = await readings();
    expect(after.engagement).toEqual(before.engagement);
    expect(after.trendingCases).toEqual(before.trendingCases);
    expect(after.trendingSearches).toEqual(before.trendingSearches);
    // The search history is what the log keeps: the last 90 days.
    expect(after.history.items).toEqual(before.history.items.filter((item: { q: string }) => item.q !== 'old search'));
    // A second pass finds nothing left.
    expect([...(await runRetentionPass(t.database.db, RULES)).values()].every((n) => n === 0)).toBe(true);
  });

  it('deletes in batches until none is left', async () => {
    for (let i = 0; i < 7; i += 1) {
      await execute(
        t.database.db,
        sql`insert into forum_search_log (term, user_id, results_count, created_at) values ('batch', null, 1, now() - interval '200 days')`,
      );
    }
    await runRetentionPass(t.database.db, forumRetention, 2);
    expect(await count(sql`select count(*) as n from forum_search_log where term = 'batch'`)).toBe(0);
  });

  it('runs at once and then on its timer until stopped', async () => {
    const logger = t.app.log;
    const job = startRetention({ db: t.database.db, rules: forumRetention, logger, intervalMs: 20 });
    await job.idle();
    await execute(
      t.database.db,
      sql`insert into forum_search_log (term, user_id, results_count, created_at) values ('timer', null, 1, now() - interval '200 days')`,
    );
    await expect.poll(() => count(sql`select count(*) as n from forum_search_log where term = 'timer'`), { timeout: 5000 }).toBe(0);
    await job.stop();
    await execute(
      t.database.db,
      sql`insert into forum_search_log (term, user_id, results_count, created_at) values ('stopped', null, 1, now() - interval '200 days')`,
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await count(sql`select count(*) as n from forum_search_log where term = 'stopped'`)).toBe(1);
  });
});
