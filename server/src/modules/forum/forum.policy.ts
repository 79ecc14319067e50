import { assertCanWrite } from '../../platform/actor.js';
import { AppError } from '../../platform/errors.js';
import type { Reader } from './forum.reader.js';

/** What a piece of content needs for the permission rules: its author and its category's owner. */
export interface ContentPlace {
  authorId: string;
  /** The organization a private category belongs to (null: a public category). */
  categoryOrganizationId: string | null;
}

/**
 * Content is changed by its author, by a platform moderator, or — in an organization-private
 * category — by an admin of that organization.
 */
export function canChangeContent(reader: Reader, place: ContentPlace): boolean {
  if (reader.isModerator) return true;
  if (place.authorId === reader.userId) return true;
  return place.categoryOrganizationId !== null && place.categoryOrganizationId === reader.organizationId && reader.isOrgAdmin;
}

/** Writes need a verified email after the grace period and an organization that is not suspended. */
export function assertForumWriter(reader: Reader): void {
  assertCanWrite(reader);
}

export function assertCanChange(reader: Reader, place: ContentPlace, what: string): void {
  if (!canChangeContent(reader, place)) throw new AppError('FORBIDDEN', `Only the author or a moderator can change this ${what}`);
}

export function assertModerator(reader: Reader): void {
  if (!reader.isModerator) throw new AppError('FORBIDDEN', 'Only a moderator can do this');
}
