import { createHash } from 'node:crypto';
import type pg from 'pg';
import { ConnectionFailure } from './http-client.js';
import type { Person } from './fixtures.js';
import { type Outcome, WRITE_KINDS, type WriteKind, type WriteRecord } from './writes.js';

/** One line of the writes table: a kind of write, valid or deliberately invalid. */
export interface WriteTally {
  kind: WriteKind;
  valid: boolean;
  outcomes: Record<Outcome, number>;
  /** Acknowledged writes found as acknowledged (for toggles: (person, target) final states that match). */
  confirmed: number;
  /** What there was to confirm: acknowledged writes, or toggle pairs whose final state is known. */
  toConfirm: number;
  /** Unknown outcomes that turned out applied (whole), of all unknown. */
  unknownApplied: number;
  /** Refused, unsent or invalid writes that left something behind. */
  leftovers: number;
}

export interface WriteVerification {
  tallies: WriteTally[];
  violations: string[];
}

const emptyOutcomes = (): Record<Outcome, number> => ({ acknowledged: 0, refused: 0, 'server error': 0, unknown: 0, unsent: 0 });
/** Outcomes after which the write must not exist. */
const mustNotExist = (record: WriteRecord) => !record.valid || record.outcome === 'refused' || record.outcome === 'unsent';
const TOGGLE_TABLES: Partial<Record<WriteKind, { table: string; target: string }>> = {
  'topic like': { table: 'forum_topic_likes', target: 'topic_id' },
  'post like': { table: 'forum_post_likes', target: 'post_id' },
  'use-case like': { table: 'use_case_likes', target: 'use_case_id' },
};

/**
 * Checks each recorded write against the database and, for files, against a download through the
 * API: acknowledged ones exist as acknowledged, refused and invalid ones left nothing, unknown ones
 * exist whole or not at all. Run with the server up and no write in flight.
 */
export async function verifyWrites(pool: pg.Pool, records: WriteRecord[]): Promise<WriteVerification> {
  const violations: string[] = [];
  const tallies = new Map<string, WriteTally>();
  const tally = (record: Pick<WriteRecord, 'kind' | 'valid'>): WriteTally => {
    const key = `${record.kind}|${record.valid}`;
    let found = tallies.get(key);
    if (!found) {
      found = {
        kind: record.kind,
        valid: record.valid,
        outcomes: emptyOutcomes(),
        confirmed: 0,
        toConfirm: 0,
        unknownApplied: 0,
        leftovers: 0,
      };
      tallies.set(key, found);
    }
    return found;
  };
  for (const record of records) {
    tally(record).outcomes[record.outcome] += 1;
    if (record.outcome === 'server error') violations.push(`${record.kind} (${record.phase}) answered ${record.status}`);
    if (record.valid && record.outcome === 'refused')
      violations.push(`a valid ${record.kind} (${record.phase}) was refused with ${record.status}`);
    if (!record.valid && record.outcome === 'acknowledged') violations.push(`an invalid ${record.kind} (${record.phase}) was accepted`);
  }

  await verifyReplies(pool, records, tally, violations);
  await verifyToggles(pool, records, tally, violations);
  await verifyFiles(pool, records, tally, violations);

  const order = (t: WriteTally) => WRITE_KINDS.indexOf(t.kind) * 2 + (t.valid ? 0 : 1);
  return { tallies: [...tallies.values()].sort((a, b) => order(a) - order(b)), violations };
}

type Tally = (record: Pick<WriteRecord, 'kind' | 'valid'>) => WriteTally;

async function verifyReplies(pool: pg.Pool, records: WriteRecord[], tally: Tally, violations: string[]): Promise<void> {
  const replies = records.filter((r) => r.kind === 'reply');
  const { rows } = await pool.query<{ id: string; topic_id: string; parent_id: string | null; body: string; deleted_at: Date | null }>(
    'select id, topic_id, parent_id, body, deleted_at from forum_posts where body = any($1::text[])',
    [replies.map((r) => r.body!)],
  );
  const byBody = new Map<string, typeof rows>();
  for (const row of rows) byBody.set(row.body, [...(byBody.get(row.body) ?? []), row]);
  for (const record of replies) {
    const found = byBody.get(record.body!) ?? [];
    const t = tally(record);
    if (found.length > 1) violations.push(`reply ${record.ref} is stored ${found.length} times`);
    const row = found[0];
    // Whole: in its topic, under its parent, not deleted (nothing here deletes replies).
    const whole = row && row.topic_id === record.target && row.parent_id === (record.parentPostId ?? null) && row.deleted_at === null;
    if (row && !whole) violations.push(`reply ${record.ref} is stored, but not as sent (topic ${row.topic_id}, parent ${row.parent_id})`);
    if (mustNotExist(record)) {
      if (row) {
        t.leftovers += 1;
        violations.push(`reply ${record.ref} was ${record.valid ? record.outcome : 'invalid'} but exists (${row.id})`);
      }
    } else if (record.outcome === 'acknowledged') {
      t.toConfirm += 1;
      if (whole && row.id === record.createdId) t.confirmed += 1;
      else violations.push(`acknowledged reply ${record.createdId} (${record.phase}) is missing`);
    } else if (record.outcome === 'unknown' && whole) {
      t.unknownApplied += 1;
    }
  }
}

/**
 * A person's toggles of one thing run one after another, so its final state is what the last
 * acknowledged toggle answered, unless a toggle with an unknown outcome came after it. Where every
 * toggle was acknowledged, that state must also be the parity of their number.
 */
async function verifyToggles(pool: pg.Pool, records: WriteRecord[], tally: Tally, violations: string[]): Promise<void> {
  for (const [kind, where] of Object.entries(TOGGLE_TABLES) as [WriteKind, { table: string; target: string }][]) {
    const toggles = records.filter((r) => r.kind === kind);
    const { rows } = await pool.query<{ target: string; user_id: string }>(
      `select ${where.target} as target, user_id from ${where.table} where ${where.target} = any($1::uuid[])`,
      [[...new Set(toggles.map((r) => r.target))]],
    );
    const on = new Set(rows.map((row) => `${row.target}|${row.user_id}`));
    const sequences = new Map<string, WriteRecord[]>();
    for (const record of toggles) {
      const key = `${record.target}|${record.person.userId}`;
      sequences.set(key, [...(sequences.get(key) ?? []), record]);
    }
    for (const [key, sequence] of sequences) {
      sequence.sort((a, b) => a.startedAt - b.startedAt);
      const t = tally(sequence[0]!);
      if (!sequence[0]!.valid) {
        if (on.has(key)) {
          t.leftovers += 1;
          violations.push(`${kind} of ${key} was refused but the like exists`);
        }
        continue;
      }
      const applied = sequence.filter((r) => r.outcome === 'acknowledged');
      const lastAcknowledged = applied.at(-1);
      const undecided = sequence.some(
        (r) => (r.outcome === 'unknown' || r.outcome === 'server error') && r.startedAt > (lastAcknowledged?.startedAt ?? -1),
      );
      if (undecided) continue;
      const expected = lastAcknowledged?.activeAfter ?? false;
      const everyOneAcknowledged = sequence.every((r) => r.outcome === 'acknowledged');
      if (everyOneAcknowledged && expected !== (applied.length % 2 === 1)) {
        violations.push(`${kind} of ${key}: ${applied.length} acknowledged toggles, but the last answered ${expected ? 'on' : 'off'}`);
      }
      t.toConfirm += 1;
      if (on.has(key) === expected) t.confirmed += 1;
      else
        violations.push(
          `${kind} of ${key}: the last acknowledged toggle answered ${expected ? 'on' : 'off'}, the database has it ${on.has(key) ? 'on' : 'off'}`,
        );
    }
  }
}

interface FileRow {
  id: string;
  original_name: string;
  size_bytes: string;
  sha256: string;
  deleted_at: Date | null;
}

/**
 * Uploads by their unique file name: acknowledged ones stored with their size and hash and (unless an
 * acknowledged delete removed them) downloadable with the same bytes; deleted ones gone from the API.
 */
async function verifyFiles(pool: pg.Pool, records: WriteRecord[], tally: Tally, violations: string[]): Promise<void> {
  const uploads = records.filter((r) => r.kind === 'upload');
  const deletes = records.filter((r) => r.kind === 'file delete');
  const { rows } = await pool.query<FileRow>(
    'select id, original_name, size_bytes, sha256, deleted_at from files where original_name = any($1::text[])',
    [uploads.map((r) => r.upload!.name)],
  );
  const byName = new Map(rows.map((row) => [row.original_name, row]));
  const deleteOf = new Map(deletes.map((r) => [r.target, r]));
  /** Files to read back through the API: expected live (with their bytes) or expected gone. */
  const readBack: { record: WriteRecord; fileId: string; live: boolean }[] = [];

  for (const record of uploads) {
    const t = tally(record);
    const row = byName.get(record.upload!.name);
    const whole = row && Number(row.size_bytes) === record.upload!.size && row.sha256 === record.upload!.sha256;
    if (row && !whole) violations.push(`upload ${record.upload!.name} is stored with other bytes (${row.size_bytes} bytes, ${row.sha256})`);
    if (mustNotExist(record)) {
      if (row) {
        t.leftovers += 1;
        violations.push(`upload ${record.upload!.name} was ${record.valid ? record.outcome : 'invalid'} but exists (${row.id})`);
      }
      continue;
    }
    if (record.outcome === 'acknowledged') {
      t.toConfirm += 1;
      if (whole && row.id === record.createdId) t.confirmed += 1;
      else violations.push(`acknowledged upload ${record.createdId} (${record.phase}) is missing`);
    } else if (record.outcome === 'unknown' && whole) {
      t.unknownApplied += 1;
    }
    if (!row || !whole) continue;
    const removal = deleteOf.get(row.id);
    if (removal?.outcome === 'acknowledged') {
      if (row.deleted_at === null) violations.push(`file ${row.id}: its delete was acknowledged but it is still live`);
      readBack.push({ record, fileId: row.id, live: false });
    } else if (row.deleted_at === null) {
      readBack.push({ record, fileId: row.id, live: true });
    } else if (removal?.outcome !== 'unknown' && removal?.outcome !== 'server error') {
      violations.push(`file ${row.id} is deleted, but no delete of it was acknowledged or left unknown`);
    }
  }

  for (const record of deletes) {
    const t = tally(record);
    if (record.outcome === 'acknowledged') t.toConfirm += 1;
    const row = rows.find((r) => r.id === record.target);
    if (record.outcome === 'acknowledged' && row?.deleted_at) t.confirmed += 1;
    if (record.outcome === 'unknown' && row?.deleted_at) t.unknownApplied += 1;
    if (mustNotExist(record) && row?.deleted_at) {
      t.leftovers += 1;
      violations.push(`file ${record.target}: its delete was ${record.outcome} but the file is deleted`);
    }
  }

  await readBackFiles(readBack, violations);
}

/** Downloads through the API as the uploader: live files answer their exact bytes, deleted ones 404. */
async function readBackFiles(items: { record: WriteRecord; fileId: string; live: boolean }[], violations: string[]): Promise<void> {
  const queue = [...items];
  const worker = async () => {
    for (let item = queue.shift(); item; item = queue.shift()) {
      const person: Person = item.record.person;
      try {
        const answer = await person.client.get(`/api/v1/files/${item.fileId}`);
        if (!item.live) {
          if (answer.status !== 404) violations.push(`deleted file ${item.fileId} answered ${answer.status}, not 404`);
          continue;
        }
        const sha = createHash('sha256').update(answer.body).digest('hex');
        if (answer.status !== 200) violations.push(`file ${item.fileId} (${item.record.upload!.name}) answered ${answer.status}`);
        else if (sha !== item.record.upload!.sha256) violations.push(`file ${item.fileId} downloads other bytes than were uploaded`);
      } catch (error) {
        if (!(error instanceof ConnectionFailure)) throw error;
        violations.push(`downloading file ${item.fileId} failed: ${error.code}`);
      }
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
}
