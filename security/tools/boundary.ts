import { actorFor, type Fixtures, fillPath } from '../lib/fixtures.js';
import { type HttpResponse, isProblem, pool, problemErrors, send } from '../lib/http.js';
import { type OpenApiDocument, type Operation, type Schema, SchemaResolver, listOperations, operationName } from '../lib/openapi.js';
import type { Context, Finding, ToolResult } from '../lib/report.js';
import { Samples, queryString } from '../lib/samples.js';

interface BoundaryCase {
  op: Operation;
  kind: 'missing' | 'too short' | 'too long' | 'below minimum' | 'above maximum' | 'wrong type' | 'not in enum' | 'too many items';
  /** The field the answer's errors must name (dotted path, as the problem's errors write it). */
  field: string;
  in: 'body' | 'query';
  query: Record<string, unknown>;
  body: unknown;
  shown: string;
}

const MAX_GENERATED_LENGTH = 60_000;

function setPath(target: Record<string, unknown>, path: string[], value: unknown): void {
  let current = target;
  for (const key of path.slice(0, -1)) {
    current[key] = { ...(current[key] as Record<string, unknown>) };
    current = current[key] as Record<string, unknown>;
  }
  const last = path.at(-1)!;
  if (value === undefined) delete current[last];
  else current[last] = value;
}

/** The invalid values of one property, each with the kind of boundary it crosses. */
function invalidValues(resolver: SchemaResolver, samples: Samples, raw: Schema, name: string, where: 'body' | 'query') {
  const s = resolver.resolve(raw);
  const type = resolver.typeOf(s);
  const out: Array<{ kind: BoundaryCase['kind']; value: unknown; suffix?: string }> = [];
  if (s.enum?.length) out.push({ kind: 'not in enum', value: 'not-a-listed-value' });
  if (type === 'string' && !s.enum) {
    if (s.minLength !== undefined && s.minLength > 0 && !s.format) out.push({ kind: 'too short', value: 'a'.repeat(s.minLength - 1) });
    if (s.maxLength !== undefined && s.maxLength < MAX_GENERATED_LENGTH) out.push({ kind: 'too long', value: 'a'.repeat(s.maxLength + 1) });
    if (where === 'body') out.push({ kind: 'wrong type', value: 12345 });
  }
  if (type === 'integer' || type === 'number') {
    if (s.minimum !== undefined) out.push({ kind: 'below minimum', value: s.minimum - 1 });
    if (s.exclusiveMinimum !== undefined) out.push({ kind: 'below minimum', value: s.exclusiveMinimum });
    if (s.maximum !== undefined) out.push({ kind: 'above maximum', value: s.maximum + 1 });
    out.push({ kind: 'wrong type', value: where === 'body' ? 'abc' : 'abc' });
  }
  if (type === 'boolean') out.push({ kind: 'wrong type', value: where === 'body' ? 'yes' : 'maybe' });
  if (type === 'array') {
    if (where === 'body') {
      out.push({ kind: 'wrong type', value: 'not-an-array' });
      if (s.maxItems !== undefined && s.maxItems < 1000)
        out.push({ kind: 'too many items', value: Array.from({ length: s.maxItems + 1 }, () => samples.value(s.items, name, 1)) });
      if (s.minItems !== undefined && s.minItems > 0) out.push({ kind: 'too short', value: [] });
    }
    const item = resolver.resolve(s.items);
    if (item.enum?.length)
      out.push({ kind: 'not in enum', value: where === 'body' ? ['not-a-listed-value'] : 'not-a-listed-value', suffix: '0' });
    if (resolver.typeOf(item) === 'string' && item.maxLength !== undefined && item.maxLength < MAX_GENERATED_LENGTH) {
      const long = 'a'.repeat(item.maxLength + 1);
      out.push({ kind: 'too long', value: where === 'body' ? [long] : long, suffix: '0' });
    }
  }
  if (type === 'object' && where === 'body') out.push({ kind: 'wrong type', value: 'not-an-object' });
  return out;
}

export function generateBoundaryCases(doc: OpenApiDocument, fixtures: Fixtures): BoundaryCase[] {
  const resolver = new SchemaResolver(doc);
  const samples = new Samples(resolver, fixtures);
  const cases: BoundaryCase[] = [];
  for (const op of listOperations(doc)) {
    if (op.path.startsWith('/dev/') || op.path === '/health') continue;
    // Query parameters.
    const baseQuery: Record<string, unknown> = {};
    for (const q of op.query) if (q.required) baseQuery[q.name] = samples.value(q.schema, q.name);
    for (const q of op.query) {
      if (q.required) {
        const query = { ...baseQuery };
        delete query[q.name];
        cases.push({ op, kind: 'missing', field: q.name, in: 'query', query, body: undefined, shown: `without ${q.name}` });
      }
      for (const invalid of invalidValues(resolver, samples, q.schema, q.name, 'query')) {
        const query = { ...baseQuery, [q.name]: invalid.value };
        const shown = `${q.name}=${String(invalid.value).slice(0, 40)}${String(invalid.value).length > 40 ? `… (${String(invalid.value).length} chars)` : ''}`;
        cases.push({ op, kind: invalid.kind, field: q.name, in: 'query', query, body: undefined, shown });
      }
    }
    // JSON bodies: every property, and the properties of nested objects one level down.
    if (!op.body) continue;
    const bodySchema = op.body;
    const baseBody = samples.object(bodySchema);
    const walk = (schema: Schema, prefix: string[]) => {
      const s = resolver.resolve(schema);
      for (const [key, prop] of Object.entries(s.properties ?? {})) {
        const path = [...prefix, key];
        const field = path.join('.');
        if (s.required?.includes(key)) {
          const body = structuredClone(baseBody);
          if (prefix.length > 0) setPath(body, prefix, samples.object(s));
          setPath(body, path, undefined);
          cases.push({ op, kind: 'missing', field, in: 'body', query: baseQuery, body, shown: `without ${field}` });
        }
        for (const invalid of invalidValues(resolver, samples, prop, key, 'body')) {
          const body = structuredClone(baseBody);
          if (prefix.length > 0 && !body[prefix[0]!]) setPath(body, prefix, samples.object(s));
          setPath(body, path, invalid.value);
          const text = JSON.stringify(invalid.value);
          const shown = `${field}: ${text.slice(0, 40)}${text.length > 40 ? `… (${text.length} chars)` : ''}`;
          cases.push({ op, kind: invalid.kind, field, in: 'body', query: baseQuery, body, shown });
        }
        const resolved = resolver.resolve(prop);
        if (resolver.typeOf(resolved) === 'object' && prefix.length < 2) walk(resolved, path);
        const item = resolver.resolve(resolved.items);
        if (resolver.typeOf(resolved) === 'array' && resolver.typeOf(item) === 'object' && item.properties) {
          // Objects in arrays (extraOutcomes): each property of the first item.
          const sampleItem = samples.object(item, 1, true);
          for (const [itemKey, itemProp] of Object.entries(item.properties)) {
            for (const invalid of invalidValues(resolver, samples, itemProp, itemKey, 'body')) {
              const body = structuredClone(baseBody);
              setPath(body, path, [{ ...sampleItem, [itemKey]: invalid.value }]);
              const itemField = `${field}.0.${itemKey}`;
              cases.push({
                op,
                kind: invalid.kind,
                field: itemField,
                in: 'body',
                query: baseQuery,
                body,
                shown: `${itemField}: ${JSON.stringify(invalid.value).slice(0, 40)}`,
              });
            }
          }
        }
      }
    };
    walk(bodySchema, []);
  }
  return cases;
}

function namesField(response: HttpResponse, field: string): boolean {
  return problemErrors(response).some(
    (e) => e.path === field || e.path.startsWith(`${field}.`) || (field.startsWith(`${e.path}.`) && e.path !== ''),
  );
}

/**
 * Boundary tests generated from the OpenAPI document: every operation with a JSON body or query
 * parameters gets, per property, a request that is missing it (when required), one past each
 * length, range and item-count limit, one of the wrong type and one outside its enum. Each must be
 * answered 400 application/problem+json whose `errors` name that property.
 */
export async function runBoundary(ctx: Context, doc: OpenApiDocument, fixtures: Fixtures): Promise<ToolResult> {
  const started = Date.now();
  let cases = generateBoundaryCases(doc, fixtures);
  if (ctx.fast) {
    // The fast slice: the first case of each kind for every operation.
    const seen = new Set<string>();
    cases = cases.filter((c) => {
      const key = `${operationName(c.op)} ${c.kind}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  }
  const findings: Finding[] = [];
  let guestAddress = 0;
  await pool(cases, 6, async (c) => {
    const isAuthFlow = c.op.path.startsWith('/api/auth/') && !c.op.needsSession;
    const account = isAuthFlow ? undefined : fixtures.accounts[actorFor(c.op.method, c.op.path)];
    guestAddress += 1;
    const path = `${fillPath(c.op.path, fixtures)}${queryString(c.query)}`;
    const response = await send(fixtures.baseUrl, c.op.method, path, {
      cookie: account?.cookie,
      // Sign-in and sign-up are rate limited per address: each guest case comes from its own.
      localAddress: account?.localAddress ?? `127.0.${1 + Math.floor(guestAddress / 250)}.${1 + (guestAddress % 250)}`,
      body: c.body,
    });
    const route = operationName(c.op);
    const problems: string[] = [];
    if (response.status !== 400) problems.push(`answered ${response.status}, not 400`);
    else {
      if (!isProblem(response)) problems.push(`content-type ${String(response.headers['content-type'])}, not application/problem+json`);
      if (!namesField(response, c.field))
        problems.push(
          `errors do not name ${c.field} (they name ${
            problemErrors(response)
              .map((e) => e.path || '""')
              .join(', ') || 'nothing'
          })`,
        );
    }
    if (problems.length > 0) {
      findings.push({
        tool: 'boundary',
        engine: ctx.engine,
        route,
        input: `${c.kind} (${c.in}) ${c.shown}`,
        status: response.status,
        detail: `${problems.join('; ')}: ${response.text.slice(0, 200)}`,
      });
    }
  });
  return {
    tool: 'boundary (OpenAPI)',
    engine: ctx.engine,
    inputs: cases.length,
    inputsLabel: `cases over ${new Set(cases.map((c) => operationName(c.op))).size} operations`,
    findings,
    accepted: [],
    notes: [],
    durationMs: Date.now() - started,
  };
}
