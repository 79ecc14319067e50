import { randomBytes } from 'node:crypto';
import { type HttpResponse, cookiesOf, send } from './http.js';
import { SUPERADMIN } from './server.js';

export type Role = 'guest' | 'member' | 'admin' | 'otherAdmin' | 'superadmin';

export interface Account {
  role: Role;
  email: string;
  cookie: string;
  userId: string;
  organizationId: string;
  /** The loopback address this account's requests come from. */
  localAddress: string;
}

export interface Fixtures {
  baseUrl: string;
  accounts: Record<Exclude<Role, 'guest'>, Account>;
  ids: {
    categoryId: string;
    ownCategoryId: string;
    topicId: string;
    postId: string;
    useCaseId: string;
    savedSearchId: string;
    invitationId: string;
    reportId: string;
    organizationId: string;
    memberId: string;
  };
}

const PASSWORD = 'Quartz-Falcon-2931-sec';

function expectOk(response: HttpResponse, what: string): Record<string, unknown> {
  if (response.status < 200 || response.status >= 300)
    throw new Error(`${what} answered ${response.status}: ${response.text.slice(0, 400)}`);
  return (response.json ?? {}) as Record<string, unknown>;
}

async function outboxLink(baseUrl: string, to: string, template: string): Promise<string> {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const outbox = (await send(baseUrl, 'GET', '/dev/mail')).json as { items?: Array<{ to: string; template: string; links: string[] }> };
    const mail = outbox.items?.find((m) => m.to === to && m.template === template);
    if (mail?.links[0]) return mail.links[0];
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no ${template} mail to ${to} in the development outbox`);
}

async function me(baseUrl: string, cookie: string, localAddress: string): Promise<{ id: string; organizationId: string }> {
  const body = expectOk(await send(baseUrl, 'GET', '/api/v1/users/me', { cookie, localAddress }), 'GET /users/me') as {
    id: string;
    organization?: { id: string };
  };
  return { id: body.id, organizationId: body.organization?.id ?? '' };
}

async function signUp(baseUrl: string, role: Role, organizationName: string, localAddress: string): Promise<Account> {
  const email = `security-${role.toLowerCase()}-${randomBytes(3).toString('hex')}@example.com`;
  const response = await send(baseUrl, 'POST', '/api/auth/sign-up/email', {
    localAddress,
    body: { email, password: PASSWORD, firstName: 'Security', lastName: role, organizationName, industry: 'metals_steel' },
  });
  expectOk(response, `sign-up of ${email}`);
  const cookie = cookiesOf(response);
  // Confirm the address as its owner would, from the link in the development outbox.
  const link = new URL(await outboxLink(baseUrl, email, 'verify-email'));
  await send(baseUrl, 'GET', `${link.pathname}${link.search}`, { cookie, localAddress });
  const who = await me(baseUrl, cookie, localAddress);
  return { role, email, cookie, userId: who.id, organizationId: who.organizationId, localAddress };
}

async function signIn(baseUrl: string, role: Role, email: string, password: string, localAddress: string): Promise<Account> {
  const response = await send(baseUrl, 'POST', '/api/auth/sign-in/email', { localAddress, body: { email, password } });
  expectOk(response, `sign-in of ${email}`);
  const cookie = cookiesOf(response);
  const who = await me(baseUrl, cookie, localAddress);
  return { role, email, cookie, userId: who.id, organizationId: who.organizationId, localAddress };
}

/**
 * Two organizations signed up through the API (their admins, and a member invited into the first),
 * the platform superadmin, and one of each thing the suite edits, owned by the first
 * organization's admin.
 */
export async function createFixtures(baseUrl: string): Promise<Fixtures> {
  const admin = await signUp(baseUrl, 'admin', 'Security Suite Steel', '127.0.0.2');
  const otherAdmin = await signUp(baseUrl, 'otherAdmin', 'Security Suite Polymers', '127.0.0.3');
  const superadmin = await signIn(baseUrl, 'superadmin', SUPERADMIN.email, SUPERADMIN.password, '127.0.0.4');

  const memberEmail = `security-member-${randomBytes(3).toString('hex')}@example.com`;
  const asAdmin = { cookie: admin.cookie, localAddress: admin.localAddress };
  expectOk(await send(baseUrl, 'POST', '/api/v1/invitations', { ...asAdmin, body: { email: memberEmail, role: 'member' } }), 'invitation');
  const token = new URL(await outboxLink(baseUrl, memberEmail, 'invitation')).searchParams.get('token') ?? '';
  const accepted = await send(baseUrl, 'POST', '/api/v1/invitations/accept', {
    localAddress: '127.0.0.5',
    body: { token, firstName: 'Security', lastName: 'Member', password: PASSWORD },
  });
  expectOk(accepted, 'invitation acceptance');
  const memberCookie = cookiesOf(accepted);
  const memberWho = await me(baseUrl, memberCookie, '127.0.0.5');
  const member: Account = {
    role: 'member',
    email: memberEmail,
    cookie: memberCookie,
    userId: memberWho.id,
    organizationId: memberWho.organizationId,
    localAddress: '127.0.0.5',
  };

  const pending = expectOk(
    await send(baseUrl, 'POST', '/api/v1/invitations', {
      ...asAdmin,
      body: { email: `security-pending-${randomBytes(3).toString('hex')}@example.com` },
    }),
    'pending invitation',
  );
  const categories = expectOk(await send(baseUrl, 'GET', '/api/v1/forum/categories', asAdmin), 'categories') as unknown as
    Array<{ id: string }> | { items: Array<{ id: string }> };
  const categoryList = Array.isArray(categories) ? categories : categories.items;
  const categoryId = categoryList[0]!.id;
  const ownCategory = expectOk(
    await send(baseUrl, 'POST', '/api/v1/forum/categories', {
      cookie: superadmin.cookie,
      localAddress: superadmin.localAddress,
      body: { slug: `security-${randomBytes(3).toString('hex')}`, nameEn: 'Security suite', nameAr: 'اختبارات الأمان' },
    }),
    'forum category',
  );
  const topic = expectOk(
    await send(baseUrl, 'POST', '/api/v1/forum/topics', {
      ...asAdmin,
      body: { categoryId, title: 'Extruder die pressure alarms', body: 'Which **sensors** do you trust for melt pressure?' },
    }),
    'forum topic',
  );
  const post = expectOk(
    await send(baseUrl, 'POST', `/api/v1/forum/topics/${String(topic.id)}/posts`, {
      ...asAdmin,
      body: { body: 'We use Dynisco transducers.' },
    }),
    'forum reply',
  );
  const useCase = expectOk(
    await send(baseUrl, 'POST', '/api/v1/use-cases', {
      ...asAdmin,
      body: {
        title: 'Melt pressure monitoring on extrusion line 3',
        summary: 'Pressure transducers and alarms cut scrap on the extrusion line by a fifth in six months.',
        category: 'quality',
        industry: 'metals_steel',
        technologies: ['PLC'],
        tags: ['scrap'],
        vendors: ['Dynisco'],
        extraOutcomes: [{ label: 'Scrap', value: 20, unit: '%' }],
        city: 'Jubail',
        region: 'eastern',
        latitude: 27.0,
        longitude: 49.6,
        visibility: 'public',
        publish: true,
      },
    }),
    'use case',
  );
  const savedSearch = expectOk(
    await send(baseUrl, 'POST', '/api/v1/use-cases/search/saved', { ...asAdmin, body: { name: 'Extrusion', search: { q: 'extrusion' } } }),
    'saved search',
  );
  expectOk(
    await send(baseUrl, 'POST', `/api/v1/use-cases/${String(useCase.id)}/report`, {
      cookie: otherAdmin.cookie,
      localAddress: otherAdmin.localAddress,
      body: { reason: 'inaccurate', details: 'The payback looks optimistic.' },
    }),
    'use-case report',
  );
  const reports = expectOk(
    await send(baseUrl, 'GET', '/api/v1/use-cases/reports?status=open&pageSize=100', {
      cookie: superadmin.cookie,
      localAddress: superadmin.localAddress,
    }),
    'open reports',
  ) as { items: Array<{ id: string }> };

  return {
    baseUrl,
    accounts: { admin, otherAdmin, member, superadmin },
    ids: {
      categoryId,
      ownCategoryId: String(ownCategory.id),
      topicId: String(topic.id),
      postId: String(post.id),
      useCaseId: String(useCase.id),
      savedSearchId: String(savedSearch.id),
      invitationId: String(pending.id),
      reportId: reports.items[0]?.id ?? '00000000-0000-4000-8000-000000000000',
      organizationId: admin.organizationId,
      memberId: member.userId,
    },
  };
}

/** A path template with its parameters filled from the fixtures. */
export function fillPath(template: string, fixtures: Fixtures): string {
  const { ids } = fixtures;
  const byPrefix: Array<[RegExp, string]> = [
    [/^\/api\/v1\/forum\/topics\/\{id\}/, ids.topicId],
    [/^\/api\/v1\/forum\/posts\/\{id\}/, ids.postId],
    [/^\/api\/v1\/forum\/categories\/\{id\}/, ids.ownCategoryId],
    [/^\/api\/v1\/use-cases\/reports\/\{id\}/, ids.reportId],
    [/^\/api\/v1\/use-cases\/search\/saved\/\{id\}/, ids.savedSearchId],
    [/^\/api\/v1\/use-cases\/\{id\}/, ids.useCaseId],
    [/^\/api\/v1\/users\/me\/sessions\/\{id\}/, '00000000-0000-4000-8000-000000000000'],
    [/^\/api\/v1\/users\/\{id\}/, ids.memberId],
    [/^\/api\/v1\/organizations\/\{id\}/, ids.organizationId],
    [/^\/api\/v1\/invitations\/\{id\}/, ids.invitationId],
    [/^\/api\/v1\/files\/\{id\}/, '00000000-0000-4000-8000-000000000000'],
  ];
  const match = byPrefix.find(([pattern]) => pattern.test(template));
  return template.replace(/\{id\}/g, match?.[1] ?? '00000000-0000-4000-8000-000000000000').replace(/\{token\}/g, 'not-a-token');
}

/**
 * Who may reach an operation's validation: the platform superadmin for platform-wide moderation
 * (forum categories, use-case moderation and reports), otherwise the first organization's admin,
 * who owns every fixture.
 */
export function actorFor(method: string, path: string): Exclude<Role, 'guest'> {
  if (/^\/api\/v1\/forum\/categories/.test(path) && method !== 'GET') return 'superadmin';
  if (/^\/api\/v1\/use-cases\/reports/.test(path) || /\/moderation$/.test(path)) return 'superadmin';
  return 'admin';
}
