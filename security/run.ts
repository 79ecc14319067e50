import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createFixtures } from './lib/fixtures.js';
import { fetchOpenApi } from './lib/openapi.js';
import type { Context, ToolResult } from './lib/report.js';
import { type Engine, type RunningServer, startServer } from './lib/server.js';
import { runBoundary } from './tools/boundary.js';
import { runNaughty } from './tools/naughty.js';
import { runOpenApiLint } from './tools/openapi-lint.js';
import { runSqlmapTool } from './tools/sqlmap.js';
import { runWapitiTool } from './tools/wapiti.js';

const TOOLS = ['lint', 'boundary', 'sqlmap', 'wapiti', 'naughty'] as const;
type Tool = (typeof TOOLS)[number];

const usage = `Usage: npm run test:security [-- --engine pglite|postgres|both] [--fast] [--report FILE] [--only TOOL,…] [--pg-url URL]
  Starts the real server (seeded with the demo data) on each engine in turn and runs against it:
  the OpenAPI lint (Redocly), boundary tests generated from the OpenAPI document, sqlmap, wapiti and
  the naughty strings. Prints a summary table, writes it as JSON to --report, and exits 1 on any finding.
  --fast      the slice CI runs: every tool on a sample (test:security:fast)
  --only      a comma-separated subset of ${TOOLS.join(', ')}
  --pg-url    the PostgreSQL server on which a fresh database is made and dropped
              (default $PG_URL, else postgres://postgres@127.0.0.1:5432/test)`;

const { values } = parseArgs({
  options: {
    engine: { type: 'string', default: 'both' },
    fast: { type: 'boolean', default: false },
    report: { type: 'string' },
    only: { type: 'string' },
    'pg-url': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (values.help) {
  process.stdout.write(`${usage}\n`);
  process.exit(0);
}
const engines: Engine[] = values.engine === 'both' ? ['pglite', 'postgres'] : [values.engine as Engine];
if (!engines.every((e) => e === 'pglite' || e === 'postgres')) {
  process.stderr.write(`${usage}\n`);
  process.exit(2);
}
const only = values.only ? (values.only.split(',') as Tool[]) : [...TOOLS];
if (!only.every((t) => TOOLS.includes(t))) {
  process.stderr.write(`${usage}\n`);
  process.exit(2);
}
const pgUrl = values['pg-url'] ?? process.env.PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const fast = values.fast;
const out = process.stdout;
const startedAt = Date.now();
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const log = (line: string) => out.write(`[security ${seconds(Date.now() - startedAt)}] ${line}\n`);

let current: RunningServer | undefined;
const tmpRoot = mkdtempSync(path.join(tmpdir(), 'p2p-security-run-'));
const stopAll = async () => {
  await current?.stop();
  current = undefined;
  rmSync(tmpRoot, { recursive: true, force: true });
};
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    log(`${signal}: stopping the server`);
    void stopAll().finally(() => process.exit(130));
  });
}

async function runEngine(engine: Engine): Promise<ToolResult[]> {
  const engineStarted = Date.now();
  log(`${engine}: ${fast ? '' : 'seeding the demo data and '}starting the server`);
  current = await startServer({ engine, seed: !fast, pgUrl, log: (line) => log(`${engine}: ${line}`) });
  const server = current;
  const results: ToolResult[] = [];
  try {
    log(`${engine}: listening at ${server.baseUrl}`);
    const doc = await fetchOpenApi(server.baseUrl);
    const fixtures = await createFixtures(server.baseUrl);
    log(`${engine}: fixtures ready (two organizations, a member, the superadmin)`);
    const tmpDir = mkdtempSync(path.join(tmpRoot, `${engine}-`));
    const ctx: Context = { engine, fast, log: (line) => log(`${engine}: ${line}`), tmpDir };
    const steps: Record<Tool, () => Promise<ToolResult>> = {
      lint: () => runOpenApiLint(ctx, doc),
      boundary: () => runBoundary(ctx, doc, fixtures),
      sqlmap: () => runSqlmapTool(ctx, doc, fixtures),
      wapiti: () => runWapitiTool(ctx, doc, fixtures),
      naughty: () => runNaughty(ctx, doc, fixtures),
    };
    for (const tool of TOOLS) {
      if (!only.includes(tool)) continue;
      log(`${engine}: ${tool}…`);
      const result = await steps[tool]();
      results.push(result);
      log(
        `${engine}: ${result.tool}: ${result.inputs} ${result.inputsLabel}, ${result.findings.length} findings, ${seconds(result.durationMs)}`,
      );
    }
    if (server.output().includes('"level":60') || /unhandled error/.test(server.output())) {
      log(`${engine}: the server logged unhandled errors (see the findings of the tools for the requests)`);
    }
  } finally {
    await server.stop();
    current = undefined;
  }
  log(`${engine}: done in ${seconds(Date.now() - engineStarted)}`);
  return results;
}

function printSummary(results: ToolResult[]): void {
  const rows = results.map((r) => [
    r.tool,
    r.engine,
    `${r.inputs} ${r.inputsLabel}`,
    String(r.findings.length),
    String(r.accepted.length),
    seconds(r.durationMs),
  ]);
  const header = ['tool', 'engine', 'inputs tried', 'findings', 'known false positives', 'duration'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  out.write(`\n${line(header)}\n|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|\n${rows.map(line).join('\n')}\n`);
  for (const r of results) {
    if (r.notes.length > 0) out.write(`\n${r.tool} (${r.engine}):\n${r.notes.map((n) => `  - ${n}`).join('\n')}\n`);
    for (const a of r.accepted) out.write(`  ~ known false positive: ${a.route} ${a.input}: ${a.reason}\n`);
  }
  const findings = results.flatMap((r) => r.findings);
  if (findings.length > 0) {
    out.write(`\nFindings (${findings.length}):\n`);
    for (const f of findings.slice(0, 200)) {
      out.write(`  ✗ [${f.tool}, ${f.engine}] ${f.route} — ${f.input}${f.status ? ` → ${f.status}` : ''}: ${f.detail}\n`);
    }
    if (findings.length > 200) out.write(`  … and ${findings.length - 200} more in the JSON report\n`);
  }
}

let exitCode = 0;
const all: ToolResult[] = [];
try {
  for (const engine of engines) all.push(...(await runEngine(engine)));
} catch (error) {
  log(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  exitCode = 1;
} finally {
  await stopAll();
}
printSummary(all);
const findingCount = all.reduce((n, r) => n + r.findings.length, 0);
if (values.report) {
  writeFileSync(
    values.report,
    JSON.stringify(
      {
        fast,
        engines,
        durationMs: Date.now() - startedAt,
        summary: all.map((r) => ({
          tool: r.tool,
          engine: r.engine,
          inputs: r.inputs,
          inputsLabel: r.inputsLabel,
          findings: r.findings.length,
          knownFalsePositives: r.accepted.length,
          durationMs: r.durationMs,
        })),
        results: all,
      },
      null,
      2,
    ),
  );
  log(`report written to ${values.report}`);
}
const clean = all.filter((r) => r.findings.length === 0).length;
out.write(`\nSecurity suite finished in ${seconds(Date.now() - startedAt)}\nsecurity: ${clean} passed, ${all.length - clean} failed\n`);
process.exit(exitCode !== 0 || findingCount > 0 ? 1 : 0);
