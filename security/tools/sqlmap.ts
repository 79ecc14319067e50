import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { actorFor, type Fixtures, fillPath } from '../lib/fixtures.js';
import { pool, send } from '../lib/http.js';
import { type OpenApiDocument, type Operation, SchemaResolver, listOperations, operationName } from '../lib/openapi.js';
import { startProxy } from '../lib/proxy.js';
import type { Context, Finding, ToolResult } from '../lib/report.js';
import { Samples, queryString } from '../lib/samples.js';

interface SqlmapTarget {
  op: Operation;
  as: 'signed in' | 'guest';
  url: string;
  /** JSON body with a * after each value to inject (sqlmap's custom injection markers). */
  data?: string;
  /** Query parameters to test (-p); undefined with a body. */
  params?: string[];
  cookie?: string;
  count: number;
}

/** The list, search, filter and export endpoints: GET with query parameters, and the POST bodies that search or export. */
const BODY_ROUTES = [
  'POST /api/v1/use-cases/search/advanced',
  'POST /api/v1/use-cases/export/custom',
  'POST /api/v1/use-cases/search/saved',
];

/** The fast slice: the free-text search parameters and one JSON body. */
const FAST_ROUTES = ['GET /api/v1/forum/search', 'GET /api/v1/use-cases', 'POST /api/v1/use-cases/search/advanced'];
const FAST_PARAMS = ['q'];

/** Marks every string and number leaf of a JSON body with sqlmap's `*`, inside the value. */
function markBody(value: unknown): string {
  if (typeof value === 'string') return `${JSON.stringify(value).slice(0, -1)}*"`;
  if (typeof value === 'number') return `${value}*`;
  if (Array.isArray(value)) return `[${value.map(markBody).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.entries(value)
      .map(([k, v]) => `${JSON.stringify(k)}:${markBody(v)}`)
      .join(',')}}`;
  return JSON.stringify(value);
}

function countMarkers(value: unknown): number {
  if (typeof value === 'string' || typeof value === 'number') return 1;
  if (Array.isArray(value)) return value.reduce((n: number, v) => n + countMarkers(v), 0);
  if (value && typeof value === 'object') return Object.values(value).reduce((n: number, v) => n + countMarkers(v), 0);
  return 0;
}

function buildTargets(ctx: Context, doc: OpenApiDocument, fixtures: Fixtures): { targets: SqlmapTarget[]; skipped: string[] } {
  const resolver = new SchemaResolver(doc);
  const samples = new Samples(resolver, fixtures);
  const targets: SqlmapTarget[] = [];
  const skipped: string[] = [];
  for (const op of listOperations(doc)) {
    const name = operationName(op);
    if (!op.path.startsWith('/api/v1/')) continue;
    if (ctx.fast && !FAST_ROUTES.includes(name)) continue;
    const isQueryTarget = op.method === 'GET' && op.query.length > 0;
    const isBodyTarget = BODY_ROUTES.includes(name) && op.body;
    if (!isQueryTarget && !isBodyTarget) continue;
    const account = fixtures.accounts[actorFor(op.method, op.path)];
    const modes: Array<SqlmapTarget['as']> = ['signed in', 'guest'];
    for (const as of ctx.fast ? (['signed in'] as const) : modes) {
      const cookie = as === 'signed in' ? account.cookie : undefined;
      if (isQueryTarget) {
        const values: Record<string, unknown> = {};
        for (const q of op.query) {
          const value = samples.value(q.schema, q.name);
          // Exports: JSON, the cheapest format, so that each accepted payload costs little.
          values[q.name] = q.name === 'format' ? 'json' : value;
        }
        let params = op.query.map((q) => q.name);
        if (ctx.fast) params = params.filter((p) => FAST_PARAMS.includes(p));
        targets.push({
          op,
          as,
          cookie,
          url: `${fixtures.baseUrl}${fillPath(op.path, fixtures)}${queryString(values)}`,
          params,
          count: params.length,
        });
      } else {
        const body = samples.object(op.body, 0, true);
        if ('format' in body) body.format = 'json';
        if (ctx.fast) for (const key of Object.keys(body)) if (key !== 'q') delete body[key];
        targets.push({
          op,
          as,
          cookie,
          url: `${fixtures.baseUrl}${fillPath(op.path, fixtures)}`,
          data: markBody(body),
          count: countMarkers(body),
        });
      }
    }
  }
  return { targets, skipped };
}

interface SqlmapRun {
  exitCode: number;
  stdout: string;
  injectable: string[];
}

function runSqlmap(args: string[], log: (line: string) => void): Promise<SqlmapRun> {
  return new Promise((resolve, reject) => {
    const child = spawn('sqlmap', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stdout += c.toString()));
    child.once('error', reject);
    child.once('exit', (code) => {
      const injectable = [...stdout.matchAll(/^Parameter: (.+)$/gm)].map((m) => m[1]!.trim());
      if (/\[CRITICAL\]/.test(stdout)) log(`sqlmap: ${stdout.match(/\[CRITICAL\].*/)?.[0] ?? ''}`);
      resolve({ exitCode: code ?? -1, stdout, injectable });
    });
  });
}

/** Rows of sqlmap's results CSV (multiple-target mode writes one per run): the injectable parameters. */
function csvFindings(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const rows: string[] = [];
  for (const file of readdirSync(dir).filter((f) => f.startsWith('results-') && f.endsWith('.csv'))) {
    const lines = readFileSync(path.join(dir, file), 'utf8').split('\n').slice(1).filter(Boolean);
    rows.push(...lines);
  }
  return rows;
}

/**
 * sqlmap on every query parameter of the list, search, filter and export endpoints and on every
 * value of the search and export JSON bodies, signed in and (where the operation allows guests) as
 * a guest. Its requests go through a counting proxy that also records 5xx answers.
 */
export async function runSqlmapTool(ctx: Context, doc: OpenApiDocument, fixtures: Fixtures): Promise<ToolResult> {
  const started = Date.now();
  const built = buildTargets(ctx, doc, fixtures);
  const skipped = built.skipped;
  // A guest run is worth its requests only where a guest gets past authentication.
  const targets: SqlmapTarget[] = [];
  for (const target of built.targets) {
    if (target.as === 'guest') {
      const url = new URL(target.url);
      const probe = await send(fixtures.baseUrl, target.op.method, `${url.pathname}${url.search}`, {
        body: target.data ? JSON.parse(target.data.replaceAll('*', '')) : undefined,
      });
      if (probe.status === 401) {
        skipped.push(`${operationName(target.op)} as a guest: answered 401 before reading any parameter`);
        continue;
      }
    }
    targets.push(target);
  }
  const proxy = await startProxy(fixtures.baseUrl);
  const findings: Finding[] = [];
  const notes: string[] = [];
  const level = ctx.fast ? 1 : 3;
  const risk = ctx.fast ? 1 : 2;
  let index = 0;
  try {
    await pool(targets, 2, async (target) => {
      index += 1;
      const outputDir = path.join(ctx.tmpDir, `sqlmap-${index}`);
      mkdirSync(outputDir, { recursive: true });
      const args = [
        '--batch',
        '-u',
        target.url,
        '--proxy',
        proxy.url,
        '--dbms',
        'PostgreSQL',
        '--level',
        String(level),
        '--risk',
        String(risk),
        '--threads',
        '1',
        '--timeout',
        '15',
        '--retries',
        '1',
        '--flush-session',
        '--output-dir',
        outputDir,
        '--disable-coloring',
        '-v',
        '1',
        '--headers',
        `Origin: ${fixtures.baseUrl}\nAccept: application/json`,
      ];
      if (target.cookie) args.push('--cookie', target.cookie);
      // Only the parameters named here (-p) or marked in the body: never the session cookie,
      // User-Agent, Referer or Host, which level 3 would otherwise add.
      if (target.data) args.push('--data', target.data, '--method', target.op.method, '--skip', 'user-agent,referer,cookie,host');
      else if (target.params) args.push('-p', target.params.join(','));
      const before = proxy.stats.requests;
      const run = await runSqlmap(args, ctx.log);
      const made = proxy.stats.requests - before;
      const name = `${operationName(target.op)} (${target.as})`;
      ctx.log(`  sqlmap ${name}: ${target.count} parameters, ~${made} requests, ${run.injectable.length} injectable`);
      for (const parameter of run.injectable) {
        findings.push({
          tool: 'sqlmap',
          engine: ctx.engine,
          route: name,
          input: parameter,
          detail: 'sqlmap reports an injectable parameter',
        });
      }
      for (const row of csvFindings(outputDir)) {
        if (!run.injectable.length)
          findings.push({ tool: 'sqlmap', engine: ctx.engine, route: name, input: row, detail: 'listed in sqlmap results CSV' });
      }
      if (
        /all tested parameters do not appear to be injectable|does not seem to be injectable/.test(run.stdout) === false &&
        run.injectable.length === 0
      ) {
        notes.push(
          `${name}: sqlmap ended without a verdict (exit ${run.exitCode}): ${run.stdout
            .split('\n')
            .filter((l) => /CRITICAL|ERROR/.test(l))
            .slice(0, 2)
            .join(' | ')}`,
        );
      }
    });
  } finally {
    await proxy.close();
  }
  for (const error of proxy.stats.serverErrors) {
    findings.push({
      tool: 'sqlmap',
      engine: ctx.engine,
      route: `${error.method} ${error.url.split('?')[0]}`,
      input: error.url.slice(0, 200),
      status: error.status,
      detail: 'the server answered a sqlmap payload with 5xx',
    });
  }
  notes.unshift(
    `level ${level}, risk ${risk}, --dbms PostgreSQL; ${targets.length} runs over ${targets.reduce((n, t) => n + t.count, 0)} parameters; answers by status ${JSON.stringify(proxy.stats.byStatus)}`,
    ...(ctx.fast ? [] : skipped),
  );
  return {
    tool: 'sqlmap',
    engine: ctx.engine,
    inputs: proxy.stats.requests,
    inputsLabel: 'requests',
    findings,
    accepted: [],
    notes,
    durationMs: Date.now() - started,
  };
}
