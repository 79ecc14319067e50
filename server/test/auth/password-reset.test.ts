import { and, desc, eq, like, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { afterResponseWork } from '../../src/modules/auth/after-response.js';
import { verifications } from '../../src/modules/auth/auth.tables.js';
import { mailOutbox } from '../../src/platform/mail/mail.tables.js';
import { TestClient, type TestContext, createTestApp, expectProblem, signUp } from '../helpers/app.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function lastMail(to: string, template: string) {
  // A reset request's mail is written after the answer.
  await afterResponseWork(t.app.services.auth).settled();
  const [row] = await t.database.db
    .select()
    .from(mailOutbox)
    .where(and(eq(mailOutbox.recipient, to), eq(mailOutbox.template, template)))
    .orderBy(desc(mailOutbox.createdAt))
    .limit(1);
  return row;
}

const tokenFrom = (link: string) => new URL(link).searchParams.get('token')!;

describe('forgot and reset password', () => {
  it('answers the same for known and unknown emails, and mails only the known one', async () => {
    const { email } = await signUp(t.app);
    const client = new TestClient(t.app);
    const known = await client.post('/api/auth/request-password-reset', { email });
    const unknown = await client.post('/api/auth/request-password-reset', { email: 'ghost.account@example.com' });
    expect(known.statusCode).toBe(200);
    expect(unknown.statusCode).toBe(200);
    expect(known.json()).toEqual(unknown.json());
    expect(await lastMail(email, 'reset-password')).toBeDefined();
    expect(await lastMail('ghost.account@example.com', 'reset-password')).toBeUndefined();
  });

  it('resets with the mailed link, ends every session, and the token works once', async () => {
    const { client: laptop, email, password } = await signUp(t.app);
    const phone = new TestClient(t.app);
    expect((await phone.post('/api/auth/sign-in/email', { email, password })).statusCode).toBe(200);

    await new TestClient(t.app).post('/api/auth/request-password-reset', { email });
    const mail = await lastMail(email, 'reset-password');
    expect(mail!.links[0]).toMatch(/^http:\/\/127\.0\.0\.1:3000\/reset-password\?token=/);
    expect(mail!.text).toContain(mail!.links[0]);
    const token = tokenFrom(mail!.links[0]!);

    const weak = await new TestClient(t.app).post('/api/auth/reset-password', { token, newPassword: '1234567890' });
    expect(expectProblem(weak, 400, 'VALIDATION_FAILED').errors?.[0]).toMatchObject({ path: 'newPassword', code: 'PASSWORD_TOO_COMMON' });

    const newPassword = 'Desert-Compass-4471';
    const reset = await new TestClient(t.app).post('/api/auth/reset-password', { token, newPassword });
    expect(reset.statusCode).toBe(200);

    expectProblem(await laptop.get('/api/v1/users/me'), 401, 'UNAUTHENTICATED');
    expectProblem(await phone.get('/api/v1/users/me'), 401, 'UNAUTHENTICATED');
    expectProblem(await new TestClient(t.app).post('/api/auth/sign-in/email', { email, password }), 401, 'INVALID_CREDENTIALS');
    expect((await new TestClient(t.app).post('/api/auth/sign-in/email', { email, password: newPassword })).statusCode).toBe(200);

    const replay = await new TestClient(t.app).post('/api/auth/reset-password', { token, newPassword: 'Another-Pass-99812' });
    expectProblem(replay, 400, 'INVALID_TOKEN');
  });

  it('refuses an expired token and a made-up one', async () => {
    const { email } = await signUp(t.app);
    await new TestClient(t.app).post('/api/auth/request-password-reset', { email });
    const token = tokenFrom((await lastMail(email, 'reset-password'))!.links[0]!);
    await t.database.db
      .update(verifications)
      .set({ expiresAt: sql`now() - interval '1 minute'` })
      .where(like(verifications.identifier, `%${token}%`));
    expectProblem(
      await new TestClient(t.app).post('/api/auth/reset-password', { token, newPassword: 'Desert-Compass-4471' }),
      400,
      'INVALID_TOKEN',
    );
    expectProblem(
      await new TestClient(t.app).post('/api/auth/reset-password', { token: 'made-up-token', newPassword: 'Desert-Compass-4471' }),
      400,
      'INVALID_TOKEN',
    );
  });
});

describe('email verification', () => {
  it('verifies through the mailed link and redirects into the app', async () => {
    const { client, email } = await signUp(t.app, { language: 'en' });
    const mail = await lastMail(email, 'verify-email');
    expect(mail!.language).toBe('en');
    const link = new URL(mail!.links[0]!);
    expect(link.origin + link.pathname).toBe('http://127.0.0.1:3000/api/auth/verify-email');

    const visit = await new TestClient(t.app).get(link.pathname + link.search);
    expect(visit.statusCode).toBe(302);
    expect(visit.headers.location).toBe('/email-verified');

    const me = (await client.get('/api/v1/users/me')).json();
    expect(me.emailVerified).toBe(true);
    expect(me.verificationDeadline).toBeNull();
  });

  it('refuses a tampered token', async () => {
    const { client, email } = await signUp(t.app);
    const link = new URL((await lastMail(email, 'verify-email'))!.links[0]!);
    const token = link.searchParams.get('token')!;
    const tampered = `${token.slice(0, -4)}AAAA`;
    const visit = await new TestClient(t.app).get(`/api/auth/verify-email?token=${tampered}`);
    expectProblem(visit, 400, 'INVALID_TOKEN');
    expect((await client.get('/api/v1/users/me')).json().emailVerified).toBe(false);
  });

  it('mails a fresh link on request', async () => {
    const { client, email } = await signUp(t.app, { language: 'ar' });
    const response = await client.post('/api/auth/send-verification-email', { email });
    expect(response.statusCode).toBe(200);
    const rows = await t.database.db
      .select()
      .from(mailOutbox)
      .where(and(eq(mailOutbox.recipient, email), eq(mailOutbox.template, 'verify-email')));
    expect(rows).toHaveLength(2);
    expect(rows.every((r) => r.language === 'ar')).toBe(true);
  });
});
