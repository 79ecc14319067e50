import type { Industry } from '@p2p/contracts';
import type { DbOrTx } from '../../platform/db.js';
import { insertMembership, insertOrganization } from './organizations.repository.js';

/**
 * Sign-up's "create the organization and make the person its admin", handed to the auth module in
 * app.ts; the auth library runs both inside its sign-up transaction.
 */
export const organizationSignUp = {
  createOrganization: (tx: DbOrTx, input: { name: string; industry: Industry | undefined }) => insertOrganization(tx, input),
  addAdmin: async (tx: DbOrTx, { userId, organizationId }: { userId: string; organizationId: string }) => {
    await insertMembership(tx, { userId, organizationId, role: 'admin' });
  },
};
