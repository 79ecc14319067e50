import type { SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';

/**
 * Declared row shapes for raw SQL: every raw statement names its columns and their types, so the
 * TypeScript type of its rows comes from one declaration that the test suite checks against what
 * PostgreSQL really answers (both drivers: node-postgres gives bigint and numeric as strings, PGlite
 * gives numbers).
 */
export interface Column<T> {
  readonly kind: ColumnKind;
  readonly nullable: boolean;
  /** Type carrier only. */
  readonly _type?: T;
}

type ColumnKind = 'text' | 'boolean' | 'integer' | 'bigint' | 'numeric' | 'float' | 'timestamp' | 'json' | 'array';

const column = <T>(kind: ColumnKind, nullable = false): Column<T> => ({ kind, nullable });

/** Column types as the drivers answer them. */
export const col = {
  /** text, varchar, uuid, enum-like text. */
  text: column<string>('text'),
  textOrNull: column<string | null>('text', true),
  boolean: column<boolean>('boolean'),
  booleanOrNull: column<boolean | null>('boolean', true),
  /** int2/int4: a number on both drivers. */
  integer: column<number>('integer'),
  integerOrNull: column<number | null>('integer', true),
  /** int8 and count(*): a string on node-postgres, a number on PGlite; read with toNumber. */
  bigint: column<number | string>('bigint'),
  bigintOrNull: column<number | string | null>('bigint', true),
  /** numeric: a string on node-postgres, a number or string on PGlite; read with toNumber. */
  numeric: column<number | string>('numeric'),
  numericOrNull: column<number | string | null>('numeric', true),
  /** float4/float8 (ranks, distances, similarities). */
  float: column<number>('float'),
  floatOrNull: column<number | null>('float', true),
  /** timestamptz: a Date (PGlite may answer a string); read with iso. */
  timestamp: column<Date | string>('timestamp'),
  timestampOrNull: column<Date | string | null>('timestamp', true),
  /** json/jsonb, typed by the caller. */
  json: <T>() => column<T>('json'),
  jsonOrNull: <T>() => column<T | null>('json', true),
  /** A PostgreSQL array. */
  array: <T>() => column<T[]>('array'),
  arrayOrNull: <T>() => column<T[] | null>('array', true),
} as const;

export type RowShape = Readonly<Record<string, Column<unknown>>>;
export type RowOf<S extends RowShape> = { [K in keyof S]: S[K] extends Column<infer T> ? T : never };

/** Declares a row shape (the identity, for inference). */
export const row = <S extends RowShape>(shape: S): S => shape;

type Nullable<S extends RowShape> = { [K in keyof S]: S[K] extends Column<infer T> ? Column<T | null> : never };

/** Every column of `shape` declared nullable (the columns of an outer join that may find nothing). */
export function nullable<S extends RowShape>(shape: S): Nullable<S> {
  return Object.fromEntries(Object.entries(shape).map(([name, column]) => [name, { ...column, nullable: true }])) as Nullable<S>;
}

/** Shapes are checked when this is on: the test suite turns it on (see test/helpers/global-setup.ts). */
export let rowChecks = false;

export function setRowChecks(on: boolean): void {
  rowChecks = on;
}

function matches(kind: ColumnKind, value: unknown): boolean {
  switch (kind) {
    case 'text':
      return typeof value === 'string';
    case 'boolean':
      return typeof value === 'boolean';
    case 'integer':
    case 'float':
      return typeof value === 'number';
    case 'bigint':
    case 'numeric':
      return (
        typeof value === 'number' ||
        typeof value === 'bigint' ||
        (typeof value === 'string' && value.trim() !== '' && !isNaN(Number(value)))
      );
    case 'timestamp':
      return value instanceof Date || (typeof value === 'string' && !isNaN(Date.parse(value)));
    case 'json':
      return value !== undefined;
    case 'array':
      return Array.isArray(value);
  }
}

const dialect = new PgDialect();

export class RowShapeError extends Error {
  override name = 'RowShapeError';
}

/** Throws when a row has a column the shape lacks, lacks one it declares, or holds a value of another type. */
export function checkRows(shape: RowShape, rows: readonly Record<string, unknown>[], query: SQL): void {
  const declared = Object.keys(shape);
  for (const found of rows) {
    const problems: string[] = [];
    for (const name of declared) {
      const expected = shape[name]!;
      if (!(name in found)) problems.push(`missing column "${name}"`);
      else if (found[name] === null) {
        if (!expected.nullable) problems.push(`column "${name}" is null but declared not null`);
      } else if (!matches(expected.kind, found[name])) {
        problems.push(
          `column "${name}" holds ${typeof found[name]} ${JSON.stringify(found[name])?.slice(0, 40)}, declared ${expected.kind}`,
        );
      }
    }
    for (const name of Object.keys(found)) if (!(name in shape)) problems.push(`undeclared column "${name}"`);
    if (problems.length > 0) {
      const text = dialect.sqlToQuery(query).sql.replace(/\s+/g, ' ').slice(0, 300);
      throw new RowShapeError(`row shape mismatch: ${problems.join('; ')} — in: ${text}`);
    }
  }
}
