import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { openTestDatabase } from '../helpers/database.js';

const serverDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * A real server start transpiles the whole app and opens (on PGlite: creates and migrates) a
 * database; on a busy 2-core machine that has taken over 30 s. Nothing here waits a fixed time:
 * each step waits for the server's own output, so a fast machine is not slowed down.
 */
const PROCESS_TEST_TIMEOUT_MS = 120_000;

interface ServerProcess {
  child: ChildProcess;
  /** Settles once the process has exited and its output pipes are closed (so the output is complete). */
  closed: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stdout(): string;
  stderr(): string;
  /** Resolves with the first stdout line that matches; rejects if the process ends first. */
  waitForLine(match: (line: string) => boolean): Promise<string>;
}

/** Everything a test started, stopped after it whatever happened (a timeout, a failed assertion). */
const started: Array<{ server: ServerProcess; cleanUp: () => Promise<void> }> = [];

afterEach(async (context) => {
  const stopping = started.splice(0);
  for (const { server, cleanUp } of stopping) {
    if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill('SIGKILL');
    await server.closed;
    if (context.task.result?.state === 'fail') {
      process.stderr.write(`--- ${context.task.name}: server stdout ---\n${server.stdout()}\n--- server stderr ---\n${server.stderr()}\n`);
    }
    await cleanUp();
  }
});

/**
 * Starts `src/server.ts` as its own process, on a fresh database of the engine this run uses. Node
 * runs the file itself (tsx as a loader, not as a wrapper process), so the pid is the server's and a
 * kill cannot leave an orphaned grandchild behind.
 */
async function startServer(env: Record<string, string>, { withDatabase = true } = {}): Promise<ServerProcess> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'p2p-proc-'));
  const database = withDatabase && process.env.DATABASE_URL && inject('pgTemplateDatabase') ? await openTestDatabase() : undefined;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: serverDir,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      DATA_DIR: dataDir,
      PORT: '0',
      LOG_LEVEL: 'info',
      ...(database?.url ? { DATABASE_URL: database.url } : {}),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  // A process that could not be started reports it here (and still closes).
  child.once('error', (error) => (stderr += `${error.message}\n`));
  const closed = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('close', (code, signal) => resolve({ code, signal })),
  );
  const server: ServerProcess = {
    child,
    closed,
    stdout: () => stdout,
    stderr: () => stderr,
    waitForLine: (match) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const line = stdout.split('\n').find(match);
          if (line === undefined) return false;
          child.stdout!.off('data', check);
          resolve(line);
          return true;
        };
        if (check()) return;
        child.stdout!.on('data', check);
        void closed.then(({ code, signal }) => {
          if (!check()) reject(new Error(`the server ended (code ${code}, signal ${signal}) before the awaited line:\n${stderr}`));
        });
      }),
  };
  started.push({
    server,
    cleanUp: async () => {
      await database?.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  });
  return server;
}

type LogLine = { msg?: string; requestId?: string; address?: string; engine?: string; req?: { url?: string } };

function parseLog(line: string): LogLine | undefined {
  if (!line.startsWith('{')) return undefined;
  try {
    return JSON.parse(line) as LogLine;
  } catch {
    return undefined;
  }
}

const logged =
  (msg: string, extra: (log: LogLine) => boolean = () => true) =>
  (line: string) => {
    const log = parseLog(line);
    return log?.msg === msg && extra(log);
  };

/** Resolves once a new connection to the port is refused: the server has closed its listening socket. */
async function waitUntilRefused(port: number): Promise<void> {
  for (;;) {
    const refused = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(false);
      });
      socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ECONNREFUSED'));
    });
    if (refused) return;
    // Still accepting: the shutdown has begun (it was logged) but not yet reached the listener.
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('the server process', () => {
  it('exits non-zero and lists every configuration problem', { timeout: PROCESS_TEST_TIMEOUT_MS }, async () => {
    const server = await startServer({ PORT: 'nope', LOG_LEVEL: 'shouting', NODE_ENV: 'production' }, { withDatabase: false });
    expect((await server.closed).code).toBe(1);
    expect(server.stderr()).toContain('Invalid configuration');
    expect(server.stderr()).toContain('PORT');
    expect(server.stderr()).toContain('LOG_LEVEL');
  });

  it(
    'on SIGTERM stops accepting, finishes the in-flight request, closes the database and exits 0',
    { timeout: PROCESS_TEST_TIMEOUT_MS },
    async () => {
      const server = await startServer({});
      const listening = parseLog(await server.waitForLine(logged('listening')));
      const { port } = new URL(listening!.address!);
      // On the engine this run uses (its own database on PostgreSQL, a fresh data directory on PGlite).
      expect(listening!.engine).toBe(inject('pgTemplateDatabase') ? 'postgres' : 'pglite');

      // A request whose body is still arriving when the signal comes: its headers and the first bytes
      // go now, the rest only once the server is shutting down and no longer accepts connections.
      const body = JSON.stringify({ email: 'slow@example.com', password: 'Wrong-Password-1' });
      let request: http.ClientRequest | undefined;
      const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
        request = http.request(
          {
            host: '127.0.0.1',
            port,
            method: 'POST',
            path: '/api/auth/sign-in/email',
            headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
          },
          (res) => {
            let data = '';
            res.setEncoding('utf8').on('data', (chunk: string) => (data += chunk));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, body: data }));
          },
        );
        request.on('error', reject);
        request.write(body.slice(0, 10));
      });
      // The server has read the request's head and routed it: the request is in flight.
      await server.waitForLine(logged('incoming request', (log) => log.req?.url === '/api/auth/sign-in/email'));
      server.child.kill('SIGTERM');
      await server.waitForLine(logged('shutting down: finishing in-flight requests'));
      await waitUntilRefused(Number(port));
      request!.end(body.slice(10));

      const result = await response;
      expect(result.status).toBe(401);
      expect((JSON.parse(result.body) as { code: string }).code).toBe('INVALID_CREDENTIALS');
      expect(await server.closed).toEqual({ code: 0, signal: null });
      const stdout = server.stdout();
      expect(stdout).toContain('shutdown complete');
      // JSON log lines carry the request id.
      const requestLines = stdout
        .split('\n')
        .map(parseLog)
        .filter((l) => l?.msg === 'request completed');
      expect(requestLines.length).toBeGreaterThan(0);
      expect(requestLines.every((l) => typeof l?.requestId === 'string')).toBe(true);
    },
  );
});
