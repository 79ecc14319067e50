import type { MentionCandidate } from '@p2p/contracts';
import { type DbOrTx } from '../../platform/db.js';
import { mentionedUserIds } from '../../platform/markdown.js';
import { deleteMentions, findActivePeople, findMentionCandidateRows, insertMentions } from './queries/mentions.queries.js';

interface MentionSource {
  topicId: string;
  postId: string | null;
  authorId: string;
  body: string;
}

/**
 * Stores who a topic or post mentions (active people other than the author), replacing what an
 * earlier version of the text mentioned. Notifications read these rows.
 */
export async function replaceMentions(tx: DbOrTx, source: MentionSource): Promise<void> {
  await deleteMentions(tx, source);
  await addMentions(tx, source);
}

/** Stores the mentions of a text that has none stored yet (a new topic or post). */
export async function addMentions(tx: DbOrTx, source: MentionSource): Promise<void> {
  const ids = mentionedUserIds(source.body).filter((id) => id !== source.authorId);
  if (ids.length === 0) return;
  await insertMentions(tx, source, await findActivePeople(tx, ids));
}

/** People to @mention: active members of any organization whose name starts with (a word of) the query. */
export async function findMentionCandidates(db: DbOrTx, query: string, limit = 8): Promise<MentionCandidate[]> {
  const rows = await findMentionCandidateRows(db, query, limit);
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    jobTitle: row.job_title,
    avatarUrl: row.image,
    organizationName: row.organization_name,
  }));
}
