import { type SQL, sql } from 'drizzle-orm';
import { useCases } from './use-cases.tables.js';

/** An organization's cases anyone may see (published, public, not hidden): a scalar sub-select for its card. */
export const countOrganizationPublicCasesSql = (organizationId: string): SQL =>
  sql`select count(*) from ${useCases} uc where uc.organization_id = ${organizationId}
      and uc.status = 'published' and uc.visibility = 'public' and uc.deleted_at is null and uc.hidden_at is null`;
