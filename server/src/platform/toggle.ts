import { type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn, AnyPgTable } from 'drizzle-orm/pg-core';
import { type DbOrTx, queryRows, toNumber } from './db.js';
import { col, row } from './rows.js';

/**
 * One person's toggles of one thing take turns (a transaction-scoped advisory lock), so that N
 * toggles leave it on exactly when N is odd. Select it in the statement that checks visibility.
 */
export function toggleTurn(kind: string, targetId: string, userId: string): SQL {
  return sql`pg_advisory_xact_lock(hashtextextended(${`${kind}:${targetId}:${userId}`}, 0))`;
}

/** What a toggle changes: the per-person rows (keyed by target and user) and the target's counter. */
export interface ToggleTable {
  /** The rows, e.g. forum_topic_likes. */
  rows: AnyPgTable;
  /** Their column naming the target, e.g. forum_topic_likes.topic_id. */
  targetKey: AnyPgColumn;
  /** Their column naming the person. */
  userKey: AnyPgColumn;
  /** The target's table and its counter column, e.g. forum_topics.likes_count. */
  target: AnyPgTable;
  targetId: AnyPgColumn;
  counter: AnyPgColumn;
}

const toggleRow = row({ count: col.integer, added: col.bigint });

/**
 * A like or save toggle, in one statement taken after the caller's turn: insert the row, or delete it
 * when it was there, and move the counter by exactly the row that changed, so the counter always
 * equals the rows. Answers whether it is now on and the new count.
 */
export async function toggle(
  tx: DbOrTx,
  table: ToggleTable,
  targetId: string,
  userId: string,
): Promise<{ active: boolean; count: number }> {
  const rows = table.rows;
  const key = sql.identifier(table.targetKey.name);
  const user = sql.identifier(table.userKey.name);
  const counter = sql.identifier(table.counter.name);
  const [result] = await queryRows(
    tx,
    toggleRow,
    sql`with added as (insert into ${rows} (${key}, ${user}) values (${targetId}, ${userId}) on conflict do nothing returning 1),
        removed as (delete from ${rows} where ${key} = ${targetId} and ${user} = ${userId} and not exists (select 1 from added) returning 1)
        update ${table.target} set ${counter} = ${counter} + (select count(*) from added) - (select count(*) from removed)
        where ${sql.identifier(table.targetId.name)} = ${targetId} returning ${counter} as count, (select count(*) from added) as added`,
  );
  return { active: toNumber(result?.added) > 0, count: toNumber(result?.count) };
}
