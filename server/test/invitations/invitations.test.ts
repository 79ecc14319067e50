import { createHash } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invitationSends, invitations } from '../../src/modules/invitations/invitations.tables.js';
import { organizations } from '../../src/modules/organizations/organizations.tables.js';
import { users } from '../../src/modules/users/users.tables.js';
import { mailOutbox } from '../../src/platform/mail/mail.tables.js';
import { TestClient, type TestContext, createTestApp, expectProblem, signUp, uniqueEmail } from '../helpers/app.js';
import { countRows } from '../helpers/database.js';
import { acceptBody, addMember, createOrganization, invitationTokenFromOutbox, invite } from './factories.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
/** An invitation whose 7 days are up: its emails went out a week ago. */
const expire = async (id: string) => {
  await t.database.db
    .update(invitations)
    .set({ expiresAt: sql`now() - interval '1 minute'` })
    .where(eq(invitations.id, id));
  await t.database.db
    .update(invitationSends)
    .set({ createdAt: sql`created_at - interval '7 days'` })
    .where(eq(invitationSends.invitationId, id));
};
const invitationRow = async (id: string) => (await t.database.db.select().from(invitations).where(eq(invitations.id, id)))[0]!;

describe('POST /api/v1/invitations', () => {
  it('invites with a random token whose hash alone is stored, and writes the email in the same transaction', async () => {
    const org = await createOrganization(t.app, 'Najd Steel Works');
    const email = uniqueEmail('engineer');
    const response = await org.admin.post('/api/v1/invitations', {
      email: email.toUpperCase(),
      role: 'admin',
      message: 'Join our <reliability> team',
      language: 'ar',
    });
    expect(response.statusCode).toBe(201);
    const body = response.json();
    expect(body).toMatchObject({
      email,
      role: 'admin',
      message: 'Join our <reliability> team',
      language: 'ar',
      status: 'pending',
      sendCount: 1,
      acceptedAt: null,
    });
    expect(body.invitedBy).toEqual({ id: org.adminId, name: 'Faisal Al-Otaibi' });
    const days = (Date.parse(body.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.99);
    expect(days).toBeLessThanOrEqual(7);

    const token = await invitationTokenFromOutbox(t.database.db, email);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const row = await invitationRow(body.id);
    expect(row.tokenHash).toBe(sha256(token));
    const [leak] = await t.database.db
      .execute<{ n: number }>(sql`select count(*)::int as n from invitations i where i::text like ${`%${token}%`}`)
      .then((r) => (r as unknown as { rows: Array<{ n: number }> }).rows);
    expect(leak?.n).toBe(0);

    const [mail] = await t.database.db.select().from(mailOutbox).where(eq(mailOutbox.recipient, email));
    expect(mail).toMatchObject({ template: 'invitation', language: 'ar', status: 'pending' });
    expect(mail!.links).toEqual([`http://127.0.0.1:3000/invitations/accept?token=${token}`]);
    expect(mail!.subject).toContain('Najd Steel Works');
    expect(mail!.text).toContain('Faisal Al-Otaibi');
    expect(mail!.text).toContain('Join our <reliability> team');
    expect(mail!.text).toContain('مسؤولًا');
    expect(mail!.html).toContain('Join our &lt;reliability&gt; team');

    const other = await invite(t.app, t.database.db, org.admin);
    expect(other.token).not.toBe(token);
    expect((await invitationRow(other.id)).tokenHash).not.toBe(row.tokenHash);
  });

  it('writes the email in the inviting admin’s language unless another is asked for', async () => {
    const { client } = await signUp(t.app, { language: 'ar' });
    const { email } = await invite(t.app, t.database.db, client);
    const [mail] = await t.database.db.select().from(mailOutbox).where(eq(mailOutbox.recipient, email));
    expect(mail!.language).toBe('ar');
    expect(mail!.subject).toContain('دعاك');
  });

  it('refuses members and duplicates, and writes nothing', async () => {
    const org = await createOrganization(t.app);
    const elsewhere = await createOrganization(t.app, 'Another Co');
    const pending = await invite(t.app, t.database.db, org.admin);
    const before = await countRows(t.database.db, { invitations, mail: mailOutbox });

    expectProblem(await org.admin.post('/api/v1/invitations', { email: org.adminEmail }), 409, 'ALREADY_MEMBER');
    expectProblem(await org.admin.post('/api/v1/invitations', { email: pending.email.toUpperCase() }), 409, 'INVITATION_PENDING');
    expectProblem(await org.admin.post('/api/v1/invitations', { email: 'not-an-email' }), 400, 'VALIDATION_FAILED');
    expect(await countRows(t.database.db, { invitations, mail: mailOutbox })).toEqual(before);

    // Another organization may invite the same address at the same time.
    expect((await elsewhere.admin.post('/api/v1/invitations', { email: pending.email })).statusCode).toBe(201);
  });

  it('renews an expired invitation of the same address instead of refusing it; the old link stops working', async () => {
    const org = await createOrganization(t.app);
    const first = await invite(t.app, t.database.db, org.admin);
    await expire(first.id);
    const again = await org.admin.post('/api/v1/invitations', { email: first.email, role: 'admin', message: 'Second try' });
    expect(again.statusCode).toBe(201);
    expect(again.json()).toMatchObject({ id: first.id, status: 'pending', role: 'admin', message: 'Second try', sendCount: 2 });
    const token = await invitationTokenFromOutbox(t.database.db, first.email);
    expect(token).not.toBe(first.token);
    expectProblem(await org.admin.get(`/api/v1/invitations/validate/${first.token}`), 404, 'INVITATION_NOT_FOUND');
    expect((await org.admin.get(`/api/v1/invitations/validate/${token}`)).json().role).toBe('admin');
  });

  it('refuses to go over the tier’s user limit, counting active members and pending invitations', async () => {
    const org = await createOrganization(t.app);
    await addMember(t.app, t.database.db, org.admin); // 2 active members
    const sent = [];
    for (let i = 0; i < 8; i += 1) sent.push(await invite(t.app, t.database.db, org.admin)); // 10 seats: the trial limit
    const before = await countRows(t.database.db, { invitations, mail: mailOutbox });
    expectProblem(await org.admin.post('/api/v1/invitations', { email: uniqueEmail() }), 409, 'USER_LIMIT_REACHED');
    expect(await countRows(t.database.db, { invitations, mail: mailOutbox })).toEqual(before);

    // A cancelled or expired invitation frees its seat; renewing the expired one takes a seat again.
    expect((await org.admin.post(`/api/v1/invitations/${sent[0]!.id}/cancel`)).statusCode).toBe(200);
    await invite(t.app, t.database.db, org.admin);
    await expire(sent[1]!.id);
    const filler = await invite(t.app, t.database.db, org.admin);
    expectProblem(await org.admin.post(`/api/v1/invitations/${sent[1]!.id}/resend`), 409, 'USER_LIMIT_REACHED');
    expect((await org.admin.post(`/api/v1/invitations/${filler.id}/cancel`)).statusCode).toBe(200);
    expect((await org.admin.post(`/api/v1/invitations/${sent[1]!.id}/resend`)).statusCode).toBe(200);

    // No limit on the enterprise tier.
    await t.database.db
      .update(organizations)
      .set({ subscriptionTier: 'enterprise', trialEndsAt: null })
      .where(eq(organizations.id, org.organizationId));
    expect((await org.admin.post('/api/v1/invitations', { email: uniqueEmail() })).statusCode).toBe(201);
  });

  it('needs a verified email after the grace period and an organization that is not suspended', async () => {
    const org = await createOrganization(t.app);
    const sent = await invite(t.app, t.database.db, org.admin);
    await t.database.db
      .update(users)
      .set({ createdAt: sql`now() - interval '8 days'` })
      .where(eq(users.id, org.adminId));
    expectProblem(await org.admin.post('/api/v1/invitations', { email: uniqueEmail() }), 403, 'EMAIL_NOT_VERIFIED');
    expectProblem(await org.admin.post(`/api/v1/invitations/${sent.id}/cancel`), 403, 'EMAIL_NOT_VERIFIED');
    expect((await org.admin.get('/api/v1/invitations')).statusCode).toBe(200);

    await t.database.db.update(users).set({ emailVerified: true }).where(eq(users.id, org.adminId));
    await t.database.db.update(organizations).set({ status: 'suspended' }).where(eq(organizations.id, org.organizationId));
    expectProblem(await org.admin.post('/api/v1/invitations', { email: uniqueEmail() }), 403, 'FORBIDDEN');
    expectProblem(await org.admin.post(`/api/v1/invitations/${sent.id}/resend`), 403, 'FORBIDDEN');
    expect((await invitationRow(sent.id)).status).toBe('pending');
    await t.database.db.update(organizations).set({ status: 'active' }).where(eq(organizations.id, org.organizationId));
    expect((await org.admin.post('/api/v1/invitations', { email: uniqueEmail() })).statusCode).toBe(201);
  });

  it('is for organization admins: members get 403, guests 401', async () => {
    const org = await createOrganization(t.app);
    const member = await addMember(t.app, t.database.db, org.admin);
    expectProblem(await member.client.post('/api/v1/invitations', { email: uniqueEmail() }), 403, 'FORBIDDEN');
    expectProblem(await member.client.get('/api/v1/invitations'), 403, 'FORBIDDEN');
    expectProblem(await member.client.get('/api/v1/invitations/stats'), 403, 'FORBIDDEN');
    const guest = new TestClient(t.app);
    expectProblem(await guest.post('/api/v1/invitations', { email: uniqueEmail() }), 401, 'UNAUTHENTICATED');
  });
});

describe('listing, stats, cancel and resend', () => {
  it('lists by status with paging and counts every status; other organizations see none of it', async () => {
    const org = await createOrganization(t.app);
    const accepted = await invite(t.app, t.database.db, org.admin);
    await t.app.inject({ method: 'POST', url: '/api/v1/invitations/accept', payload: acceptBody(accepted.token) });
    const cancelled = await invite(t.app, t.database.db, org.admin);
    await org.admin.post(`/api/v1/invitations/${cancelled.id}/cancel`);
    const expired = await invite(t.app, t.database.db, org.admin);
    await expire(expired.id);
    const pendingA = await invite(t.app, t.database.db, org.admin);
    const pendingB = await invite(t.app, t.database.db, org.admin);

    const all = (await org.admin.get('/api/v1/invitations')).json();
    expect(all).toMatchObject({ total: 5, page: 1, totalPages: 1, hasNext: false, hasPrevious: false });
    expect(all.items.map((i: { id: string }) => i.id)).toEqual([pendingB.id, pendingA.id, expired.id, cancelled.id, accepted.id]);
    const byStatus = async (status: string) =>
      (await org.admin.get(`/api/v1/invitations?status=${status}`)).json().items as Array<{
        id: string;
        status: string;
        acceptedAt: string | null;
      }>;
    expect((await byStatus('pending')).map((i) => i.id)).toEqual([pendingB.id, pendingA.id]);
    expect(await byStatus('expired')).toMatchObject([{ id: expired.id, status: 'expired' }]);
    expect(await byStatus('cancelled')).toMatchObject([{ id: cancelled.id, status: 'cancelled' }]);
    const [acceptedItem] = await byStatus('accepted');
    expect(acceptedItem).toMatchObject({ id: accepted.id, status: 'accepted' });
    expect(acceptedItem!.acceptedAt).not.toBeNull();

    const page2 = (await org.admin.get('/api/v1/invitations?pageSize=2&page=2')).json();
    expect(page2).toMatchObject({ total: 5, page: 2, pageSize: 2, totalPages: 3, hasNext: true, hasPrevious: true });
    expect(page2.items.map((i: { id: string }) => i.id)).toEqual([expired.id, cancelled.id]);
    expectProblem(await org.admin.get('/api/v1/invitations?status=lost'), 400, 'VALIDATION_FAILED');

    expect((await org.admin.get('/api/v1/invitations/stats')).json()).toEqual({
      sent: 5,
      pending: 2,
      accepted: 1,
      expired: 1,
      cancelled: 1,
      acceptanceRate: 0.2,
    });

    const other = await createOrganization(t.app);
    expect((await other.admin.get('/api/v1/invitations')).json()).toMatchObject({ total: 0, items: [] });
    expect((await other.admin.get('/api/v1/invitations/stats')).json()).toEqual({
      sent: 0,
      pending: 0,
      accepted: 0,
      expired: 0,
      cancelled: 0,
      acceptanceRate: 0,
    });
  });

  it('cancels a pending invitation: its link stops working; only once; not another organization’s', async () => {
    const org = await createOrganization(t.app);
    const other = await createOrganization(t.app);
    const sent = await invite(t.app, t.database.db, org.admin);
    expectProblem(await other.admin.post(`/api/v1/invitations/${sent.id}/cancel`), 404, 'NOT_FOUND');
    expectProblem(await other.admin.post(`/api/v1/invitations/${sent.id}/resend`), 404, 'NOT_FOUND');
    expect((await invitationRow(sent.id)).status).toBe('pending');

    const cancelled = await org.admin.post(`/api/v1/invitations/${sent.id}/cancel`);
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.json().status).toBe('cancelled');
    expect((await invitationRow(sent.id)).cancelledAt).not.toBeNull();
    expectProblem(await org.admin.get(`/api/v1/invitations/validate/${sent.token}`), 410, 'INVITATION_CANCELLED');
    expectProblem(
      await t.app.inject({ method: 'POST', url: '/api/v1/invitations/accept', payload: acceptBody(sent.token) }),
      410,
      'INVITATION_CANCELLED',
    );
    expectProblem(await org.admin.post(`/api/v1/invitations/${sent.id}/cancel`), 409, 'CONFLICT');
    expectProblem(await org.admin.post(`/api/v1/invitations/${sent.id}/resend`), 409, 'CONFLICT');
    expectProblem(await org.admin.post('/api/v1/invitations/not-a-uuid/cancel'), 404, 'NOT_FOUND');
  });

  it('resends with a new token and expiry: the old link fails, the new one works, a second email goes out', async () => {
    const org = await createOrganization(t.app);
    const sent = await invite(t.app, t.database.db, org.admin);
    await expire(sent.id);
    expectProblem(await org.admin.get(`/api/v1/invitations/validate/${sent.token}`), 410, 'INVITATION_EXPIRED');
    const before = await invitationRow(sent.id);

    const resent = await org.admin.post(`/api/v1/invitations/${sent.id}/resend`);
    expect(resent.statusCode).toBe(200);
    expect(resent.json()).toMatchObject({ id: sent.id, status: 'pending', sendCount: 2 });
    expect(Date.parse(resent.json().expiresAt) - Date.now()).toBeGreaterThan(6.99 * 86_400_000);
    expect(Date.parse(resent.json().lastSentAt)).toBeGreaterThanOrEqual(before.lastSentAt.getTime());
    const mails = await t.database.db
      .select()
      .from(mailOutbox)
      .where(and(eq(mailOutbox.recipient, sent.email), eq(mailOutbox.template, 'invitation')));
    expect(mails).toHaveLength(2);

    const token = await invitationTokenFromOutbox(t.database.db, sent.email);
    expect(token).not.toBe(sent.token);
    expectProblem(await org.admin.get(`/api/v1/invitations/validate/${sent.token}`), 404, 'INVITATION_NOT_FOUND');
    expectProblem(
      await t.app.inject({ method: 'POST', url: '/api/v1/invitations/accept', payload: acceptBody(sent.token) }),
      404,
      'INVITATION_NOT_FOUND',
    );
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/invitations/accept', payload: acceptBody(token) })).statusCode).toBe(200);
    expectProblem(await org.admin.post(`/api/v1/invitations/${sent.id}/resend`), 409, 'INVITATION_ALREADY_ACCEPTED');
    expectProblem(await org.admin.post(`/api/v1/invitations/${sent.id}/cancel`), 409, 'INVITATION_ALREADY_ACCEPTED');
  });
});
