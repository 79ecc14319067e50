import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClient, type TestContext, createTestApp, expectProblem, signUp } from '../helpers/app.js';

// Two apps on one database: one talking to clients directly, one behind a trusted proxy at 10.0.0.1.
let direct: TestContext;
let proxied: TestContext;
beforeAll(async () => {
  direct = await createTestApp();
  proxied = await createTestApp({ TRUSTED_PROXIES: '10.0.0.1' }, direct.database);
});
afterAll(async () => {
  await proxied.close();
  await direct.close();
});

const SIGN_IN_PER_IP = 10;

describe('rate limits', () => {
  it('limits sign-in per IP with 429, Retry-After and problem+json; a spoofed X-Forwarded-For does not help', async () => {
    const attacker = '203.0.113.7';
    const statuses: number[] = [];
    let last;
    for (let i = 0; i < SIGN_IN_PER_IP + 2; i += 1) {
      // A different forged client address on every request, and a different target account.
      const client = new TestClient(direct.app, {
        remoteAddress: attacker,
        headers: { 'x-forwarded-for': `192.0.2.${i + 1}`, 'x-p2p-client-ip': `192.0.2.${i + 1}` },
      });
      last = await client.post('/api/auth/sign-in/email', { email: `victim${i}@example.com`, password: 'Wrong-Password-1' });
      statuses.push(last.statusCode);
    }
    expect(statuses.slice(0, SIGN_IN_PER_IP)).toEqual(Array(SIGN_IN_PER_IP).fill(401));
    expect(statuses.slice(SIGN_IN_PER_IP)).toEqual([429, 429]);
    expectProblem(last!, 429, 'RATE_LIMITED');
    expect(Number(last!.headers['retry-after'])).toBeGreaterThan(0);

    // Someone else is not affected.
    const bystander = new TestClient(direct.app, { remoteAddress: '203.0.113.8' });
    expect(
      (await bystander.post('/api/auth/sign-in/email', { email: 'victim0@example.com', password: 'Wrong-Password-1' })).statusCode,
    ).toBe(401);
  });

  it('behind a trusted proxy, keys on the forwarded address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < SIGN_IN_PER_IP + 2; i += 1) {
      const client = new TestClient(proxied.app, { remoteAddress: '10.0.0.1', headers: { 'x-forwarded-for': `198.18.0.${i + 1}` } });
      statuses.push(
        (await client.post('/api/auth/sign-in/email', { email: `spread${i}@example.com`, password: 'Wrong-Password-1' })).statusCode,
      );
    }
    // Every request came from a different real client, so none was limited.
    expect(statuses).toEqual(Array(SIGN_IN_PER_IP + 2).fill(401));
  });

  it('limits sign-in per account across many addresses, without locking out other accounts', async () => {
    const { email } = await signUp(direct.app);
    const statuses: number[] = [];
    for (let i = 0; i < 12; i += 1) {
      const client = new TestClient(proxied.app, { remoteAddress: '10.0.0.1', headers: { 'x-forwarded-for': `198.19.1.${i + 1}` } });
      statuses.push((await client.post('/api/auth/sign-in/email', { email, password: 'Wrong-Password-1' })).statusCode);
    }
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(statuses.slice(10)).toEqual([429, 429]);
    const other = await signUp(direct.app);
    const fresh = new TestClient(proxied.app, { remoteAddress: '10.0.0.1', headers: { 'x-forwarded-for': '198.19.2.1' } });
    expect((await fresh.post('/api/auth/sign-in/email', { email: other.email, password: other.password })).statusCode).toBe(200);
  });

  it('limits password-reset requests per account', async () => {
    const { email } = await signUp(direct.app);
    const statuses: number[] = [];
    for (let i = 0; i < 7; i += 1) {
      const client = new TestClient(direct.app);
      statuses.push((await client.post('/api/auth/request-password-reset', { email })).statusCode);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
  });
});
