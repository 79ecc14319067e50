import { randomUUID } from 'node:crypto';
import { TIER_LIMITS } from '@p2p/contracts';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { files } from '../../src/modules/files/files.tables.js';
import { invitations } from '../../src/modules/invitations/invitations.tables.js';
import { organizations } from '../../src/modules/organizations/organizations.tables.js';
import { users } from '../../src/modules/users/users.tables.js';
import { queryRows } from '../../src/platform/db.js';
import { col, row } from '../../src/platform/rows.js';
import { TestClient, type TestContext, createTestApp, expectProblem } from '../helpers/app.js';
import { addMember, createOrganization, invite } from '../invitations/factories.js';
import { writeCase } from '../use-cases/factories.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const patchOrg = (client: TestClient, body: object) => client.request({ method: 'PATCH', url: '/api/v1/organizations/me', body });
const setOrg = (id: string, values: Partial<typeof organizations.$inferInsert>) =>
  t.database.db.update(organizations).set(values).where(eq(organizations.id, id));

describe('GET|PATCH /api/v1/organizations/me', () => {
  it('shows my organization to every member; admins edit its profile', async () => {
    const org = await createOrganization(t.app, 'Dammam Electrical Equipment');
    const member = await addMember(t.app, t.database.db, org.admin);
    const mine = await member.client.get('/api/v1/organizations/me');
    expect(mine.statusCode).toBe(200);
    expect(mine.json()).toMatchObject({
      id: org.organizationId,
      name: 'Dammam Electrical Equipment',
      status: 'active',
      subscriptionTier: 'trial',
      logoUrl: null,
      website: null,
    });

    const changes = {
      name: '  Dammam Electrical  ',
      nameAr: 'الدمام للمعدات الكهربائية',
      industry: 'electrical_equipment',
      size: '51-200',
      city: 'Dammam',
      region: 'Eastern Province',
      website: 'https://dammam-electric.example',
      contactEmail: 'info@dammam-electric.example',
      contactPhone: '+966 13 555 0000',
      description: 'Switchgear and transformers',
    };
    const updated = await patchOrg(org.admin, changes);
    expect(updated.statusCode).toBe(200);
    expect(updated.json()).toMatchObject({ ...changes, name: 'Dammam Electrical' });
    expect((await member.client.get('/api/v1/organizations/me')).json().nameAr).toBe('الدمام للمعدات الكهربائية');
    expect((await patchOrg(org.admin, { website: null, description: null })).json()).toMatchObject({
      website: null,
      description: null,
      city: 'Dammam',
    });

    const logoId = randomUUID();
    await setOrg(org.organizationId, { logoFileId: logoId });
    expect((await member.client.get('/api/v1/organizations/me')).json().logoUrl).toBe(`/api/v1/files/${logoId}`);
  });

  it('refuses members, guests, bad values, platform-owned fields and suspended organizations', async () => {
    const org = await createOrganization(t.app);
    const member = await addMember(t.app, t.database.db, org.admin);
    expectProblem(await patchOrg(member.client, { name: 'Taken over' }), 403, 'FORBIDDEN');
    expectProblem(await patchOrg(new TestClient(t.app), { name: 'Taken over' }), 401, 'UNAUTHENTICATED');
    expectProblem(await new TestClient(t.app).get('/api/v1/organizations/me'), 401, 'UNAUTHENTICATED');
    for (const body of [
      { website: 'ftp://example.com' },
      { contactEmail: 'nope' },
      { name: 'x' },
      { industry: 'banking' },
      { status: 'active' },
      { subscriptionTier: 'enterprise' },
    ]) {
      const problem = expectProblem(await patchOrg(org.admin, body), 400, 'VALIDATION_FAILED');
      expect(problem.errors?.length).toBeGreaterThan(0);
    }
    await setOrg(org.organizationId, { status: 'suspended' });
    expectProblem(await patchOrg(org.admin, { city: 'Riyadh' }), 403, 'FORBIDDEN');
    expect((await org.admin.get('/api/v1/organizations/me')).json()).toMatchObject({
      status: 'suspended',
      city: null,
      subscriptionTier: 'trial',
    });
  });
});

describe('GET /api/v1/organizations/me/stats', () => {
  it('counts users by role and status (removed ones left out), pending invitations, files and storage against the tier', async () => {
    const org = await createOrganization(t.app);
    const coAdmin = await addMember(t.app, t.database.db, org.admin, 'admin');
    await addMember(t.app, t.database.db, org.admin);
    const inactive = await addMember(t.app, t.database.db, org.admin);
    const suspended = await addMember(t.app, t.database.db, org.admin);
    const removed = await addMember(t.app, t.database.db, org.admin);
    await org.admin.request({ method: 'PATCH', url: `/api/v1/users/${inactive.id}`, body: { status: 'inactive' } });
    await t.database.db.update(users).set({ status: 'suspended' }).where(eq(users.id, suspended.id));
    expect((await org.admin.delete(`/api/v1/users/${removed.id}`)).statusCode).toBe(204);

    await invite(t.app, t.database.db, org.admin);
    await invite(t.app, t.database.db, org.admin);
    const expired = await invite(t.app, t.database.db, org.admin);
    await t.database.db
      .update(invitations)
      .set({ expiresAt: sql`now() - interval '1 hour'` })
      .where(eq(invitations.id, expired.id));
    const cancelled = await invite(t.app, t.database.db, org.admin);
    await org.admin.post(`/api/v1/invitations/${cancelled.id}/cancel`);

    const file = (deletedAt: Date | null) => ({
      organizationId: org.organizationId,
      purpose: 'attachment' as const,
      contentType: 'application/pdf',
      sizeBytes: 1000,
      storageKey: randomUUID(),
      sha256: 'x',
      deletedAt,
    });
    await t.database.db.insert(files).values([file(null), file(null), file(new Date())]);
    const other = await createOrganization(t.app);
    await t.database.db.insert(files).values({ ...file(null), organizationId: other.organizationId });
    await setOrg(org.organizationId, { storageUsedBytes: 5_000_000_000 });

    // Forum content by the organization's people: two topics (one deleted later), three replies (one deleted).
    const [category] = await queryRows(t.database.db, row({ id: col.text }), sql`select id from forum_categories where slug = 'general'`);
    const topic = async (client: TestClient) =>
      (await client.post('/api/v1/forum/topics', { categoryId: category!.id, title: 'A topic to count', body: 'Body' })).json()
        .id as string;
    const kept = await topic(org.admin);
    const gone = await topic(coAdmin.client);
    const theirs = await topic(other.admin);
    for (const [client, topicId] of [
      [org.admin, kept],
      [coAdmin.client, theirs],
      [org.admin, theirs],
      [other.admin, kept],
    ] as const) {
      expect((await client.post(`/api/v1/forum/topics/${topicId}/posts`, { body: 'A reply' })).statusCode).toBe(201);
    }
    const deletedReply = (await org.admin.post(`/api/v1/forum/topics/${kept}/posts`, { body: 'Deleted' })).json().id as string;
    await org.admin.delete(`/api/v1/forum/posts/${deletedReply}`);
    await coAdmin.client.delete(`/api/v1/forum/topics/${gone}`);

    const stats = await org.admin.get('/api/v1/organizations/me/stats');
    expect(stats.statusCode).toBe(200);
    expect(stats.json()).toEqual({
      users: { total: 5, byRole: { admin: 2, member: 3 }, byStatus: { active: 3, inactive: 1, suspended: 1 } },
      invitations: { pending: 2 },
      content: { forumTopics: 1, forumPosts: 3, useCases: 0, publishedUseCases: 0 },
      storage: { usedBytes: 5_000_000_000, quotaBytes: 1024 ** 3, files: 2 },
      subscription: { tier: 'trial', trialEndsAt: expect.any(String), trialDaysLeft: 30, limits: TIER_LIMITS.trial },
    });
    expect((await coAdmin.client.get('/api/v1/organizations/me/stats')).statusCode).toBe(200);
  });

  it('reports the trial running out and unlimited tiers', async () => {
    const org = await createOrganization(t.app);
    await setOrg(org.organizationId, { trialEndsAt: new Date(Date.now() + 1.5 * 86_400_000) });
    expect((await org.admin.get('/api/v1/organizations/me/stats')).json().subscription.trialDaysLeft).toBe(2);
    await setOrg(org.organizationId, { trialEndsAt: new Date(Date.now() - 86_400_000) });
    expect((await org.admin.get('/api/v1/organizations/me/stats')).json().subscription.trialDaysLeft).toBe(0);
    await setOrg(org.organizationId, { subscriptionTier: 'enterprise', trialEndsAt: null });
    expect((await org.admin.get('/api/v1/organizations/me/stats')).json()).toMatchObject({
      storage: { quotaBytes: null },
      subscription: {
        tier: 'enterprise',
        trialEndsAt: null,
        trialDaysLeft: null,
        limits: { users: null, useCases: null, storageBytes: null },
      },
    });
  });

  it('is for organization admins', async () => {
    const org = await createOrganization(t.app);
    const member = await addMember(t.app, t.database.db, org.admin);
    expectProblem(await member.client.get('/api/v1/organizations/me/stats'), 403, 'FORBIDDEN');
    expectProblem(await new TestClient(t.app).get('/api/v1/organizations/me/stats'), 401, 'UNAUTHENTICATED');
  });
});

describe('GET /api/v1/organizations/:id', () => {
  it('shows the public card to anyone, guests included, counting active members only', async () => {
    const org = await createOrganization(t.app, 'Tabuk Water Utilities');
    await patchOrg(org.admin, {
      city: 'Tabuk',
      industry: 'water_utilities',
      contactEmail: 'private@tabuk.example',
      contactPhone: '+966 14 000 0000',
    });
    await addMember(t.app, t.database.db, org.admin);
    const inactive = await addMember(t.app, t.database.db, org.admin);
    const removed = await addMember(t.app, t.database.db, org.admin);
    await org.admin.request({ method: 'PATCH', url: `/api/v1/users/${inactive.id}`, body: { status: 'inactive' } });
    await org.admin.delete(`/api/v1/users/${removed.id}`);

    // Only published, public use cases count on the card.
    await writeCase(org.admin);
    await writeCase(org.admin, { visibility: 'organization' });
    await writeCase(org.admin, { publish: false });
    const card = await new TestClient(t.app).get(`/api/v1/organizations/${org.organizationId}`);
    expect(card.statusCode).toBe(200);
    expect(card.json()).toEqual({
      id: org.organizationId,
      name: 'Tabuk Water Utilities',
      nameAr: null,
      industry: 'water_utilities',
      size: null,
      city: 'Tabuk',
      region: null,
      website: null,
      description: null,
      logoUrl: null,
      memberCount: 2,
      publicUseCasesCount: 1,
    });
    expect((await org.admin.get('/api/v1/organizations/me/stats')).json().content).toMatchObject({ useCases: 3, publishedUseCases: 2 });
    expect(card.body).not.toContain('private@tabuk.example');
    const other = await createOrganization(t.app);
    expect((await other.admin.get(`/api/v1/organizations/${org.organizationId}`)).json().memberCount).toBe(2);
  });

  it('answers 404 for unknown and malformed ids', async () => {
    const guest = new TestClient(t.app);
    expectProblem(await guest.get(`/api/v1/organizations/${randomUUID()}`), 404, 'NOT_FOUND');
    expectProblem(await guest.get('/api/v1/organizations/not-an-id'), 404, 'NOT_FOUND');
  });
});
