import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const serverDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const tsx = path.resolve(serverDir, '../node_modules/.bin/tsx');
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function startServer(env: Record<string, string>) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'p2p-proc-'));
  dirs.push(dataDir);
  const child = spawn(tsx, ['src/server.ts'], {
    cwd: serverDir,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      DATA_DIR: dataDir,
      PORT: '0',
      LOG_LEVEL: 'info',
      ...(process.env.DATABASE_URL ? {} : {}),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, output: () => ({ stdout, stderr }) };
}

async function waitForOutput(read: () => string, pattern: RegExp, timeoutMs = 30_000): Promise<RegExpMatchArray> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const match = read().match(pattern);
    if (match) return match;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${pattern}: ${read()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('the server process', () => {
  it('exits non-zero and lists every configuration problem', async () => {
    const { exited, output } = startServer({ PORT: 'nope', LOG_LEVEL: 'shouting', NODE_ENV: 'production' });
    expect(await exited).toBe(1);
    const { stderr } = output();
    expect(stderr).toContain('Invalid configuration');
    expect(stderr).toContain('PORT');
    expect(stderr).toContain('LOG_LEVEL');
  });

  it('on SIGTERM stops accepting, finishes the in-flight request, closes the database and exits 0', async () => {
    const server = startServer({});
    let child: ChildProcess | undefined = server.child;
    try {
      const [, url] = await waitForOutput(() => server.output().stdout, /running at (http:\/\/\S+)/);
      const { port } = new URL(url!);
      // A request whose body is still arriving when the signal comes.
      const body = JSON.stringify({ email: 'slow@example.com', password: 'Wrong-Password-1' });
      const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = http.request(
          {
            host: '127.0.0.1',
            port,
            method: 'POST',
            path: '/api/auth/sign-in/email',
            headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
          },
          (res) => {
            let data = '';
            res.on('data', (c: Buffer) => (data += c.toString()));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, body: data }));
          },
        );
        req.on('error', reject);
        req.write(body.slice(0, 10));
        setTimeout(() => {
          server.child.kill('SIGTERM');
          setTimeout(() => req.end(body.slice(10)), 700);
        }, 300);
      });
      const result = await response;
      expect(result.status).toBe(401);
      expect(JSON.parse(result.body).code).toBe('INVALID_CREDENTIALS');
      expect(await server.exited).toBe(0);
      child = undefined;
      const { stdout } = server.output();
      expect(stdout).toContain('shutting down');
      expect(stdout).toContain('shutdown complete');
      // JSON log lines carry the request id.
      const requestLines = stdout
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l) as { msg: string; requestId?: string })
        .filter((l) => l.msg === 'request completed');
      expect(requestLines.length).toBeGreaterThan(0);
      expect(requestLines.every((l) => typeof l.requestId === 'string')).toBe(true);
    } finally {
      child?.kill('SIGKILL');
    }
  });
});
