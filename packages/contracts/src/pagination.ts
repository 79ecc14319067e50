import { z } from 'zod';

export const PAGE_SIZE_DEFAULT = 20;
export const PAGE_SIZE_MAX = 100;

/**
 * How deep offset paging goes: `page × pageSize` may not pass it (every database reads and throws
 * away the rows before an OFFSET). Deeper, the long lists walk on with their `cursor`.
 */
export const PAGE_DEPTH_MAX = 10_000;

/** `page` (from 1) and `pageSize` (default 20, at most 100), as every list takes them; page × pageSize ≤ PAGE_DEPTH_MAX. */
export const pageQuerySchema = z
  .object({
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(PAGE_SIZE_MAX).default(PAGE_SIZE_DEFAULT),
  })
  .refine((query) => query.page * query.pageSize <= PAGE_DEPTH_MAX, {
    path: ['page'],
    error: `Pages end after ${PAGE_DEPTH_MAX.toLocaleString('en')} rows (page × pageSize); walk further with the list's cursor`,
  });

/** A position in a list walked by keyset: the sort key's values and the id of the last row read. */
export type CursorKey = (string | number | boolean | null)[];

const CURSOR_PATTERN = /^[A-Za-z0-9_-]{1,400}$/;

/** The opaque cursor of a keyset list (base64url of the key as JSON). */
export function encodeCursor(key: CursorKey): string {
  return btoa(JSON.stringify(key)).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

function decodeCursor(cursor: string): CursorKey | null {
  try {
    const key: unknown = JSON.parse(atob(cursor.replaceAll('-', '+').replaceAll('_', '/')));
    const isValue = (value: unknown) => value === null || ['string', 'number', 'boolean'].includes(typeof value);
    return Array.isArray(key) && key.length > 0 && key.every(isValue) ? (key as CursorKey) : null;
  } catch {
    return null;
  }
}

/**
 * `cursor`: where a keyset walk goes on, exactly as a list's `nextCursor` gave it (opaque to clients).
 * Decoded here into its key; each list checks the key's shape against its own order.
 */
export const cursorQuerySchema = z
  .string()
  .regex(CURSOR_PATTERN, { error: 'Use the nextCursor of the previous page' })
  .transform((cursor, context) => {
    const key = decodeCursor(cursor);
    if (!key) context.addIssue({ code: 'custom', message: 'Use the nextCursor of the previous page' });
    return key ?? [];
  })
  .describe("The previous page's nextCursor: the next rows after it, without an offset")
  .optional();

/** The envelope of every paged list; `nextCursor` (lists walked by keyset) continues after the page's last row, null at the end. */
export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
    totalPages: z.number().int(),
    hasNext: z.boolean(),
    hasPrevious: z.boolean(),
    totalIsExact: z.boolean().optional(),
    nextCursor: z.string().nullable().optional(),
  });
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
  totalPages: number;
  hasNext: boolean;
  hasPrevious: boolean;
  totalIsExact?: boolean;
  nextCursor?: string | null;
}

export function toPage<T>(items: T[], total: number, page: number, pageSize: number): Page<T> {
  const totalPages = Math.max(1, Math.ceil(total / pageSize));
  return { items, total, page, pageSize, totalPages, hasNext: page < totalPages, hasPrevious: page > 1 };
}
