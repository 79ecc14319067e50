import { connect } from 'node:net';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { files } from '../../src/modules/files/files.tables.js';
import { users } from '../../src/modules/users/users.tables.js';
import { TEST_ORIGIN, TestClient, type TestContext, createTestApp, expectProblem, signUp } from '../helpers/app.js';
import { solidImage } from '../files/fixtures.js';
import { multipart } from '../files/helpers.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const CROSS_SITE = { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' };

describe('cookie-authenticated writes from another site', () => {
  it('refuses a cross-site JSON write with 403 INVALID_ORIGIN, and nothing changes', async () => {
    const { client } = await signUp(t.app, { firstName: 'Faisal' });
    const me = (await client.get('/api/v1/users/me')).json() as { id: string };
    const response = await client.request({ method: 'PATCH', url: '/api/v1/users/me', body: { firstName: 'Hacked' }, headers: CROSS_SITE });
    expectProblem(response, 403, 'INVALID_ORIGIN');
    const [row] = await t.database.db.select({ firstName: users.firstName }).from(users).where(eq(users.id, me.id));
    expect(row!.firstName).toBe('Faisal');
  });

  it('refuses a cross-site form post (multipart upload), and no file is written', async () => {
    const { client } = await signUp(t.app);
    const me = (await client.get('/api/v1/users/me')).json() as { id: string };
    const { payload, contentType } = multipart([
      { name: 'purpose', value: 'attachment' },
      { name: 'file', filename: 'a.png', contentType: 'image/png', data: await solidImage(8, 8, 'png') },
    ]);
    // A current browser, one without Sec-Fetch-* (or on plain http), and a sandboxed frame ("null").
    for (const headers of [CROSS_SITE, { origin: 'https://evil.example' }, { origin: 'null' }]) {
      const response = await client.request({
        method: 'POST',
        url: '/api/v1/files',
        body: payload,
        headers: { ...headers, 'content-type': contentType },
      });
      expectProblem(response, 403, 'INVALID_ORIGIN');
    }
    // A urlencoded form post (what a plain HTML form sends) is refused for its origin, not its type.
    expectProblem(
      await client.request({
        method: 'POST',
        url: '/api/v1/forum/topics',
        body: 'title=x',
        headers: { ...CROSS_SITE, 'content-type': 'application/x-www-form-urlencoded' },
      }),
      403,
      'INVALID_ORIGIN',
    );
    expect(await t.database.db.select().from(files).where(eq(files.uploaderId, me.id))).toEqual([]);
  });

  it('refuses Sec-Fetch-Site cross-site or same-site even with the app’s own Origin', async () => {
    const { client } = await signUp(t.app);
    for (const site of ['cross-site', 'same-site']) {
      const response = await client.request({
        method: 'PATCH',
        url: '/api/v1/users/me',
        body: { firstName: 'Hacked' },
        headers: { origin: TEST_ORIGIN, 'sec-fetch-site': site },
      });
      expectProblem(response, 403, 'INVALID_ORIGIN');
    }
    // The auth endpoints too: signing someone out from another site is refused.
    expectProblem(
      await client.request({ method: 'POST', url: '/api/auth/sign-out', body: {}, headers: CROSS_SITE }),
      403,
      'INVALID_ORIGIN',
    );
    expect((await client.get('/api/v1/users/me')).statusCode).toBe(200);
  });

  it('accepts the app’s own writes: Sec-Fetch-Site same-origin or none, or a trusted Origin without it', async () => {
    const { client } = await signUp(t.app);
    const cases: Array<Record<string, string>> = [
      { 'sec-fetch-site': 'same-origin', origin: TEST_ORIGIN },
      { 'sec-fetch-site': 'none' },
      { origin: TEST_ORIGIN },
      { origin: 'http://localhost:3000' },
    ];
    for (const [i, headers] of cases.entries()) {
      const response = await client.request({
        method: 'PATCH',
        url: '/api/v1/users/me',
        body: { firstName: `Reem${'a'.repeat(i)}` },
        headers,
      });
      expect(response.statusCode, JSON.stringify(headers)).toBe(200);
    }
    const { payload, contentType } = multipart([
      { name: 'purpose', value: 'attachment' },
      { name: 'file', filename: 'a.png', contentType: 'image/png', data: await solidImage(8, 8, 'png') },
    ]);
    const upload = await client.request({
      method: 'POST',
      url: '/api/v1/files',
      body: payload,
      headers: { 'content-type': contentType, 'sec-fetch-site': 'same-origin' },
    });
    expect(upload.statusCode).toBe(201);
  });

  it('leaves requests without the session cookie and reads alone', async () => {
    const guest = new TestClient(t.app, { headers: CROSS_SITE });
    // A guest's sign-in from a cross-site page is the auth library's business (its own origin rules).
    expectProblem(await guest.post('/api/v1/forum/topics', {}), 401, 'UNAUTHENTICATED');
    const { client } = await signUp(t.app);
    expect((await client.get('/api/v1/users/me', CROSS_SITE)).statusCode).toBe(200);
  });
});

/** The OpenAPI operations under /api/v1, with whether each documents a 401 answer. */
function operations(app: TestContext['app']) {
  const spec = app.swagger() as { paths: Record<string, Record<string, { responses?: Record<string, unknown> }>> };
  return Object.entries(spec.paths)
    .filter(([path]) => path.startsWith('/api/v1/'))
    .flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({
        method: method.toUpperCase() as 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
        path,
        needsSignIn: Boolean(operation.responses?.['401']),
      })),
    );
}

/** Writes that guests may make (accepting an invitation, searching and exporting the public library). */
const GUEST_WRITES = ['POST /api/v1/invitations/accept', 'POST /api/v1/use-cases/export/custom', 'POST /api/v1/use-cases/search/advanced'];

describe('signed in before anything else', () => {
  it('answers a guest 401 on every route for signed-in people, whatever the body or query', async () => {
    const ops = operations(t.app);
    const writes = ops.filter((op) => op.method !== 'GET');
    expect(writes.length).toBeGreaterThan(30);
    expect(
      writes
        .filter((op) => !op.needsSignIn)
        .map((op) => `${op.method} ${op.path}`)
        .sort(),
    ).toEqual(GUEST_WRITES);
    const guest = new TestClient(t.app);
    const failures: string[] = [];
    for (const op of ops.filter((o) => o.needsSignIn)) {
      const url = `${op.path.replaceAll(/\{[^}]+\}/g, 'not-an-id')}?page=-1&pageSize=abc&q=`;
      const bodies = op.method === 'GET' || op.method === 'DELETE' ? [undefined] : ['{}', '{"title":', '[]'];
      for (const body of bodies) {
        const response = await guest.request({
          method: op.method,
          url,
          ...(body !== undefined ? { body, headers: { 'content-type': 'application/json' } } : {}),
        });
        const code = response.headers['content-type']?.toString().includes('json') ? (response.json() as { code?: string }).code : '';
        if (response.statusCode !== 401 || code !== 'UNAUTHENTICATED')
          failures.push(`${op.method} ${op.path} ${body ?? ''} → ${response.statusCode} ${code}`);
      }
    }
    expect(failures).toEqual([]);
  });
});

describe('request timeouts on a listening server', () => {
  let slow: TestContext;
  let port: number;
  beforeAll(async () => {
    slow = await createTestApp({ REQUEST_TIMEOUT_MS: '1500', HEADERS_TIMEOUT_MS: '1500' }, t.database);
    await slow.app.listen({ port: 0, host: '127.0.0.1' });
    port = (slow.app.server.address() as { port: number }).port;
  });
  afterAll(() => slow.close());

  /** Sends `chunks` with `gapMs` between them, then waits for the server's first bytes or the close. */
  function exchange(chunks: string[], gapMs: number): Promise<{ answer: string; closed: boolean; elapsedMs: number }> {
    return new Promise((resolve, reject) => {
      const started = Date.now();
      const socket = connect(port, '127.0.0.1');
      let answer = '';
      let settled = false;
      const finish = (closed: boolean) => {
        if (settled) return;
        settled = true;
        resolve({ answer, closed, elapsedMs: Date.now() - started });
        socket.destroy();
      };
      socket.on('data', (data) => {
        answer += data.toString('latin1');
        if (answer.includes('\r\n\r\n')) finish(false);
      });
      socket.on('close', () => finish(true));
      socket.on('error', (error) => (settled ? undefined : reject(error)));
      const sendAll = async () => {
        for (const [i, chunk] of chunks.entries()) {
          if (i > 0) await new Promise((r) => setTimeout(r, gapMs));
          if (settled) return;
          socket.write(chunk);
        }
      };
      socket.on('connect', () => void sendAll());
    });
  }

  const head = (length: number) =>
    `POST /api/v1/invitations/accept HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${length}\r\nOrigin: ${TEST_ORIGIN}\r\n\r\n`;

  it('answers 408 and closes when a body stalls half-way', async () => {
    const { answer, elapsedMs } = await exchange([head(200), '{"token":"abc", "pass'], 0);
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
    expect(elapsedMs).toBeGreaterThanOrEqual(1000);
  });

  it('answers 408 when the headers never end', async () => {
    const { answer } = await exchange(['POST /api/v1/invitations/accept HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: '], 0);
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
  });

  it('lets a slow but steady body through', async () => {
    const body = JSON.stringify({ token: 'x'.repeat(40), password: 'Quartz-Falcon-2931', firstName: 'Sara', lastName: 'Al-Amri' });
    const third = Math.ceil(body.length / 3);
    const { answer } = await exchange(
      [head(Buffer.byteLength(body)), body.slice(0, third), body.slice(third, 2 * third), body.slice(2 * third)],
      100,
    );
    expect(answer).toMatch(/^HTTP\/1\.1 (400|404|410) /);
  });
});
