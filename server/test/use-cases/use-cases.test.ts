import type { UseCase } from '@p2p/contracts';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows, toNumber } from '../../src/platform/db.js';
import { col, row } from '../../src/platform/rows.js';
import { createTestApp, expectProblem, TestClient, type TestContext } from '../helpers/app.js';
import { setPlatformRole } from '../forum/factories.js';
import { addMember, createOrganization, type OrganizationFixture } from '../invitations/factories.js';
import { caseBody, writeCase } from './factories.js';

let t: TestContext;
let org: OrganizationFixture;
let other: OrganizationFixture;
let member: { client: TestClient; id: string };
let guest: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  org = await createOrganization(t.app, 'Jubail Polymers');
  other = await createOrganization(t.app, 'Jeddah Foods');
  member = await addMember(t.app, t.database.db, org.admin);
  guest = new TestClient(t.app);
});
afterAll(() => t.close());

describe('writing a use case', () => {
  it('creates a published case with its place, terms from the vocabulary and rendered sections', async () => {
    const created = await writeCase(member.client, { technologies: ['PLC', 'plc ', 'Machine Vision'], tags: ['Packaging'] });
    expect(created.status).toBe('published');
    expect(created.publishedAt).not.toBeNull();
    expect(created.location).toMatchObject({ city: 'jubail', region: 'eastern', country: 'SA', latitude: 27.0046, longitude: 49.646 });
    // The first spelling a term is written with is the vocabulary's.
    expect(created.technologies).toEqual(['PLC', 'Machine Vision']);
    expect(created.challengeHtml).toContain('<strong>12 cartons a minute</strong>');
    expect(created.outcomes).toMatchObject({
      roiPercent: 40,
      paybackMonths: 18,
      investmentSar: 850000,
      annualSavingsSar: 420000,
      energySavingsPercent: null,
    });
    expect(created.company).toMatchObject({ id: org.organizationId, name: 'Jubail Polymers' });
    expect(created.author?.id).toBe(member.id);
    expect(created.can).toMatchObject({ edit: true, delete: true, moderate: false, viewEngagement: true, report: false });
    const terms = await queryRows(
      t.database.db,
      row({ name: col.text, uses_count: col.integer }),
      sql`select name, uses_count from use_case_terms where kind = 'technology' order by name`,
    );
    expect(terms.map((term) => [term.name, term.uses_count])).toEqual(
      expect.arrayContaining([
        ['Machine Vision', 1],
        ['PLC', 1],
      ]),
    );
  });

  it('names the field of bad input and keeps nothing', async () => {
    const before = await queryRows(t.database.db, row({ n: col.bigint }), sql`select count(*) as n from use_cases`);
    const response = await member.client.post('/api/v1/use-cases', caseBody({ latitude: 95 }));
    expectProblem(response, 400, 'VALIDATION_FAILED');
    expect(response.json().errors[0].path).toBe('latitude');
    const half = await member.client.post('/api/v1/use-cases', caseBody({ city: 'my workshop', latitude: 26.1 }));
    expectProblem(half, 400, 'VALIDATION_FAILED');
    expect(half.json().errors[0].path).toBe('longitude');
    const foreignFile = await member.client.post('/api/v1/use-cases', caseBody({ imageFileIds: ['00000000-0000-4000-8000-000000000000'] }));
    expectProblem(foreignFile, 400, 'VALIDATION_FAILED');
    expect(foreignFile.json().errors[0].path).toBe('imageFileIds.0');
    const after = await queryRows(t.database.db, row({ n: col.bigint }), sql`select count(*) as n from use_cases`);
    expect(toNumber(after[0]!.n)).toBe(toNumber(before[0]!.n));
  });

  it('keeps drafts to their owners, publishes them, and versions every later edit', async () => {
    const draft = await writeCase(member.client, { publish: false, title: 'Draft predictive maintenance' });
    expect(draft.status).toBe('draft');
    expectProblem(await other.admin.get(`/api/v1/use-cases/${draft.id}`), 404, 'NOT_FOUND');
    expect((await org.admin.get(`/api/v1/use-cases/${draft.id}`)).statusCode).toBe(200);
    // Edits of a draft are not versions.
    expect((await member.client.patch(`/api/v1/use-cases/${draft.id}`, { title: 'Predictive maintenance on kilns' })).json().version).toBe(
      1,
    );
    const published = (await member.client.post(`/api/v1/use-cases/${draft.id}/publish`)).json() as UseCase;
    expect(published.status).toBe('published');
    expect(published.version).toBe(1);
    const edited = (
      await org.admin.patch(`/api/v1/use-cases/${draft.id}`, { outcomes: { roiPercent: 55 }, technologies: ['Vibration sensors'] })
    ).json() as UseCase;
    expect(edited.version).toBe(2);
    // The search vectors follow text edits (the trigger of migration 0020), not only the first insert.
    const found = (await other.admin.post('/api/v1/use-cases/search/advanced', { q: 'kilns vibration' })).json();
    expect(found.items.map((hit: { useCase: { id: string } }) => hit.useCase.id)).toEqual([draft.id]);
    const archived = (await member.client.patch(`/api/v1/use-cases/${draft.id}`, { status: 'archived' })).json() as UseCase;
    expect([archived.status, archived.version]).toEqual(['archived', 3]);
    const versions = (await other.admin.get(`/api/v1/use-cases/${draft.id}/versions`)).json().items as {
      version: number;
      editor: { id: string };
      changes: { field: string; before: unknown; after: unknown }[];
    }[];
    expect(versions.map((v) => v.version)).toEqual([3, 2]);
    expect(versions[1]!.editor.id).toBe(org.adminId);
    expect(versions[1]!.changes).toEqual(
      expect.arrayContaining([
        { field: 'roiPercent', before: 40, after: 55 },
        { field: 'technologies', before: ['PLC', 'Machine Vision'], after: ['Vibration sensors'] },
      ]),
    );
    expect(versions[0]!.changes).toEqual([{ field: 'status', before: 'published', after: 'archived' }]);
    expectProblem(await member.client.patch(`/api/v1/use-cases/${draft.id}`, { status: 'draft' }), 400, 'VALIDATION_FAILED');
  });

  it('lets only owners change a case: 403 for a visible case, 404 for an invisible one', async () => {
    const created = await writeCase(member.client);
    expectProblem(await other.admin.patch(`/api/v1/use-cases/${created.id}`, { title: 'Taken over' }), 403, 'FORBIDDEN');
    expectProblem(await guest.patch(`/api/v1/use-cases/${created.id}`, { title: 'Taken over' }), 401, 'UNAUTHENTICATED');
    const secret = await writeCase(member.client, { visibility: 'private' });
    expectProblem(await other.admin.patch(`/api/v1/use-cases/${secret.id}`, { title: 'Taken over' }), 404, 'NOT_FOUND');
    expect((await org.admin.patch(`/api/v1/use-cases/${secret.id}`, { title: 'Admin edits a private case' })).statusCode).toBe(200);
  });

  it('removes a case for everyone and returns its terms to the vocabulary count', async () => {
    const created = await writeCase(member.client, { technologies: ['Removable tech'] });
    expect((await member.client.delete(`/api/v1/use-cases/${created.id}`)).statusCode).toBe(204);
    expectProblem(await org.admin.get(`/api/v1/use-cases/${created.id}`), 404, 'NOT_FOUND');
    const [term] = await queryRows(
      t.database.db,
      row({ uses_count: col.integer }),
      sql`select uses_count from use_case_terms where name = 'Removable tech'`,
    );
    expect(toNumber(term!.uses_count)).toBe(0);
  });

  it('enforces the trial tier limit of 20 cases', async () => {
    const small = await createOrganization(t.app, 'Tiny Workshop');
    await t.database.db.execute(sql`insert into use_cases (organization_id, author_id, title, summary, category, industry)
      select ${small.organizationId}, ${small.adminId}, 'Filler case ' || n, 'A filler case for the tier limit test.', 'other', 'other' from generate_series(1, 20) n`);
    expectProblem(await small.admin.post('/api/v1/use-cases', caseBody()), 409, 'USE_CASE_LIMIT_REACHED');
  });
});

describe('reading a use case', () => {
  it('counts a signed-in view once per hour, not a guest’s, and shows likes and saves with exact counts', async () => {
    const created = await writeCase(member.client);
    for (let i = 0; i < 3; i += 1) await other.admin.get(`/api/v1/use-cases/${created.id}`);
    await guest.get(`/api/v1/use-cases/${created.id}`);
    const seen = (await org.admin.get(`/api/v1/use-cases/${created.id}`)).json() as UseCase;
    expect(seen.viewsCount).toBe(2);
    const like = await other.admin.post(`/api/v1/use-cases/${created.id}/like`);
    expect(like.json()).toEqual({ active: true, count: 1 });
    expect((await other.admin.post(`/api/v1/use-cases/${created.id}/save`)).json()).toEqual({ active: true, count: 1 });
    const again = (await other.admin.get(`/api/v1/use-cases/${created.id}`)).json() as UseCase;
    expect([again.likedByMe, again.savedByMe, again.likesCount, again.savesCount]).toEqual([true, true, 1, 1]);
    expect((await other.admin.post(`/api/v1/use-cases/${created.id}/like`)).json()).toEqual({ active: false, count: 0 });
    const saved = (await other.admin.get('/api/v1/use-cases/saved')).json();
    expect(saved.items.map((item: { id: string }) => item.id)).toContain(created.id);
    expectProblem(await guest.post(`/api/v1/use-cases/${created.id}/like`), 401, 'UNAUTHENTICATED');
  });

  it('keeps likes, saves and views exact under concurrent toggles', async () => {
    const created = await writeCase(member.client);
    const people = [other.admin, org.admin, member.client];
    await Promise.all(people.flatMap((client) => Array.from({ length: 5 }, () => client.post(`/api/v1/use-cases/${created.id}/like`))));
    await Promise.all(people.flatMap((client) => Array.from({ length: 4 }, () => client.post(`/api/v1/use-cases/${created.id}/save`))));
    await Promise.all(people.flatMap((client) => Array.from({ length: 5 }, () => client.get(`/api/v1/use-cases/${created.id}`))));
    const [found] = await queryRows(
      t.database.db,
      row({
        likes_count: col.integer,
        saves_count: col.integer,
        views_count: col.integer,
        likes: col.bigint,
        saves: col.bigint,
        views: col.bigint,
      }),
      sql`select likes_count, saves_count, views_count,
            (select count(*) from use_case_likes where use_case_id = ${created.id}) as likes,
            (select count(*) from use_case_saves where use_case_id = ${created.id}) as saves,
            (select count(*) from use_case_views where use_case_id = ${created.id}) as views
          from use_cases where id = ${created.id}`,
    );
    expect([found!.likes_count, found!.likes, found!.saves_count, found!.saves, found!.views_count, found!.views].map(toNumber)).toEqual([
      3, 3, 0, 0, 3, 3,
    ]);
  });

  it('shows engagement to the case’s owners only: per day, by organization, 24 hours', async () => {
    const created = await writeCase(member.client);
    await other.admin.get(`/api/v1/use-cases/${created.id}`);
    await other.admin.post(`/api/v1/use-cases/${created.id}/like`);
    await org.admin.post(`/api/v1/use-cases/${created.id}/save`);
    const response = await org.admin.get(`/api/v1/use-cases/${created.id}/engagement?days=7`);
    expect(response.statusCode).toBe(200);
    const engagement = response.json();
    expect(engagement.daily).toHaveLength(7);
    expect(engagement.peakHours).toHaveLength(24);
    expect(engagement.totals).toMatchObject({ views: 1, likes: 1, saves: 1, uniqueViewers: 1 });
    expect(engagement.daily.at(-1)).toMatchObject({ views: 1, likes: 1, saves: 1 });
    expect(engagement.byOrganization).toEqual([{ organization: expect.objectContaining({ id: other.organizationId }), views: 1 }]);
    expectProblem(await other.admin.get(`/api/v1/use-cases/${created.id}/engagement`), 403, 'FORBIDDEN');
    expectProblem(await guest.get(`/api/v1/use-cases/${created.id}/engagement`), 401, 'UNAUTHENTICATED');
  });
});

describe('reports and moderation', () => {
  it('takes one open report per person, queues it for moderators, and hides or removes the case', async () => {
    const created = await writeCase(member.client, { title: 'Questionable savings claim' });
    const reported = await other.admin.post(`/api/v1/use-cases/${created.id}/report`, {
      reason: 'inaccurate',
      details: 'The payback cannot be 2 months.',
    });
    expect(reported.statusCode).toBe(201);
    expectProblem(await other.admin.post(`/api/v1/use-cases/${created.id}/report`, { reason: 'spam' }), 409, 'ALREADY_REPORTED');
    expect((await other.admin.get(`/api/v1/use-cases/${created.id}`)).json().reportedByMe).toBe(true);
    expectProblem(await other.admin.get('/api/v1/use-cases/reports'), 404, 'NOT_FOUND');
    const moderator = await createOrganization(t.app, 'Platform');
    await setPlatformRole(t.database.db, moderator.adminId, 'moderator');
    const queue = (await moderator.admin.get('/api/v1/use-cases/reports')).json();
    const report = queue.items.find((item: { useCaseId: string }) => item.useCaseId === created.id);
    expect(report).toMatchObject({
      reason: 'inaccurate',
      status: 'open',
      openReportsOnCase: 1,
      reporter: expect.objectContaining({ id: other.adminId }),
    });
    const hidden = await moderator.admin.post(`/api/v1/use-cases/reports/${report.id}/resolve`, {
      action: 'hide',
      note: 'Figures unverifiable',
    });
    expect(hidden.json()).toMatchObject({ status: 'hidden', resolution: 'Figures unverifiable' });
    expectProblem(await other.admin.get(`/api/v1/use-cases/${created.id}`), 404, 'NOT_FOUND');
    expect((await member.client.get(`/api/v1/use-cases/${created.id}`)).json().hidden).toBe(true);
    const listed = (await guest.get('/api/v1/use-cases?q=questionable')).json();
    expect(listed.total).toBe(0);
    // Reported again after the first was resolved: a new open report is allowed.
    expect(
      (await moderator.admin.patch(`/api/v1/use-cases/${created.id}/moderation`, { hidden: false, featured: true, verified: true })).json(),
    ).toMatchObject({ hidden: false, featured: true, verified: true });
    expect((await other.admin.post(`/api/v1/use-cases/${created.id}/report`, { reason: 'spam' })).statusCode).toBe(201);
    const second = (await moderator.admin.get('/api/v1/use-cases/reports'))
      .json()
      .items.find((item: { useCaseId: string }) => item.useCaseId === created.id);
    await moderator.admin.post(`/api/v1/use-cases/reports/${second.id}/resolve`, { action: 'remove' });
    expectProblem(await member.client.get(`/api/v1/use-cases/${created.id}`), 404, 'NOT_FOUND');
    expectProblem(await moderator.admin.post(`/api/v1/use-cases/reports/${second.id}/resolve`, { action: 'dismiss' }), 409, 'CONFLICT');
    expectProblem(
      await org.admin.patch(`/api/v1/use-cases/${(await writeCase(member.client)).id}/moderation`, { featured: true }),
      403,
      'FORBIDDEN',
    );
  });
});
