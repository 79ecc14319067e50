import { type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/actor.js';

/** Who reads the forum: the request's actor (the forum is for signed-in people of every company). */
export type Reader = Actor;

/**
 * The SQL condition "category `alias` is visible to the reader": public categories, the reader's own
 * organization's private ones, and every category for moderators.
 */
export function visibleCategory(reader: Reader, categoryOrganizationColumn: SQL): SQL {
  if (reader.isModerator) return sql`true`;
  return sql`(${categoryOrganizationColumn} is null or ${categoryOrganizationColumn} = ${reader.organizationId})`;
}

/** The SQL condition "topic `t` is not deleted and sits in a category the reader may see". */
export function visibleTopic(reader: Reader): SQL {
  return sql`t.deleted_at is null and t.category_id in (select c.id from forum_categories c where ${visibleCategory(reader, sql`c.organization_id`)})`;
}
