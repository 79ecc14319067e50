import { and, eq, sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  MAX_INVITATION_EMAILS_PER_ADMIN_PER_HOUR,
  MAX_INVITATION_EMAILS_PER_ORGANIZATION_PER_DAY,
  MAX_INVITES_PER_ADDRESS_PER_DAY,
  MAX_RESENDS_PER_INVITATION,
  MIN_MINUTES_BETWEEN_RESENDS,
} from '../../src/modules/invitations/invitations.limits.js';
import { invitationSends, invitations } from '../../src/modules/invitations/invitations.tables.js';
import { organizations } from '../../src/modules/organizations/organizations.tables.js';
import { mailOutbox } from '../../src/platform/mail/mail.tables.js';
import { TestClient, type TestContext, createTestApp, expectProblem, uniqueEmail } from '../helpers/app.js';
import { countRows } from '../helpers/database.js';
import { acceptBody, addMember, createOrganization, invitationTokenFromOutbox, invite } from './factories.js';

// Invitations as an attacker would use them (issue 12): to learn whether an address has an account,
// to mail any address again and again, and to carry a link in the personal message.

// Each test signs several people up (password hashing) and walks many pages: slow on a loaded machine.
const SLOW = 120_000;

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const db = () => t.database.db;

async function makeEnterprise(organizationId: string) {
  await db().update(organizations).set({ subscriptionTier: 'enterprise', trialEndsAt: null }).where(eq(organizations.id, organizationId));
}

/** An invitation through the API whose email counts against the limits (the factory's do not). */
async function send(admin: TestClient, email = uniqueEmail()) {
  const response = await admin.post('/api/v1/invitations', { email });
  expect(response.statusCode).toBe(201);
  return { id: response.json().id as string, email };
}

/** Moves the sends of an invitation back in time (as if they went out that long ago). */
async function ageSends(invitationId: string, minutes: number) {
  await db()
    .update(invitationSends)
    .set({ createdAt: sql`created_at - make_interval(mins => ${minutes})` })
    .where(eq(invitationSends.invitationId, invitationId));
}

function expectRateLimited(response: LightMyRequestResponse, maxSeconds: number) {
  expectProblem(response, 429, 'RATE_LIMITED');
  const retryAfter = Number(response.headers['retry-after']);
  expect(Number.isInteger(retryAfter)).toBe(true);
  expect(retryAfter).toBeGreaterThan(0);
  expect(retryAfter).toBeLessThanOrEqual(maxSeconds);
  return retryAfter;
}

/** An invitation answer with what differs between any two invitations (ids, addresses, instants) blanked out. */
const shapeOf = (body: Record<string, unknown>) =>
  Object.fromEntries(
    Object.entries(body).map(([key, value]) => [
      key,
      ['id', 'email', 'expiresAt', 'createdAt', 'lastSentAt'].includes(key) ? typeof value : value,
    ]),
  );

describe('one answer whether or not the address has an account', () => {
  it(
    'answers an address with an account in another organization exactly as a new address, and tells the invitee on accepting',
    async () => {
      const org = await createOrganization(t.app, 'Yanbu Valves');
      const elsewhere = await createOrganization(t.app, 'Another Co');
      const fresh = uniqueEmail('fresh');

      const forFresh = await org.admin.post('/api/v1/invitations', { email: fresh, role: 'member', message: 'Welcome aboard' });
      const forTaken = await org.admin.post('/api/v1/invitations', {
        email: elsewhere.adminEmail.toUpperCase(),
        role: 'member',
        message: 'Welcome aboard',
      });
      expect(forTaken.statusCode).toBe(forFresh.statusCode);
      expect(forTaken.statusCode).toBe(201);
      expect(forTaken.headers['content-type']).toBe(forFresh.headers['content-type']);
      expect(shapeOf(forTaken.json())).toEqual(shapeOf(forFresh.json()));
      expect(forTaken.json().email).toBe(elsewhere.adminEmail);

      // Both got the same email, and both are listed the same way.
      const mails = await db()
        .select({ recipient: mailOutbox.recipient, subject: mailOutbox.subject })
        .from(mailOutbox)
        .where(eq(mailOutbox.template, 'invitation'));
      expect(mails.filter((m) => m.recipient === fresh || m.recipient === elsewhere.adminEmail)).toHaveLength(2);
      const listed = (await org.admin.get('/api/v1/invitations')).json().items as Array<{ email: string; status: string }>;
      expect(listed.map((i) => i.status)).toEqual(['pending', 'pending']);

      // The invitee proves the address by opening the link, and is told there.
      const token = await invitationTokenFromOutbox(db(), elsewhere.adminEmail);
      expect((await new TestClient(t.app).get(`/api/v1/invitations/validate/${token}`)).statusCode).toBe(200);
      const accepted = await new TestClient(t.app).post('/api/v1/invitations/accept', acceptBody(token));
      expect(expectProblem(accepted, 409, 'EMAIL_TAKEN').detail).toMatch(/sign in/i);
      // The fresh address joins as before.
      const freshToken = await invitationTokenFromOutbox(db(), fresh);
      expect((await new TestClient(t.app).post('/api/v1/invitations/accept', acceptBody(freshToken))).statusCode).toBe(200);
    },
    SLOW,
  );
});

describe('sending limits (429 problem+json with Retry-After)', () => {
  it(
    `resends one invitation at most ${MAX_RESENDS_PER_INVITATION} times, ${MIN_MINUTES_BETWEEN_RESENDS} minutes apart`,
    async () => {
      const org = await createOrganization(t.app);
      const sent = await send(org.admin);
      const mailsTo = async () =>
        (
          await db()
            .select()
            .from(mailOutbox)
            .where(and(eq(mailOutbox.recipient, sent.email), eq(mailOutbox.template, 'invitation')))
        ).length;

      const tooSoon = await org.admin.post(`/api/v1/invitations/${sent.id}/resend`);
      const wait = expectRateLimited(tooSoon, MIN_MINUTES_BETWEEN_RESENDS * 60);
      expect(wait).toBeGreaterThan((MIN_MINUTES_BETWEEN_RESENDS - 1) * 60);
      expect(await mailsTo()).toBe(1);

      for (let i = 1; i <= MAX_RESENDS_PER_INVITATION; i += 1) {
        await ageSends(sent.id, MIN_MINUTES_BETWEEN_RESENDS + 1);
        const resent = await org.admin.post(`/api/v1/invitations/${sent.id}/resend`);
        expect(resent.statusCode).toBe(200);
        expect(resent.json().sendCount).toBe(i + 1);
      }
      await ageSends(sent.id, MIN_MINUTES_BETWEEN_RESENDS + 1);
      expectRateLimited(await org.admin.post(`/api/v1/invitations/${sent.id}/resend`), 24 * 3600);
      expect(await mailsTo()).toBe(1 + MAX_RESENDS_PER_INVITATION);
      expect((await db().select().from(invitations).where(eq(invitations.id, sent.id)))[0]!.sendCount).toBe(1 + MAX_RESENDS_PER_INVITATION);
    },
    SLOW,
  );

  it(
    `lets one organization invite one address at most ${MAX_INVITES_PER_ADDRESS_PER_DAY} times a day, however often it cancels`,
    async () => {
      const org = await createOrganization(t.app);
      const other = await createOrganization(t.app);
      const email = uniqueEmail('target');
      for (let i = 0; i < MAX_INVITES_PER_ADDRESS_PER_DAY; i += 1) {
        const sent = await send(org.admin, email);
        expect((await org.admin.post(`/api/v1/invitations/${sent.id}/cancel`)).statusCode).toBe(200);
      }
      const before = await countRows(db(), { invitations, mail: mailOutbox, sends: invitationSends });
      const refused = await org.admin.post('/api/v1/invitations', { email });
      const wait = expectRateLimited(refused, 24 * 3600);
      expect(wait).toBeGreaterThan(23 * 3600);
      expect(await countRows(db(), { invitations, mail: mailOutbox, sends: invitationSends })).toEqual(before);
      // The limit is this organization's: another may invite the address, and a day later this one may again.
      expect((await other.admin.post('/api/v1/invitations', { email })).statusCode).toBe(201);
      await db()
        .update(invitationSends)
        .set({ createdAt: sql`created_at - interval '1 day'` })
        .where(and(eq(invitationSends.organizationId, org.organizationId), eq(invitationSends.email, email)));
      expect((await org.admin.post('/api/v1/invitations', { email })).statusCode).toBe(201);
    },
    SLOW,
  );

  it(
    `lets one admin send ${MAX_INVITATION_EMAILS_PER_ADMIN_PER_HOUR} invitation emails an hour; another admin has their own`,
    async () => {
      const org = await createOrganization(t.app);
      await makeEnterprise(org.organizationId);
      const second = await addMember(t.app, db(), org.admin, 'admin');
      for (let i = 0; i < MAX_INVITATION_EMAILS_PER_ADMIN_PER_HOUR; i += 1) await send(org.admin);
      expectRateLimited(await org.admin.post('/api/v1/invitations', { email: uniqueEmail() }), 3600);
      expect((await second.client.post('/api/v1/invitations', { email: uniqueEmail() })).statusCode).toBe(201);
      // The oldest email leaves the hour: one more may go.
      await db()
        .update(invitationSends)
        .set({ createdAt: sql`now() - interval '61 minutes'` })
        .where(
          sql`${invitationSends.id} = (select id from ${invitationSends} where sent_by_id = ${org.adminId} and created_at > now() - interval '1 hour' order by created_at asc limit 1)`,
        );
      expect((await org.admin.post('/api/v1/invitations', { email: uniqueEmail() })).statusCode).toBe(201);
    },
    SLOW,
  );

  it(
    `lets one organization send ${MAX_INVITATION_EMAILS_PER_ORGANIZATION_PER_DAY} invitation emails a day, resends included`,
    async () => {
      const org = await createOrganization(t.app);
      await makeEnterprise(org.organizationId);
      const sent = await send(org.admin);
      // The rest of the day's budget was spent two hours ago (by admins since removed, say).
      await db().execute(sql`insert into ${invitationSends} (invitation_id, organization_id, email, sent_by_id, kind, created_at)
      select ${sent.id}, ${org.organizationId}, 'someone.' || n || '@example.com', null, 'invite', now() - interval '2 hours'
      from generate_series(1, ${MAX_INVITATION_EMAILS_PER_ORGANIZATION_PER_DAY - 1}) n`);
      const wait = expectRateLimited(await org.admin.post('/api/v1/invitations', { email: uniqueEmail() }), 24 * 3600);
      expect(wait).toBeGreaterThan(21 * 3600);
      expect(wait).toBeLessThanOrEqual(22 * 3600);
      await ageSends(sent.id, MIN_MINUTES_BETWEEN_RESENDS + 1);
      expectRateLimited(await org.admin.post(`/api/v1/invitations/${sent.id}/resend`), 24 * 3600);
    },
    SLOW,
  );

  it(
    'stays exact when one admin sends many invitations at once',
    async () => {
      const org = await createOrganization(t.app);
      await makeEnterprise(org.organizationId);
      const extra = 5;
      const responses = await Promise.all(
        Array.from({ length: MAX_INVITATION_EMAILS_PER_ADMIN_PER_HOUR + extra }, (_, i) =>
          org.admin.post('/api/v1/invitations', { email: `burst.${i}.${Date.now()}@example.com` }),
        ),
      );
      const statuses = responses.map((r) => r.statusCode);
      expect(statuses.filter((s) => s === 201)).toHaveLength(MAX_INVITATION_EMAILS_PER_ADMIN_PER_HOUR);
      expect(statuses.filter((s) => s === 429)).toHaveLength(extra);
      const sends = await db().select().from(invitationSends).where(eq(invitationSends.organizationId, org.organizationId));
      expect(sends).toHaveLength(MAX_INVITATION_EMAILS_PER_ADMIN_PER_HOUR);
    },
    SLOW,
  );
});

describe('the personal message is plain text', () => {
  it(
    'refuses links, web addresses, bare domains and e-mail addresses, naming message, and sends nothing',
    async () => {
      const org = await createOrganization(t.app);
      const before = await countRows(db(), { invitations, mail: mailOutbox });
      for (const message of [
        'Sign up at https://evil.example/login',
        'see http://203.0.113.7/x',
        'Visit www.evil-site.com today',
        'Open evil.example/x to join',
        'EVIL.EXAMPLE has details',
        'Write to boss@evil.example',
        'mailto:boss',
        'javascript:alert(1)',
        'حمّل من evil。example',
        'x'.repeat(501),
      ]) {
        const problem = expectProblem(
          await org.admin.post('/api/v1/invitations', { email: uniqueEmail(), message }),
          400,
          'VALIDATION_FAILED',
        );
        expect(problem.errors?.map((e) => e.path)).toEqual(['message']);
      }
      expect(await countRows(db(), { invitations, mail: mailOutbox })).toEqual(before);
    },
    SLOW,
  );

  it(
    'keeps ordinary prose, and the email shows it escaped and with nothing a mail client would link',
    async () => {
      const org = await createOrganization(t.app);
      const message = 'Welcome to the <reliability> team! Start at 8 a.m. on Sunday; ROI was 3.5x. مرحبًا بك';
      const { email } = await invite(t.app, db(), org.admin, { message });
      const [mail] = await db().select().from(mailOutbox).where(eq(mailOutbox.recipient, email));
      expect(mail!.links).toHaveLength(1);
      expect(mail!.html).toContain('&lt;reliability&gt;');
      expect(mail!.html).not.toContain('<reliability>');
      // Every dot of the message is followed by an invisible word joiner, so "a.m." cannot read as a host name.
      expect(mail!.text).toContain('8 a.\u2060m.\u2060 on Sunday');
      expect(mail!.html.match(/<a /g)).toHaveLength(1);
      // What the admin and the invitee see is the message as written.
      const token = await invitationTokenFromOutbox(db(), email);
      expect((await new TestClient(t.app).get(`/api/v1/invitations/validate/${token}`)).json().message).toBe(message);
    },
    SLOW,
  );
});
