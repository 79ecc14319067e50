import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Problem } from '@p2p/contracts';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/app.js';
import { type Config, loadConfig } from '../../src/platform/config.js';
import type { Database } from '../../src/platform/db.js';
import { openTestDatabase } from './database.js';

export const TEST_ORIGIN = 'http://127.0.0.1:3000';
export const TEST_PASSWORD = 'Quartz-Falcon-2931';

export interface TestContext {
  app: FastifyInstance;
  database: Database;
  config: Config;
  close(): Promise<void>;
}

export function testConfig(env: Record<string, string> = {}): Config {
  return loadConfig({
    NODE_ENV: 'test',
    PORT: '3000',
    HOST: '127.0.0.1',
    PUBLIC_URL: TEST_ORIGIN,
    DATA_DIR: '/tmp/p2p-test-unused',
    AUTH_SECRET: 'test-secret-test-secret-test-secret-0123456789',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    DEV_MAIL: '1',
    ...env,
  });
}

/** Builds the app on a fresh database (one per test file). */
export async function createTestApp(env: Record<string, string> = {}, database?: Database): Promise<TestContext> {
  // Uploads land under DATA_DIR: each app gets its own temporary one, removed on close.
  const dataDir = env.DATA_DIR ? undefined : mkdtempSync(path.join(tmpdir(), 'p2p-test-data-'));
  const config = testConfig({ ...(dataDir ? { DATA_DIR: dataDir } : {}), ...env });
  const db = database ?? (await openTestDatabase());
  const app = await buildApp({ config, database: db });
  await app.ready();
  return {
    app,
    database: db,
    config,
    async close() {
      await app.close();
      if (!database) await db.close();
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

let clientSequence = 0;

/**
 * A browser-like client: keeps cookies, sends the Origin header that the auth library checks. Each
 * client has its own (injected, never routed) address so per-IP limits do not couple unrelated tests.
 */
export class TestClient {
  readonly cookies = new Map<string, string>();
  readonly remoteAddress: string;
  constructor(
    private readonly app: FastifyInstance,
    private readonly defaults: { remoteAddress?: string; headers?: Record<string, string> } = {},
  ) {
    clientSequence += 1;
    this.remoteAddress = defaults.remoteAddress ?? `198.51.${Math.floor(clientSequence / 250) % 250}.${(clientSequence % 250) + 1}`;
  }

  get cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async request(options: InjectOptions & { body?: unknown }): Promise<LightMyRequestResponse> {
    const headers: Record<string, string> = {
      origin: TEST_ORIGIN,
      ...this.defaults.headers,
      ...(options.headers as Record<string, string>),
    };
    if (this.cookies.size > 0) headers.cookie = this.cookieHeader;
    const response = await this.app.inject({
      ...options,
      remoteAddress: this.remoteAddress,
      headers,
      ...(options.body !== undefined ? { payload: options.body as InjectOptions['payload'] } : {}),
    });
    for (const cookie of response.cookies as Array<{ name: string; value: string; maxAge?: number }>) {
      if (cookie.value === '' || cookie.maxAge === 0) this.cookies.delete(cookie.name);
      else this.cookies.set(cookie.name, cookie.value);
    }
    return response;
  }

  get(url: string, headers?: Record<string, string>) {
    return this.request({ method: 'GET', url, ...(headers ? { headers } : {}) });
  }

  post(url: string, body?: unknown, headers?: Record<string, string>) {
    return this.request({ method: 'POST', url, body: body ?? {}, ...(headers ? { headers } : {}) });
  }

  put(url: string, body: object) {
    return this.request({ method: 'PUT', url, body });
  }

  patch(url: string, body: object) {
    return this.request({ method: 'PATCH', url, body });
  }

  delete(url: string) {
    return this.request({ method: 'DELETE', url });
  }
}

let sequence = 0;
export function uniqueEmail(prefix = 'user'): string {
  sequence += 1;
  return `${prefix}.${Date.now().toString(36)}.${sequence}@example.com`;
}

export interface SignUpInput {
  email?: string;
  password?: string;
  firstName?: string;
  lastName?: string;
  organizationName?: string;
  language?: 'en' | 'ar';
  rememberMe?: boolean;
}

export async function signUp(app: FastifyInstance, input: SignUpInput = {}, clientOptions?: ConstructorParameters<typeof TestClient>[1]) {
  const client = new TestClient(app, clientOptions);
  const body = {
    email: input.email ?? uniqueEmail(),
    password: input.password ?? TEST_PASSWORD,
    firstName: input.firstName ?? 'Faisal',
    lastName: input.lastName ?? 'Al-Otaibi',
    organizationName: input.organizationName ?? 'Jubail Polymers',
    ...(input.language ? { language: input.language } : {}),
    ...(input.rememberMe !== undefined ? { rememberMe: input.rememberMe } : {}),
  };
  const response = await client.post('/api/auth/sign-up/email', body);
  return { client, response, email: body.email, password: body.password };
}

export function expectProblem(response: LightMyRequestResponse, status: number, code: string) {
  if (response.statusCode !== status) {
    throw new Error(`expected ${status} ${code}, got ${response.statusCode}: ${response.body}`);
  }
  if (!String(response.headers['content-type']).startsWith('application/problem+json')) {
    throw new Error(`expected problem+json, got ${response.headers['content-type']}`);
  }
  const problem = response.json() as Problem;
  if (problem.code !== code) throw new Error(`expected code ${code}, got ${problem.code}: ${response.body}`);
  if (problem.status !== status || !problem.requestId || !problem.title || !problem.type)
    throw new Error(`malformed problem: ${response.body}`);
  if (problem.requestId !== response.headers['x-request-id']) throw new Error('problem requestId differs from x-request-id');
  return problem;
}
