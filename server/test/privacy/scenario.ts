import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import type { Db } from '../../src/platform/db.js';
import { TEST_PASSWORD, TestClient } from '../helpers/app.js';
import { blankPng } from '../files/fixtures.js';
import { uploadProfileImage } from '../files/helpers.js';
import { createCategory, reply, startTopic } from '../forum/factories.js';
import { type OrganizationFixture, addMember, createOrganization } from '../invitations/factories.js';
import { writeCase } from '../use-cases/factories.js';

/** A person with a name and an address found nowhere else, and everything the product keeps about them. */
export interface ActivePerson {
  client: TestClient;
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  phone: string;
  org: OrganizationFixture;
  topicId: string;
  postId: string;
  caseId: string;
  avatarFileId: string;
  invitedEmail: string;
  /** Someone else's content the person liked and saved. */
  liked: { topicId: string; postId: string; caseId: string };
  /** The other person (another organization) whose content that is. */
  stranger: OrganizationFixture;
}

let sequence = 0;

/**
 * A second admin of a fresh organization who has done one of everything: profile, picture, a topic
 * and a reply, likes, a case with a version, a like and a save of another company's case, searches
 * (forum and library), a saved search, an invitation, and a second signed-in device.
 */
export async function activePerson(app: FastifyInstance, db: Db): Promise<ActivePerson> {
  sequence += 1;
  const marker = `${Date.now().toString(36)}${sequence}`;
  const org = await createOrganization(app, 'Tabuk Precision');
  const stranger = await createOrganization(app, 'Rabigh Chemicals');
  const person = await addMember(app, db, org.admin, 'admin');
  const firstName = `Zubayda${marker}`;
  const lastName = `Xylander${marker}`;
  const phone = `+966 50 ${String(1_000_000 + sequence).slice(-7)}`;
  const profile = await person.client.patch('/api/v1/users/me', {
    firstName,
    lastName,
    jobTitle: 'Quality lead',
    phone,
    bio: 'Twenty years of kiln maintenance',
  });
  expect(profile.statusCode).toBe(200);
  const avatar = await uploadProfileImage(person.client, '/api/v1/users/me/avatar', blankPng(32, 32));
  expect(avatar.statusCode).toBe(200);
  const avatarFileId = avatar.json().id as string;

  const categoryId = await createCategory(db);
  const strangerTopic = await startTopic(stranger.admin, categoryId, { title: 'Kiln refractory wear', body: 'How often do you reline?' });
  const strangerPost = await reply(stranger.admin, strangerTopic, 'Every 18 months for us.');
  const topicId = await startTopic(person.client, categoryId, { title: 'Compressor energy audit', body: 'What did you measure first?' });
  const postId = await reply(person.client, strangerTopic, 'We reline every two years.');
  expect((await person.client.post(`/api/v1/forum/topics/${strangerTopic}/like`)).statusCode).toBe(200);
  expect((await person.client.post(`/api/v1/forum/posts/${strangerPost}/like`)).statusCode).toBe(200);
  // The stranger likes the person's topic: that like is the stranger's, and stays.
  expect((await stranger.admin.post(`/api/v1/forum/topics/${topicId}/like`)).statusCode).toBe(200);
  expect((await person.client.get('/api/v1/forum/search?q=refractory')).statusCode).toBe(200);

  const strangerCase = await writeCase(stranger.admin, { title: 'Kiln burner tuning' });
  const ownCase = await writeCase(person.client, { title: 'Compressed air leak programme' });
  expect(
    (await person.client.patch(`/api/v1/use-cases/${ownCase.id}`, { summary: 'Ultrasound found 40 leaks in a week.' })).statusCode,
  ).toBe(200);
  expect((await person.client.post(`/api/v1/use-cases/${strangerCase.id}/like`)).statusCode).toBe(200);
  expect((await person.client.post(`/api/v1/use-cases/${strangerCase.id}/save`)).statusCode).toBe(200);
  expect((await person.client.post('/api/v1/use-cases/search/advanced', { q: 'burner' })).statusCode).toBe(200);
  expect(
    (await person.client.post('/api/v1/use-cases/search/saved', { name: 'Burners', search: { q: 'burner', sort: 'relevance' } }))
      .statusCode,
  ).toBe(201);

  const invitedEmail = `invitee.${marker}@example.com`;
  expect((await person.client.post('/api/v1/invitations', { email: invitedEmail, message: 'Join our quality team' })).statusCode).toBe(201);

  const secondDevice = new TestClient(app);
  expect((await secondDevice.post('/api/auth/sign-in/email', { email: person.email, password: TEST_PASSWORD })).statusCode).toBe(200);

  return {
    client: person.client,
    id: person.id,
    email: person.email,
    firstName,
    lastName,
    phone,
    org,
    topicId,
    postId,
    caseId: ownCase.id,
    avatarFileId,
    invitedEmail,
    liked: { topicId: strangerTopic, postId: strangerPost, caseId: strangerCase.id },
    stranger,
  };
}

/** Counters that must equal a recount of the rows they count (0 rows off). */
export async function countersOffTheirRecount(db: Db): Promise<number> {
  const result = await db.execute(sql`select
    (select count(*) from forum_topics t where t.likes_count <> (select count(*) from forum_topic_likes l where l.topic_id = t.id))
    + (select count(*) from forum_posts p where p.likes_count <> (select count(*) from forum_post_likes l where l.post_id = p.id))
    + (select count(*) from use_cases c where c.likes_count <> (select count(*) from use_case_likes l where l.use_case_id = c.id))
    + (select count(*) from use_cases c where c.saves_count <> (select count(*) from use_case_saves s where s.use_case_id = c.id)) as n`);
  const rows = (result as unknown as { rows: Array<{ n: number | string }> }).rows;
  return Number(rows[0]?.n);
}

/**
 * Tables (with the count of rows) whose text holds any of the needles, case-insensitively, leaving
 * out the mail outbox (mail already sent to other people, whose bodies the outbox clears once
 * delivered) and the per-account sign-in limiter (keys as typed, gone when their window ends).
 */
export async function tablesMentioning(db: Db, needles: string[]): Promise<string[]> {
  const tables = (
    (await db.execute(
      sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'
        and table_name not in ('mail_outbox', 'account_rate_limits') and table_name not like '\\_\\_%'`,
    )) as unknown as { rows: Array<{ table_name: string }> }
  ).rows.map((r) => r.table_name);
  const found: string[] = [];
  for (const table of tables) {
    for (const needle of needles) {
      const result = (await db.execute(
        sql`select count(*)::int as n from ${sql.identifier(table)} x where x::text ilike ${`%${needle}%`}`,
      )) as unknown as { rows: Array<{ n: number }> };
      if (Number(result.rows[0]?.n) > 0) found.push(`${table}: ${needle}`);
    }
  }
  return found;
}
