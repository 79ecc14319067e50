import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execute } from '../../src/platform/db.js';
import type { TestContext } from '../helpers/app.js';
import { createTestApp, expectProblem } from '../helpers/app.js';
import { insertMember } from '../helpers/people.js';
import { createOrganization, type OrganizationFixture } from '../invitations/factories.js';
import { createCategory, reply, setPlatformRole, startTopic } from './factories.js';

let t: TestContext;
let org: OrganizationFixture;
let other: OrganizationFixture;
let categoryId: string;
let privateCategoryId: string;
const ids: Record<string, string> = {};

type Hit = {
  kind: string;
  topicId: string;
  postId: string | null;
  title: { text: string; mark: boolean }[];
  excerpt: { text: string; mark: boolean }[];
  likesCount: number;
};

beforeAll(async () => {
  t = await createTestApp();
  org = await createOrganization(t.app, 'Dammam Pumps');
  other = await createOrganization(t.app, 'Jeddah Foods');
  categoryId = await createCategory(t.database.db, { nameEn: 'Maintenance' });
  privateCategoryId = await createCategory(t.database.db, { organizationId: other.organizationId, nameEn: 'Jeddah internal' });
  ids.arabic = await startTopic(org.admin, categoryId, {
    title: 'جدول صيانة المضخات',
    body: 'نحتاج إلى جدول صيانة وقائية للمضخات في المصنع.',
  });
  ids.english = await startTopic(org.admin, categoryId, {
    title: 'Compressor maintenance schedule',
    body: 'How often do you service screw compressors?',
  });
  ids.mixed = await startTopic(other.admin, categoryId, {
    title: 'Vibration analysis للمحركات',
    body: 'We measure vibration on motors weekly.',
  });
  ids.post = await reply(other.admin, ids.english, 'We service the **compressors** every 2,000 running hours.');
  ids.secret = await startTopic(other.admin, privateCategoryId, {
    title: 'Confidential compressor budget',
    body: 'Internal compressor numbers.',
  });
});
afterAll(() => t.close());

async function search(query: string, client = org.admin): Promise<{ items: Hit[]; total: number; tookMs: number }> {
  const response = await client.get(`/api/v1/forum/search?${query}`);
  expect(response.statusCode).toBe(200);
  return response.json();
}

const marked = (parts: { text: string; mark: boolean }[]) => parts.filter((p) => p.mark).map((p) => p.text);

describe('forum search', () => {
  it('finds Arabic with other letter variants, diacritics and tatweel, highlighting the original words', async () => {
    for (const q of ['صيانه المضخه', 'صِيَانَة', 'صيـــانة', 'مضخة']) {
      const { items } = await search(`q=${encodeURIComponent(q)}&scope=topics`);
      expect(
        items.map((i) => i.topicId),
        q,
      ).toContain(ids.arabic);
    }
    const hit = (await search(`q=${encodeURIComponent('صيانه')}&scope=topics`)).items.find((i) => i.topicId === ids.arabic)!;
    expect(marked(hit.title)).toEqual(['صيانة']);
    expect(hit.title.map((p) => p.text).join('')).toBe('جدول صيانة المضخات');
  });

  it('finds English by its stem and mixed text by either language', async () => {
    const { items } = await search('q=compressors&scope=topics');
    expect(items.map((i) => i.topicId)).toEqual([ids.english]);
    expect((await search(`q=${encodeURIComponent('المحركات')}`)).items.map((i) => i.topicId)).toContain(ids.mixed);
    expect((await search('q=vibrations')).items.map((i) => i.topicId)).toContain(ids.mixed);
  });

  it('searches posts too, ranks titles above bodies, and scopes', async () => {
    const all = await search('q=compressor');
    expect(all.items.map((i) => [i.kind, i.postId ?? i.topicId])).toEqual([
      ['topic', ids.english],
      ['post', ids.post],
    ]);
    expect(marked(all.items[1]!.excerpt)).toEqual(['compressors']);
    expect(all.total).toBe(2);
    expect(typeof all.tookMs).toBe('number');
    expect((await search('q=compressor&scope=posts')).items.map((i) => i.postId)).toEqual([ids.post]);
    expect((await search(`q=compressor&authorId=${other.adminId}`)).items.map((i) => i.postId)).toEqual([ids.post]);
    expect((await search('q=compressor&from=2000-01-01&to=2000-01-02')).total).toBe(0);
  });

  it('never returns what the reader may not see: a private category is found by its organization only', async () => {
    expect((await search('q=confidential')).total).toBe(0);
    expect((await search('q=confidential', other.admin)).items.map((i) => i.topicId)).toEqual([ids.secret]);
    expect((await org.admin.get('/api/v1/forum/search/suggestions?q=confidental')).json().items).toEqual([]);
  });

  it('sorts by likes and by date', async () => {
    await other.admin.post(`/api/v1/forum/posts/${ids.post}/like`);
    const byLikes = await search('q=compressor&sort=likes');
    expect(byLikes.items[0]).toMatchObject({ postId: ids.post, likesCount: 1 });
    const byDate = await search('q=compressor&sort=date');
    expect(byDate.items[0]!.postId).toBe(ids.post);
  });

  it('refuses an empty query with the field named', async () => {
    const response = await org.admin.get('/api/v1/forum/search?q=');
    expectProblem(response, 400, 'VALIDATION_FAILED');
    expect(response.json().errors[0].path).toBe('q');
  });

  it('suggests titles while typing, tolerating a typo and a letter variant', async () => {
    const typo = (await org.admin.get('/api/v1/forum/search/suggestions?q=compresor')).json().items as {
      kind: string;
      text: string;
      topicId: string;
    }[];
    expect(typo[0]).toMatchObject({ kind: 'topic', topicId: ids.english });
    const arabic = (await org.admin.get(`/api/v1/forum/search/suggestions?q=${encodeURIComponent('صيانه')}`)).json().items as {
      topicId: string;
    }[];
    expect(arabic.map((s) => s.topicId)).toContain(ids.arabic);
    // Completing words as they are typed: every typed word starts a title word.
    for (const q of ['Compres', 'compressor sched', 'جدول صيا', 'vib']) {
      const items = (await org.admin.get(`/api/v1/forum/search/suggestions?q=${encodeURIComponent(q)}`)).json().items as { kind: string }[];
      expect(items.filter((item) => item.kind === 'topic').length, q).toBe(1);
    }
    const partial = (await org.admin.get('/api/v1/forum/search/suggestions?q=compressor%20sched')).json().items;
    expect(partial.find((item: { kind: string }) => item.kind === 'topic')).toMatchObject({
      kind: 'topic',
      topicId: ids.english,
      text: 'Compressor maintenance schedule',
    });
    expect((await org.admin.get('/api/v1/forum/search/suggestions?q=budget')).json().items).toEqual([]);
  });

  it('answers words that fold to nothing (tatweel, harakat, punctuation) with nothing, and mixed text as usual', async () => {
    for (const q of ['ـــ', 'ـ ـ ـ', '\u064E\u064F\u0650\u0651', '?!… ،؛', 'ـ َ !']) {
      const suggestions = await org.admin.get(`/api/v1/forum/search/suggestions?q=${encodeURIComponent(q)}`);
      expect(suggestions.statusCode, q).toBe(200);
      expect(suggestions.json().items, q).toEqual([]);
      const found = await search(`q=${encodeURIComponent(q)}`);
      expect(found.total, q).toBe(0);
    }
    for (const q of ['صيـــانة', 'صِيَانَة ـــ', 'ـ جدول !']) {
      const suggestions = (await org.admin.get(`/api/v1/forum/search/suggestions?q=${encodeURIComponent(q)}`)).json().items as {
        topicId: string;
      }[];
      expect(
        suggestions.map((s) => s.topicId),
        q,
      ).toContain(ids.arabic);
      expect(
        (await search(`q=${encodeURIComponent(q)}`)).items.map((i) => i.topicId),
        q,
      ).toContain(ids.arabic);
    }
  });

  it('trends only terms searched by 3 people of 2 organizations that match public content; suggests no logged searches', async () => {
    await execute(t.database.db, sql`delete from forum_search_log`);
    const [colleague, secondColleague] = [
      await insertMember(t.app, t.database.db, org.organizationId),
      await insertMember(t.app, t.database.db, org.organizationId),
    ];
    // Three people of two companies, public content: trends.
    for (const client of [org.admin, colleague.client, other.admin]) await search('q=Compressor', client);
    await search('q=compressor');
    // Three people of one company: that company's words stay its own.
    for (const client of [org.admin, colleague.client, secondColleague.client]) await search('q=maintenance', client);
    // One person, however often.
    for (let i = 0; i < 3; i += 1) await search('q=vibration', other.admin);
    // Three people of two companies, but the word finds only a private category.
    const logged = (term: string, [userId, organizationId]: [string, string], ago = '0 days') =>
      execute(
        t.database.db,
        sql`insert into forum_search_log (term, user_id, organization_id, results_count, created_at)
            values (${term}, ${userId}, ${organizationId}, 1, now() - ${ago}::interval)`,
      );
    const people: [string, string][] = [
      [org.adminId, org.organizationId],
      [colleague.id, org.organizationId],
      [other.adminId, other.organizationId],
    ];
    for (const person of people) await logged('budget', person);
    // Three days ago: in the week, not in the day.
    for (const person of people) await logged('schedule', person, '3 days');

    const day = (await org.admin.get('/api/v1/forum/search/trending?period=day')).json();
    expect(day).toEqual({ period: 'day', items: [{ term: 'compressor', count: 3 }] });
    const week = (await other.admin.get('/api/v1/forum/search/trending?period=week')).json();
    expect(week.items).toEqual([
      { term: 'compressor', count: 3 },
      { term: 'schedule', count: 3 },
    ]);
    // Suggestions come from titles the reader may see, never from the log.
    for (const q of ['comp', 'budg', 'maint', 'vib']) {
      const items = (await other.admin.get(`/api/v1/forum/search/suggestions?q=${q}`)).json().items as { kind: string }[];
      expect(
        items.filter((item) => item.kind === 'term'),
        q,
      ).toEqual([]);
    }
    expect((await org.admin.get('/api/v1/forum/search/suggestions?q=budg')).json().items).toEqual([]);
  });
});

describe('categories and statistics', () => {
  it('lists categories with counts and latest activity; private ones to their organization and moderators only', async () => {
    const mine = (await org.admin.get('/api/v1/forum/categories')).json().items as {
      id: string;
      topicsCount: number;
      postsCount: number;
      lastActivityAt: string | null;
    }[];
    expect(mine.map((c) => c.id)).not.toContain(privateCategoryId);
    expect(mine.find((c) => c.id === categoryId)).toMatchObject({ topicsCount: 3, postsCount: 1 });
    expect((await other.admin.get('/api/v1/forum/categories')).json().items.map((c: { id: string }) => c.id)).toContain(privateCategoryId);
    const moderator = await createOrganization(t.app, 'Staff');
    await setPlatformRole(t.database.db, moderator.adminId, 'moderator');
    expect((await moderator.admin.get('/api/v1/forum/categories')).json().items.map((c: { id: string }) => c.id)).toContain(
      privateCategoryId,
    );
    // Topics of a private category stay out of other organizations' lists.
    expect((await org.admin.get('/api/v1/forum/topics?pageSize=100')).json().items.map((i: { id: string }) => i.id)).not.toContain(
      ids.secret,
    );
  });

  it('lets a superadmin create and edit categories, and nobody else', async () => {
    const body = { slug: 'energy-efficiency', nameEn: 'Energy efficiency', nameAr: 'كفاءة الطاقة' };
    expectProblem(await org.admin.post('/api/v1/forum/categories', body), 403, 'FORBIDDEN');
    const admin = await createOrganization(t.app, 'Platform');
    await setPlatformRole(t.database.db, admin.adminId, 'superadmin');
    const created = await admin.admin.post('/api/v1/forum/categories', body);
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ ...body, topicsCount: 0, organizationId: null });
    const duplicate = await admin.admin.post('/api/v1/forum/categories', body);
    expectProblem(duplicate, 400, 'VALIDATION_FAILED');
    expect(duplicate.json().errors[0].path).toBe('slug');
    const badSlug = await admin.admin.post('/api/v1/forum/categories', { ...body, slug: 'Not A Slug' });
    expect(badSlug.json().errors[0].path).toBe('slug');
    const edited = await admin.admin.request({
      method: 'PATCH',
      url: `/api/v1/forum/categories/${created.json().id}`,
      body: { nameAr: 'الطاقة' },
    });
    expect(edited.json().nameAr).toBe('الطاقة');
  });

  it('counts topics, replies, active people and the solved share over what the reader sees', async () => {
    const fresh = await createTestApp();
    try {
      const a = await createOrganization(fresh.app, 'Alpha Steel');
      const b = await createOrganization(fresh.app, 'Beta Cement');
      const publicCategory = await createCategory(fresh.database.db);
      const privateCategory = await createCategory(fresh.database.db, { organizationId: b.organizationId });
      const one = await startTopic(a.admin, publicCategory);
      await startTopic(a.admin, publicCategory);
      await startTopic(b.admin, privateCategory);
      const answer = await reply(b.admin, one, 'answer');
      await reply(a.admin, one, 'thanks');
      await a.admin.post(`/api/v1/forum/posts/${answer}/best-answer`);
      expect((await a.admin.get('/api/v1/forum/stats')).json()).toEqual({
        topics: 2,
        posts: 2,
        activeMembers: 2,
        solvedTopics: 1,
        solvedShare: 0.5,
      });
      expect((await b.admin.get('/api/v1/forum/stats')).json()).toMatchObject({ topics: 3, posts: 2, solvedTopics: 1 });
    } finally {
      await fresh.close();
    }
  });
});

describe('mention candidates', () => {
  it('finds active people by the start of a name, across organizations', async () => {
    const { signUp } = await import('../helpers/app.js');
    const { client } = await signUp(t.app, { firstName: 'Zainab', lastName: 'Qahtani', organizationName: 'Abha Dates' });
    const me = (await client.get('/api/v1/users/me')).json();
    for (const q of ['zai', 'Qaht', 'zainab q']) {
      const items = (await org.admin.get(`/api/v1/forum/people?q=${encodeURIComponent(q)}`)).json().items;
      expect(items, q).toEqual([{ id: me.id, name: 'Zainab Qahtani', jobTitle: null, avatarUrl: null, organizationName: 'Abha Dates' }]);
    }
    expect((await org.admin.get('/api/v1/forum/people?q=ainab')).json().items).toEqual([]);
    expectProblem(await org.admin.get('/api/v1/forum/people?q='), 400, 'VALIDATION_FAILED');
  });
});
