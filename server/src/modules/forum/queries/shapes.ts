import { type Column, col, type RowShape } from '../../../platform/rows.js';

/** The columns people's authorColumns selects: a user joined inner (always there) and their organization. */
const AUTHOR = {
  a_id: col.text,
  a_name: col.text,
  a_image: col.textOrNull,
  a_job_title: col.textOrNull,
  a_former: col.boolean,
  o_id: col.text,
  o_name: col.text,
  o_name_ar: col.textOrNull,
  o_logo_file_id: col.textOrNull,
} as const;

type AuthorShape = typeof AUTHOR;
type Prefixed<S extends RowShape, P extends string> = { [K in keyof S & string as `${P}${K}`]: S[K] };
type Nullable<S extends RowShape> = { [K in keyof S]: S[K] extends Column<infer T> ? Column<T | null> : never };

function prefixed<S extends RowShape, P extends string>(shape: S, prefix: P): Prefixed<S, P> {
  return Object.fromEntries(Object.entries(shape).map(([name, column]) => [`${prefix}${name}`, column])) as Prefixed<S, P>;
}

/** Every column of `shape` declared nullable (the columns of an outer join that may find nothing). */
export function nullable<S extends RowShape>(shape: S): Nullable<S> {
  return Object.fromEntries(Object.entries(shape).map(([name, column]) => [name, { ...column, nullable: true }])) as Nullable<S>;
}

/** The author columns of authorColumns(…, prefix) for an author joined inner. */
export function authorShape<P extends string = ''>(prefix: P = '' as P): Prefixed<AuthorShape, P> {
  return prefixed(AUTHOR, prefix);
}

/** The author columns of authorColumns(…, prefix) for an author joined outer (all may be null). */
export function optionalAuthorShape<P extends string = ''>(prefix: P = '' as P): Nullable<Prefixed<AuthorShape, P>> {
  return nullable(authorShape(prefix));
}
