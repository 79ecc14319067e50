import { PERSONAL_DATA_EXPORTS_PER_HOUR, type DeleteAccountBody, type PersonalDataExport } from '@p2p/contracts';
import { and, eq, sql } from 'drizzle-orm';
import { type Actor } from '../../platform/actor.js';
import { type Db, type DbOrTx, queryRows } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import { col, row } from '../../platform/rows.js';
import { withTransaction } from '../../platform/transaction.js';
import { accounts, type Auth } from '../auth/index.js';
import type { FilesContext } from '../files/index.js';
import { invitations } from '../invitations/index.js';
import { lockLeavingMember, lockRemovableMember } from '../people/index.js';
import { userDataExports, users } from '../users/index.js';
import { eraseAccount } from './account-erasure.js';
import { collectPersonalData } from './personal-data.export.js';

export interface PrivacyDeps {
  db: Db;
  auth: Auth;
  files: FilesContext;
}

const retryRow = row({ retry_after: col.integer });

/** Seconds until the person may export again, or null: the limit's oldest export in the hour leaves it first. */
async function secondsUntilNextExport(db: DbOrTx, userId: string): Promise<number | null> {
  const [found] = await queryRows(
    db,
    retryRow,
    sql`select greatest(1, ceil(extract(epoch from (e.created_at + interval '1 hour' - now()))))::int as retry_after
      from ${userDataExports} e
      where e.user_id = ${userId} and e.created_at > now() - interval '1 hour'
      order by e.created_at desc offset ${PERSONAL_DATA_EXPORTS_PER_HOUR - 1} limit 1`,
  );
  return found ? found.retry_after : null;
}

/**
 * The person's own data as one document. At most PERSONAL_DATA_EXPORTS_PER_HOUR an hour (429 with
 * Retry-After), counted under a lock on the person's row so parallel requests cannot pass it.
 */
export async function exportMyData(db: Db, actor: Actor): Promise<PersonalDataExport> {
  return withTransaction(db, async (tx) => {
    await tx.select({ id: users.id }).from(users).where(eq(users.id, actor.userId)).for('no key update');
    const wait = await secondsUntilNextExport(tx, actor.userId);
    if (wait !== null) {
      throw new AppError(
        'RATE_LIMITED',
        `You can download your data ${PERSONAL_DATA_EXPORTS_PER_HOUR} times an hour; try again later`,
        undefined,
        { 'retry-after': String(wait) },
      );
    }
    await tx.insert(userDataExports).values({ userId: actor.userId });
    return collectPersonalData(tx, actor.userId);
  });
}

/** Whether the password is the person's current one (checked with the auth library's hasher). */
async function isCurrentPassword(deps: PrivacyDeps, userId: string, password: string): Promise<boolean> {
  const [credential] = await deps.db
    .select({ hash: accounts.password })
    .from(accounts)
    .where(and(eq(accounts.userId, userId), eq(accounts.providerId, 'credential')))
    .limit(1);
  if (!credential?.hash) return false;
  return (await deps.auth.$context).password.verify({ hash: credential.hash, password });
}

/**
 * Deletes the person's own account after checking their password: in one transaction, the
 * last-admin rule (lockLeavingMember) and the erasure. The last person of an organization leaves
 * nobody to answer its pending invitations: they are cancelled.
 */
export async function deleteMyAccount(deps: PrivacyDeps, actor: Actor, input: DeleteAccountBody): Promise<void> {
  // Hashing is slow on purpose: done before the transaction so it holds no lock meanwhile.
  if (!(await isCurrentPassword(deps, actor.userId, input.password))) {
    throw new AppError('VALIDATION_FAILED', 'The request is not valid', [
      { path: 'password', message: 'This is not your current password', code: 'invalid_password' },
    ]);
  }
  await withTransaction(deps.db, async (tx) => {
    const { isLastMember, organizationId } = await lockLeavingMember(tx, actor);
    if (isLastMember) {
      await tx
        .update(invitations)
        .set({ status: 'cancelled', cancelledAt: sql`now()`, updatedAt: sql`now()` })
        .where(and(eq(invitations.organizationId, organizationId), eq(invitations.status, 'pending')));
    }
    await eraseAccount(tx, deps.files, actor.userId);
  });
}

/** An organization admin removes a member: the same erasure, under the admin rules. */
export async function removeMember(deps: PrivacyDeps, actor: Actor, userId: string): Promise<void> {
  await withTransaction(deps.db, async (tx) => {
    await lockRemovableMember(tx, actor, userId);
    await eraseAccount(tx, deps.files, userId);
  });
}
