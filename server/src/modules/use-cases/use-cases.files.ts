import { sql } from 'drizzle-orm';
import { type DbOrTx, queryRows } from '../../platform/db.js';
import { type Actor } from '../../platform/actor.js';
import { getCaseReader, canSeeCase } from './use-cases.reader.js';

/**
 * Attachments are private to their organization, except those linked to a use case: whoever may see
 * the case may download its images and attachments (guests included for public cases).
 */
export async function canReadCaseFile(db: DbOrTx, actor: Actor | null, fileId: string): Promise<boolean> {
  const rows = await queryRows<{
    organization_id: string;
    author_id: string;
    visibility: string;
    status: string;
    hidden: boolean;
    deleted: boolean;
  }>(
    db,
    sql`select uc.organization_id, uc.author_id, uc.visibility, uc.status, uc.hidden_at is not null as hidden, uc.deleted_at is not null as deleted
        from use_case_files f join use_cases uc on uc.id = f.use_case_id where f.file_id = ${fileId}`,
  );
  if (rows.length === 0) return false;
  const reader = getCaseReader(actor);
  return rows.some((row) =>
    canSeeCase(reader, {
      organizationId: row.organization_id,
      authorId: row.author_id,
      visibility: row.visibility,
      status: row.status,
      hidden: Boolean(row.hidden),
      deleted: Boolean(row.deleted),
    }),
  );
}
