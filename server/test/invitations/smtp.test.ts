import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailOutbox } from '../../src/platform/mail/mail.tables.js';
import { TEST_PASSWORD, TestClient, type TestContext, createTestApp, uniqueEmail } from '../helpers/app.js';
import { MAIL_TEST_TIMEOUT_MS, startSmtpServer, waitFor } from '../helpers/smtp.js';
import { createOrganization } from './factories.js';

let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let t: TestContext;
beforeAll(async () => {
  smtp = await startSmtpServer();
  t = await createTestApp({ SMTP_URL: smtp.url, MAIL_FROM: 'P2P Sandbox <no-reply@p2p.test>' });
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

describe('an invitation over real SMTP', { timeout: MAIL_TEST_TIMEOUT_MS }, () => {
  it('is delivered, and following its link makes the invitee a signed-in member of that company', async () => {
    const org = await createOrganization(t.app, 'Yanbu Cement Company');
    const email = uniqueEmail('hessa');
    const created = await org.admin.post('/api/v1/invitations', {
      email,
      role: 'member',
      message: 'We would love your help with kiln maintenance.',
    });
    expect(created.statusCode).toBe(201);

    const message = await smtp.waitForMessage((m) => m.to.includes(email) && m.parsed.subject?.includes('invited') === true);
    expect(message.from).toBe('no-reply@p2p.test');
    expect(message.parsed.subject).toBe('Faisal Al-Otaibi invited you to join Yanbu Cement Company on P2P Sandbox');
    expect(message.parsed.text).toContain('as a member');
    expect(message.parsed.text).toContain('We would love your help with kiln maintenance.');
    expect(message.parsed.text).toMatch(/valid until \d{1,2} \w+ \d{4}/);
    const link = new URL(message.parsed.text!.match(/https?:\/\/\S+\/invitations\/accept\?token=\S+/)![0]);
    expect(link.origin).toBe('http://127.0.0.1:3000');
    const token = link.searchParams.get('token')!;

    const invitee = new TestClient(t.app);
    const preview = await invitee.get(`/api/v1/invitations/validate/${encodeURIComponent(token)}`);
    expect(preview.json()).toMatchObject({ email, organization: { id: org.organizationId, name: 'Yanbu Cement Company' } });
    const accepted = await invitee.post('/api/v1/invitations/accept', {
      token,
      firstName: 'Hessa',
      lastName: 'Al-Dosari',
      password: TEST_PASSWORD,
    });
    expect(accepted.statusCode).toBe(200);

    const me = (await invitee.get('/api/v1/users/me')).json();
    expect(me).toMatchObject({ email, name: 'Hessa Al-Dosari', orgRole: 'member', emailVerified: true });
    expect(me.organization).toMatchObject({ id: org.organizationId, name: 'Yanbu Cement Company' });
    // Marked sent after the SMTP server took the message: wait for it rather than assume it is done.
    const row = await waitFor(async () => {
      const [found] = await t.database.db.select().from(mailOutbox).where(eq(mailOutbox.recipient, email));
      return found?.status === 'sent' ? found : undefined;
    });
    expect(row).toMatchObject({ template: 'invitation', status: 'sent', attempts: 1 });
  });
});
