import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { retryDelaySeconds } from '../../src/platform/mail/index.js';
import { mailOutbox } from '../../src/platform/mail/mail.tables.js';
import { TestClient, type TestContext, createTestApp, signUp } from '../helpers/app.js';
import { startSmtpServer, waitFor } from '../helpers/smtp.js';

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

describe('mail over SMTP', () => {
  it('delivers the sign-up verification email after commit, and its link verifies the account', async () => {
    const { client, email } = await signUp(t.app, { language: 'ar', firstName: 'ريم' });
    const message = await waitFor(() => smtp.received.find((m) => m.to.includes(email)));
    expect(message.from).toBe('no-reply@p2p.test');
    expect(message.parsed.subject).toBe('أكّد بريدك الإلكتروني في P2P Sandbox');
    expect(message.parsed.text).toContain('مرحبًا ريم');
    expect(message.parsed.html).toContain('dir="rtl"');
    const link = message.parsed.text!.match(/https?:\/\/\S+verify-email\S+/)![0];
    const url = new URL(link);
    const visit = await new TestClient(t.app).get(url.pathname + url.search);
    expect(visit.statusCode).toBe(302);
    expect((await client.get('/api/v1/users/me')).json().emailVerified).toBe(true);

    const [row] = await t.database.db.select().from(mailOutbox).where(eq(mailOutbox.recipient, email));
    expect(row).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('keeps a message that fails to send and delivers it on a later attempt, with back-off', async () => {
    smtp.rejectNextDeliveries(1);
    const { email } = await signUp(t.app);
    const failed = await waitFor(async () => {
      const [row] = await t.database.db.select().from(mailOutbox).where(eq(mailOutbox.recipient, email));
      return row && row.lastError ? row : undefined;
    });
    expect(failed.status).toBe('pending');
    expect(failed.attempts).toBe(1);
    expect(failed.lastError).toMatch(/451|temporarily/);
    const delayMs = failed.nextAttemptAt.getTime() - Date.now();
    expect(delayMs).toBeGreaterThan(20_000);
    expect(delayMs).toBeLessThanOrEqual(30_000);
    expect(smtp.received.some((m) => m.to.includes(email))).toBe(false);

    // Time passes: the retry is due.
    await t.database.db
      .update(mailOutbox)
      .set({ nextAttemptAt: sql`now()` })
      .where(eq(mailOutbox.id, failed.id));
    await t.app.services.dispatcher.drain();
    expect(smtp.received.filter((m) => m.to.includes(email))).toHaveLength(1);
    const [sent] = await t.database.db.select().from(mailOutbox).where(eq(mailOutbox.id, failed.id));
    expect(sent).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('backs off exponentially up to an hour and never gives up', () => {
    expect([1, 2, 3, 4, 8, 20].map(retryDelaySeconds)).toEqual([30, 60, 120, 240, 3600, 3600]);
  });

  it('sends nothing for a sign-up that rolled back', async () => {
    const before = smtp.received.length;
    await t.database.db.execute(
      sql`create function fail_membership() returns trigger language plpgsql as $$ begin raise exception 'no'; end $$`,
    );
    await t.database.db.execute(
      sql`create trigger fail_membership before insert on memberships for each row execute function fail_membership()`,
    );
    try {
      const { response, email } = await signUp(t.app);
      expect(response.statusCode).toBe(500);
      await t.app.services.dispatcher.drain();
      expect(smtp.received.length).toBe(before);
      expect(await t.database.db.select().from(mailOutbox).where(eq(mailOutbox.recipient, email))).toHaveLength(0);
    } finally {
      await t.database.db.execute(sql`drop trigger fail_membership on memberships`);
      await t.database.db.execute(sql`drop function fail_membership()`);
    }
  });
});
