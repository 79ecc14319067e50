import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import pg from 'pg';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** A free port on 127.0.0.1: the server must know its own address up front (links, trusted origin). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

export interface RunningServer {
  baseUrl: string;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** A platform administrator made with `npm run create-admin` before the server starts. */
  superadmin?: { email: string; password: string };
}

/**
 * The real server on a fresh DATA_DIR with DEV_MAIL=1: on PGlite, or on a fresh database of the
 * PostgreSQL server named by E2E_DATABASE_URL.
 */
export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'p2p-e2e-'));
  const adminUrl = process.env.E2E_DATABASE_URL;
  let databaseUrl = '';
  let dropDatabase = async () => {};
  if (adminUrl) {
    const name = `p2p_e2e_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    dropDatabase = async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    };
  }
  const port = await freePort();
  const tsx = path.join(root, 'node_modules/.bin/tsx');
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    DATA_DIR: dataDir,
    PORT: String(port),
    DEV_MAIL: '1',
    LOG_LEVEL: 'warn',
    DATABASE_URL: databaseUrl,
  };
  if (options.superadmin) {
    await promisify(execFile)(
      tsx,
      [
        'server/scripts/create-admin.ts',
        '--email',
        options.superadmin.email,
        '--password',
        options.superadmin.password,
        '--first-name',
        'Platform',
        '--last-name',
        'Admin',
      ],
      { cwd: root, env },
    );
  }
  const child: ChildProcess = spawn(tsx, ['server/src/server.ts'], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
  const baseUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 90_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = output.match(/running at (http:\/\/\S+)/);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
  return {
    baseUrl,
    async stop() {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
      await dropDatabase();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface OutboxMail {
  to: string;
  template: string;
  subject: string;
  links: string[];
  createdAt: string;
}

/** The newest email of a template to an address, from the development outbox. */
export async function latestMail(baseUrl: string, to: string, template: string): Promise<OutboxMail> {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const { items } = (await (await fetch(`${baseUrl}/dev/mail`)).json()) as { items: OutboxMail[] };
    const found = items.find((m) => m.to === to.toLowerCase() && m.template === template);
    if (found) return found;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no ${template} mail to ${to}`);
}
