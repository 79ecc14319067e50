import { type CursorKey, encodeCursor } from '@p2p/contracts';
import { type SQL, sql } from 'drizzle-orm';
import { AppError } from './errors.js';

// Keyset paging: a list walked on "after the last row read" (its sort key and id) instead of by
// OFFSET, so the thousandth page costs what the first does. The cursor is the key, opaque to clients
// (encodeCursor / cursorQuerySchema in the contracts); these read it back for a list's own order.

/**
 * A timestamptz as exact text (microseconds, UTC) for a cursor: a JavaScript Date keeps milliseconds
 * only, and a key that lost its microseconds would skip or repeat rows that share the millisecond.
 */
export const exactTime = (column: SQL): SQL => sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

type Part = 'time' | 'uuid' | 'integer' | 'boolean';
type PartValue<P extends Part> = P extends 'integer' ? number : P extends 'boolean' ? boolean : string;
type KeyOf<P extends readonly Part[]> = { -readonly [I in keyof P]: PartValue<P[I]> };

const TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const fits: Record<Part, (value: unknown) => boolean> = {
  time: (value) => typeof value === 'string' && TIME.test(value),
  uuid: (value) => typeof value === 'string' && UUID.test(value),
  integer: (value) => Number.isSafeInteger(value),
  boolean: (value) => typeof value === 'boolean',
};

/** The cursor's key read as `parts` (a list's order); 400 naming `cursor` when it is not one of this list's. */
export function readCursor<const P extends readonly Part[]>(key: CursorKey, parts: P): KeyOf<P> {
  if (key.length !== parts.length || !parts.every((part, index) => fits[part](key[index])))
    throw new AppError('VALIDATION_FAILED', 'This cursor does not belong to this list', [
      { path: 'cursor', message: 'Use the nextCursor of the previous page', code: 'invalid_cursor' },
    ]);
  return key as KeyOf<P>;
}

/** The cursor after the last of `rows` when there is a next page (the query asked for one row more than it shows). */
export function nextCursor<T>(rows: readonly T[], pageSize: number, keyOf: (last: T) => CursorKey): string | null {
  const last = rows[pageSize - 1];
  return rows.length > pageSize && last !== undefined ? encodeCursor(keyOf(last)) : null;
}
