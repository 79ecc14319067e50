import type { OrgRole } from '@p2p/contracts';
import type { Actor } from '../auth/index.js';
import type { FileRow } from './files.repository.js';

/** The reader's organization and role, when signed in. */
export interface FileReader {
  actor: Actor | null;
  organizationId: string | null;
  orgRole: OrgRole | null;
}

/**
 * Avatars and logos show on public profile and organization cards, so anyone may read them.
 * Attachments are for signed-in members of the owning organization (modules that attach files to
 * content they share more widely will widen this).
 */
export function canReadFile(reader: FileReader, file: Pick<FileRow, 'purpose' | 'organizationId'>): boolean {
  if (file.purpose === 'avatar' || file.purpose === 'logo') return true;
  return reader.actor !== null && reader.organizationId === file.organizationId;
}

/** The uploader, or an admin of the owning organization. */
export function canDeleteFile(reader: FileReader, file: Pick<FileRow, 'uploaderId' | 'organizationId'>): boolean {
  if (!reader.actor) return false;
  if (file.uploaderId === reader.actor.userId) return true;
  return reader.organizationId === file.organizationId && reader.orgRole === 'admin';
}
