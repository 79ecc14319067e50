import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accounts } from '../../src/modules/auth/auth.tables.js';
import { memberships, organizations } from '../../src/modules/organizations/organizations.tables.js';
import { users } from '../../src/modules/users/users.tables.js';
import { mailOutbox } from '../../src/platform/mail/mail.tables.js';
import { TestClient, type TestContext, createTestApp, expectProblem, signUp, uniqueEmail, TEST_PASSWORD } from '../helpers/app.js';
import { countRows } from '../helpers/database.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const rowCounts = () => countRows(t.database.db, { users, organizations, memberships, accounts, mail: mailOutbox });

describe('POST /api/auth/sign-up/email', () => {
  it('creates the organization, the user and the admin membership, and signs in', async () => {
    const email = uniqueEmail('Founder').replace('founder', 'FOUNDER');
    const { client, response } = await signUp(t.app, { email, organizationName: '  مصنع الجبيل للبوليمرات  ', language: 'ar' });
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === 'p2p.session_token');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    expect(cookie?.maxAge).toBe(7 * 86_400);

    const me = await client.get('/api/v1/users/me');
    expect(me.statusCode).toBe(200);
    const body = me.json();
    expect(body.email).toBe(email.toLowerCase());
    expect(body.emailVerified).toBe(false);
    expect(body.platformRole).toBe('member');
    expect(body.orgRole).toBe('admin');
    expect(body.language).toBe('ar');
    expect(body.name).toBe('Faisal Al-Otaibi');
    expect(body.organization.name).toBe('مصنع الجبيل للبوليمرات');
    expect(body.organization.subscriptionTier).toBe('trial');
    const trialDays = (Date.parse(body.organization.trialEndsAt) - Date.now()) / 86_400_000;
    expect(trialDays).toBeGreaterThan(29.9);
    expect(trialDays).toBeLessThanOrEqual(30);

    const [membership] = await t.database.db.select().from(memberships).where(eq(memberships.userId, body.id));
    expect(membership).toMatchObject({ organizationId: body.organization.id, role: 'admin' });
    // The verification email was written in the same transaction, in the user's language.
    const mail = await t.database.db.select().from(mailOutbox).where(eq(mailOutbox.recipient, email.toLowerCase()));
    expect(mail).toHaveLength(1);
    expect(mail[0]).toMatchObject({ template: 'verify-email', language: 'ar', status: 'pending' });
    expect(mail[0]!.subject).toContain('أكّد');
  });

  it('answers 409 EMAIL_TAKEN for an email that exists, whatever its case', async () => {
    const email = uniqueEmail('dup');
    expect((await signUp(t.app, { email })).response.statusCode).toBe(200);
    const before = await rowCounts();
    const { response } = await signUp(t.app, { email: email.toUpperCase(), organizationName: 'Another Co' });
    expectProblem(response, 409, 'EMAIL_TAKEN');
    expect(await rowCounts()).toEqual(before);
  });

  it('refuses weak passwords and missing fields with field paths', async () => {
    const client = new TestClient(t.app);
    const short = await client.post('/api/auth/sign-up/email', {
      email: uniqueEmail(),
      password: 'short1',
      firstName: 'A',
      lastName: 'B',
      organizationName: 'Co Ltd',
    });
    const problem = expectProblem(short, 400, 'VALIDATION_FAILED');
    expect(problem.errors).toEqual([expect.objectContaining({ path: 'password', code: 'too_small' })]);

    const common = await client.post('/api/auth/sign-up/email', {
      email: uniqueEmail(),
      password: 'qwertyuiop',
      firstName: 'A',
      lastName: 'B',
      organizationName: 'Co Ltd',
    });
    expect(expectProblem(common, 400, 'VALIDATION_FAILED').errors).toEqual([
      expect.objectContaining({ path: 'password', code: 'PASSWORD_TOO_COMMON' }),
    ]);

    const tooLong = await client.post('/api/auth/sign-up/email', {
      email: uniqueEmail(),
      password: 'x'.repeat(129),
      firstName: 'A',
      lastName: 'B',
      organizationName: 'Co Ltd',
    });
    expect(expectProblem(tooLong, 400, 'VALIDATION_FAILED').errors?.[0]).toMatchObject({ path: 'password', code: 'too_big' });

    const missing = await client.post('/api/auth/sign-up/email', { email: 'not-an-email', password: TEST_PASSWORD });
    const paths = expectProblem(missing, 400, 'VALIDATION_FAILED')
      .errors?.map((e) => e.path)
      .sort();
    expect(paths).toEqual(['email', 'firstName', 'lastName', 'organizationName']);
    expect(client.cookies.size).toBe(0);
  });

  it('leaves nothing behind, mail included, when a step after the user insert fails', async () => {
    const before = await rowCounts();
    // A real failure inside the transaction, after the user row is written: the membership insert.
    await t.database.db.execute(
      sql`create function fail_membership() returns trigger language plpgsql as $$ begin raise exception 'membership insert failed on purpose'; end $$`,
    );
    await t.database.db.execute(
      sql`create trigger fail_membership before insert on memberships for each row execute function fail_membership()`,
    );
    try {
      const { response, email } = await signUp(t.app, { organizationName: 'Doomed Industries' });
      expectProblem(response, 500, 'INTERNAL');
      expect(response.body).not.toContain('on purpose');
      expect(await rowCounts()).toEqual(before);
      const [org] = await t.database.db.select().from(organizations).where(eq(organizations.name, 'Doomed Industries'));
      expect(org).toBeUndefined();
      expect(await t.database.db.select().from(users).where(eq(users.email, email))).toHaveLength(0);
    } finally {
      await t.database.db.execute(sql`drop trigger fail_membership on memberships`);
      await t.database.db.execute(sql`drop function fail_membership()`);
    }
    // The same sign-up works once the fault is gone.
    expect((await signUp(t.app, { organizationName: 'Doomed Industries' })).response.statusCode).toBe(200);
  });

  it('keeps counts exact under parallel sign-ups, including a race for one email', async () => {
    const before = await rowCounts();
    const distinct = await Promise.all(Array.from({ length: 10 }, (_, i) => signUp(t.app, { organizationName: `Parallel ${i}` })));
    expect(distinct.map((r) => r.response.statusCode)).toEqual(Array(10).fill(200));
    const email = uniqueEmail('race');
    const racing = await Promise.all(Array.from({ length: 5 }, () => signUp(t.app, { email })));
    const statuses = racing.map((r) => r.response.statusCode).sort();
    expect(statuses).toEqual([200, 409, 409, 409, 409]);
    const after = await rowCounts();
    expect(after.users - before.users).toBe(11);
    expect(after.organizations - before.organizations).toBe(11);
    expect(after.memberships - before.memberships).toBe(11);
    expect(after.mail - before.mail).toBe(11);
  });

  it('derives the display name and accepts an optional industry', async () => {
    const { client, response } = await signUp(t.app, { firstName: 'Noura', lastName: 'Al-Qahtani' });
    expect(response.json().user.name).toBe('Noura Al-Qahtani');
    const me = (await client.get('/api/v1/users/me')).json();
    expect(me.organization.industry).toBeNull();
    const withIndustry = await new TestClient(t.app).post('/api/auth/sign-up/email', {
      email: uniqueEmail(),
      password: TEST_PASSWORD,
      firstName: 'Omar',
      lastName: 'Zahrani',
      organizationName: 'Yanbu Cement',
      industry: 'cement',
    });
    expect(withIndustry.statusCode).toBe(200);
    const bad = await new TestClient(t.app).post('/api/auth/sign-up/email', {
      email: uniqueEmail(),
      password: TEST_PASSWORD,
      firstName: 'Omar',
      lastName: 'Zahrani',
      organizationName: 'Yanbu Cement',
      industry: 'spaceships',
    });
    expect(expectProblem(bad, 400, 'VALIDATION_FAILED').errors?.[0]?.path).toBe('industry');
  });
});
