import { sql } from 'drizzle-orm';
import { type DbOrTx, queryRows, toNumber } from '../../platform/db.js';
import { col, row } from '../../platform/rows.js';

export interface LimitRule {
  max: number;
  windowSeconds: number;
}

/** Per-account limits that sit on top of the per-IP ones: a sign-in or reset storm aimed at one account (and the reset's per-IP one). */
export const ACCOUNT_LIMITS = {
  signIn: { max: 10, windowSeconds: 15 * 60 },
  passwordReset: { max: 5, windowSeconds: 60 * 60 },
  /**
   * Reset requests per client address: the route answers before the library is called (see
   * auth.routes.ts), so the library's own per-IP limiter never sees them and this one stands in.
   */
  passwordResetPerIp: { max: 5, windowSeconds: 10 * 60 },
} satisfies Record<string, LimitRule>;

/** The window's count so far (int4) and the seconds until it ends (ceil of a numeric epoch). */
const accountLimitRow = row({ count: col.integer, retry_after: col.numeric });

/**
 * Counts one attempt for `key` in a fixed window, atomically (one upsert), and says whether it is
 * within the rule. Blocked attempts count too, so hammering does not reopen the window.
 */
export async function consumeAccountLimit(
  db: DbOrTx,
  key: string,
  rule: LimitRule,
): Promise<{ allowed: boolean; retryAfterSeconds: number }> {
  const [row] = await queryRows(
    db,
    accountLimitRow,
    sql`
    insert into account_rate_limits as l (key, count, window_started_at)
    values (${key}, 1, now())
    on conflict (key) do update set
      count = case when l.window_started_at <= now() - make_interval(secs => ${rule.windowSeconds}) then 1 else l.count + 1 end,
      window_started_at = case when l.window_started_at <= now() - make_interval(secs => ${rule.windowSeconds}) then now() else l.window_started_at end
    returning count, ceil(extract(epoch from (window_started_at + make_interval(secs => ${rule.windowSeconds}) - now()))) as retry_after`,
  );
  return { allowed: toNumber(row?.count) <= rule.max, retryAfterSeconds: Math.max(1, toNumber(row?.retry_after)) };
}
