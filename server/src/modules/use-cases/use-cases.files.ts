import type { DbOrTx } from '../../platform/db.js';
import type { Actor } from '../../platform/actor.js';
import { findFileCases } from './queries/case.queries.js';
import { viewerOf, canSeeCase } from './use-cases.reader.js';

/**
 * Attachments are private to their organization, except those linked to a use case: whoever may see
 * the case may download its images and attachments (guests included for public cases).
 */
export async function canReadCaseFile(db: DbOrTx, actor: Actor | null, fileId: string): Promise<boolean> {
  const rows = await findFileCases(db, fileId);
  if (rows.length === 0) return false;
  const reader = viewerOf(actor);
  return rows.some((row) =>
    canSeeCase(reader, {
      organizationId: row.organization_id,
      authorId: row.author_id,
      visibility: row.visibility,
      status: row.status,
      hidden: row.hidden,
      deleted: row.deleted,
    }),
  );
}
