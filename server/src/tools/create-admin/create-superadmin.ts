import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, emailSchema } from '@p2p/contracts';
import { eq } from 'drizzle-orm';
import type { Db } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import { withTransaction } from '../../platform/transaction.js';
import { type Auth, checkPasswordStrength } from '../../modules/auth/index.js';
import { accounts } from '../../platform/schema.js';
import { findOrganizationByName, insertMembership, insertOrganization } from '../../modules/organizations/index.js';
import { findUserByEmail, users } from '../../modules/users/index.js';

export const PLATFORM_ORGANIZATION_NAME = 'Platform';

export interface CreateSuperadminInput {
  email: string;
  password: string;
  firstName?: string;
  lastName?: string;
}

/**
 * Makes (or promotes) a superadmin in the "Platform" organization, created if missing. Running it
 * again for the same email resets the password and keeps one account. The email counts as verified.
 */
export async function createSuperadmin(db: Db, auth: Auth, input: CreateSuperadminInput): Promise<{ userId: string; created: boolean }> {
  const email = emailSchema.parse(input.email);
  if (input.password.length < PASSWORD_MIN_LENGTH || input.password.length > PASSWORD_MAX_LENGTH) {
    throw new AppError('VALIDATION_FAILED', `The password must be ${PASSWORD_MIN_LENGTH}–${PASSWORD_MAX_LENGTH} characters`);
  }
  const weak = checkPasswordStrength(input.password, 'password', email);
  if (weak) throw new AppError('VALIDATION_FAILED', weak.message, [weak]);
  const ctx = await auth.$context;
  const hash = await ctx.password.hash(input.password);

  return withTransaction(db, async (tx) => {
    const organization =
      (await findOrganizationByName(tx, PLATFORM_ORGANIZATION_NAME)) ??
      (await insertOrganization(tx, { name: PLATFORM_ORGANIZATION_NAME, tier: 'enterprise' }));
    const existing = await findUserByEmail(tx, email);
    if (existing) {
      await tx
        .update(users)
        .set({ platformRole: 'superadmin', status: 'active', emailVerified: true, updatedAt: new Date() })
        .where(eq(users.id, existing.id));
      const updated = await tx
        .update(accounts)
        .set({ password: hash, updatedAt: new Date() })
        .where(eq(accounts.userId, existing.id))
        .returning({ id: accounts.id });
      if (updated.length === 0)
        await tx.insert(accounts).values({ userId: existing.id, accountId: existing.id, providerId: 'credential', password: hash });
      return { userId: existing.id, created: false };
    }
    const firstName = input.firstName ?? 'Platform';
    const lastName = input.lastName ?? 'Admin';
    const [user] = await tx
      .insert(users)
      .values({ email, name: `${firstName} ${lastName}`, firstName, lastName, emailVerified: true, platformRole: 'superadmin' })
      .returning({ id: users.id });
    await tx.insert(accounts).values({ userId: user!.id, accountId: user!.id, providerId: 'credential', password: hash });
    await insertMembership(tx, { userId: user!.id, organizationId: organization.id, role: 'admin' });
    return { userId: user!.id, created: true };
  });
}
