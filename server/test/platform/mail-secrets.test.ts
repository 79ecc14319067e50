import { Writable } from 'node:stream';
import { eq, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import type { Database } from '../../src/platform/db.js';
import { MAIL_BODY_RETENTION_DAYS, clearExpiredMailBodies } from '../../src/platform/mail/index.js';
import { mailOutbox } from '../../src/platform/mail/mail.tables.js';
import { TestClient, type TestContext, createTestApp, signUp, testConfig, uniqueEmail } from '../helpers/app.js';
import { openTestDatabase } from '../helpers/database.js';
import { MAIL_TEST_TIMEOUT_MS, startSmtpServer, waitFor } from '../helpers/smtp.js';

/** The outbox rows to an address, oldest first. */
async function rowsTo(db: Database['db'], email: string) {
  return db.select().from(mailOutbox).where(eq(mailOutbox.recipient, email)).orderBy(mailOutbox.createdAt);
}

describe('mail delivered over SMTP', { timeout: MAIL_TEST_TIMEOUT_MS }, () => {
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let t: TestContext;
  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await createTestApp({ SMTP_URL: smtp.url });
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  it('clears text, HTML and links in the update that marks the message sent, keeping the record', async () => {
    const { email } = await signUp(t.app);
    const delivered = await smtp.waitForMessage((m) => m.to.includes(email));
    expect(delivered.parsed.text).toMatch(/verify-email\?token=/);
    const row = await waitFor(async () => {
      const [found] = await rowsTo(t.database.db, email);
      return found?.status === 'sent' ? found : undefined;
    });
    expect(row).toMatchObject({ recipient: email, template: 'verify-email', status: 'sent', text: '', html: '', links: [] });
    expect(row.subject).toBe('Confirm your email for P2P Sandbox');
    expect(row.sentAt).toBeInstanceOf(Date);
    expect(row.createdAt).toBeInstanceOf(Date);
    // Nothing in the row can be followed any more.
    expect(JSON.stringify(row)).not.toMatch(/token=/);
  });

  it('keeps the body of a message that failed, so that the retry can send it, and clears it once sent', async () => {
    smtp.rejectNextDeliveries(1);
    const { email } = await signUp(t.app);
    const failed = await waitFor(async () => {
      const [found] = await rowsTo(t.database.db, email);
      return found?.lastError ? found : undefined;
    });
    expect(failed.status).toBe('pending');
    expect(failed.links[0]).toMatch(/verify-email\?token=/);
    expect(failed.text).toContain(failed.links[0]);
    await t.database.db
      .update(mailOutbox)
      .set({ nextAttemptAt: sql`now()` })
      .where(eq(mailOutbox.id, failed.id));
    await t.app.services.dispatcher.drain();
    const sent = await waitFor(async () => {
      const [found] = await rowsTo(t.database.db, email);
      return found?.status === 'sent' ? found : undefined;
    });
    expect(sent).toMatchObject({ text: '', html: '', links: [] });
    const message = await smtp.waitForMessage((m) => m.to.includes(email));
    expect(message.parsed.text).toContain(failed.links[0]);
  });
});

/** An app whose log lines are captured, on its own database. */
async function loggedApp(env: Record<string, string>) {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, callback) {
      lines.push(String(chunk));
      callback();
    },
  });
  const database = await openTestDatabase();
  const app = await buildApp({ config: testConfig({ LOG_LEVEL: 'info', ...env }), database, loggerStream: stream });
  await app.ready();
  return {
    app,
    database,
    lines,
    logged: () => lines.map((l) => JSON.parse(l) as Record<string, unknown> & { level: number; msg?: string }),
    async close() {
      await app.close();
      await database.close();
    },
  };
}

async function requestReset(app: FastifyInstance, email: string) {
  const response = await new TestClient(app).post('/api/auth/request-password-reset', { email, redirectTo: '/reset-password' });
  expect(response.statusCode).toBe(200);
}

describe('mail without SMTP_URL', () => {
  it('in production, logs neither links nor the address: the message id, template, recipient domain and a warning', async () => {
    const logged = await loggedApp({ NODE_ENV: 'production', DEV_MAIL: '0' });
    try {
      const email = uniqueEmail('prod');
      const { response } = await signUp(logged.app, { email });
      expect(response.statusCode).toBe(200);
      await requestReset(logged.app, email);
      const rows = await waitFor(async () => {
        const found = await rowsTo(logged.database.db, email);
        return found.length === 2 ? found : undefined;
      });
      // The outbox still holds the messages (until they are sent or expire).
      expect(rows.map((r) => r.links[0])).toEqual([expect.stringMatching(/token=/), expect.stringMatching(/token=/)]);
      const warnings = await waitFor(() => {
        const found = logged.logged().filter((l) => l.msg === 'mail kept in outbox and not sent: SMTP_URL is not configured');
        return found.length === 2 ? found : undefined;
      });
      expect(warnings.map((w) => [w.level, w.mailId, w.template, w.recipientDomain])).toEqual(
        rows.map((r) => [40, r.id, r.template, 'example.com']),
      );
      expect(
        logged.logged().some((l) => l.level === 40 && l.msg === 'SMTP_URL is not configured: email is kept in the outbox and not sent'),
      ).toBe(true);
      const everything = logged.lines.join('\n');
      expect(everything).not.toMatch(/token=/);
      expect(everything).not.toContain(email);
      for (const row of rows) {
        const token = new URL(row.links[0]!).searchParams.get('token')!;
        expect(everything).not.toContain(token);
      }
    } finally {
      await logged.close();
    }
  });

  it('in development, logs the links for the developer (and /dev/mail lists them)', async () => {
    const logged = await loggedApp({ NODE_ENV: 'development' });
    try {
      const email = uniqueEmail('dev');
      await signUp(logged.app, { email });
      const line = await waitFor(() => logged.logged().find((l) => l.to === email));
      expect(line.msg).toMatch(/mail kept in outbox \(no SMTP_URL\): http:\/\/\S+verify-email\?token=/);
      const list = (await logged.app.inject({ method: 'GET', url: '/dev/mail' })).json() as { items: { to: string; links: string[] }[] };
      expect(list.items.find((m) => m.to === email)?.links[0]).toMatch(/verify-email\?token=/);
    } finally {
      await logged.close();
    }
  });
});

describe('mail bodies past the longest token lifetime', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  async function insertMail(recipient: string, status: 'pending' | 'sent' | 'failed', ageDays: number) {
    const [row] = await t.database.db
      .insert(mailOutbox)
      .values({
        recipient,
        language: 'en',
        template: 'reset-password',
        subject: 'Reset your P2P Sandbox password',
        text: 'Choose a new password: http://127.0.0.1:3000/reset-password?token=secret',
        html: '<a href="http://127.0.0.1:3000/reset-password?token=secret">Choose</a>',
        links: ['http://127.0.0.1:3000/reset-password?token=secret'],
        status,
        createdAt: sql`now() - make_interval(hours => ${Math.round(ageDays * 24)})`,
      })
      .returning();
    return row!;
  }

  it('is 7 days: the verification and invitation links', () => {
    expect(MAIL_BODY_RETENTION_DAYS).toBe(7);
  });

  it('are cleared whatever their status; a pending one is marked failed and never sent empty; younger ones stay', async () => {
    const recipient = uniqueEmail('old');
    const pending = await insertMail(recipient, 'pending', MAIL_BODY_RETENTION_DAYS + 1);
    const sentLegacy = await insertMail(recipient, 'sent', MAIL_BODY_RETENTION_DAYS + 0.1);
    const failed = await insertMail(recipient, 'failed', 30);
    const recent = await insertMail(recipient, 'pending', MAIL_BODY_RETENTION_DAYS - 0.5);

    expect(await clearExpiredMailBodies(t.database.db)).toBe(3);
    const byId = new Map((await rowsTo(t.database.db, recipient)).map((r) => [r.id, r]));
    for (const id of [pending.id, sentLegacy.id, failed.id]) {
      expect(byId.get(id)).toMatchObject({
        recipient,
        template: 'reset-password',
        subject: 'Reset your P2P Sandbox password',
        text: '',
        html: '',
        links: [],
      });
    }
    expect(byId.get(pending.id)).toMatchObject({ status: 'failed', lastError: expect.stringMatching(/expired/) });
    expect(byId.get(sentLegacy.id)!.status).toBe('sent');
    expect(byId.get(recent.id)).toMatchObject({ status: 'pending', links: recent.links, text: recent.text });
    // A second pass has nothing left to do.
    expect(await clearExpiredMailBodies(t.database.db)).toBe(0);
  });

  it('are cleared by the dispatcher when the app starts, without SMTP too', async () => {
    const recipient = uniqueEmail('start');
    const old = await insertMail(recipient, 'pending', MAIL_BODY_RETENTION_DAYS + 2);
    const again = await createTestApp({}, t.database);
    try {
      const cleared = await waitFor(async () => {
        const [row] = await t.database.db.select().from(mailOutbox).where(eq(mailOutbox.id, old.id));
        return row?.text === '' ? row : undefined;
      }, 10_000);
      expect(cleared).toMatchObject({ status: 'failed', links: [], html: '' });
    } finally {
      await again.close();
    }
  });
});
