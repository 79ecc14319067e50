import { SUBSCRIPTION_TIERS, TIER_LIMITS } from '@p2p/contracts';
import { type SQL, and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db.js';
import { organizations } from './organizations.tables.js';

// The organization's storage counter and quota: its own columns, changed by the files module's
// transactions through these functions.

/** The organization's storage quota in bytes for its current tier (null: unlimited), as SQL on its row. */
function storageQuota(): SQL {
  const cases = SUBSCRIPTION_TIERS.map((tier) => {
    const limit = TIER_LIMITS[tier].storageBytes;
    return sql`when ${tier} then ${limit === null ? sql`null` : sql`${limit}`}::bigint`;
  });
  return sql`(case ${organizations.subscriptionTier} ${sql.join(cases, sql` `)} end)`;
}

/**
 * Counts `bytes` against the organization's quota in one statement: the tier, the counter and the check
 * are read under the row lock, so concurrent uploads cannot together pass the quota. Answers undefined
 * when the bytes do not fit. Every transaction that changes files of an organization (the files module)
 * starts here or at lockOrganizationStorage, so they all take the organization row first and cannot deadlock.
 */
export async function reserveStorage(db: DbOrTx, organizationId: string, bytes: number): Promise<{ storageUsedBytes: number } | undefined> {
  const quota = storageQuota();
  const [row] = await db
    .update(organizations)
    .set({ storageUsedBytes: sql`${organizations.storageUsedBytes} + ${bytes}::bigint` })
    .where(
      and(
        eq(organizations.id, organizationId),
        sql`(${quota} is null or ${organizations.storageUsedBytes} + ${bytes}::bigint <= ${quota})`,
      ),
    )
    .returning({ storageUsedBytes: organizations.storageUsedBytes });
  return row;
}

/** Takes the organization row's lock for the rest of the transaction; answers its current logo. */
export async function lockOrganizationStorage(db: DbOrTx, organizationId: string): Promise<{ logoFileId: string | null } | undefined> {
  const [row] = await db
    .select({ logoFileId: organizations.logoFileId })
    .from(organizations)
    .where(eq(organizations.id, organizationId))
    .for('update');
  return row;
}

/** Gives `bytes` back to the organization's quota (a file was removed). */
export async function releaseStorage(db: DbOrTx, organizationId: string, bytes: number): Promise<void> {
  await db
    .update(organizations)
    .set({ storageUsedBytes: sql`${organizations.storageUsedBytes} - ${bytes}::bigint` })
    .where(eq(organizations.id, organizationId));
}
