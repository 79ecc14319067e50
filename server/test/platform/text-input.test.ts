import { randomUUID } from 'node:crypto';
import type { Problem } from '@p2p/contracts';
import type { OpenAPIV3_1 } from 'openapi-types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestContext, TestClient, createTestApp, expectProblem } from '../helpers/app.js';
import { insertOrganizationWithAdmin } from '../helpers/people.js';
import { createCategory } from '../forum/factories.js';

// The contracts' one text rule, checked against every route the API documents: a string field of a
// request body or query string that holds NUL (or another control character) is refused with 400
// naming the field, for guests and members alike, and never reaches the database (where it was a 500).

type Schema = OpenAPIV3_1.SchemaObject & { $ref?: string };

interface StringField {
  /** Dotted path of the field, as the problem's errors name it (an array item as `.0`). */
  path: string;
  /** Free text (no enum, format or pattern): refused by the text rule itself, with its code. */
  isFreeText: boolean;
}

interface Operation {
  method: string;
  url: string;
  in: 'query' | 'body';
  field: StringField;
}

const NUL_TEXT = 'ab\u0000cd';

let t: TestContext;
let member: TestClient;
let guest: TestClient;
let operations: Operation[];

function resolve(document: OpenAPIV3_1.Document, schema: Schema): Schema {
  if (!schema.$ref) return schema;
  return resolve(document, document.components!.schemas![schema.$ref.split('/').pop()!] as Schema);
}

/** Every string leaf of a schema (through objects, arrays and nullable unions). */
function stringFields(document: OpenAPIV3_1.Document, raw: Schema, path: string[] = []): StringField[] {
  const schema = resolve(document, raw);
  const variants = (schema.anyOf ?? schema.oneOf) as Schema[] | undefined;
  if (variants)
    return stringFields(
      document,
      variants.map((v) => resolve(document, v)).find((v) => v.type !== 'null')!,
      path,
    );
  if (schema.type === 'object' && schema.properties) {
    return Object.entries(schema.properties).flatMap(([name, property]) => stringFields(document, property as Schema, [...path, name]));
  }
  if (schema.type === 'array' && schema.items) return stringFields(document, schema.items as Schema, [...path, '0']);
  if (schema.type === 'string' && schema.format !== 'binary') {
    return [{ path: path.join('.'), isFreeText: !schema.enum && !schema.format && !schema.pattern }];
  }
  return [];
}

/** A body holding the NUL text at the dotted path (numeric segments are array items). */
function bodyAt(path: string): Record<string, unknown> {
  const [name, ...rest] = path.split('.');
  const inner = rest.reduceRight<unknown>((value, segment) => (/^\d+$/.test(segment) ? [value] : { [segment]: value }), NUL_TEXT);
  return { [name!]: inner };
}

function operationsOf(document: OpenAPIV3_1.Document): Operation[] {
  const found: Operation[] = [];
  for (const [template, item] of Object.entries(document.paths ?? {})) {
    const url = template.replace(/\{[^}]+\}/g, () => randomUUID());
    for (const method of ['get', 'post', 'put', 'patch', 'delete'] as const) {
      const operation = item?.[method];
      if (!operation) continue;
      for (const parameter of (operation.parameters ?? []) as OpenAPIV3_1.ParameterObject[]) {
        if (parameter.in !== 'query') continue;
        for (const field of stringFields(document, parameter.schema as Schema, [parameter.name])) {
          found.push({ method, url: `${url}?${parameter.name}=${encodeURIComponent(NUL_TEXT)}`, in: 'query', field });
        }
      }
      const json = (operation.requestBody as OpenAPIV3_1.RequestBodyObject | undefined)?.content['application/json'];
      if (json?.schema) {
        for (const field of stringFields(document, json.schema as Schema)) found.push({ method, url, in: 'body', field });
      }
    }
  }
  return found;
}

function send(client: TestClient, operation: Operation) {
  const { method, url, field } = operation;
  if (operation.in === 'query') {
    return client.request({ method: method.toUpperCase() as 'GET', url });
  }
  return client.request({ method: method.toUpperCase() as 'POST', url, body: bodyAt(field.path) });
}

beforeAll(async () => {
  t = await createTestApp();
  const document = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json() as OpenAPIV3_1.Document;
  operations = operationsOf(document);
  member = (await insertOrganizationWithAdmin(t.app, t.database.db, 'Qassim Dates')).admin;
  guest = new TestClient(t.app);
});
afterAll(() => t.close());

const label = (operation: Operation) => `${operation.method.toUpperCase()} ${operation.url} ${operation.in} ${operation.field.path}`;

describe('the text rule on every documented request field', () => {
  it('finds the fields to check (auth, users, members, organizations, invitations, forum, use cases, search)', () => {
    const paths = new Set(operations.map((operation) => `${operation.in}:${operation.field.path}`));
    for (const expected of [
      'body:firstName',
      'body:password',
      'body:title',
      'body:body',
      'body:filters.technology.0',
      'body:search.q',
      'query:q',
      'query:technology.0',
      'query:search',
      'query:token',
    ]) {
      expect(paths, expected).toContain(expected);
    }
    expect(operations.length).toBeGreaterThan(100);
  });

  it('answers a member 400 naming the field, with invalid_characters on free text', async () => {
    const failures: string[] = [];
    for (const operation of operations) {
      const response = await send(member, operation);
      const problem = response.json() as Problem;
      const named = problem.errors?.filter((error) => error.path === operation.field.path) ?? [];
      if (response.statusCode !== 400 || problem.code !== 'VALIDATION_FAILED' || named.length === 0) {
        failures.push(`${label(operation)} → ${response.statusCode} ${response.body.slice(0, 200)}`);
      } else if (operation.field.isFreeText && !named.some((error) => error.code === 'invalid_characters')) {
        failures.push(`${label(operation)} → ${JSON.stringify(named)}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('answers a guest 400 naming the field, or 401 where the route needs an account; never 5xx', async () => {
    const failures: string[] = [];
    for (const operation of operations) {
      const response = await send(guest, operation);
      const problem = response.json() as Problem;
      const isNamed = problem.errors?.some((error) => error.path === operation.field.path) ?? false;
      if (!((response.statusCode === 400 && isNamed) || response.statusCode === 401)) {
        failures.push(`${label(operation)} → ${response.statusCode} ${response.body.slice(0, 200)}`);
      }
    }
    expect(failures).toEqual([]);
  });
});

describe('the text rule', () => {
  it('refuses every other C0 and C1 control, DEL and a lone surrogate in a title, with a clear message', async () => {
    const categoryId = await createCategory(t.database.db);
    for (const bad of ['\u0001', '\u0009', '\u000A', '\u000B', '\u001F', '\u007F', '\u0085', '\u009F', '\uD800', '\uDFFF']) {
      const response = await member.post('/api/v1/forum/topics', { categoryId, title: `Pump ${bad}vibration`, body: 'Body text.' });
      const problem = expectProblem(response, 400, 'VALIDATION_FAILED');
      expect(problem.errors, JSON.stringify(bad)).toEqual([
        { path: 'title', code: 'invalid_characters', message: expect.stringMatching(/control character/) },
      ]);
    }
  });

  it('takes tab and line breaks in multi-line fields only, and refuses the other controls there too', async () => {
    const categoryId = await createCategory(t.database.db);
    const created = await member.post('/api/v1/forum/topics', { categoryId, title: 'Line breaks', body: 'one\r\ntwo\n\tthree' });
    expect(created.statusCode).toBe(201);
    expect(created.json().body).toBe('one\r\ntwo\n\tthree');
    const refused = await member.post('/api/v1/forum/topics', { categoryId, title: 'Form feed', body: 'one\u000Ctwo' });
    expect(expectProblem(refused, 400, 'VALIDATION_FAILED').errors).toMatchObject([{ path: 'body', code: 'invalid_characters' }]);
  });

  it('does not trim a control character away: a vertical tab at the edge of a name is refused', async () => {
    const response = await member.patch('/api/v1/users/me', { firstName: '\u000BAmal' });
    expect(expectProblem(response, 400, 'VALIDATION_FAILED').errors).toMatchObject([{ path: 'firstName', code: 'invalid_characters' }]);
    const listed = await member.get(`/api/v1/use-cases?technology=${encodeURIComponent('\u000BPLC')}`);
    expect(expectProblem(listed, 400, 'VALIDATION_FAILED').errors).toMatchObject([{ path: 'technology.0', code: 'invalid_characters' }]);
  });

  it('answers a control character in a path token as a link that does not exist', async () => {
    expectProblem(await guest.get('/api/v1/invitations/validate/ab%00cd'), 404, 'NOT_FOUND');
  });

  it('stores Arabic with ZWNJ, ZWJ, RLM and bidi marks byte-identical', async () => {
    const categoryId = await createCategory(t.database.db);
    const title = 'صيانة\u200C المضخات\u200F (Pump\u200D maintenance)';
    const body = '\u202Bنص عربي\u202C مع\u200E علامات\u2067 اتجاه\u2069\nوسطر ثان\u200B.';
    const created = await member.post('/api/v1/forum/topics', { categoryId, title, body });
    expect(created.statusCode).toBe(201);
    const topic = (await member.get(`/api/v1/forum/topics/${created.json().id}`)).json();
    expect(Buffer.from(topic.title as string)).toEqual(Buffer.from(title));
    expect(Buffer.from(topic.body as string)).toEqual(Buffer.from(body));
    const jobTitle = 'مهندس\u200Cصيانة\u200F';
    expect((await member.patch('/api/v1/users/me', { jobTitle })).statusCode).toBe(200);
    expect(Buffer.from((await member.get('/api/v1/users/me')).json().jobTitle as string)).toEqual(Buffer.from(jobTitle));
  });
});
