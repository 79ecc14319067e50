import { randomBytes } from 'node:crypto';
import {
  type ForumCategory,
  type ForumPost,
  type ForumTopic,
  INDUSTRIES,
  type Me,
  SAUDI_PLACES,
  USE_CASE_CATEGORIES,
  type UseCase,
} from '@p2p/contracts';
import { expectOk, HttpClient } from './http-client.js';

/** A signed-in person: their own client (own loopback address and cookies) and who they are. */
export interface Person {
  label: string;
  client: HttpClient;
  userId: string;
  organizationId: string;
}

export interface TopicFixture {
  id: string;
  categoryId: string;
}

/** What the writers and readers work on, made through the API. */
export interface Fixtures {
  people: Person[];
  categories: string[];
  topics: TopicFixture[];
  /** Per topic, the posts a reply may answer (the fixtures' own, then every acknowledged reply). */
  postsByTopic: Map<string, string[]>;
  publishedCases: string[];
  /** A draft of the first organization: every like of it is refused (only published cases take likes). */
  draftCase: string;
  searchWords: string[];
}

const PASSWORD = `Reliable-Heron-${randomBytes(4).toString('hex')}`;
const EMAIL_DOMAIN = 'reliability.test';
const ORGANIZATIONS = ['Jubail Reliability Polymers', 'Dammam Crash Test Steel', 'Yanbu Restart Cement'];
const TECHNOLOGIES = ['SCADA', 'Vibration sensors', 'Machine vision', 'Digital twin', 'Predictive maintenance'];
const TAGS = ['energy', 'quality', 'safety', 'uptime'];
export const SEARCH_WORDS = ['pump', 'kiln', 'compressor', 'furnace', 'conveyor', 'valve', 'turbine', 'boiler'];
const CASES_PER_ORGANIZATION = 4;

/** Loopback addresses 127.0.0.2, 127.0.0.3, …: the server's per-IP limits see one client per address. */
function address(n: number): string {
  return `127.0.0.${2 + n}`;
}

async function signUp(baseUrl: string, n: number, organizationName: string): Promise<Person> {
  const client = new HttpClient(baseUrl, address(n));
  const email = `admin-${n}-${randomBytes(3).toString('hex')}@${EMAIL_DOMAIN}`;
  expectOk(
    await client.post('/api/auth/sign-up/email', {
      json: {
        email,
        password: PASSWORD,
        firstName: 'Admin',
        lastName: `Number ${n}`,
        organizationName,
        industry: INDUSTRIES[n % INDUSTRIES.length],
      },
    }),
    `sign-up of ${email}`,
  );
  if (!client.hasSession) throw new Error(`The sign-up of ${email} set no session cookie`);
  return whoIs(client, `org${n} admin`);
}

async function whoIs(client: HttpClient, label: string): Promise<Person> {
  const me = expectOk<Me>(await client.get('/api/v1/users/me'), `${label}: /users/me`);
  return { label, client, userId: me.id, organizationId: me.organization.id };
}

/** The token of the newest invitation mail to `email`, from the development outbox (DEV_MAIL=1). */
async function invitationToken(admin: Person, email: string): Promise<string> {
  const { items } = expectOk<{ items: { to: string; template: string; links: string[] }[] }>(
    await admin.client.get('/dev/mail'),
    'the development outbox',
  );
  const link = items.find((mail) => mail.to === email && mail.template === 'invitation')?.links[0];
  const token = link ? new URL(link).searchParams.get('token') : null;
  if (!token) throw new Error(`No invitation mail with a token to ${email} in /dev/mail`);
  return token;
}

async function addMember(baseUrl: string, admin: Person, n: number, organizationIndex: number): Promise<Person> {
  const email = `member-${n}-${randomBytes(3).toString('hex')}@${EMAIL_DOMAIN}`;
  expectOk(await admin.client.post('/api/v1/invitations', { json: { email, role: 'member' } }), `invitation of ${email}`);
  const token = await invitationToken(admin, email);
  const client = new HttpClient(baseUrl, address(n));
  expectOk(
    await client.post('/api/v1/invitations/accept', { json: { token, firstName: 'Member', lastName: `Number ${n}`, password: PASSWORD } }),
    `acceptance by ${email}`,
  );
  if (!client.hasSession) throw new Error(`Accepting the invitation of ${email} set no session cookie`);
  return whoIs(client, `org${organizationIndex} member ${n}`);
}

function caseBody(organizationIndex: number, k: number, publish: boolean) {
  const word = SEARCH_WORDS[(organizationIndex * CASES_PER_ORGANIZATION + k) % SEARCH_WORDS.length]!;
  const place = SAUDI_PLACES[(organizationIndex * 7 + k) % SAUDI_PLACES.length]!;
  return {
    title: `${word[0]!.toUpperCase()}${word.slice(1)} line retrofit ${organizationIndex}-${k}`,
    summary: `How a ${word} line cut unplanned stops with sensors and a weekly review, case ${organizationIndex}-${k}.`,
    challenge: `The ${word} stopped without warning about twice a month.`,
    solution: `Sensors on the ${word}, alarms to the shift lead, and a maintenance plan built from the data.`,
    results: `Unplanned stops of the ${word} fell by half within a quarter.`,
    category: USE_CASE_CATEGORIES[(organizationIndex + k) % USE_CASE_CATEGORIES.length]!,
    industry: INDUSTRIES[(organizationIndex * 3 + k) % INDUSTRIES.length]!,
    technologies: [TECHNOLOGIES[k % TECHNOLOGIES.length]!, TECHNOLOGIES[(k + organizationIndex + 1) % TECHNOLOGIES.length]!],
    tags: [TAGS[(k + organizationIndex) % TAGS.length]!],
    outcomes: { roiPercent: 20 + 10 * k, paybackMonths: 6 + k },
    city: place.slug,
    publish,
  };
}

/**
 * Three organizations (each an admin by sign-up) with members by invitation, `people` in all; three
 * topics in two categories with a first reply each; four published use cases per organization and
 * one draft.
 */
export async function createFixtures(baseUrl: string, people: number): Promise<Fixtures> {
  const admins: Person[] = [];
  for (const [n, name] of ORGANIZATIONS.entries()) admins.push(await signUp(baseUrl, n, name));
  const everyone = [...admins];
  for (let n = admins.length; n < people; n += 1) {
    const organizationIndex = n % admins.length;
    everyone.push(await addMember(baseUrl, admins[organizationIndex]!, n, organizationIndex));
  }

  const { items } = expectOk<{ items: ForumCategory[] }>(await admins[0]!.client.get('/api/v1/forum/categories'), 'the forum categories');
  const categories = items.filter((c) => c.organizationId === null).map((c) => c.id);
  if (categories.length < 2) throw new Error('The forum has fewer than two public categories');

  const topics: TopicFixture[] = [];
  const postsByTopic = new Map<string, string[]>();
  for (const [n, admin] of admins.entries()) {
    const categoryId = categories[n % 2]!;
    const word = SEARCH_WORDS[n]!;
    const topic = expectOk<ForumTopic>(
      await admin.client.post('/api/v1/forum/topics', {
        json: { categoryId, title: `Keeping the ${word} running: topic ${n}`, body: `What do you monitor on a ${word}? Topic ${n}.` },
      }),
      'a topic',
    );
    const post = expectOk<ForumPost>(
      await admin.client.post(`/api/v1/forum/topics/${topic.id}/posts`, { json: { body: `Vibration and temperature on every ${word}.` } }),
      'a first reply',
    );
    topics.push({ id: topic.id, categoryId });
    postsByTopic.set(topic.id, [post.id]);
  }

  const publishedCases: string[] = [];
  for (const [n, admin] of admins.entries()) {
    for (let k = 0; k < CASES_PER_ORGANIZATION; k += 1) {
      const created = expectOk<UseCase>(await admin.client.post('/api/v1/use-cases', { json: caseBody(n, k, true) }), 'a use case');
      publishedCases.push(created.id);
    }
  }
  const draft = expectOk<UseCase>(
    await admins[0]!.client.post('/api/v1/use-cases', { json: caseBody(0, CASES_PER_ORGANIZATION, false) }),
    'a draft use case',
  );

  return {
    people: everyone,
    categories,
    topics,
    postsByTopic,
    publishedCases,
    draftCase: draft.id,
    searchWords: SEARCH_WORDS,
  };
}
