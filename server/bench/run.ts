import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon, { type AutocannonRequest, type AutocannonResult } from 'autocannon';
import pg from 'pg';
import { ConfigError, loadBenchSettings } from '../src/platform/config.js';
import { openDatabase } from '../src/platform/db.js';
import { CEILING, ENDPOINTS, type BenchEndpoint, type BenchFixtures, type BenchRole, loadFixtures } from './endpoints.js';
import {
  BENCH_EMAIL_DOMAIN,
  BENCH_PASSWORD,
  USERS_PER_ORGANIZATION,
  benchUserEmail,
  generateBenchData,
  parseScale,
  printGenerateReport,
} from './generate.js';

const usage = `Usage: npm run bench -- [--duration S] [--scale N] [--keep] [--only TEXT] [--cpu-prof DIR] [--template DB] [--log-slow MS]
  Creates a fresh database p2p_bench_<random> on DATABASE_URL's PostgreSQL server (default
  postgres://postgres@127.0.0.1:5432/test), migrates it, loads benchmark data (--scale, default 0.1),
  starts the server as a separate process and measures each endpoint with autocannon at 50
  connections for --duration seconds (default 10). The database is dropped at the end unless --keep.
  --only measures the ceiling and the endpoints whose name contains TEXT (repeatable); --cpu-prof
  writes a V8 CPU profile of the server process into DIR when it exits. --template copies a database
  already loaded with \`npm run bench:data\` (its name must start with p2p_bench) instead of loading
  data; --log-slow makes PostgreSQL log the run's statements slower than MS milliseconds. Exports are
  not load-tested: a few requests one after the other, each timed to its last byte, with the server's
  RSS growth meanwhile (measure them alone, --only export, for a clean RSS baseline).`;

const CONNECTIONS = 50;
const WARMUP_SECONDS = 1;
/** Accounts signed in per role; requests take them in turn. Few, to stay under the per-IP sign-in limit. */
const USERS_PER_ROLE = 3;
const HOST = '127.0.0.1';
const SERVER_ENTRY = fileURLToPath(new URL('../src/server.ts', import.meta.url));
const out = process.stdout;

interface Row {
  name: string;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  statusCodes: Record<string, { count: number }>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, HOST, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function readProcStatus(pid: number, field: 'VmRSS' | 'VmHWM'): number | undefined {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function waitForServer(baseUrl: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The server exited with code ${child.exitCode} before it was ready`);
    try {
      const response = await fetch(`${baseUrl}/health`, { signal: AbortSignal.timeout(2000) });
      if (response.ok) return;
    } catch {
      /* not listening yet */
    }
    await sleep(250);
  }
  throw new Error(`The server did not answer /health within ${timeoutMs / 1000} s`);
}

async function signIn(baseUrl: string, email: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: baseUrl },
    body: JSON.stringify({ email, password: BENCH_PASSWORD }),
    signal: AbortSignal.timeout(10_000),
  });
  if (!response.ok) throw new Error(`Sign-in of ${email} answered ${response.status}: ${await response.text()}`);
  const cookies = response.headers.getSetCookie().map((c) => c.split(';')[0]!);
  if (cookies.length === 0) throw new Error(`Sign-in of ${email} set no cookie`);
  return cookies.join('; ');
}

async function measure(
  baseUrl: string,
  endpoint: BenchEndpoint,
  fixtures: BenchFixtures,
  cookies: Record<BenchRole, string[]>,
  seconds: number,
  connections: number,
): Promise<AutocannonResult> {
  let n = 0;
  const setupRequest = (request: AutocannonRequest): AutocannonRequest => {
    const current = n;
    n += 1;
    const spec = endpoint.request(fixtures, current);
    const headers: Record<string, string> = { origin: baseUrl, accept: 'application/json' };
    if (endpoint.as !== 'anonymous') {
      const jar = cookies[endpoint.as];
      headers.cookie = jar[current % jar.length]!;
    }
    const next: AutocannonRequest = { ...request, method: spec.method, path: spec.path, headers };
    if (spec.body !== undefined) {
      headers['content-type'] = 'application/json';
      next.body = JSON.stringify(spec.body);
    } else {
      delete next.body;
    }
    return next;
  };
  return autocannon({ url: baseUrl, connections, duration: seconds, timeout: 10, requests: [{ setupRequest }] });
}

interface SequentialRow {
  name: string;
  /** Time to the full body of each request, in order (the first one is cold). */
  ms: number[];
  bytes: number[];
  statuses: number[];
  rssBefore: number;
  rssPeak: number;
  rssAfter: number;
}

/** Requests one after the other, each read to its last byte, with the server's RSS sampled every 20 ms. */
async function measureSequential(
  baseUrl: string,
  endpoint: BenchEndpoint,
  fixtures: BenchFixtures,
  cookies: Record<BenchRole, string[]>,
  pid: number,
): Promise<SequentialRow> {
  await sleep(500);
  const rssBefore = readProcStatus(pid, 'VmRSS') ?? 0;
  let rssPeak = rssBefore;
  const sampler = setInterval(() => {
    rssPeak = Math.max(rssPeak, readProcStatus(pid, 'VmRSS') ?? 0);
  }, 20);
  const row: SequentialRow = { name: endpoint.name, ms: [], bytes: [], statuses: [], rssBefore, rssPeak, rssAfter: 0 };
  try {
    for (let n = 0; n < (endpoint.sequential ?? 1); n += 1) {
      const spec = endpoint.request(fixtures, n);
      const headers: Record<string, string> = { origin: baseUrl };
      if (endpoint.as !== 'anonymous') headers.cookie = cookies[endpoint.as][n % cookies[endpoint.as].length]!;
      if (spec.body !== undefined) headers['content-type'] = 'application/json';
      const started = performance.now();
      const response = await fetch(`${baseUrl}${spec.path}`, {
        method: spec.method,
        headers,
        body: spec.body === undefined ? undefined : JSON.stringify(spec.body),
        signal: AbortSignal.timeout(60_000),
      });
      const body = await response.arrayBuffer();
      row.ms.push(performance.now() - started);
      row.bytes.push(body.byteLength);
      row.statuses.push(response.status);
    }
  } finally {
    clearInterval(sampler);
  }
  row.rssPeak = Math.max(rssPeak, readProcStatus(pid, 'VmRSS') ?? 0);
  row.rssAfter = readProcStatus(pid, 'VmRSS') ?? 0;
  return row;
}

function printSequential(rows: SequentialRow[]): void {
  const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);
  for (const r of rows) {
    const sorted = [...r.ms].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
    const codes = [...new Set(r.statuses)].join(', ');
    out.write(`\n${r.name}: ${r.ms.length} requests one after the other, status ${codes}\n`);
    out.write(
      `  time to full body: ${r.ms.map((ms) => `${(ms / 1000).toFixed(2)} s`).join(', ')} (median ${(median / 1000).toFixed(2)} s, max ${((sorted.at(-1) ?? 0) / 1000).toFixed(2)} s)\n`,
    );
    out.write(
      `  body: ${(Math.max(...r.bytes) / 1024).toFixed(0)} KB; server RSS ${mb(r.rssBefore)} MB before, ${mb(r.rssPeak)} MB at peak (+${mb(r.rssPeak - r.rssBefore)} MB), ${mb(r.rssAfter)} MB after\n`,
    );
  }
}

/**
 * Waits until the server's queries of the last endpoint are done: autocannon stops at the deadline,
 * but the server still works through what was queued (a slow endpoint would otherwise slow the next).
 */
async function drain(pool: pg.Pool, databaseName: string): Promise<number> {
  const started = Date.now();
  // Idle three polls in a row: between two statements of one request the database is briefly idle.
  let idle = 0;
  while (idle < 3 && Date.now() - started < 120_000) {
    const busy = await pool.query<{ n: string }>(
      "select count(*) as n from pg_stat_activity where datname = $1 and state <> 'idle' and pid <> pg_backend_pid()",
      [databaseName],
    );
    idle = Number(busy.rows[0]?.n ?? 0) === 0 ? idle + 1 : 0;
    await sleep(100);
  }
  return Date.now() - started;
}

function toRow(name: string, result: AutocannonResult): Row {
  return {
    name,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
    statusCodes: result.statusCodeStats,
  };
}

function printTable(rows: Row[], ceiling: Row): void {
  const width = Math.max(...rows.map((r) => r.name.length), 8);
  const header = `${'endpoint'.padEnd(width)}  ${'req/s'.padStart(8)}  ${'p50 ms'.padStart(7)}  ${'p99 ms'.padStart(7)}  ${'errors'.padStart(7)}  ${'of ceiling'.padStart(10)}`;
  out.write(`\n${header}\n${'-'.repeat(header.length)}\n`);
  for (const r of rows) {
    const ratio = ceiling.rps > 0 ? `${((r.rps / ceiling.rps) * 100).toFixed(1)} %` : 'n/a';
    out.write(
      `${r.name.padEnd(width)}  ${r.rps.toFixed(0).padStart(8)}  ${r.p50.toFixed(1).padStart(7)}  ${r.p99.toFixed(1).padStart(7)}  ${String(r.errors).padStart(7)}  ${ratio.padStart(10)}\n`,
    );
  }
  for (const r of rows.filter((row) => row.errors > 0)) {
    const codes = Object.entries(r.statusCodes)
      .map(([code, s]) => `${code}×${s.count}`)
      .join(', ');
    out.write(`  ! ${r.name}: status codes ${codes}\n`);
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      duration: { type: 'string' },
      scale: { type: 'string' },
      keep: { type: 'boolean' },
      only: { type: 'string', multiple: true },
      'cpu-prof': { type: 'string' },
      template: { type: 'string' },
      'log-slow': { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    out.write(`${usage}\n`);
    return;
  }
  const duration = Number(values.duration ?? '10');
  if (!Number.isInteger(duration) || duration < 1 || duration > 120)
    throw new Error('--duration must be a whole number of seconds from 1 to 120');
  const scale = parseScale(values.scale, 0.1);
  const { databaseUrl } = loadBenchSettings();
  const only = values.only ?? [];
  const endpoints = only.length === 0 ? ENDPOINTS : ENDPOINTS.filter((e) => only.some((text) => e.name.includes(text)));
  if (endpoints.length === 0) throw new Error(`No endpoint name contains ${only.map((o) => `"${o}"`).join(' or ')}`);
  const profileDir = values['cpu-prof'] ? path.resolve(values['cpu-prof']) : undefined;
  const template = values.template;
  if (template !== undefined && !/^p2p_bench[a-z0-9_]*$/.test(template))
    throw new Error('--template must name a database whose name starts with p2p_bench (lower-case letters, digits, _)');
  const logSlowMs = values['log-slow'] === undefined ? undefined : Number(values['log-slow']);
  if (logSlowMs !== undefined && (!Number.isInteger(logSlowMs) || logSlowMs < 0))
    throw new Error('--log-slow must be a whole number of milliseconds');

  const databaseName = `p2p_bench_${randomBytes(4).toString('hex')}`;
  const benchUrl = new URL(databaseUrl);
  benchUrl.pathname = `/${databaseName}`;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'p2p-bench-'));
  const admin = new pg.Client({ connectionString: databaseUrl });
  let created = false;
  let child: ChildProcess | undefined;
  let pool: pg.Pool | undefined;
  let peakRss = 0;
  let sampler: NodeJS.Timeout | undefined;

  const cleanup = async () => {
    if (sampler) clearInterval(sampler);
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise<void>((resolve) => child!.once('exit', () => resolve()));
      child.kill('SIGTERM');
      const forced = setTimeout(() => child?.kill('SIGKILL'), 20_000);
      await exited;
      clearTimeout(forced);
    }
    await pool?.end().catch(() => undefined);
    if (created && !values.keep) {
      await admin
        .query(`drop database if exists ${databaseName} with (force)`)
        .catch((error: unknown) => out.write(`  ! could not drop ${databaseName}: ${String(error)}\n`));
    } else if (created) {
      out.write(`Kept the database ${databaseName}\n`);
    }
    await admin.end().catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
  };

  // Bounded: the whole run stops by itself, however the server behaves.
  const budgetMs = (endpoints.length + 1) * (duration + WARMUP_SECONDS + 20) * 1000 + 600_000;
  const watchdog = setTimeout(() => {
    process.stderr.write(`The benchmark exceeded its ${Math.round(budgetMs / 1000)} s budget; stopping\n`);
    void cleanup().finally(() => process.exit(1));
  }, budgetMs);
  watchdog.unref();
  const interrupted = () => {
    process.stderr.write('Interrupted; cleaning up\n');
    void cleanup().finally(() => process.exit(130));
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);

  try {
    await admin.connect();
    const copied = template ? ` template ${template}` : '';
    await admin.query(`create database ${databaseName}${copied}`);
    created = true;
    if (logSlowMs !== undefined) await admin.query(`alter database ${databaseName} set log_min_duration_statement = ${logSlowMs}`);
    out.write(`Database ${databaseName}${template ? ` (a copy of ${template})` : ''} on ${benchUrl.host}\n`);
    const database = await openDatabase({ databaseUrl: benchUrl.toString(), poolSize: 1 });
    await database.migrate();
    await database.close();

    pool = new pg.Pool({ connectionString: benchUrl.toString(), max: 2 });
    const existing = await pool.query<{ n: string }>('select count(*) as n from users');
    if (Number(existing.rows[0]?.n ?? 0) === 0) {
      out.write(`Loading benchmark data at scale ${scale}\n`);
      printGenerateReport(await generateBenchData(pool, benchUrl.toString(), scale));
    }
    const caseCount = await pool.query<{ n: string }>('select count(*) as n from use_cases');
    if (Number(caseCount.rows[0]?.n ?? 0) === 0 && endpoints.some((e) => e.name.includes('/use-cases'))) {
      throw new Error(
        `${template ?? databaseName} holds no use cases: add them once with DATABASE_URL=…/${template ?? 'DB'} npm run bench:data (it loads only the use-case library into a database that has the rest)`,
      );
    }
    const fixtures = await loadFixtures(pool);

    const port = await freePort();
    const baseUrl = `http://${HOST}:${port}`;
    const profileArgs = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
    child = spawn(process.execPath, [...profileArgs, '--import', import.meta.resolve('tsx'), SERVER_ENTRY], {
      // Only what the server needs: nothing from this shell's environment leaks into the measurement.
      env: {
        NODE_ENV: 'production',
        HOST,
        PORT: String(port),
        DATABASE_URL: benchUrl.toString(),
        AUTH_SECRET: randomBytes(32).toString('hex'),
        LOG_LEVEL: 'warn',
        DATA_DIR: dataDir,
        BENCH_CEILING: '1',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const pid = child.pid;
    if (pid === undefined) throw new Error('Could not start the server');
    await waitForServer(baseUrl, child, 60_000);
    sampler = setInterval(() => {
      peakRss = Math.max(peakRss, readProcStatus(pid, 'VmRSS') ?? 0);
    }, 250);
    out.write(`Server (pid ${pid}) at ${baseUrl}\n`);

    const cookies: Record<BenchRole, string[]> = { anonymous: [], member: [], admin: [] };
    for (let k = 0; k < USERS_PER_ROLE; k += 1) {
      const org = k * USERS_PER_ORGANIZATION;
      cookies.admin.push(await signIn(baseUrl, benchUserEmail(org)));
      cookies.member.push(await signIn(baseUrl, benchUserEmail(org + 1)));
    }
    out.write(`Signed in ${USERS_PER_ROLE} admins and ${USERS_PER_ROLE} members (@${BENCH_EMAIL_DOMAIN})\n`);
    out.write(
      `Measuring ${endpoints.length + 1} endpoints, ${CONNECTIONS} connections, ${duration} s each (after a ${WARMUP_SECONDS} s warm-up)\n`,
    );

    const rows: Row[] = [];
    const sequentialRows: SequentialRow[] = [];
    for (const endpoint of [CEILING, ...endpoints]) {
      if (endpoint.sequential !== undefined) {
        const row = await measureSequential(baseUrl, endpoint, fixtures, cookies, pid);
        sequentialRows.push(row);
        out.write(`  ✓ ${row.name}: ${row.ms.map((ms) => (ms / 1000).toFixed(2)).join(' / ')} s\n`);
        continue;
      }
      await measure(baseUrl, endpoint, fixtures, cookies, WARMUP_SECONDS, CONNECTIONS);
      await drain(pool, databaseName);
      const row = toRow(endpoint.name, await measure(baseUrl, endpoint, fixtures, cookies, duration, CONNECTIONS));
      rows.push(row);
      const drained = await drain(pool, databaseName);
      out.write(
        `  ✓ ${row.name}: ${row.rps.toFixed(0)} req/s${drained > 1000 ? ` (the server worked ${(drained / 1000).toFixed(1)} s more on queued requests)` : ''}\n`,
      );
    }
    peakRss = Math.max(peakRss, readProcStatus(pid, 'VmHWM') ?? 0);
    printTable(rows, rows[0]!);
    printSequential(sequentialRows);
    out.write(`\nServer peak RSS: ${(peakRss / 1024 / 1024).toFixed(0)} MB\n`);
    out.write('Compare the ratios to the ceiling, not absolute numbers: these vary between runs and machines.\n');
  } finally {
    clearTimeout(watchdog);
    await cleanup();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof ConfigError || error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
