import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, readFileSync, type WriteStream } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const SERVER_ENTRY = fileURLToPath(new URL('../server/src/server.ts', import.meta.url));
const HOST = '127.0.0.1';
/** The line the server prints once it listens (server/src/server.ts). */
const READY_LINE = /is running at (http:\/\/\S+)/;
const START_TIMEOUT_MS = 120_000;

/** A fresh database on the PostgreSQL server, dropped by drop(). */
export interface ScratchDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

export async function createScratchDatabase(serverUrl: string): Promise<ScratchDatabase> {
  const name = `p2p_reliability_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      try {
        await client.query(`drop database if exists ${name} with (force)`);
      } finally {
        await client.end();
      }
    },
  };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, HOST, () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

export interface ServerSettings {
  databaseUrl: string;
  dataDir: string;
  port: number;
  /** Both runs of the server append their output here. */
  logFile: string;
}

/**
 * The real server (server/src/server.ts) as a child process in a process group of its own, so that
 * kill9() ends exactly the processes started here. It runs as `node --import tsx`: the node process
 * is the server itself (no tsx wrapper in between), so its pid is the one whose RSS is read.
 */
export class ServerProcess {
  readonly baseUrl: string;
  private readonly authSecret = randomBytes(32).toString('hex');
  private child: ChildProcess | undefined;
  private exited: Promise<void> = Promise.resolve();
  private log: WriteStream | undefined;

  constructor(readonly settings: ServerSettings) {
    this.baseUrl = `http://${HOST}:${settings.port}`;
  }

  get pid(): number | undefined {
    return this.isRunning ? this.child?.pid : undefined;
  }

  get isRunning(): boolean {
    return this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Starts the server and resolves once it printed its listening line and /health answers 200. */
  async start(): Promise<void> {
    if (this.isRunning) throw new Error('The server is already running');
    this.log ??= createWriteStream(this.settings.logFile, { flags: 'a' });
    this.log.write(`\n--- start ${new Date().toISOString()}\n`);
    const child = spawn(process.execPath, ['--import', import.meta.resolve('tsx'), SERVER_ENTRY], {
      env: {
        NODE_ENV: 'development',
        HOST,
        PORT: String(this.settings.port),
        DATABASE_URL: this.settings.databaseUrl,
        DATA_DIR: this.settings.dataDir,
        AUTH_SECRET: this.authSecret,
        DEV_MAIL: '1',
        LOG_LEVEL: 'warn',
        // Bytes without a row older than this go at the startup sweep. The restart comes seconds after
        // the kill, so everything the kill left is older; the next sweep (hourly) falls outside a run,
        // so no upload in flight is ever swept.
        UPLOAD_SWEEP_GRACE_SECONDS: '1',
      },
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
    const log = this.log;
    child.stderr.on('data', (chunk: Buffer) => log.write(chunk));
    await new Promise<void>((resolve, reject) => {
      let output = '';
      const timer = setTimeout(
        () => reject(new Error(`The server did not print its listening line within ${START_TIMEOUT_MS / 1000} s`)),
        START_TIMEOUT_MS,
      );
      const onExit = (code: number | null, signal: string | null) => {
        clearTimeout(timer);
        reject(new Error(`The server exited (${signal ?? `code ${code}`}) before it was ready; see ${this.settings.logFile}`));
      };
      child.once('exit', onExit);
      child.stdout.on('data', (chunk: Buffer) => {
        log.write(chunk);
        output += chunk.toString('utf8');
        if (READY_LINE.test(output)) {
          clearTimeout(timer);
          child.off('exit', onExit);
          output = '';
          resolve();
        }
      });
    });
    const health = await fetch(`${this.baseUrl}/health`, { signal: AbortSignal.timeout(10_000) });
    if (health.status !== 200) throw new Error(`The server is listening but /health answered ${health.status}: ${await health.text()}`);
  }

  /** SIGKILL to the server's whole process group; resolves when it is gone. */
  async kill9(): Promise<void> {
    const pid = this.pid;
    if (pid === undefined) return;
    process.kill(-pid, 'SIGKILL');
    await this.exited;
  }

  /** A graceful stop (SIGTERM to the group), SIGKILL after 20 s. */
  async stop(): Promise<void> {
    const pid = this.pid;
    if (pid !== undefined) {
      process.kill(-pid, 'SIGTERM');
      const forced = setTimeout(() => {
        if (this.isRunning) process.kill(-pid, 'SIGKILL');
      }, 20_000);
      await this.exited;
      clearTimeout(forced);
    }
    await new Promise<void>((resolve) => (this.log ? this.log.end(resolve) : resolve()));
    this.log = undefined;
  }

  /** For process.on('exit'): no waiting possible there. */
  killNow(): void {
    const pid = this.pid;
    if (pid !== undefined) process.kill(-pid, 'SIGKILL');
  }

  /** The server process's resident set (VmRSS) in bytes. */
  rssBytes(): number | undefined {
    const pid = this.pid;
    if (pid === undefined) return undefined;
    try {
      const match = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      return match ? Number(match[1]) * 1024 : undefined;
    } catch {
      return undefined;
    }
  }

  /** The last lines the server wrote (for a failure's report). */
  logTail(lines = 30): string {
    try {
      return readFileSync(this.settings.logFile, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
    } catch {
      return '';
    }
  }
}
