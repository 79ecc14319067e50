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

/**
 * Whether the reader may write in a category (start a topic, reply, edit words): anyone in a public
 * category; in an organization's private category only that organization's members. Moderators
 * moderate everywhere (hide, lock, pin, delete) but write only where members of their own
 * organization write.
 */
export function canPostIn(reader: Reader, categoryOrganizationId: string | null): boolean {
  return categoryOrganizationId === null || categoryOrganizationId === reader.organizationId;
}

/** What writing in another organization's private category answers. */
export const notWritableHere = () => new AppError('FORBIDDEN', 'Only members of its organization can write in a private category');

export function assertCanPostIn(reader: Reader, categoryOrganizationId: string | null): void {
  if (!canPostIn(reader, categoryOrganizationId)) throw notWritableHere();
}

/** Editing a topic or post: changing it (canChangeContent) where the reader may also write (canPostIn). */
export function canEditContent(reader: Reader, place: ContentPlace): boolean {
  return canChangeContent(reader, place) && canPostIn(reader, place.categoryOrganizationId);
}

/** The reader with a member's rights only: the categories they see are exactly those they may write in. */
export function asWriter(reader: Reader): Reader {
  return { ...reader, isModerator: false };
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
