import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import type { Database } from '../../src/platform/db.js';
import { expectProblem, testConfig } from '../helpers/app.js';
import { openTestDatabase } from '../helpers/database.js';

let dist: string;
let database: Database;
let app: FastifyInstance;
beforeAll(async () => {
  dist = mkdtempSync(path.join(tmpdir(), 'p2p-web-'));
  mkdirSync(path.join(dist, 'assets'));
  writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>P2P Sandbox</title><div id="root"></div>');
  writeFileSync(path.join(dist, 'assets', 'app-abc123.js'), 'console.log(1)');
  database = await openTestDatabase();
  app = await buildApp({ config: testConfig(), database, serveWeb: true, webDistDir: dist });
});
afterAll(async () => {
  await app.close();
  await database.close();
  rmSync(dist, { recursive: true, force: true });
});

describe('web app serving', () => {
  it('serves index.html for deep links that accept HTML, and hashed assets as immutable', async () => {
    const page = await app.inject({ method: 'GET', url: '/forum/topics/123', headers: { accept: 'text/html' } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<div id="root">');
    expect(page.headers['cache-control']).toBe('no-cache');
    const asset = await app.inject({ method: 'GET', url: '/assets/app-abc123.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toContain('immutable');
  });

  it('keeps API misses as problem+json 404s', async () => {
    expectProblem(await app.inject({ method: 'GET', url: '/api/v1/nope', headers: { accept: 'text/html' } }), 404, 'NOT_FOUND');
    expectProblem(await app.inject({ method: 'GET', url: '/missing.js' }), 404, 'NOT_FOUND');
  });
});
