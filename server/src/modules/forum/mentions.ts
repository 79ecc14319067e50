import type { MentionCandidate } from '@p2p/contracts';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { type DbOrTx, escapeLike, queryRows } from '../../platform/db.js';
import { forumMentions } from './forum.tables.js';
import { mentionedUserIds } from '../../platform/markdown.js';

/**
 * Stores who a topic or post mentions (active people other than the author), replacing what an
 * earlier version of the text mentioned. Notifications read these rows.
 */
export async function replaceMentions(tx: DbOrTx, source: MentionSource): Promise<void> {
  const where = and(
    eq(forumMentions.topicId, source.topicId),
    source.postId ? eq(forumMentions.postId, source.postId) : isNull(forumMentions.postId),
  );
  await tx.delete(forumMentions).where(where);
  await addMentions(tx, source);
}

interface MentionSource {
  topicId: string;
  postId: string | null;
  authorId: string;
  body: string;
}

/** Stores the mentions of a text that has none stored yet (a new topic or post). */
export async function addMentions(tx: DbOrTx, source: MentionSource): Promise<void> {
  const ids = mentionedUserIds(source.body).filter((id) => id !== source.authorId);
  if (ids.length === 0) return;
  const people = await queryRows<{ id: string }>(
    tx,
    sql`select id from users where id in (${sql.join(
      ids.map((id) => sql`${id}`),
      sql`, `,
    )}) and deleted_at is null and status = 'active'`,
  );
  if (people.length === 0) return;
  await tx
    .insert(forumMentions)
    .values(
      people.map((person) => ({ topicId: source.topicId, postId: source.postId, mentionedUserId: person.id, authorId: source.authorId })),
    );
}

/** People to @mention: active members of any organization whose name starts with (a word of) the query. */
export async function findMentionCandidates(db: DbOrTx, query: string, limit = 8): Promise<MentionCandidate[]> {
  const prefix = `${escapeLike(query.trim().toLowerCase())}%`;
  const rows = await queryRows<{ id: string; name: string; job_title: string | null; image: string | null; organization_name: string }>(
    db,
    sql`select u.id, u.name, u.job_title, u.image, o.name as organization_name
        from users u join memberships m on m.user_id = u.id join organizations o on o.id = m.organization_id
        where u.deleted_at is null and u.status = 'active'
          and (lower(u.first_name) like ${prefix} or lower(u.last_name) like ${prefix} or lower(u.name) like ${prefix})
        order by u.name limit ${limit}`,
  );
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    jobTitle: row.job_title,
    avatarUrl: row.image,
    organizationName: row.organization_name,
  }));
}
