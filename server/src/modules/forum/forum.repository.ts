import { type SQL, sql } from 'drizzle-orm';
import { forumPosts, forumTopics } from './forum.tables.js';

/** An organization's live topics: a scalar sub-select for its statistics. */
export const countOrganizationTopicsSql = (organizationId: string): SQL =>
  sql`select count(*) from ${forumTopics} t where t.organization_id = ${organizationId} and t.deleted_at is null`;

/** An organization's live replies: a scalar sub-select for its statistics. */
export const countOrganizationPostsSql = (organizationId: string): SQL =>
  sql`select count(*) from ${forumPosts} p where p.organization_id = ${organizationId} and p.deleted_at is null`;
