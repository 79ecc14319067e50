import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { retryDelaySeconds } from '../../src/platform/mail/index.js';
import { mailOutbox } from '../../src/platform/mail/mail.tables.js';
import { TestClient, type TestContext, createTestApp, signUp } from '../helpers/app.js';
import { MAIL_TEST_TIMEOUT_MS, startSmtpServer, waitFor } from '../helpers/smtp.js';

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

/** The outbox row of the message to this address once it is marked sent (after the SMTP server took it). */
async function sentRow(email: string) {
  return waitFor(async () => {
    const [row] = await t.database.db.select().from(mailOutbox).where(eq(mailOutbox.recipient, email));
    return row?.status === 'sent' ? row : undefined;
  });
}

describe('mail over SMTP', { timeout: MAIL_TEST_TIMEOUT_MS }, () => {
  it('delivers the sign-up verification email after commit, and its link verifies the account', async () => {
    const { client, email } = await signUp(t.app, { language: 'ar', firstName: 'ريم' });
    const message = await smtp.waitForMessage((m) => m.to.includes(email));
    expect(message.from).toBe('no-reply@p2p.test');
    expect(message.parsed.subject).toBe('أكّد بريدك الإلكتروني في P2P Sandbox');
    expect(message.parsed.text).toContain('مرحبًا ريم');
    expect(message.parsed.html).toContain('dir="rtl"');
    const link = message.parsed.text!.match(/https?:\/\/\S+verify-email\S+/)![0];
    const url = new URL(link);
    const visit = await new TestClient(t.app).get(url.pathname + url.search);
    expect(visit.statusCode).toBe(302);
    expect((await client.get('/api/v1/users/me')).json().emailVerified).toBe(true);

    // The dispatcher marks the row after the server has taken the message: wait for that, not for a guessed moment.
    expect(await sentRow(email)).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('keeps a message that fails to send and delivers it on a later attempt, with back-off', async () => {
    smtp.rejectNextDeliveries(1);
    const startedAt = Date.now();
    const { email } = await signUp(t.app);
    const failed = await waitFor(async () => {
      const [row] = await t.database.db.select().from(mailOutbox).where(eq(mailOutbox.recipient, email));
      return row && row.lastError ? row : undefined;
    });
    const seenAt = Date.now();
    expect(failed.status).toBe('pending');
    expect(failed.attempts).toBe(1);
    expect(failed.lastError).toMatch(/451|temporarily/);
    // The retry is due 30 s after the failed attempt, which happened between the sign-up and now
    // (bounds that hold however long a busy machine took in between).
    expect(failed.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(startedAt + 30_000);
    expect(failed.nextAttemptAt.getTime()).toBeLessThanOrEqual(seenAt + 30_000);
    // The one attempt has been made and recorded, and the next is not due: nothing was delivered.
    expect(smtp.received.some((m) => m.to.includes(email))).toBe(false);

    // Time passes: the retry is due. The background pass may pick it up before drain() does, so
    // wait for the row to be marked sent by whichever pass sent it.
    await t.database.db
      .update(mailOutbox)
      .set({ nextAttemptAt: sql`now()` })
      .where(eq(mailOutbox.id, failed.id));
    await t.app.services.dispatcher.drain();
    expect(await sentRow(email)).toMatchObject({ id: failed.id, status: 'sent', attempts: 2 });
    expect(smtp.received.filter((m) => m.to.includes(email))).toHaveLength(1);
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
      // No outbox row means nothing can ever be sent; a drained outbox means nothing else is on its way.
      expect(await t.database.db.select().from(mailOutbox).where(eq(mailOutbox.recipient, email))).toHaveLength(0);
      await t.app.services.dispatcher.drain();
      expect(smtp.received.length).toBe(before);
    } finally {
      await t.database.db.execute(sql`drop trigger fail_membership on memberships`);
      await t.database.db.execute(sql`drop function fail_membership()`);
    }
  });
});
