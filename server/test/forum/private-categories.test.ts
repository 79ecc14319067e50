import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, expectProblem, type TestContext } from '../helpers/app.js';
import { insertMember, insertOrganizationWithAdmin, type Person } from '../helpers/people.js';
import type { OrganizationFixture } from '../invitations/factories.js';
import { createCategory, reply, setPlatformRole, startTopic } from './factories.js';

// A private category takes topics and replies from its organization's members only. A platform
// moderator of another company sees it and moderates it (pin, lock, delete), but does not write in it.

let t: TestContext;
let owner: OrganizationFixture;
let colleague: Person;
let moderator: OrganizationFixture;
let privateCategoryId: string;
let publicCategoryId: string;
let topicId: string;
let postId: string;

beforeAll(async () => {
  t = await createTestApp();
  owner = await insertOrganizationWithAdmin(t.app, t.database.db, 'Tabuk Cement');
  colleague = await insertMember(t.app, t.database.db, owner.organizationId);
  moderator = await insertOrganizationWithAdmin(t.app, t.database.db, 'Platform Staff');
  await setPlatformRole(t.database.db, moderator.adminId, 'moderator');
  privateCategoryId = await createCategory(t.database.db, { organizationId: owner.organizationId, nameEn: 'Tabuk internal' });
  publicCategoryId = await createCategory(t.database.db, { nameEn: 'Open floor' });
  topicId = await startTopic(owner.admin, privateCategoryId, { title: 'Kiln shutdown plan', body: 'Internal only.' });
  postId = await reply(colleague.client, topicId, 'Agreed, week 12.');
});
afterAll(() => t.close());

describe('a private category', () => {
  it('takes topics and replies from its organization’s members', async () => {
    expect(await startTopic(colleague.client, privateCategoryId, { title: 'Spare parts list' })).toBeTruthy();
    expect(await reply(owner.admin, topicId, 'Noted.', postId)).toBeTruthy();
  });

  it('refuses a moderator of another company a topic, a reply, a nested reply and an edit', async () => {
    const created = await moderator.admin.post('/api/v1/forum/topics', {
      categoryId: privateCategoryId,
      title: 'Moderator note',
      body: 'x',
    });
    expectProblem(created, 403, 'FORBIDDEN');
    expectProblem(await moderator.admin.post(`/api/v1/forum/topics/${topicId}/posts`, { body: 'Hello' }), 403, 'FORBIDDEN');
    expectProblem(
      await moderator.admin.post(`/api/v1/forum/topics/${topicId}/posts`, { body: 'Hello', parentPostId: postId }),
      403,
      'FORBIDDEN',
    );
    expectProblem(
      await moderator.admin.put(`/api/v1/forum/topics/${topicId}`, { categoryId: privateCategoryId, title: 'Changed title', body: 'x' }),
      403,
      'FORBIDDEN',
    );
    expectProblem(await moderator.admin.put(`/api/v1/forum/posts/${postId}`, { body: 'Changed' }), 403, 'FORBIDDEN');
    // Nothing was written: the topic still has its two replies, under their authors' words.
    const thread = (await owner.admin.get(`/api/v1/forum/topics/${topicId}/posts`)).json().items as { body: string }[];
    expect(thread.map((post) => post.body)).toEqual(['Agreed, week 12.', 'Noted.']);
    const topic = (await owner.admin.get(`/api/v1/forum/topics/${topicId}`)).json();
    expect(topic).toMatchObject({ title: 'Kiln shutdown plan', postsCount: 2 });
  });

  it('refuses a moderator moving a public topic into it', async () => {
    const own = await startTopic(moderator.admin, publicCategoryId, { title: 'Moderator topic' });
    expectProblem(
      await moderator.admin.put(`/api/v1/forum/topics/${own}`, { categoryId: privateCategoryId, title: 'Moderator topic', body: 'x' }),
      403,
      'FORBIDDEN',
    );
  });

  it('shows the moderator no reply or edit, and lets them pin, lock and delete', async () => {
    const seen = (await moderator.admin.get(`/api/v1/forum/topics/${topicId}`)).json();
    expect(seen.can).toMatchObject({ reply: false, edit: false, delete: true, moderate: true });
    const posts = (await moderator.admin.get(`/api/v1/forum/topics/${topicId}/posts`)).json().items as { can: object }[];
    expect(posts[0]!.can).toMatchObject({ reply: false, edit: false, delete: true });
    expect((await owner.admin.get(`/api/v1/forum/topics/${topicId}`)).json().can).toMatchObject({ reply: true, edit: true });
    expect((await moderator.admin.post(`/api/v1/forum/topics/${topicId}/pin`)).json()).toMatchObject({ pinned: true });
    expect((await moderator.admin.post(`/api/v1/forum/topics/${topicId}/lock`)).json()).toMatchObject({ locked: true });
    expect((await moderator.admin.delete(`/api/v1/forum/posts/${postId}`)).statusCode).toBe(204);
    expect((await moderator.admin.delete(`/api/v1/forum/topics/${topicId}`)).statusCode).toBe(204);
  });

  it('still lets the moderator write in public categories and their own organization’s private one', async () => {
    const ownPrivate = await createCategory(t.database.db, { organizationId: moderator.organizationId });
    expect(await startTopic(moderator.admin, ownPrivate, { title: 'Staff notes' })).toBeTruthy();
    const open = await startTopic(owner.admin, publicCategoryId, { title: 'Public question' });
    expect(await reply(moderator.admin, open, 'Moderator answer')).toBeTruthy();
  });
});
