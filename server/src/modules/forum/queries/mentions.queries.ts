import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { type DbOrTx, escapeLike, queryRows } from '../../../platform/db.js';
import { col, row, type RowOf } from '../../../platform/rows.js';
import { memberships } from '../../organizations/index.js';
import { authorJoin } from '../../people/index.js';
import { users } from '../../users/index.js';
import { forumMentions } from '../forum.tables.js';

// The forum's @mentions in SQL: who may be mentioned, and the stored mentions.

/** Of these people, those who are active (not removed, not deactivated or suspended). */
export async function findActivePeople(tx: DbOrTx, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const people = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.id, [...ids]), isNull(users.deletedAt), eq(users.status, 'active')));
  return people.map((person) => person.id);
}

export interface MentionSource {
  topicId: string;
  postId: string | null;
  authorId: string;
}

/** Forgets what the topic (postId null) or the post mentions. */
export async function deleteMentions(tx: DbOrTx, source: MentionSource): Promise<void> {
  await tx
    .delete(forumMentions)
    .where(
      and(
        eq(forumMentions.topicId, source.topicId),
        source.postId ? eq(forumMentions.postId, source.postId) : isNull(forumMentions.postId),
      ),
    );
}

export async function insertMentions(tx: DbOrTx, source: MentionSource, mentionedUserIds: readonly string[]): Promise<void> {
  if (mentionedUserIds.length === 0) return;
  await tx
    .insert(forumMentions)
    .values(
      mentionedUserIds.map((id) => ({ topicId: source.topicId, postId: source.postId, mentionedUserId: id, authorId: source.authorId })),
    );
}

const candidateRow = row({ id: col.text, name: col.text, job_title: col.textOrNull, image: col.textOrNull, organization_name: col.text });
export type MentionCandidateRow = RowOf<typeof candidateRow>;

/** Active members of any organization whose name starts with (a word of) the query, by name. */
export async function findMentionCandidateRows(db: DbOrTx, query: string, limit: number): Promise<MentionCandidateRow[]> {
  const prefix = `${escapeLike(query.trim().toLowerCase())}%`;
  return queryRows(
    db,
    candidateRow,
    sql`select u.id, u.name, u.job_title, u.image, o.name as organization_name
        from ${memberships} m ${authorJoin(sql`m.user_id`, sql`m.organization_id`)}
        where u.deleted_at is null and u.status = 'active'
          and (lower(u.first_name) like ${prefix} or lower(u.last_name) like ${prefix} or lower(u.name) like ${prefix})
        order by u.name limit ${limit}`,
  );
}
