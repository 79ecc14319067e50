import type { Fixtures } from './fixtures.js';
import type { Schema, SchemaResolver } from './openapi.js';

/**
 * Valid example values for a schema, so that a request differs from an accepted one only in the
 * part under test. Ids come from the fixtures; free text is a plausible industrial word.
 */
export class Samples {
  constructor(
    private readonly resolver: SchemaResolver,
    private readonly fixtures: Fixtures,
  ) {}

  value(raw: Schema | undefined, name: string, depth = 0): unknown {
    const s = this.resolver.resolve(raw);
    if (s.default !== undefined && s.default !== '' && !(Array.isArray(s.default) && s.default.length === 0)) return s.default;
    if (s.enum?.length) return s.enum[0];
    const type = this.resolver.typeOf(s);
    switch (type) {
      case 'string':
        return this.text(s, name);
      case 'integer':
      case 'number':
        return this.number(s, name);
      case 'boolean':
        return true;
      case 'array':
        return Array.from({ length: Math.max(1, s.minItems ?? 1) }, () => this.value(s.items, name, depth + 1));
      case 'object':
        return depth > 4 ? {} : this.object(s, depth + 1, false);
      default:
        return 'steel';
    }
  }

  /** An object with its required properties (and, with `all`, every property). */
  object(raw: Schema | undefined, depth = 0, all = false): Record<string, unknown> {
    const s = this.resolver.resolve(raw);
    const out: Record<string, unknown> = {};
    for (const [key, prop] of Object.entries(s.properties ?? {})) {
      if (all || s.required?.includes(key)) out[key] = this.value(prop, key, depth);
    }
    return out;
  }

  private text(s: Schema, name: string): string {
    const ids = this.fixtures.ids;
    if (s.format === 'uuid') {
      const byName: Record<string, string> = {
        categoryId: ids.categoryId,
        authorId: this.fixtures.accounts.admin.userId,
        organizationId: ids.organizationId,
        parentPostId: ids.postId,
      };
      return byName[name] ?? '00000000-0000-4000-8000-000000000000';
    }
    if (s.format === 'date-time') return '2025-01-01T00:00:00.000Z';
    if (s.format === 'date') return '2025-01-01';
    if (s.format === 'email' || /email/i.test(name)) return 'someone@example.com';
    if (s.format === 'uri' || /url|website/i.test(name)) return 'https://example.com/';
    if (s.pattern === '^\\d{4}$') return '2025';
    if (s.pattern?.includes('[0-9 ()-]')) return '+966 50 123 4567';
    if (s.pattern?.startsWith('^[a-z0-9]+')) return 'sample-slug';
    if (s.minLength === 2 && s.maxLength === 2) return 'SA';
    const word = name === 'q' || name === 'search' ? 'steel' : 'Extrusion line monitoring';
    let text = word;
    while (text.length < (s.minLength ?? 0)) text += ` ${word}`;
    return s.maxLength !== undefined ? text.slice(0, Math.max(s.maxLength, s.minLength ?? 0)) : text;
  }

  private number(s: Schema, name: string): number {
    if (name === 'lat' || name === 'latitude') return 24.7;
    if (name === 'lng' || name === 'longitude') return 46.7;
    if (name === 'radiusKm') return 100;
    if (s.minimum !== undefined && s.minimum > -1e6) return s.minimum === 0 && name !== 'position' ? 1 : s.minimum;
    if (s.exclusiveMinimum !== undefined) return s.exclusiveMinimum + 1;
    return 1;
  }
}

/** A query string from name → value (arrays as one value each, repeated). */
export function queryString(values: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined) continue;
    const text = (v: unknown) => (typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v));
    if (Array.isArray(value)) for (const v of value) params.append(key, text(v));
    else params.append(key, text(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}
