import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import type { OpenApiDocument } from '../lib/openapi.js';
import type { Context, Finding, ToolResult } from '../lib/report.js';
import { root } from '../lib/server.js';

interface RedoclyProblem {
  ruleId: string;
  severity: string;
  message: string;
  location: Array<{ pointer?: string }>;
}

/** Redocly CLI's lint of the served /openapi.json with security/redocly.yaml: no error and no warning. */
export async function runOpenApiLint(ctx: Context, doc: OpenApiDocument): Promise<ToolResult> {
  const started = Date.now();
  const file = path.join(ctx.tmpDir, `openapi-${ctx.engine}.json`);
  writeFileSync(file, JSON.stringify(doc, null, 2));
  const redocly = path.join(root, 'node_modules/.bin/redocly');
  const args = ['lint', file, '--config', path.join(root, 'security/redocly.yaml'), '--format', 'json', '--max-problems', '1000'];
  const { stdout } = await promisify(execFile)(redocly, args, { cwd: root, maxBuffer: 64 * 1024 * 1024 }).catch(
    (error: { stdout?: string; stderr?: string }) => ({ stdout: error.stdout ?? '', stderr: error.stderr ?? '' }),
  );
  const findings: Finding[] = [];
  let problems: RedoclyProblem[] = [];
  try {
    problems = (JSON.parse(stdout.slice(stdout.indexOf('{'))) as { problems: RedoclyProblem[] }).problems;
  } catch {
    findings.push({
      tool: 'openapi lint',
      engine: ctx.engine,
      route: '/openapi.json',
      input: '-',
      detail: `redocly printed no report: ${stdout.slice(0, 300)}`,
    });
  }
  for (const p of problems) {
    const pointer = p.location[0]?.pointer ?? '';
    const route =
      pointer
        .replace(/^#\/paths\//, '')
        .replace(/~1/g, '/')
        .split('/')
        .slice(0, -1)
        .join('/') || pointer;
    findings.push({
      tool: 'openapi lint',
      engine: ctx.engine,
      route,
      input: `${p.ruleId} (${p.severity})`,
      detail: `${p.message} at ${pointer}`,
    });
  }
  const operations = Object.values(doc.paths).reduce((n, methods) => n + Object.keys(methods).length, 0);
  return {
    tool: 'openapi lint',
    engine: ctx.engine,
    inputs: operations,
    inputsLabel: 'operations',
    findings,
    accepted: [],
    notes: ['@redocly/cli 2.77.0, recommended rules with the exceptions in security/redocly.yaml'],
    durationMs: Date.now() - started,
  };
}
