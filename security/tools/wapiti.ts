import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Fixtures, fillPath } from '../lib/fixtures.js';
import { type OpenApiDocument, SchemaResolver, listOperations } from '../lib/openapi.js';
import { startProxy } from '../lib/proxy.js';
import type { Context, Finding, ToolResult } from '../lib/report.js';
import { Samples, queryString } from '../lib/samples.js';

interface FalsePositive {
  category: string;
  /** Regular expression on wapiti's info text. */
  info: string;
  reason: string;
}

const FALSE_POSITIVES_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), '../wapiti-false-positives.json');

interface WapitiEntry {
  method?: string;
  path?: string;
  info?: string;
  parameter?: string;
  http_request?: string;
}

interface WapitiReport {
  vulnerabilities?: Record<string, WapitiEntry[]>;
  anomalies?: Record<string, WapitiEntry[]>;
  infos?: Record<string, unknown>;
}

/**
 * A stand-in for wapiti's external endpoint (its SSRF module asks the target to fetch a URL there,
 * then asks the endpoint who came). It listens on 127.0.0.1, records the fetches and answers in
 * wapiti's format, so the SSRF check works and nothing leaves the machine.
 */
async function startEndpoint(): Promise<{ url: string; hits: number; close(): Promise<void> }> {
  const seen: Record<string, Record<string, Array<{ url: string; date: string; ip: string; method: string }>>> = {};
  let hits = 0;
  const server = createServer((req, res) => {
    const url = req.url ?? '/';
    const ssrf = /^\/ssrf\/([^/]+)\/(\d+)\/([0-9a-f]+)\//.exec(url);
    if (ssrf) {
      hits += 1;
      const [, , pathId, hexParam] = ssrf;
      seen[pathId!] ??= {};
      (seen[pathId!]![hexParam!] ??= []).push({
        url,
        date: new Date().toISOString(),
        ip: req.socket.remoteAddress ?? '',
        method: req.method ?? '',
      });
    }
    if (url.startsWith('/get_ssrf.php')) {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(seen));
      return;
    }
    res.writeHead(200, { 'content-type': 'text/plain' }).end('');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/`,
    get hits() {
      return hits;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function runWapiti(args: string[]): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('wapiti', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code: code ?? -1, output }));
  });
}

/**
 * wapiti on the running app, signed in with the admin's cookie, its start list every GET route of
 * the API with sample parameters (the crawler finds little in a single-page app), its scope the
 * server's host, its requests through the counting proxy and its external endpoint a local stand-in.
 */
export async function runWapitiTool(ctx: Context, doc: OpenApiDocument, fixtures: Fixtures): Promise<ToolResult> {
  const started = Date.now();
  const resolver = new SchemaResolver(doc);
  const samples = new Samples(resolver, fixtures);
  const base = new URL(fixtures.baseUrl);
  const cookieFile = path.join(ctx.tmpDir, 'wapiti-cookies.json');
  const [name, ...value] = fixtures.accounts.admin.cookie.split('=');
  writeFileSync(
    cookieFile,
    JSON.stringify({
      [base.hostname]: { '/': { [name!]: { value: value.join('='), expires: null, secure: false, port: null, version: 0 } } },
    }),
  );
  const startUrls: string[] = [];
  for (const op of listOperations(doc)) {
    if (op.method !== 'GET' || !op.path.startsWith('/api/v1/')) continue;
    if (ctx.fast && op.query.length === 0) continue;
    const values: Record<string, unknown> = {};
    for (const q of op.query) values[q.name] = q.name === 'format' ? 'json' : samples.value(q.schema, q.name);
    startUrls.push(`${fixtures.baseUrl}${fillPath(op.path, fixtures)}${queryString(values)}`);
  }
  const fast = ctx.fast;
  const selected = fast ? startUrls.filter((u) => /\/(forum\/search|use-cases)\?/.test(u)) : startUrls;
  const reportFile = path.join(ctx.tmpDir, 'wapiti-report.json');
  const proxy = await startProxy(fixtures.baseUrl);
  const endpoint = await startEndpoint();
  const modules = fast
    ? 'sql,xss,exec,http_headers'
    : 'blindsql,cookieflags,csp,exec,file,http_headers,permanentxss,redirect,sql,ssrf,xss,crlf';
  const args = [
    '-u',
    `${fixtures.baseUrl}/`,
    '--scope',
    'domain',
    '-c',
    cookieFile,
    '-m',
    modules,
    '--flush-session',
    '--store-session',
    path.join(ctx.tmpDir, 'wapiti-session'),
    '--store-config',
    path.join(ctx.tmpDir, 'wapiti-config'),
    '--max-scan-time',
    String(fast ? 60 : 300),
    '--max-attack-time',
    String(fast ? 20 : 40),
    '-d',
    '2',
    '-t',
    '10',
    '-p',
    proxy.url,
    '--endpoint',
    endpoint.url,
    '--no-bugreport',
    '-H',
    `Origin: ${fixtures.baseUrl}`,
    '-f',
    'json',
    '-o',
    reportFile,
    '-v',
    '1',
  ];
  for (const url of selected) args.push('-s', url);
  let run: { code: number; output: string };
  try {
    run = await runWapiti(args);
  } finally {
    await proxy.close();
    await endpoint.close();
  }
  const findings: Finding[] = [];
  const accepted: ToolResult['accepted'] = [];
  const notes: string[] = [];
  const falsePositives = JSON.parse(readFileSync(FALSE_POSITIVES_FILE, 'utf8')) as { entries: FalsePositive[] };
  if (!existsSync(reportFile)) {
    findings.push({
      tool: 'wapiti',
      engine: ctx.engine,
      route: '-',
      input: '-',
      detail: `wapiti wrote no report (exit ${run.code}): ${run.output.slice(-500)}`,
    });
  } else {
    const report = JSON.parse(readFileSync(reportFile, 'utf8')) as WapitiReport;
    for (const [kind, groups] of [
      ['vulnerability', report.vulnerabilities],
      ['anomaly', report.anomalies],
    ] as const) {
      for (const [category, entries] of Object.entries(groups ?? {})) {
        for (const entry of entries) {
          const finding: Finding = {
            tool: 'wapiti',
            engine: ctx.engine,
            route: `${entry.method ?? ''} ${entry.path ?? ''}`.trim(),
            input: `${kind}: ${category}${entry.parameter ? ` (parameter ${entry.parameter})` : ''}`,
            detail: (entry.info ?? '').replace(/\s+/g, ' ').slice(0, 300),
          };
          const known = falsePositives.entries.find((fp) => fp.category === category && new RegExp(fp.info, 'i').test(entry.info ?? ''));
          if (known) accepted.push({ ...finding, reason: known.reason });
          else findings.push(finding);
        }
      }
    }
  }
  for (const error of proxy.stats.serverErrors) {
    findings.push({
      tool: 'wapiti',
      engine: ctx.engine,
      route: `${error.method} ${error.url.split('?')[0]}`,
      input: error.url.slice(0, 200),
      status: error.status,
      detail: 'the server answered a wapiti request with 5xx',
    });
  }
  notes.push(
    `modules ${modules}; ${selected.length} start URLs; answers by status ${JSON.stringify(proxy.stats.byStatus)}; SSRF endpoint fetched ${endpoint.hits} times`,
  );
  if (run.code !== 0) notes.push(`wapiti exited ${run.code}`);
  return {
    tool: 'wapiti',
    engine: ctx.engine,
    inputs: proxy.stats.requests,
    inputsLabel: 'requests',
    findings,
    accepted,
    notes,
    durationMs: Date.now() - started,
  };
}
