import { sql } from 'drizzle-orm';
import type { RetentionRule } from '../../platform/retention.js';
import { useCaseSearchLog, useCaseViewers, useCaseViews } from './use-cases.tables.js';

/**
 * Counted views feed the owner's engagement chart (at most 365 Riyadh days, the current one included:
 * engagementQuerySchema) and trending (a month at most): kept 366 days, so the longest chart stays whole.
 * The case's views_count is a counter of its own and keeps every view ever counted.
 */
export const USE_CASE_VIEW_DAYS = 366;

/** A person's last counted view of a case decides only whether the next one counts (after an hour): kept a day. */
export const USE_CASE_VIEWER_HOURS = 24;

/** Searches as run, for each person's history (their latest 500): kept 90 days. */
export const USE_CASE_SEARCH_LOG_DAYS = 90;

/** The library's logs and how long they are kept (pruned by platform/retention.ts, wired in app.ts). */
export const useCaseRetention: RetentionRule[] = [
  {
    table: useCaseViews,
    expired: sql`viewed_at < now() - make_interval(days => ${USE_CASE_VIEW_DAYS})`,
    keeps: `counted views of the last ${USE_CASE_VIEW_DAYS} days`,
  },
  {
    table: useCaseViewers,
    expired: sql`viewed_at < now() - make_interval(hours => ${USE_CASE_VIEWER_HOURS})`,
    keeps: `each person's last case view of the last ${USE_CASE_VIEWER_HOURS} hours`,
  },
  {
    table: useCaseSearchLog,
    expired: sql`created_at < now() - make_interval(days => ${USE_CASE_SEARCH_LOG_DAYS})`,
    keeps: `searches of the last ${USE_CASE_SEARCH_LOG_DAYS} days`,
  },
];
