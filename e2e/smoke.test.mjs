// Placeholder journey until the web shell lands: start the real server on a fresh data dir and
// check that it answers. Uses only Node's own test runner and fetch against 127.0.0.1.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';

const root = path.resolve(import.meta.dirname, '..');
let child;
let baseUrl;
const dataDir = mkdtempSync(path.join(tmpdir(), 'p2p-e2e-'));

before(async () => {
  child = spawn(path.join(root, 'node_modules/.bin/tsx'), ['server/src/server.ts'], {
    cwd: root,
    env: { ...process.env, DATA_DIR: dataDir, PORT: '0', DEV_MAIL: '1', LOG_LEVEL: 'warn', DATABASE_URL: process.env.E2E_DATABASE_URL ?? '' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  baseUrl = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 60_000);
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = out.match(/running at (http:\/\/\S+)/);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
  });
});

after(() => {
  child?.kill('SIGTERM');
  rmSync(dataDir, { recursive: true, force: true });
});

test('the server is healthy and serves the web app', async () => {
  const health = await fetch(`${baseUrl}/health`).then((r) => r.json());
  assert.equal(health.status, 'ok');
  const page = await fetch(`${baseUrl}/`, { headers: { accept: 'text/html' } });
  assert.equal(page.status, 200);
  assert.match(await page.text(), /<div id="root">/);
});
