import { send } from './http.js';

/** The parts of JSON Schema (as @fastify/swagger writes it from the Zod contracts) that the suite reads. */
export interface Schema {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
  default?: unknown;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  additionalProperties?: boolean | Schema;
}

interface RawParameter {
  name: string;
  in: string;
  required?: boolean;
  schema?: Schema;
}

interface RawOperation {
  parameters?: RawParameter[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
  security?: Array<Record<string, string[]>>;
}

export interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, RawOperation>>;
  components?: { schemas?: Record<string, Schema> };
}

export interface QueryParameter {
  name: string;
  required: boolean;
  schema: Schema;
}

export interface Operation {
  method: string;
  path: string;
  query: QueryParameter[];
  pathParams: string[];
  /** The JSON request body's schema, dereferenced at the top level. */
  body: Schema | undefined;
  bodyRequired: boolean;
  /** Whether the operation requires the session cookie (declared, without a guest alternative). */
  needsSession: boolean;
}

export async function fetchOpenApi(baseUrl: string): Promise<OpenApiDocument> {
  const response = await send(baseUrl, 'GET', '/openapi.json');
  if (response.status !== 200) throw new Error(`/openapi.json answered ${response.status}`);
  return response.json as OpenApiDocument;
}

export class SchemaResolver {
  constructor(private readonly doc: OpenApiDocument) {}

  /** Follows $ref and strips a nullable anyOf/oneOf down to its one non-null branch. */
  resolve(schema: Schema | undefined): Schema {
    let current = schema ?? {};
    for (let depth = 0; depth < 20; depth += 1) {
      if (current.$ref) {
        const name = current.$ref.replace('#/components/schemas/', '');
        const target = this.doc.components?.schemas?.[name];
        if (!target) throw new Error(`unresolved ${current.$ref}`);
        current = target;
        continue;
      }
      const branches = current.anyOf ?? current.oneOf;
      if (branches) {
        const nonNull = branches.filter((b) => b.type !== 'null');
        if (nonNull.length === 1) {
          current = { ...nonNull[0]!, ...(current.default !== undefined ? { default: current.default } : {}) };
          continue;
        }
      }
      return current;
    }
    return current;
  }

  isNullable(schema: Schema | undefined): boolean {
    const branches = schema?.anyOf ?? schema?.oneOf;
    return Boolean(branches?.some((b) => b.type === 'null'));
  }

  typeOf(schema: Schema | undefined): string {
    const s = this.resolve(schema);
    if (Array.isArray(s.type)) return s.type.find((t) => t !== 'null') ?? 'string';
    if (s.type) return s.type;
    if (s.properties) return 'object';
    return 'unknown';
  }
}

export function listOperations(doc: OpenApiDocument): Operation[] {
  const resolver = new SchemaResolver(doc);
  const operations: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, raw] of Object.entries(methods)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      const json = raw.requestBody?.content?.['application/json'];
      operations.push({
        method: method.toUpperCase(),
        path,
        query: (raw.parameters ?? [])
          .filter((p) => p.in === 'query')
          .map((p) => ({ name: p.name, required: Boolean(p.required), schema: p.schema ?? {} })),
        pathParams: [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!),
        body: json?.schema ? resolver.resolve(json.schema) : undefined,
        bodyRequired: Boolean(json),
        // [{ sessionCookie: [] }, {}] is an optional session: guests are served too.
        needsSession: Boolean(raw.security?.some((s) => 'sessionCookie' in s) && !raw.security.some((s) => Object.keys(s).length === 0)),
      });
    }
  }
  return operations;
}

export const operationName = (op: Pick<Operation, 'method' | 'path'>) => `${op.method} ${op.path}`;
