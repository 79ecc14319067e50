import { sql } from 'drizzle-orm';
import type { RetentionRule } from '../../platform/retention.js';
import { accountRateLimits, rateLimits } from './auth.tables.js';

/**
 * A rate-limit row matters only inside its window (the library's longest is 10 minutes, ours an hour:
 * ACCOUNT_LIMITS); a row idle for a day counts nothing any more and is deleted.
 */
export const RATE_LIMIT_IDLE_HOURS = 24;

/** The limiters' rows and how long they are kept (pruned by platform/retention.ts, wired in app.ts). */
export const authRetention: RetentionRule[] = [
  {
    table: rateLimits,
    // last_request: the library's milliseconds since the epoch.
    expired: sql`last_request < (extract(epoch from now() - make_interval(hours => ${RATE_LIMIT_IDLE_HOURS})) * 1000)::bigint`,
    keeps: `per-IP limiter rows used in the last ${RATE_LIMIT_IDLE_HOURS} hours`,
  },
  {
    table: accountRateLimits,
    expired: sql`window_started_at < now() - make_interval(hours => ${RATE_LIMIT_IDLE_HOURS})`,
    keeps: `per-account limiter windows started in the last ${RATE_LIMIT_IDLE_HOURS} hours`,
  },
];
