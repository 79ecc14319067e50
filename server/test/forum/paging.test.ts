import { FORUM_BRANCH_REPLIES } from '@p2p/contracts';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execute } from '../../src/platform/db.js';
import type { TestContext } from '../helpers/app.js';
import { createTestApp, expectProblem, type TestClient } from '../helpers/app.js';
import { createOrganization, type OrganizationFixture } from '../invitations/factories.js';
import { createCategory, reply, startTopic } from './factories.js';

// Unbounded reads (issue 12): pages stop at a depth, the long lists walk on by keyset cursor, and a
// thread page shows the first replies of each branch with the count of the rest.

let t: TestContext;
let org: OrganizationFixture;
let categoryId: string;
beforeAll(async () => {
  t = await createTestApp();
  org = await createOrganization(t.app, 'Jubail Gaskets');
  categoryId = await createCategory(t.database.db);
});
afterAll(() => t.close());

type Post = { id: string; parentPostId: string | null; depth: number; moreReplies?: number; repliesCursor?: string | null };
type Listed = { id: string };
type PageOf<T> = { items: T[]; total: number; hasNext: boolean; nextCursor?: string | null };

async function getJson<T>(client: TestClient, url: string): Promise<T> {
  const response = await client.get(url);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

/** Every item of a list walked by cursor from its first page. */
async function walk<T extends { id: string }>(client: TestClient, url: (cursor: string | null) => string): Promise<T[]> {
  const seen: T[] = [];
  let cursor: string | null = null;
  for (let pages = 0; pages < 100; pages += 1) {
    const page: { items: T[]; nextCursor?: string | null } = await getJson(client, url(cursor));
    seen.push(...page.items);
    cursor = page.nextCursor ?? null;
    if (!cursor) return seen;
  }
  throw new Error('the walk did not end');
}

describe('page depth', () => {
  it('refuses a page past 10,000 rows with a 400 naming page; the last page within it answers', async () => {
    const topics = await org.admin.get('/api/v1/forum/topics?page=501&pageSize=20');
    const problem = expectProblem(topics, 400, 'VALIDATION_FAILED');
    expect(problem.errors?.map((error) => error.path)).toContain('page');
    expect((await org.admin.get('/api/v1/forum/topics?page=500&pageSize=20')).statusCode).toBe(200);
    expect((await org.admin.get('/api/v1/forum/topics?page=101&pageSize=100')).statusCode).toBe(400);

    const topicId = await startTopic(org.admin, categoryId);
    expectProblem(await org.admin.get(`/api/v1/forum/topics/${topicId}/posts?page=10001`), 400, 'VALIDATION_FAILED');
    expectProblem(await org.admin.get('/api/v1/forum/search?q=pump&page=1000&pageSize=100'), 400, 'VALIDATION_FAILED');
  });

  it('refuses a cursor that is not one (400 naming cursor)', async () => {
    for (const cursor of ['%%%', 'bm90IGpzb24', 'WzEsMl0']) {
      const response = await org.admin.get(`/api/v1/forum/topics?cursor=${cursor}`);
      const problem = expectProblem(response, 400, 'VALIDATION_FAILED');
      expect(problem.errors?.map((error) => error.path)).toContain('cursor');
    }
  });
});

describe('topic lists by cursor', () => {
  it('walks every topic of a category exactly once, in the order of the pages, for each sort', async () => {
    const walked = await createCategory(t.database.db);
    const ids: string[] = [];
    for (let i = 0; i < 23; i += 1) ids.push(await startTopic(org.admin, walked, { title: `Gasket test ${i}` }));
    // Ties in every sort column: the id breaks them.
    await execute(t.database.db, sql`update forum_topics set views_count = 7, last_activity_at = now() where category_id = ${walked}`);
    await execute(t.database.db, sql`update forum_topics set pinned = true where id = ${ids[5]!}`);

    for (const sort of ['activity', 'newest', 'views', 'likes', 'replies']) {
      const base = `/api/v1/forum/topics?categoryId=${walked}&sort=${sort}&pageSize=5`;
      const paged: Listed[] = [];
      for (let page = 1; page <= 5; page += 1) paged.push(...(await getJson<PageOf<Listed>>(org.admin, `${base}&page=${page}`)).items);
      const byCursor = await walk<Listed>(org.admin, (cursor) => (cursor ? `${base}&cursor=${cursor}` : base));
      expect(byCursor.map((topic) => topic.id)).toEqual(paged.map((topic) => topic.id));
      expect(new Set(byCursor.map((topic) => topic.id)).size).toBe(23);
      expect(byCursor[0]!.id).toBe(ids[5]);
    }
  });

  it('answers the page envelope as before, with nextCursor null on the last page', async () => {
    const small = await createCategory(t.database.db);
    await startTopic(org.admin, small);
    const page = await getJson<PageOf<Listed> & { page: number; totalPages: number }>(
      org.admin,
      `/api/v1/forum/topics?categoryId=${small}`,
    );
    expect(page).toMatchObject({ total: 1, page: 1, totalPages: 1, hasNext: false, nextCursor: null });
  });
});

describe('a thread with a long branch', () => {
  let topicId: string;
  let rootId: string;
  const replyIds: string[] = [];
  beforeAll(async () => {
    topicId = await startTopic(org.admin, categoryId, { title: 'Fifty answers to one question' });
    rootId = await reply(org.admin, topicId, 'Which gasket material for 180 °C steam?');
    // 50 replies beneath one top-level post: every third answers the previous reply (depth 2).
    for (let i = 0; i < 50; i += 1) {
      const parent = i % 3 === 2 ? replyIds[i - 1]! : rootId;
      replyIds.push(await reply(org.admin, topicId, `Answer ${i}`, parent));
    }
    await reply(org.admin, topicId, 'A second question, without replies');
  });

  it('shows the first replies of the branch and counts the rest', async () => {
    const thread = await getJson<PageOf<Post>>(org.admin, `/api/v1/forum/topics/${topicId}/posts`);
    expect(thread.total).toBe(2);
    const root = thread.items.find((post) => post.id === rootId)!;
    const shown = thread.items.filter((post) => post.parentPostId !== null);
    expect(shown).toHaveLength(FORUM_BRANCH_REPLIES);
    expect(shown.map((post) => post.id).sort()).toEqual(replyIds.slice(0, FORUM_BRANCH_REPLIES).sort());
    expect(root.moreReplies).toBe(50 - FORUM_BRANCH_REPLIES);
    expect(root.repliesCursor).toEqual(expect.any(String));
    const second = thread.items.find((post) => post.parentPostId === null && post.id !== rootId)!;
    expect(second).toMatchObject({ moreReplies: 0, repliesCursor: null });
    // Reading order: each shown reply after its parent.
    const position = new Map(thread.items.map((post, index) => [post.id, index]));
    for (const post of shown) expect(position.get(post.id)!).toBeGreaterThan(position.get(post.parentPostId!)!);
  });

  it('walks the rest of the branch from the thread’s cursor, and all 50 from the start, each exactly once', async () => {
    const thread = await getJson<PageOf<Post>>(org.admin, `/api/v1/forum/topics/${topicId}/posts`);
    const root = thread.items.find((post) => post.id === rootId)!;
    const replies = (cursor: string | null) => `/api/v1/forum/posts/${rootId}/replies?pageSize=7${cursor ? `&cursor=${cursor}` : ''}`;

    let first = true;
    const rest = await walk<Post>(org.admin, (cursor) => {
      const url = replies(first ? root.repliesCursor! : cursor);
      first = false;
      return url;
    });
    expect(rest.map((post) => post.id).sort()).toEqual(replyIds.slice(FORUM_BRANCH_REPLIES).sort());

    const all = await walk<Post>(org.admin, replies);
    expect(all).toHaveLength(50);
    expect(new Set(all.map((post) => post.id))).toEqual(new Set(replyIds));
  });

  it('walks the replies beneath a reply (its descendants only)', async () => {
    const parent = replyIds[1]!; // answered by replyIds[2]
    const beneath = await walk<Post>(org.admin, (cursor) => `/api/v1/forum/posts/${parent}/replies${cursor ? `?cursor=${cursor}` : ''}`);
    expect(beneath.map((post) => post.id)).toEqual([replyIds[2]]);
  });

  it('walks the top-level posts by cursor', async () => {
    const base = `/api/v1/forum/topics/${topicId}/posts?pageSize=1`;
    const roots = await walk<Post>(org.admin, (cursor) => (cursor ? `${base}&cursor=${cursor}` : base));
    expect(roots.filter((post) => post.parentPostId === null)).toHaveLength(2);
  });
});
