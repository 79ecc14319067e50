import SwaggerParser from '@apidevtools/swagger-parser';
import type { OpenAPIV3_1 } from 'openapi-types';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { createSuperadmin } from '../../src/tools/create-admin/create-superadmin.js';
import { TestClient, type TestContext, createTestApp, expectProblem, signUp, testConfig } from '../helpers/app.js';
import { openTestDatabase } from '../helpers/database.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('operations', () => {
  it('GET /health reports the database reachable and migrations current', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/health' });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.status).toBe('ok');
    expect(body.database.reachable).toBe(true);
    expect(body.database.engine).toBe(process.env.DATABASE_URL ? 'postgres' : 'pglite');
    expect(body.migrations.current).toBe(true);
    expect(body.migrations.applied).toBe(body.migrations.expected);
    expect(body.migrations.expected).toBeGreaterThanOrEqual(2);
  });

  it('serves a valid OpenAPI 3.1 document that describes the auth routes too', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/openapi.json' });
    expect(response.statusCode).toBe(200);
    const document = response.json() as OpenAPIV3_1.Document;
    expect(document.openapi).toBe('3.1.0');
    await SwaggerParser.validate(structuredClone(document) as never);
    const paths = Object.keys(document.paths ?? {});
    for (const path of [
      '/api/auth/sign-up/email',
      '/api/auth/sign-in/email',
      '/api/auth/sign-out',
      '/api/auth/request-password-reset',
      '/api/auth/reset-password',
      '/api/auth/verify-email',
      '/api/v1/users/me',
      '/api/v1/users/me/sessions',
      '/health',
    ]) {
      expect(paths).toContain(path);
    }
    const signUpBody = document.paths!['/api/auth/sign-up/email']!.post!.requestBody as OpenAPIV3_1.RequestBodyObject;
    const schema = JSON.stringify(signUpBody.content['application/json']!.schema);
    expect(schema).toMatch(/SignUpBody/);
    expect(JSON.stringify(document.components?.schemas?.SignUpBody)).toContain('organizationName');
    expect(JSON.stringify(document.components?.schemas?.Problem)).toContain('requestId');
  });

  it('serves Swagger UI at /docs', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/docs/' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/html');
    expect(response.body).toContain('swagger');
  });

  it('exposes Prometheus metrics with a request-duration histogram by route pattern and status', async () => {
    const { client } = await signUp(t.app);
    await client.get('/api/v1/users/me');
    await client.delete('/api/v1/users/me/sessions/00000000-0000-4000-8000-000000000000');
    const response = await t.app.inject({ method: 'GET', url: '/metrics' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toMatch(/http_request_duration_seconds_bucket\{[^}]*route="\/api\/v1\/users\/me"[^}]*status_code="200"/);
    expect(response.body).toMatch(
      /http_request_duration_seconds_count\{method="DELETE",route="\/api\/v1\/users\/me\/sessions\/:id",status_code="404"\}/,
    );
    expect(response.body).toContain('process_resident_memory_bytes');
  });

  it('sets security headers with a content security policy', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/health' });
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  });

  it('lists the outbox at /dev/mail when DEV_MAIL is on, and not otherwise', async () => {
    const { email } = await signUp(t.app);
    const list = (await t.app.inject({ method: 'GET', url: '/dev/mail' })).json();
    const mail = list.items.find((m: { to: string }) => m.to === email);
    expect(mail.template).toBe('verify-email');
    expect(mail.links[0]).toContain('/api/auth/verify-email?token=');

    const quiet = await createTestApp({ DEV_MAIL: '0' }, t.database);
    try {
      expectProblem(await quiet.app.inject({ method: 'GET', url: '/dev/mail' }), 404, 'NOT_FOUND');
    } finally {
      await quiet.close();
    }
  });
});

describe('operations endpoints are not public', () => {
  const outsider = '203.0.113.7';
  const get = (app: typeof t.app, url: string, remoteAddress: string, headers: Record<string, string> = {}) =>
    app.inject({ method: 'GET', url, remoteAddress, headers });

  it('answers /dev/mail to loopback callers only, whatever headers a remote caller sends', async () => {
    await signUp(t.app);
    for (const address of ['127.0.0.1', '127.8.9.10', '::1', '::ffff:127.0.0.1']) {
      expect((await get(t.app, '/dev/mail', address)).statusCode, address).toBe(200);
    }
    expectProblem(await get(t.app, '/dev/mail', outsider), 404, 'NOT_FOUND');
    expectProblem(await get(t.app, '/dev/mail', '::ffff:203.0.113.7'), 404, 'NOT_FOUND');
    expectProblem(await get(t.app, '/dev/mail', outsider, { 'x-forwarded-for': '127.0.0.1', 'x-real-ip': '127.0.0.1' }), 404, 'NOT_FOUND');
    expectProblem(await get(t.app, '/dev/mail', outsider, { host: 'localhost' }), 404, 'NOT_FOUND');
    // A reverse proxy on this machine connects from loopback for callers anywhere.
    expectProblem(await get(t.app, '/dev/mail', '127.0.0.1', { 'x-forwarded-for': outsider }), 404, 'NOT_FOUND');
    expect((await t.app.inject({ method: 'HEAD', url: '/dev/mail', remoteAddress: outsider })).statusCode).toBe(404);
  });

  it('behind trusted proxies, judges the client they report and never the forwarded header alone', async () => {
    const proxied = await createTestApp({ TRUSTED_PROXIES: '127.0.0.1,10.0.0.1' }, t.database);
    try {
      expectProblem(await get(proxied.app, '/dev/mail', '127.0.0.1', { 'x-forwarded-for': outsider }), 404, 'NOT_FOUND');
      expectProblem(await get(proxied.app, '/dev/mail', '10.0.0.1', { 'x-forwarded-for': '127.0.0.1' }), 404, 'NOT_FOUND');
      expectProblem(await get(proxied.app, '/metrics', '127.0.0.1', { 'x-forwarded-for': outsider }), 404, 'NOT_FOUND');
      expect((await get(proxied.app, '/dev/mail', '127.0.0.1')).statusCode).toBe(200);
    } finally {
      await proxied.close();
    }
  });

  it('answers /dev/mail to a signed-in superadmin anywhere, and not to other signed-in people', async () => {
    const { client: member } = await signUp(t.app, {}, { remoteAddress: outsider });
    expectProblem(await member.get('/dev/mail'), 404, 'NOT_FOUND');
    await createSuperadmin(t.database.db, t.app.services.auth, { email: 'ops-root@example.com', password: 'Platform-Keeper-2026' });
    const admin = new TestClient(t.app, { remoteAddress: '203.0.113.8' });
    expect(
      (await admin.post('/api/auth/sign-in/email', { email: 'ops-root@example.com', password: 'Platform-Keeper-2026' })).statusCode,
    ).toBe(200);
    const list = await admin.get('/dev/mail');
    expect(list.statusCode).toBe(200);
    expect(list.json().items.length).toBeGreaterThan(0);
  });

  it('answers /metrics to loopback callers only when no METRICS_TOKEN is set', async () => {
    expect((await get(t.app, '/metrics', '127.0.0.1')).statusCode).toBe(200);
    expect((await get(t.app, '/metrics', '::1')).statusCode).toBe(200);
    const refused = expectProblem(await get(t.app, '/metrics', outsider), 404, 'NOT_FOUND');
    expect(JSON.stringify(refused)).not.toContain('http_request_duration');
    expectProblem(await get(t.app, '/metrics', outsider, { 'x-forwarded-for': '127.0.0.1' }), 404, 'NOT_FOUND');
    expectProblem(await get(t.app, '/metrics', '127.0.0.1', { 'x-forwarded-for': outsider }), 404, 'NOT_FOUND');
  });

  it('with METRICS_TOKEN, answers /metrics to the bearer of that token only, from anywhere', async () => {
    const token = 'scrape-token-0123456789abcdef';
    const guarded = await createTestApp({ METRICS_TOKEN: token }, t.database);
    try {
      for (const [remoteAddress, authorization] of [
        [outsider, undefined],
        ['127.0.0.1', undefined],
        [outsider, `Bearer ${token}x`],
        [outsider, `Bearer ${token.slice(0, -1)}`],
        [outsider, `Basic ${Buffer.from(`x:${token}`).toString('base64')}`],
        [outsider, token],
      ] as const) {
        const response = await get(guarded.app, '/metrics', remoteAddress, authorization ? { authorization } : {});
        expectProblem(response, 401, 'UNAUTHENTICATED');
        expect(response.headers['www-authenticate']).toBe('Bearer realm="metrics"');
      }
      const scraped = await get(guarded.app, '/metrics', outsider, { authorization: `Bearer ${token}` });
      expect(scraped.statusCode).toBe(200);
      expect(scraped.body).toContain('process_resident_memory_bytes');
      expect((await get(guarded.app, '/metrics', outsider, { authorization: `bearer  ${token}` })).statusCode).toBe(200);
    } finally {
      await guarded.close();
    }
  });
});

describe('problem+json everywhere', () => {
  it('answers unknown routes, guests and malformed ids with problems that carry the request id', async () => {
    const guest = new TestClient(t.app);
    expectProblem(await guest.get('/api/v1/nothing-here'), 404, 'NOT_FOUND');
    const unauthenticated = expectProblem(await guest.get('/api/v1/users/me'), 401, 'UNAUTHENTICATED');
    expect(unauthenticated.type).toMatch(/^https:\/\//);
    expect(unauthenticated.title).toBe('Unauthorized');
  });

  it('answers an over-long id and an undecodable URL as problems too', async () => {
    const { client } = await signUp(t.app);
    expectProblem(await client.get(`/api/v1/users/${'a'.repeat(300)}`), 404, 'NOT_FOUND');
    expectProblem(await client.get('/api/v1/users/%E0%A4%A'), 400, 'VALIDATION_FAILED');
  });

  it('answers 415 for an unsupported body type and 413 for a body over the limit', async () => {
    const client = new TestClient(t.app);
    const textBody = await client.request({
      method: 'POST',
      url: '/api/auth/sign-in/email',
      body: 'email=a',
      headers: { 'content-type': 'text/plain' },
    });
    expectProblem(textBody, 415, 'UNSUPPORTED_MEDIA_TYPE');
    const huge = await client.request({
      method: 'POST',
      url: '/api/auth/sign-in/email',
      body: JSON.stringify({ email: 'a@example.com', password: 'x'.repeat(2 * 1024 * 1024) }),
      headers: { 'content-type': 'application/json' },
    });
    expectProblem(huge, 413, 'PAYLOAD_TOO_LARGE');
  });

  it('answers 400 for malformed JSON', async () => {
    const response = await new TestClient(t.app).request({
      method: 'POST',
      url: '/api/auth/sign-in/email',
      body: '{"email": ',
      headers: { 'content-type': 'application/json' },
    });
    expectProblem(response, 400, 'VALIDATION_FAILED');
  });

  it('answers 500 without internals, and logs the error with the request id', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _encoding, callback) {
        lines.push(String(chunk));
        callback();
      },
    });
    const database = await openTestDatabase();
    const app = await buildApp({ config: testConfig({ LOG_LEVEL: 'info' }), database, loggerStream: stream });
    try {
      await app.ready();
      const { client } = await signUp(app);
      await database.close(); // the database goes away under a signed-in user
      const response = await client.get('/api/v1/users/me');
      const problem = expectProblem(response, 500, 'INTERNAL');
      expect(problem.detail).toBe('An unexpected error occurred');
      expect(response.body).not.toMatch(/closed|pglite|pool|stack/i);
      const logged = lines.map((l) => JSON.parse(l) as { level: number; requestId?: string; err?: unknown });
      expect(logged.some((l) => l.level >= 50 && l.requestId === problem.requestId && l.err)).toBe(true);
      expect(logged.every((l) => typeof (l as { time?: unknown }).time === 'number')).toBe(true);
    } finally {
      await app.close();
    }
  });
});

describe('create-admin', () => {
  it('creates a superadmin in the Platform organization, and promotes an existing account on a second run', async () => {
    const first = await createSuperadmin(t.database.db, t.app.services.auth, {
      email: 'Root@Example.com',
      password: 'Platform-Keeper-2026',
    });
    expect(first.created).toBe(true);
    const client = new TestClient(t.app);
    expect((await client.post('/api/auth/sign-in/email', { email: 'root@example.com', password: 'Platform-Keeper-2026' })).statusCode).toBe(
      200,
    );
    const me = (await client.get('/api/v1/users/me')).json();
    expect(me).toMatchObject({
      platformRole: 'superadmin',
      emailVerified: true,
      orgRole: 'admin',
      organization: { name: 'Platform', subscriptionTier: 'enterprise' },
    });

    const { email } = await signUp(t.app);
    const second = await createSuperadmin(t.database.db, t.app.services.auth, { email, password: 'Second-Keeper-2026' });
    expect(second.created).toBe(false);
    const promoted = new TestClient(t.app);
    expect((await promoted.post('/api/auth/sign-in/email', { email, password: 'Second-Keeper-2026' })).statusCode).toBe(200);
    expect((await promoted.get('/api/v1/users/me')).json().platformRole).toBe('superadmin');

    await expect(createSuperadmin(t.database.db, t.app.services.auth, { email: 'x@example.com', password: 'short' })).rejects.toThrow(
      /characters/,
    );
  });
});
