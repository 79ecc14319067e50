import { type SQL, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { FastifyBaseLogger } from 'fastify';
import { type DbOrTx, queryRows } from './db.js';
import { col, row } from './rows.js';

// Logs that would otherwise grow forever (views, searches, rate-limit windows) are pruned: each
// module declares its tables' rules (the platform never names a module's table), app.ts hands them
// to the runner, and the runner deletes what is past its retention in small batches, at start and
// then every hour.

/** One table's retention, declared by the module that owns the table. */
export interface RetentionRule {
  /** The table whose rows expire. */
  table: PgTable;
  /** The condition on the table's own columns that a row is past its retention (e.g. `created_at < now() - interval '90 days'`). */
  expired: SQL;
  /** What is kept, in words (for the log and the documentation). */
  keeps: string;
}

/** Rows deleted per statement: a pass never holds many row locks or writes a long transaction. */
export const PRUNE_BATCH = 5_000;

/** How often a process prunes (every process does; a second pass finds nothing left to do). */
export const RETENTION_INTERVAL_MS = 60 * 60 * 1000;

const goneRow = row({ n: col.integer });

/** Deletes up to `batch` expired rows of the rule's table (the rows found first, by their physical address); how many. */
async function pruneBatch(db: DbOrTx, rule: RetentionRule, batch: number): Promise<number> {
  const [gone] = await queryRows(
    db,
    goneRow,
    sql`with gone as (
          delete from ${rule.table} where ctid = any(array(select ctid from ${rule.table} where ${rule.expired} limit ${batch}))
          returning 1)
        select count(*)::int as n from gone`,
  );
  return gone?.n ?? 0;
}

/** One pass: every rule's expired rows, batch after batch until a batch comes back short; rows deleted per table. */
export async function runRetentionPass(db: DbOrTx, rules: readonly RetentionRule[], batch = PRUNE_BATCH): Promise<Map<PgTable, number>> {
  const deleted = new Map<PgTable, number>();
  for (const rule of rules) {
    let total = 0;
    for (;;) {
      const n = await pruneBatch(db, rule, batch);
      total += n;
      if (n < batch) break;
    }
    deleted.set(rule.table, total);
  }
  return deleted;
}

export interface RetentionJob {
  /** The pass now running, if any (tests and shutdown wait for it). */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Prunes at once and then every `intervalMs` until stopped. The timer is unref'd (it never keeps a
 * process alive); a pass that fails is logged and the next one tries again.
 */
export function startRetention(options: {
  db: DbOrTx;
  rules: readonly RetentionRule[];
  logger: FastifyBaseLogger;
  intervalMs?: number;
}): RetentionJob {
  const { db, rules, logger, intervalMs = RETENTION_INTERVAL_MS } = options;
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  const pass = () => {
    if (stopped) return;
    running = runRetentionPass(db, rules)
      .then((deleted) => {
        const rows = [...deleted.values()].reduce((sum, n) => sum + n, 0);
        if (rows > 0) logger.info({ deleted: rows }, 'retention: expired log rows deleted');
      })
      .catch((error: unknown) => logger.error({ err: error }, 'retention pass failed'));
  };
  pass();
  const timer = setInterval(pass, intervalMs);
  timer.unref();
  return {
    idle: () => running,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
