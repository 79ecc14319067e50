import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { actorFor, type Fixtures, fillPath } from '../lib/fixtures.js';
import { pool, send } from '../lib/http.js';
import { type OpenApiDocument, type Operation, type Schema, SchemaResolver, listOperations, operationName } from '../lib/openapi.js';
import { startProxy } from '../lib/proxy.js';
import type { Context, Finding, ToolResult } from '../lib/report.js';
import { Samples, queryString } from '../lib/samples.js';

interface SqlmapTarget {
  op: Operation;
  as: 'signed in' | 'guest';
  url: string;
  /** JSON body with a * after the value to inject (sqlmap's custom injection marker). */
  data?: string;
  /** The query parameter to test (-p); undefined with a body. */
  param: string;
  cookie?: string;
  level: number;
  risk: number;
  /** Free text reaches SQL as a value; enums, ids, dates, numbers and booleans are refused by the validator first. */
  freeText: boolean;
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

function isFreeText(resolver: SchemaResolver, raw: Schema): boolean {
  let s = resolver.resolve(raw);
  if (resolver.typeOf(s) === 'array') s = resolver.resolve(s.items);
  return resolver.typeOf(s) === 'string' && !s.enum && !s.format && !s.pattern;
}

/** Every leaf of a body schema (objects walked, arrays through their items), as paths with their schema. */
function leaves(resolver: SchemaResolver, raw: Schema, prefix: string[] = []): Array<{ path: string[]; schema: Schema }> {
  const s = resolver.resolve(raw);
  const type = resolver.typeOf(s);
  if (type === 'object') return Object.entries(s.properties ?? {}).flatMap(([k, v]) => leaves(resolver, v, [...prefix, k]));
  if (type === 'array') return leaves(resolver, s.items ?? {}, [...prefix, '0']);
  return [{ path: prefix, schema: s }];
}

function setLeaf(body: Record<string, unknown>, path: string[], value: unknown): void {
  let current: Record<string, unknown> = body;
  path.slice(0, -1).forEach((key, i) => {
    current[key] ??= /^\d+$/.test(path[i + 1]!) ? [] : {};
    current = current[key] as Record<string, unknown>;
  });
  current[path.at(-1)!] = value;
}

/** A JSON body with sqlmap's `*` marker right after the one value to inject (inside its quotes for a string). */
function markedBody(body: Record<string, unknown>, path: string[]): string {
  const placeholder = '__SQLMAP_INJECTION_POINT__';
  const copy = structuredClone(body);
  let current = copy;
  for (const key of path.slice(0, -1)) current = current[key] as Record<string, unknown>;
  const last = path.at(-1)!;
  const value = current[last];
  current[last] = placeholder;
  const marked = typeof value === 'string' ? `${JSON.stringify(value).slice(0, -1)}*"` : `${JSON.stringify(value)}*`;
  return JSON.stringify(copy).replace(`"${placeholder}"`, marked);
}

/**
 * One sqlmap run per parameter, with only that parameter (and the required ones) in the request, so
 * the unmodified request returns rows and a boolean condition shows. Free-text parameters get level
 * 3 / risk 2 in the full run, signed in and as a guest; parameters the validator types (enums, ids,
 * dates, numbers, booleans: every payload is a 400 before any SQL, whoever sends it) get level 1 /
 * risk 1, signed in.
 */
function buildTargets(ctx: Context, doc: OpenApiDocument, fixtures: Fixtures): SqlmapTarget[] {
  const resolver = new SchemaResolver(doc);
  const samples = new Samples(resolver, fixtures);
  const targets: SqlmapTarget[] = [];
  const depth = (freeText: boolean) => (ctx.fast || !freeText ? { level: 1, risk: 1 } : { level: 3, risk: 2 });
  for (const op of listOperations(doc)) {
    const name = operationName(op);
    if (!op.path.startsWith('/api/v1/')) continue;
    if (ctx.fast && !FAST_ROUTES.includes(name)) continue;
    const isQueryTarget = op.method === 'GET' && op.query.length > 0;
    const isBodyTarget = BODY_ROUTES.includes(name) && op.body;
    if (!isQueryTarget && !isBodyTarget) continue;
    const account = fixtures.accounts[actorFor(op.method, op.path)];
    const modes: Array<SqlmapTarget['as']> = ctx.fast ? ['signed in'] : ['signed in', 'guest'];
    for (const as of modes) {
      const cookie = as === 'signed in' ? account.cookie : undefined;
      if (isQueryTarget) {
        const required: Record<string, unknown> = {};
        for (const q of op.query) if (q.required) required[q.name] = samples.value(q.schema, q.name);
        for (const q of op.query) {
          if (ctx.fast && !FAST_PARAMS.includes(q.name)) continue;
          // Exports: JSON, the cheapest format, so that each accepted payload costs little.
          const values = {
            ...required,
            [q.name]: samples.value(q.schema, q.name),
            ...(op.query.some((p) => p.name === 'format') ? { format: 'json' } : {}),
          };
          const freeText = isFreeText(resolver, q.schema);
          if (as === 'guest' && !freeText) continue;
          targets.push({
            op,
            as,
            cookie,
            param: q.name,
            freeText,
            ...depth(freeText),
            url: `${fixtures.baseUrl}${fillPath(op.path, fixtures)}${queryString(values)}`,
          });
        }
      } else if (op.body) {
        const base = samples.object(op.body);
        if ('format' in base) base.format = 'json';
        for (const leaf of leaves(resolver, op.body)) {
          const param = leaf.path.join('.');
          if (ctx.fast && !FAST_PARAMS.includes(param)) continue;
          const body = structuredClone(base);
          setLeaf(body, leaf.path, samples.value(leaf.schema, leaf.path.filter((k) => !/^\d+$/.test(k)).at(-1) ?? ''));
          const freeText = isFreeText(resolver, leaf.schema);
          if (as === 'guest' && !freeText) continue;
          targets.push({
            op,
            as,
            cookie,
            param,
            freeText,
            ...depth(freeText),
            url: `${fixtures.baseUrl}${fillPath(op.path, fixtures)}`,
            data: markedBody(body, leaf.path),
          });
        }
      }
    }
  }
  return targets;
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
  const skipped: string[] = [];
  // A guest run is worth its requests only where a guest gets past authentication.
  const guestAllowed = new Map<string, boolean>();
  const targets: SqlmapTarget[] = [];
  for (const target of buildTargets(ctx, doc, fixtures)) {
    const name = operationName(target.op);
    if (target.as === 'guest') {
      if (!guestAllowed.has(name)) {
        const url = new URL(target.url);
        const probe = await send(fixtures.baseUrl, target.op.method, `${url.pathname}${url.search}`, {
          body: target.data ? JSON.parse(target.data.replaceAll('*', '')) : undefined,
        });
        guestAllowed.set(name, probe.status !== 401);
        if (probe.status === 401) skipped.push(`${name} as a guest: answered 401 before reading any parameter`);
      }
      if (!guestAllowed.get(name)) continue;
    }
    targets.push(target);
  }
  const findings: Finding[] = [];
  const notes: string[] = [];
  const byStatus: Record<string, number> = {};
  let requests = 0;
  let index = 0;
  await pool(targets, 2, async (target) => {
    index += 1;
    const outputDir = path.join(ctx.tmpDir, `sqlmap-${index}`);
    mkdirSync(outputDir, { recursive: true });
    // Each run through its own counting proxy, so its requests are its own.
    const proxy = await startProxy(fixtures.baseUrl);
    const args = [
      '--batch',
      '-u',
      target.url,
      '--proxy',
      proxy.url,
      '--dbms',
      'PostgreSQL',
      '--level',
      String(target.level),
      '--risk',
      String(target.risk),
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
    // Only the parameter named (-p) or marked in the body: never the session cookie, User-Agent,
    // Referer or Host, which level 3 would otherwise add.
    if (target.data) args.push('--data', target.data, '--method', target.op.method, '--skip', 'user-agent,referer,cookie,host');
    else args.push('-p', target.param);
    let run: SqlmapRun;
    try {
      run = await runSqlmap(args, ctx.log);
    } finally {
      await proxy.close();
    }
    const stats = proxy.stats;
    requests += stats.requests;
    for (const [status, count] of Object.entries(stats.byStatus)) byStatus[status] = (byStatus[status] ?? 0) + count;
    const name = `${operationName(target.op)} (${target.as})`;
    for (const parameter of run.injectable) {
      findings.push({
        tool: 'sqlmap',
        engine: ctx.engine,
        route: name,
        input: parameter,
        detail: 'sqlmap reports an injectable parameter',
      });
    }
    if (run.injectable.length === 0) {
      for (const row of csvFindings(outputDir)) {
        // sqlmap lists a lead it then disproved with the note "false positive or unexploitable": its own verdict.
        if (/false positive or unexploitable/.test(row))
          notes.push(`${name} ${target.param}: a lead sqlmap itself found false (${row.split(',').slice(2, 4).join(', ')})`);
        else findings.push({ tool: 'sqlmap', engine: ctx.engine, route: name, input: row, detail: 'listed in sqlmap results CSV' });
      }
    }
    for (const error of stats.serverErrors) {
      findings.push({
        tool: 'sqlmap',
        engine: ctx.engine,
        route: name,
        input: `${target.param}: ${error.url.slice(0, 200)}`,
        status: error.status,
        detail: 'the server answered a sqlmap payload with 5xx',
      });
    }
    if (!/do not appear to be injectable|does not seem to be injectable/.test(run.stdout) && run.injectable.length === 0) {
      notes.push(
        `${name} ${target.param}: sqlmap ended without a verdict (exit ${run.exitCode}): ${run.stdout
          .split('\n')
          .filter((l) => /CRITICAL|ERROR/.test(l))
          .slice(0, 2)
          .join(' | ')}`,
      );
    }
  });
  const deep = targets.filter((t) => t.level === 3);
  ctx.log(`  sqlmap: ${targets.length} runs, ${requests} requests`);
  notes.unshift(
    `${targets.length} runs (one per parameter and identity): ${deep.length} free-text parameters at level 3 / risk 2, ${targets.length - deep.length} at level 1 / risk 1${ctx.fast ? ' (fast slice)' : ' (typed by the validator: enum, id, date, number, boolean)'}; --dbms PostgreSQL; answers by status ${JSON.stringify(byStatus)}`,
    ...skipped,
  );
  return {
    tool: 'sqlmap',
    engine: ctx.engine,
    inputs: requests,
    inputsLabel: 'requests',
    findings,
    accepted: [],
    notes,
    durationMs: Date.now() - started,
  };
}
