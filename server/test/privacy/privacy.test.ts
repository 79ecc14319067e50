import { PERSONAL_DATA_EXPORTS_PER_HOUR, type PersonalDataExport } from '@p2p/contracts';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accounts, sessions } from '../../src/modules/auth/auth.tables.js';
import { files } from '../../src/modules/files/files.tables.js';
import { forumPostLikes, forumSearchLog, forumTopicLikes } from '../../src/modules/forum/forum.tables.js';
import { invitations } from '../../src/modules/invitations/invitations.tables.js';
import { useCaseLikes, useCaseSavedSearches, useCaseSaves, useCaseSearchLog } from '../../src/modules/use-cases/use-cases.tables.js';
import { users } from '../../src/modules/users/users.tables.js';
import { TEST_PASSWORD, TestClient, type TestContext, createTestApp, expectProblem, signUp } from '../helpers/app.js';
import { addMember, createOrganization, invite } from '../invitations/factories.js';
import { type ActivePerson, activePerson, countersOffTheirRecount, tablesMentioning } from './scenario.js';

// Each test signs several people up (password hashing) and walks many pages: slow on a loaded machine.
const SLOW = 120_000;

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const db = () => t.database.db;

async function exportOf(client: TestClient): Promise<PersonalDataExport> {
  const response = await client.get('/api/v1/users/me/export');
  expect(response.statusCode).toBe(200);
  return response.json() as PersonalDataExport;
}

/** Every page and list where the person's name or address could show, as other people read them. */
async function pagesAbout(person: ActivePerson, reader: TestClient): Promise<string> {
  const urls = [
    `/api/v1/forum/topics/${person.topicId}`,
    `/api/v1/forum/topics/${person.topicId}/posts`,
    `/api/v1/forum/topics/${person.liked.topicId}/posts`,
    '/api/v1/forum/topics',
    '/api/v1/forum/search?q=compressor',
    '/api/v1/forum/search?q=reline',
    `/api/v1/use-cases/${person.caseId}`,
    `/api/v1/use-cases/${person.caseId}/versions`,
    '/api/v1/use-cases',
    `/api/v1/users/${person.id}`,
  ];
  const bodies: string[] = [];
  for (const url of urls) {
    const response = await reader.get(url);
    expect(response.statusCode, url).toBe(200);
    bodies.push(response.body);
  }
  return bodies.join('\n');
}

/** What must be gone of the person everywhere, however they left. */
async function expectErased(person: ActivePerson) {
  const needles = [person.email, person.firstName, person.lastName, person.phone];
  // No API response, no other person's export, no forum or use-case page names them.
  for (const reader of [person.org.admin, person.stranger.admin]) {
    const pages = await pagesAbout(person, reader);
    for (const needle of needles) expect(pages).not.toContain(needle);
    const otherExport = JSON.stringify(await exportOf(reader));
    for (const needle of needles) expect(otherExport).not.toContain(needle);
  }
  const admin = person.org.admin;
  for (const url of ['/api/v1/users?pageSize=100', '/api/v1/invitations?pageSize=100', '/api/v1/organizations/me/stats']) {
    const body = (await admin.get(url)).body;
    for (const needle of needles) expect(body, url).not.toContain(needle);
  }
  // Their content keeps its place, as a former member's.
  const topic = (await admin.get(`/api/v1/forum/topics/${person.topicId}`)).json();
  expect(topic.author).toMatchObject({ id: person.id, name: 'Former member', formerMember: true, avatarUrl: null });
  const useCase = (await admin.get(`/api/v1/use-cases/${person.caseId}`)).json();
  expect(JSON.stringify(useCase)).toContain('Former member');

  // Nothing in the database names them (but mail already sent to others, and limiter keys as typed).
  expect(await tablesMentioning(db(), needles)).toEqual([]);
  const [row] = await db().select().from(users).where(eq(users.id, person.id));
  expect(row).toMatchObject({
    email: `deleted+${person.id}@invalid`,
    name: 'Former member',
    jobTitle: null,
    phone: null,
    bio: null,
    image: null,
    avatarFileId: null,
    status: 'inactive',
  });
  expect(row!.deletedAt).toBeInstanceOf(Date);

  // What was theirs alone is deleted.
  for (const [table, column] of [
    [sessions, sessions.userId],
    [accounts, accounts.userId],
    [forumTopicLikes, forumTopicLikes.userId],
    [forumPostLikes, forumPostLikes.userId],
    [forumSearchLog, forumSearchLog.userId],
    [useCaseLikes, useCaseLikes.userId],
    [useCaseSaves, useCaseSaves.userId],
    [useCaseSavedSearches, useCaseSavedSearches.userId],
    [useCaseSearchLog, useCaseSearchLog.userId],
  ] as const) {
    expect(await db().select().from(table).where(eq(column, person.id))).toHaveLength(0);
  }
  const [avatar] = await db().select().from(files).where(eq(files.id, person.avatarFileId));
  expect(avatar!.deletedAt).toBeInstanceOf(Date);
  // The likes they gave are taken back from the counters; others' likes of their content stay.
  expect(await countersOffTheirRecount(db())).toBe(0);
  expect(topic.likesCount).toBe(1);
  // They cannot sign in again.
  expectProblem(await person.client.get('/api/v1/users/me'), 401, 'UNAUTHENTICATED');
  expectProblem(
    await new TestClient(t.app).post('/api/auth/sign-in/email', { email: person.email, password: TEST_PASSWORD }),
    401,
    'INVALID_CREDENTIALS',
  );
}

describe('GET /api/v1/users/me/export', () => {
  it(
    'gives the person everything kept about them as a JSON download, and nobody else’s data',
    async () => {
      const person = await activePerson(t.app, db());
      const response = await person.client.get('/api/v1/users/me/export');
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toMatch(/^application\/json/);
      expect(response.headers['content-disposition']).toMatch(/^attachment; filename="p2p-sandbox-my-data-\d{4}-\d{2}-\d{2}\.json"$/);
      expect(response.headers['cache-control']).toBe('no-store');
      const data = response.json() as PersonalDataExport;

      expect(data.profile).toMatchObject({ id: person.id, email: person.email, firstName: person.firstName, phone: person.phone });
      expect(data.membership).toMatchObject({ organization: { id: person.org.organizationId, name: 'Tabuk Precision' }, role: 'admin' });
      expect(data.sessions).toHaveLength(2);
      for (const session of data.sessions)
        expect(Object.keys(session).sort()).toEqual(['createdAt', 'expiresAt', 'ipAddress', 'lastSeenAt', 'rememberMe', 'userAgent']);
      expect(data.files).toMatchObject([{ id: person.avatarFileId, purpose: 'avatar', deletedAt: null }]);
      expect(data.invitationsSent).toMatchObject([{ email: person.invitedEmail, message: 'Join our quality team', status: 'pending' }]);
      expect(data.forum.topics).toMatchObject([{ id: person.topicId, title: 'Compressor energy audit' }]);
      expect(data.forum.posts).toMatchObject([{ id: person.postId, topicId: person.liked.topicId, body: 'We reline every two years.' }]);
      expect(data.forum.likes.map((l) => l.topicId ?? l.postId).sort()).toEqual([person.liked.topicId, person.liked.postId].sort());
      expect(data.forum.searches.map((s) => s.term)).toEqual(['refractory']);
      expect(data.useCases.cases).toMatchObject([{ id: person.caseId, title: 'Compressed air leak programme' }]);
      expect(data.useCases.versions).toMatchObject([{ useCaseId: person.caseId, version: 2 }]);
      expect(data.useCases.likes).toMatchObject([{ useCaseId: person.liked.caseId }]);
      expect(data.useCases.saved).toMatchObject([{ useCaseId: person.liked.caseId }]);
      expect(data.useCases.savedSearches).toMatchObject([{ name: 'Burners' }]);
      expect(data.useCases.searches.map((s) => s.q)).toContain('burner');
      expect(data.dataExports).toHaveLength(1);

      // No secret and no other person: not a session token, not a password hash, not the stranger.
      const text = response.body;
      for (const token of (await db().select({ token: sessions.token }).from(sessions).where(eq(sessions.userId, person.id))).map(
        (s) => s.token,
      ))
        expect(text).not.toContain(token);
      const [credential] = await db().select().from(accounts).where(eq(accounts.userId, person.id));
      expect(text).not.toContain(credential!.password!);
      expect(text).not.toContain(person.stranger.adminEmail);
      expect(text).not.toContain('Kiln refractory wear');
      expect(text).not.toContain('Every 18 months for us.');
      expect(text).not.toContain('Rabigh Chemicals');

      // And the stranger's export holds nothing of the person, though the stranger liked the person's topic.
      const strangers = JSON.stringify(await exportOf(person.stranger.admin));
      for (const needle of [person.email, person.firstName, 'Compressor energy audit', 'We reline every two years.']) {
        expect(strangers).not.toContain(needle);
      }
    },
    SLOW,
  );

  it(
    `is limited to ${PERSONAL_DATA_EXPORTS_PER_HOUR} downloads an hour, and is for signed-in people only`,
    async () => {
      const { client } = await signUp(t.app);
      for (let i = 0; i < PERSONAL_DATA_EXPORTS_PER_HOUR; i += 1)
        expect((await client.get('/api/v1/users/me/export')).statusCode).toBe(200);
      const refused = await client.get('/api/v1/users/me/export');
      expectProblem(refused, 429, 'RATE_LIMITED');
      const retryAfter = Number(refused.headers['retry-after']);
      expect(retryAfter).toBeGreaterThan(3500);
      expect(retryAfter).toBeLessThanOrEqual(3600);
      expectProblem(await new TestClient(t.app).get('/api/v1/users/me/export'), 401, 'UNAUTHENTICATED');
    },
    SLOW,
  );
});

describe('DELETE /api/v1/users/me', () => {
  it(
    'needs the current password, and refuses the last admin of an organization with other members',
    async () => {
      const org = await createOrganization(t.app);
      const member = await addMember(t.app, db(), org.admin);
      const wrong = expectProblem(
        await member.client.request({ method: 'DELETE', url: '/api/v1/users/me', body: { password: 'not-my-password-1' } }),
        400,
        'VALIDATION_FAILED',
      );
      expect(wrong.errors?.map((e) => e.path)).toEqual(['password']);
      expectProblem(await member.client.request({ method: 'DELETE', url: '/api/v1/users/me', body: {} }), 400, 'VALIDATION_FAILED');
      expect((await db().select().from(users).where(eq(users.id, member.id)))[0]!.deletedAt).toBeNull();

      const lastAdmin = await org.admin.request({ method: 'DELETE', url: '/api/v1/users/me', body: { password: TEST_PASSWORD } });
      expect(expectProblem(lastAdmin, 409, 'LAST_ADMIN').detail).toMatch(/make someone else an admin/);
      expect((await org.admin.get('/api/v1/users/me')).statusCode).toBe(200);
      expectProblem(
        await new TestClient(t.app).request({ method: 'DELETE', url: '/api/v1/users/me', body: { password: TEST_PASSWORD } }),
        401,
        'UNAUTHENTICATED',
      );
    },
    SLOW,
  );

  it(
    'erases the person at once and keeps their content as a former member’s; counters equal their recount',
    async () => {
      const person = await activePerson(t.app, db());
      const response = await person.client.request({ method: 'DELETE', url: '/api/v1/users/me', body: { password: TEST_PASSWORD } });
      expect(response.statusCode).toBe(204);
      expect(String(response.headers['set-cookie'])).toContain('p2p.session_token=;');
      await expectErased(person);
      // The invitation they sent is still the organization's, from a former member.
      const sent = (await person.org.admin.get('/api/v1/invitations')).json().items as Array<{
        email: string;
        invitedBy: { name: string };
      }>;
      expect(sent.find((i) => i.email === person.invitedEmail)?.invitedBy.name).toBe('Former member');
    },
    SLOW,
  );

  it(
    'lets the only person of an organization leave; its pending invitations are cancelled',
    async () => {
      const org = await createOrganization(t.app);
      const pending = await invite(t.app, db(), org.admin);
      expect((await org.admin.request({ method: 'DELETE', url: '/api/v1/users/me', body: { password: TEST_PASSWORD } })).statusCode).toBe(
        204,
      );
      const [row] = await db().select().from(invitations).where(eq(invitations.id, pending.id));
      expect(row!.status).toBe('cancelled');
      expect(
        (
          await db()
            .select()
            .from(users)
            .where(and(eq(users.id, org.adminId)))
        )[0]!.email,
      ).toBe(`deleted+${org.adminId}@invalid`);
    },
    SLOW,
  );
});

describe('DELETE /api/v1/users/:id (an admin removes a member)', () => {
  it(
    'erases the member the same way',
    async () => {
      const person = await activePerson(t.app, db());
      expect((await person.org.admin.delete(`/api/v1/users/${person.id}`)).statusCode).toBe(204);
      await expectErased(person);
    },
    SLOW,
  );
});
