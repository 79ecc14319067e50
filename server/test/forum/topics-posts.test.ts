import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { execute, queryRows } from '../../src/platform/db.js';
import { col, row } from '../../src/platform/rows.js';
import type { TestContext } from '../helpers/app.js';
import { createTestApp, expectProblem, TestClient } from '../helpers/app.js';
import { createOrganization, type OrganizationFixture } from '../invitations/factories.js';
import { createCategory, reply, setPlatformRole, startTopic } from './factories.js';

let t: TestContext;
let org: OrganizationFixture;
let other: OrganizationFixture;
let categoryId: string;
beforeAll(async () => {
  t = await createTestApp();
  org = await createOrganization(t.app, 'Eastern Pumps');
  other = await createOrganization(t.app, 'Yanbu Plastics');
  categoryId = await createCategory(t.database.db);
});
afterAll(() => t.close());

const countersRow = row({ posts_count: col.integer, likes_count: col.integer, views_count: col.integer, best_post_id: col.textOrNull });
const countRow = row({ n: col.bigint });
const mentionRow = row({ mentioned_user_id: col.text });

/** Another signed-in person (each in an organization of their own, so trial seat limits never bite). */
async function person(): Promise<{ client: TestClient; id: string }> {
  const fixture = await createOrganization(t.app, 'Riyadh Cables');
  return { client: fixture.admin, id: fixture.adminId };
}

type Post = {
  id: string;
  parentPostId: string | null;
  depth: number;
  deleted: boolean;
  body: string;
  author: { id: string } | null;
  isBestAnswer: boolean;
};

async function thread(client: TestClient, topicId: string, query = ''): Promise<{ items: Post[]; total: number }> {
  const response = await client.get(`/api/v1/forum/topics/${topicId}/posts${query}`);
  expect(response.statusCode).toBe(200);
  return response.json();
}

async function topicRow(topicId: string) {
  const [row] = await queryRows(
    t.database.db,
    countersRow,
    sql`select posts_count, likes_count, views_count, best_post_id from forum_topics where id = ${topicId}`,
  );
  return { posts: Number(row!.posts_count), likes: Number(row!.likes_count), views: Number(row!.views_count), best: row!.best_post_id };
}

describe('topics', () => {
  it('starts a topic that every organization reads, with the author, company and rendered Markdown', async () => {
    const topicId = await startTopic(org.admin, categoryId, {
      title: 'Seal failures on centrifugal pumps',
      body: '**Mechanical seals** fail after 3 months.\n\n- pump A\n- pump B',
    });
    const response = await other.admin.get(`/api/v1/forum/topics/${topicId}`);
    expect(response.statusCode).toBe(200);
    const topic = response.json();
    expect(topic).toMatchObject({
      title: 'Seal failures on centrifugal pumps',
      categoryId,
      solved: false,
      pinned: false,
      locked: false,
      postsCount: 0,
      likedByMe: false,
    });
    expect(topic.author).toMatchObject({
      id: org.adminId,
      organization: { id: org.organizationId, name: 'Eastern Pumps' },
      formerMember: false,
    });
    expect(topic.bodyHtml).toContain('<strong>Mechanical seals</strong>');
    expect(topic.bodyHtml).toContain('<li>pump A</li>');
    expect(topic.excerpt).toBe('Mechanical seals fail after 3 months. pump A pump B');
    expect(topic.can).toEqual({ edit: false, delete: false, moderate: false, markBestAnswer: false, reply: true });
    expect((await org.admin.get(`/api/v1/forum/topics/${topicId}`)).json().can).toMatchObject({
      edit: true,
      delete: true,
      markBestAnswer: true,
    });
  });

  it('refuses bad input with the field named, and an unknown category as a field error', async () => {
    const short = await org.admin.post('/api/v1/forum/topics', { categoryId, title: 'Hi', body: '' });
    expectProblem(short, 400, 'VALIDATION_FAILED');
    expect(
      short
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['body', 'title']);
    const unknown = await org.admin.post('/api/v1/forum/topics', {
      categoryId: '00000000-0000-4000-8000-000000000000',
      title: 'A real title',
      body: 'text',
    });
    expectProblem(unknown, 400, 'VALIDATION_FAILED');
    expect(unknown.json().errors[0].path).toBe('categoryId');
    expectProblem(await org.admin.get('/api/v1/forum/topics/not-a-uuid'), 404, 'NOT_FOUND');
  });

  it('is for signed-in users only', async () => {
    const guest = new TestClient(t.app);
    expectProblem(await guest.get('/api/v1/forum/topics'), 401, 'UNAUTHENTICATED');
    expectProblem(await guest.get('/api/v1/forum/categories'), 401, 'UNAUTHENTICATED');
    expectProblem(await guest.get('/api/v1/forum/search?q=pump'), 401, 'UNAUTHENTICATED');
  });

  it('lists pinned first, filters and sorts', async () => {
    const category = await createCategory(t.database.db);
    const first = await startTopic(org.admin, category, { title: 'First topic of the list' });
    const second = await startTopic(other.admin, category, { title: 'Second topic of the list' });
    const third = await startTopic(org.admin, category, { title: 'Third topic of the list' });
    await reply(other.admin, first, 'bump');
    const moderator = await person();
    await setPlatformRole(t.database.db, moderator.id, 'moderator');
    expect((await moderator.client.post(`/api/v1/forum/topics/${second}/pin`)).json().pinned).toBe(true);

    const ids = async (query: string) =>
      ((await org.admin.get(`/api/v1/forum/topics?categoryId=${category}${query}`)).json().items as { id: string }[]).map((i) => i.id);
    expect(await ids('')).toEqual([second, first, third]);
    expect(await ids('&sort=newest')).toEqual([second, third, first]);
    expect(await ids('&sort=replies')).toEqual([second, first, third]);
    expect(await ids(`&authorId=${org.adminId}`)).toEqual([first, third]);
    expect(await ids('&pinned=false')).toEqual([first, third]);
    expect(await ids('&solved=true')).toEqual([]);
    expect(await ids('&from=2000-01-01&to=2000-12-31')).toEqual([]);
    const page = (await org.admin.get(`/api/v1/forum/topics?categoryId=${category}&pageSize=2&page=2`)).json();
    expect(page).toMatchObject({ total: 3, page: 2, pageSize: 2, totalPages: 2, hasNext: false, hasPrevious: true });
    expect(page.items.map((i: { id: string }) => i.id)).toEqual([third]);
    expect((await org.admin.get(`/api/v1/forum/topics?categoryId=${category}&page=9`)).json()).toMatchObject({
      items: [],
      total: 3,
      page: 9,
    });
    expect((await org.admin.get(`/api/v1/forum/topics?categoryId=${category}&authorId=${org.adminId}&page=9`)).json()).toMatchObject({
      items: [],
      total: 2,
    });
    expectProblem(await org.admin.get('/api/v1/forum/topics?sort=loudest'), 400, 'VALIDATION_FAILED');
  });

  it("keeps each category's topic count exact as topics are started, moved and deleted, and lists report it as the total", async () => {
    const from = await createCategory(t.database.db);
    const to = await createCategory(t.database.db);
    const count = async (category: string) =>
      (await org.admin.get('/api/v1/forum/categories')).json().items.find((c: { id: string }) => c.id === category).topicsCount as number;
    const created = await Promise.all(Array.from({ length: 6 }, (_, i) => startTopic(i % 2 ? org.admin : other.admin, from)));
    expect(await count(from)).toBe(6);
    await org.admin.put(`/api/v1/forum/topics/${created[1]}`, { categoryId: to, title: 'Moved to another category', body: 'moved' });
    await org.admin.put(`/api/v1/forum/topics/${created[1]}`, { categoryId: to, title: 'Edited where it is', body: 'again' });
    await other.admin.delete(`/api/v1/forum/topics/${created[0]}`);
    expect([await count(from), await count(to)]).toEqual([4, 1]);
    expect((await org.admin.get(`/api/v1/forum/topics?categoryId=${from}`)).json()).toMatchObject({ total: 4 });
    expect((await org.admin.get(`/api/v1/forum/topics?categoryId=${from}&authorId=${org.adminId}`)).json()).toMatchObject({ total: 2 });
    const everything = (await org.admin.get('/api/v1/forum/topics')).json().total as number;
    const [visible] = await queryRows(
      t.database.db,
      countRow,
      sql`select count(*) as n from forum_topics t join forum_categories c on c.id = t.category_id where t.deleted_at is null and c.organization_id is null`,
    );
    expect(everything).toBe(Number(visible!.n));
  });

  it('counts a view once per reader per hour, exactly under 50 concurrent opens', async () => {
    const topicId = await startTopic(org.admin, categoryId);
    const readers = await Promise.all(Array.from({ length: 5 }, () => person()));
    await Promise.all(readers.flatMap((r) => Array.from({ length: 10 }, () => r.client.get(`/api/v1/forum/topics/${topicId}`))));
    expect((await topicRow(topicId)).views).toBe(5);
    await execute(
      t.database.db,
      sql`update forum_topic_views set viewed_at = now() - interval '61 minutes' where topic_id = ${topicId} and user_id = ${readers[0]!.id}`,
    );
    const again = await readers[0]!.client.get(`/api/v1/forum/topics/${topicId}`);
    expect(again.json().viewsCount).toBe(6);
    expect((await readers[0]!.client.get(`/api/v1/forum/topics/${topicId}`)).json().viewsCount).toBe(6);
  });

  it('keeps like counts exact under 50 concurrent toggles', async () => {
    const topicId = await startTopic(org.admin, categoryId);
    const likers = await Promise.all(Array.from({ length: 10 }, () => person()));
    // Each of 10 people toggles 5 times at once: an odd number of toggles leaves each one liking it.
    const results = await Promise.all(
      likers.flatMap((l) => Array.from({ length: 5 }, () => l.client.post(`/api/v1/forum/topics/${topicId}/like`))),
    );
    expect(results.every((r) => r.statusCode === 200)).toBe(true);
    expect((await topicRow(topicId)).likes).toBe(10);
    const [rows] = await queryRows(t.database.db, countRow, sql`select count(*) as n from forum_topic_likes where topic_id = ${topicId}`);
    expect(Number(rows!.n)).toBe(10);
    const toggled = await likers[0]!.client.post(`/api/v1/forum/topics/${topicId}/like`);
    expect(toggled.json()).toEqual({ liked: false, likesCount: 9 });
    expect((await likers[1]!.client.get(`/api/v1/forum/topics/${topicId}`)).json().likedByMe).toBe(true);
  });

  it('edits and deletes: author yes, another organization 403, deleted topics 404', async () => {
    const topicId = await startTopic(org.admin, categoryId);
    const body = { categoryId, title: 'Updated: vibration on the cooling pump', body: 'Solved by *realignment*.' };
    expectProblem(await other.admin.put(`/api/v1/forum/topics/${topicId}`, body), 403, 'FORBIDDEN');
    const updated = await org.admin.put(`/api/v1/forum/topics/${topicId}`, body);
    expect(updated.statusCode).toBe(200);
    expect(updated.json()).toMatchObject({ title: body.title, bodyHtml: '<p>Solved by <em>realignment</em>.</p>\n' });
    expect(updated.json().editedAt).not.toBeNull();
    expectProblem(await other.admin.delete(`/api/v1/forum/topics/${topicId}`), 403, 'FORBIDDEN');
    expect((await org.admin.delete(`/api/v1/forum/topics/${topicId}`)).statusCode).toBe(204);
    expectProblem(await org.admin.get(`/api/v1/forum/topics/${topicId}`), 404, 'NOT_FOUND');
    expectProblem(await org.admin.post(`/api/v1/forum/topics/${topicId}/posts`, { body: 'late' }), 404, 'NOT_FOUND');
  });

  it('moderators pin and lock; a locked topic takes no replies; members cannot moderate', async () => {
    const topicId = await startTopic(org.admin, categoryId);
    expectProblem(await org.admin.post(`/api/v1/forum/topics/${topicId}/lock`), 403, 'FORBIDDEN');
    const moderator = await person();
    await setPlatformRole(t.database.db, moderator.id, 'moderator');
    const locked = await moderator.client.post(`/api/v1/forum/topics/${topicId}/lock`);
    expect(locked.json()).toMatchObject({ locked: true, can: { moderate: true, reply: false } });
    expectProblem(await org.admin.post(`/api/v1/forum/topics/${topicId}/posts`, { body: 'Anyone?' }), 409, 'TOPIC_LOCKED');
    expect((await topicRow(topicId)).posts).toBe(0);
    await moderator.client.post(`/api/v1/forum/topics/${topicId}/unlock`);
    expect((await org.admin.post(`/api/v1/forum/topics/${topicId}/posts`, { body: 'Anyone?' })).statusCode).toBe(201);
  });
});

describe('threads', () => {
  it('nests replies to any depth, flat in reading order, oldest first', async () => {
    const topicId = await startTopic(org.admin, categoryId);
    const a = await reply(other.admin, topicId, 'A');
    const b = await reply(org.admin, topicId, 'B');
    const a1 = await reply(org.admin, topicId, 'A1', a);
    const a1x = await reply(other.admin, topicId, 'A1x', a1);
    const a2 = await reply(other.admin, topicId, 'A2', a);
    const b1 = await reply(other.admin, topicId, 'B1', b);
    let parent = a1x;
    const deep: string[] = [];
    for (let depth = 3; depth < 8; depth += 1) {
      parent = await reply(org.admin, topicId, `deep ${depth}`, parent);
      deep.push(parent);
    }
    const { items, total } = await thread(org.admin, topicId);
    expect(total).toBe(2);
    expect(items.map((p) => p.id)).toEqual([a, a1, a1x, ...deep, a2, b, b1]);
    expect(items.map((p) => p.depth)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 1, 0, 1]);
    expect(items.find((p) => p.id === a2)!.parentPostId).toBe(a);
    expect((await topicRow(topicId)).posts).toBe(11);

    const paged = await thread(org.admin, topicId, '?pageSize=1&page=2');
    expect(paged.items.map((p) => p.id)).toEqual([b, b1]);
    const replies = (await org.admin.get(`/api/v1/forum/posts/${a1}/replies`)).json().items as Post[];
    expect(replies.map((p) => p.id)).toEqual([a1x, ...deep]);
  });

  it('refuses a parent from another topic as a field error', async () => {
    const one = await startTopic(org.admin, categoryId);
    const two = await startTopic(org.admin, categoryId);
    const post = await reply(org.admin, one);
    const response = await org.admin.post(`/api/v1/forum/topics/${two}/posts`, { body: 'x', parentPostId: post });
    expectProblem(response, 400, 'VALIDATION_FAILED');
    expect(response.json().errors[0].path).toBe('parentPostId');
    expect((await topicRow(two)).posts).toBe(0);
  });

  it('keeps deleted posts with replies as tombstones and removes those without', async () => {
    const topicId = await startTopic(org.admin, categoryId);
    const a = await reply(other.admin, topicId, 'A');
    const a1 = await reply(org.admin, topicId, 'A1', a);
    const b = await reply(other.admin, topicId, 'B');
    expect((await other.admin.delete(`/api/v1/forum/posts/${a}`)).statusCode).toBe(204);
    let items = (await thread(org.admin, topicId)).items;
    expect(items.map((p) => [p.id, p.deleted])).toEqual([
      [a, true],
      [a1, false],
      [b, false],
    ]);
    expect(items[0]).toMatchObject({ author: null, body: '' });
    expect((await topicRow(topicId)).posts).toBe(2);
    expectProblem(await other.admin.put(`/api/v1/forum/posts/${a}`, { body: 'back' }), 404, 'NOT_FOUND');
    expectProblem(
      await org.admin.post(`/api/v1/forum/topics/${topicId}/posts`, { body: 'to a tombstone', parentPostId: a }),
      400,
      'VALIDATION_FAILED',
    );
    // The last reply under the tombstone goes: the tombstone has nothing left to hold and goes too.
    expect((await org.admin.delete(`/api/v1/forum/posts/${a1}`)).statusCode).toBe(204);
    items = (await thread(org.admin, topicId)).items;
    expect(items.map((p) => p.id)).toEqual([b]);
    expect((await topicRow(topicId)).posts).toBe(1);
  });

  it('edits own posts; others get 403; a moderator may', async () => {
    const topicId = await startTopic(org.admin, categoryId);
    const post = await reply(other.admin, topicId, 'Original');
    expectProblem(await org.admin.put(`/api/v1/forum/posts/${post}`, { body: 'Hijacked' }), 403, 'FORBIDDEN');
    const edited = await other.admin.put(`/api/v1/forum/posts/${post}`, { body: 'Edited **once**' });
    expect(edited.json()).toMatchObject({ bodyHtml: '<p>Edited <strong>once</strong></p>\n' });
    expect(edited.json().editedAt).not.toBeNull();
    const moderator = await person();
    await setPlatformRole(t.database.db, moderator.id, 'moderator');
    expect((await moderator.client.put(`/api/v1/forum/posts/${post}`, { body: 'Moderated' })).statusCode).toBe(200);
    expect((await moderator.client.delete(`/api/v1/forum/posts/${post}`)).statusCode).toBe(204);
  });

  it('marks one best answer: topic author or moderator; changes and removes it; the topic shows solved', async () => {
    const topicId = await startTopic(org.admin, categoryId);
    const first = await reply(other.admin, topicId, 'Replace the bearing.');
    const second = await reply(other.admin, topicId, 'Realign the coupling.');
    expectProblem(await other.admin.post(`/api/v1/forum/posts/${first}/best-answer`), 403, 'FORBIDDEN');
    expect((await org.admin.post(`/api/v1/forum/posts/${first}/best-answer`)).json()).toEqual({ topicId, bestPostId: first, solved: true });
    expect((await org.admin.post(`/api/v1/forum/posts/${second}/best-answer`)).json()).toEqual({
      topicId,
      bestPostId: second,
      solved: true,
    });
    const topic = (await org.admin.get(`/api/v1/forum/topics/${topicId}`)).json();
    expect(topic).toMatchObject({
      solved: true,
      bestPostId: second,
      bestAnswer: { postId: second, excerpt: 'Realign the coupling.', author: { id: other.adminId }, position: 1 },
    });
    const items = (await thread(org.admin, topicId)).items;
    expect(items.filter((p) => p.isBestAnswer).map((p) => p.id)).toEqual([second]);
    expect(
      (await org.admin.get(`/api/v1/forum/topics?categoryId=${categoryId}&solved=true`))
        .json()
        .items.some((i: { id: string }) => i.id === topicId),
    ).toBe(true);
    // A nested answer is found through its top-level branch.
    const nested = await reply(org.admin, topicId, 'Nested answer', first);
    await org.admin.post(`/api/v1/forum/posts/${nested}/best-answer`);
    expect((await org.admin.get(`/api/v1/forum/topics/${topicId}`)).json().bestAnswer).toMatchObject({ postId: nested, position: 0 });
    await org.admin.post(`/api/v1/forum/posts/${second}/best-answer`);
    // Removing a mark that is not the current one changes nothing.
    expect((await org.admin.delete(`/api/v1/forum/posts/${first}/best-answer`)).json().bestPostId).toBe(second);
    expect((await org.admin.delete(`/api/v1/forum/posts/${second}/best-answer`)).json()).toEqual({
      topicId,
      bestPostId: null,
      solved: false,
    });
    // Deleting the best answer unmarks it.
    await org.admin.post(`/api/v1/forum/posts/${first}/best-answer`);
    await other.admin.delete(`/api/v1/forum/posts/${first}`);
    expect((await topicRow(topicId)).best).toBeNull();
  });

  it('keeps reply and like counters exact under 50 concurrent requests', async () => {
    const topicId = await startTopic(org.admin, categoryId);
    const parent = await reply(org.admin, topicId, 'parent');
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        (i % 2 ? org.admin : other.admin).post(`/api/v1/forum/topics/${topicId}/posts`, { body: `reply ${i}`, parentPostId: parent }),
      ),
    );
    expect(responses.map((r) => r.statusCode).filter((s) => s !== 201)).toEqual([]);
    expect((await topicRow(topicId)).posts).toBe(51);
    const [parentRow] = await queryRows(
      t.database.db,
      row({ replies_count: col.integer }),
      sql`select replies_count from forum_posts where id = ${parent}`,
    );
    expect(Number(parentRow!.replies_count)).toBe(50);
    const likes = await Promise.all(
      Array.from({ length: 50 }, (_, i) => (i % 2 ? org.admin : other.admin).post(`/api/v1/forum/posts/${parent}/like`)),
    );
    expect(likes.every((r) => r.statusCode === 200)).toBe(true);
    // 25 toggles each: both end liking it.
    const [liked] = await queryRows(
      t.database.db,
      row({ likes_count: col.integer }),
      sql`select likes_count from forum_posts where id = ${parent}`,
    );
    expect(Number(liked!.likes_count)).toBe(2);
  });

  it('loads a thread in the same number of queries whatever its size', async () => {
    const small = await startTopic(org.admin, categoryId);
    await reply(org.admin, small, 'one');
    const large = await startTopic(org.admin, categoryId);
    let parent: string | undefined;
    for (let i = 0; i < 40; i += 1)
      parent = await reply(i % 2 ? org.admin : other.admin, large, `reply ${i}`, i % 3 === 0 ? undefined : parent);
    const client = t.database.pglite ?? t.database.pool!;
    const spy = vi.spyOn(client as { query: (...args: unknown[]) => unknown }, 'query');
    const countQueries = async (topicId: string) => {
      await thread(other.admin, topicId); // warm-up: a session refresh must not count
      spy.mockClear();
      const { items } = await thread(other.admin, topicId, '?pageSize=100');
      return { queries: spy.mock.calls.length, posts: items.length };
    };
    const smallCount = await countQueries(small);
    const largeCount = await countQueries(large);
    spy.mockRestore();
    expect(smallCount.posts).toBe(1);
    expect(largeCount.posts).toBe(40);
    expect(largeCount.queries).toBe(smallCount.queries);
    expect(largeCount.queries).toBeLessThanOrEqual(8);
  });
});

describe('mentions and Markdown safety', () => {
  it('stores mentions of existing people (not the author) and links them', async () => {
    const body = `Thanks @[Other Admin](${other.adminId}) and @[Myself](${org.adminId}) and @[Ghost](00000000-0000-4000-8000-000000000000)`;
    const topicId = await startTopic(org.admin, categoryId, { body });
    const rows = await queryRows(t.database.db, mentionRow, sql`select mentioned_user_id from forum_mentions where topic_id = ${topicId}`);
    expect(rows.map((r) => r.mentioned_user_id)).toEqual([other.adminId]);
    const html = (await org.admin.get(`/api/v1/forum/topics/${topicId}`)).json().bodyHtml as string;
    expect(html).toContain(`<a href="/users/${other.adminId}" class="mention" rel="nofollow noopener">@Other Admin</a>`);
    const post = await reply(other.admin, topicId, `@[Org Admin](${org.adminId}) see above`);
    const postRows = await queryRows(t.database.db, mentionRow, sql`select mentioned_user_id from forum_mentions where post_id = ${post}`);
    expect(postRows.map((r) => r.mentioned_user_id)).toEqual([org.adminId]);
    await other.admin.put(`/api/v1/forum/posts/${post}`, { body: 'no mention now' });
    expect(
      await queryRows(t.database.db, row({ one: col.integer }), sql`select 1 as one from forum_mentions where post_id = ${post}`),
    ).toEqual([]);
  });

  it('renders hostile input inert', async () => {
    const hostile = [
      '<script>alert(1)</script>',
      '<img src=x onerror="alert(1)">',
      '[click](javascript:alert(1))',
      '[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
      '![img](javascript:alert(1))',
      '<a href="https://example.com" onclick="alert(1)">x</a>',
      '[ok](https://example.com/docs)',
    ].join('\n\n');
    const html = (await org.admin.post('/api/v1/forum/preview', { body: hostile })).json().html as string;
    expect(html).not.toMatch(/<script|<img[^>]*onerror|<a[^>]*onclick|href="javascript:|href="data:|src="javascript:/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('<a href="https://example.com/docs" rel="nofollow noopener">ok</a>');
  });
});
