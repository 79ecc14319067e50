import { eq, sql } from 'drizzle-orm';
import { type DbOrTx, execute } from '../../platform/db.js';
import {
  useCaseLikes,
  useCaseSavedSearches,
  useCaseSaves,
  useCaseSearchLog,
  useCaseViewers,
  useCaseViews,
  useCases,
} from './use-cases.tables.js';

/**
 * What the library forgets of an erased person, in the caller's transaction: their likes and saves
 * (each taking its count back in the same statement), searches, saved searches and view markers. A
 * counted view stays counted (the case's totals and its owners' charts), no longer theirs. Their
 * cases and versions stay, shown as a former member's.
 */
export async function eraseUseCasePerson(tx: DbOrTx, userId: string): Promise<void> {
  await execute(
    tx,
    sql`with gone as (delete from ${useCaseLikes} where user_id = ${userId} returning use_case_id)
      update ${useCases} c set likes_count = c.likes_count - 1 from gone where c.id = gone.use_case_id`,
  );
  await execute(
    tx,
    sql`with gone as (delete from ${useCaseSaves} where user_id = ${userId} returning use_case_id)
      update ${useCases} c set saves_count = c.saves_count - 1 from gone where c.id = gone.use_case_id`,
  );
  await tx.delete(useCaseSearchLog).where(eq(useCaseSearchLog.userId, userId));
  await tx.delete(useCaseSavedSearches).where(eq(useCaseSavedSearches.userId, userId));
  await tx.delete(useCaseViewers).where(eq(useCaseViewers.userId, userId));
  await tx.update(useCaseViews).set({ userId: null }).where(eq(useCaseViews.userId, userId));
}
