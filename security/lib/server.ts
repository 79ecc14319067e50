import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import pg from 'pg';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const tsx = path.join(root, 'node_modules/.bin/tsx');

export type Engine = 'pglite' | 'postgres';

export function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, host, () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

export interface RunningServer {
  engine: Engine;
  baseUrl: string;
  pid: number;
  /** Everything the server wrote (warnings and errors at LOG_LEVEL=warn). */
  output(): string;
  stop(): Promise<void>;
}

/** The platform superadmin made with `npm run create-admin` before the server starts. */
export const SUPERADMIN = { email: 'security-superadmin@example.com', password: 'Quartz-Falcon-2931-superadmin' };

export interface StartOptions {
  engine: Engine;
  /** Load the demo data (`npm run seed`) first: realistic rows for the attack tools to search. */
  seed: boolean;
  /** PostgreSQL server on which a fresh database is created (and dropped at stop). */
  pgUrl: string;
  log: (line: string) => void;
}

/**
 * The real server as a child process on a fresh DATA_DIR (and, on PostgreSQL, a fresh database),
 * with the demo data loaded first by `npm run seed`'s script when asked, and a platform superadmin
 * made by `npm run create-admin`'s. stop() ends the process, drops the
 * database and removes the folder; call it in a finally.
 */
export async function startServer({ engine, seed, pgUrl, log }: StartOptions): Promise<RunningServer> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'p2p-security-'));
  const cleanups: Array<() => Promise<void>> = [async () => rmSync(dataDir, { recursive: true, force: true })];
  let child: ChildProcess | undefined;
  const cleanup = async () => {
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((r) => child!.once('exit', r));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child!.kill('SIGKILL'), 20_000);
      await exited;
      clearTimeout(timer);
    }
    for (const step of cleanups.reverse()) await step().catch((e: unknown) => log(`cleanup failed: ${String(e)}`));
    cleanups.length = 0;
  };
  try {
    let databaseUrl = '';
    if (engine === 'postgres') {
      const name = `p2p_security_${randomBytes(4).toString('hex')}`;
      const admin = new pg.Client({ connectionString: pgUrl });
      await admin.connect();
      await admin.query(`create database ${name}`);
      await admin.end();
      cleanups.push(async () => {
        const c = new pg.Client({ connectionString: pgUrl });
        await c.connect();
        await c.query(`drop database if exists ${name} with (force)`);
        await c.end();
      });
      const url = new URL(pgUrl);
      url.pathname = `/${name}`;
      databaseUrl = url.toString();
      log(`database ${name} on ${url.host}`);
    }
    const port = await freePort();
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: 'development',
      HOST: '127.0.0.1',
      PORT: String(port),
      PUBLIC_URL: '',
      DATA_DIR: dataDir,
      DATABASE_URL: databaseUrl,
      DEV_MAIL: '1',
      LOG_LEVEL: 'warn',
      AUTH_SECRET: randomBytes(32).toString('base64url'),
      SMTP_URL: '',
    };
    const prepared = Date.now();
    if (seed) {
      await promisify(execFile)(tsx, ['server/scripts/seed.ts'], { cwd: root, env, maxBuffer: 16 * 1024 * 1024 });
    }
    await promisify(execFile)(
      tsx,
      [
        'server/scripts/create-admin.ts',
        '--email',
        SUPERADMIN.email,
        '--password',
        SUPERADMIN.password,
        '--first-name',
        'Security',
        '--last-name',
        'Superadmin',
      ],
      { cwd: root, env, maxBuffer: 16 * 1024 * 1024 },
    );
    log(`${seed ? 'demo data seeded and ' : ''}superadmin created in ${((Date.now() - prepared) / 1000).toFixed(1)} s`);

    child = spawn(tsx, ['server/src/server.ts'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
    const started = child;
    const baseUrl = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the server did not start within 90 s:\n${output}`)), 90_000);
      started.stdout!.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = /running at (http:\/\/\S+)/.exec(output);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]!);
        }
      });
      started.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`the server exited with ${code}:\n${output}`));
      });
    });
    return { engine, baseUrl, pid: started.pid!, output: () => output, stop: cleanup };
  } catch (error) {
    await cleanup();
    throw error;
  }
}
