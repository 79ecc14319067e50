import type { Viewer } from '../../platform/actor.js';
import type { FileRow } from './files.repository.js';

/** Who reads a file: the request's viewer (a guest or a signed-in person with their organization). */
export type FileReader = Viewer;

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
  if (file.uploaderId === reader.userId) return true;
  return reader.organizationId === file.organizationId && reader.isOrgAdmin;
}
