import { createHash, randomBytes, randomInt } from 'node:crypto';
import { ConnectionFailure, type HttpAnswer, jsonOf } from './http-client.js';
import type { Fixtures, Person } from './fixtures.js';

/**
 * The kinds of write under test. To add one (direct messages, once the API has them): a kind here,
 * an operation in WRITE_OPERATIONS that records what it sent, and its check in verify-writes.ts.
 */
export const WRITE_KINDS = ['reply', 'topic like', 'post like', 'use-case like', 'upload', 'file delete'] as const;
export type WriteKind = (typeof WRITE_KINDS)[number];

/** Writes the issue names that the API does not offer yet, and how to tell that it does. */
export const PLANNED_WRITES = [{ kind: 'message', path: /\/messages?\b|\/conversations?\b/, where: 'reliability/writes.ts' }] as const;

/**
 * acknowledged: 2xx with what was created; refused: 4xx; server error: 5xx; unknown: the connection
 * failed after the request may have reached the server; unsent: the connection was refused.
 */
export type Outcome = 'acknowledged' | 'refused' | 'server error' | 'unknown' | 'unsent';

export interface WriteRecord {
  kind: WriteKind;
  /** False for the deliberately invalid writes, which the server must refuse and not keep. */
  valid: boolean;
  phase: string;
  person: Person;
  /** Unique to this write; in the reply's body or the upload's file name. */
  ref: string;
  outcome: Outcome;
  status: number | null;
  /** The topic replied to, the thing liked, the file deleted. */
  target: string;
  /** What the acknowledgement named: the new post's or file's id. */
  createdId?: string;
  body?: string;
  parentPostId?: string | null;
  /** A toggle's answer: on or off after it. */
  activeAfter?: boolean;
  upload?: { name: string; sha256: string; size: number };
  startedAt: number;
}

/** What the writers share: the fixtures, every record, and the uploads each person may delete. */
export class WriteLog {
  readonly records: WriteRecord[] = [];
  /** Acknowledged uploads not yet deleted, per user. */
  private readonly liveUploads = new Map<string, string[]>();

  constructor(readonly fixtures: Fixtures) {}

  add(record: WriteRecord): void {
    this.records.push(record);
    if (record.outcome !== 'acknowledged' || !record.createdId) return;
    if (record.kind === 'reply') this.fixtures.postsByTopic.get(record.target)?.push(record.createdId);
    if (record.kind === 'upload') {
      const list = this.liveUploads.get(record.person.userId) ?? [];
      list.push(record.createdId);
      this.liveUploads.set(record.person.userId, list);
    }
  }

  /** Takes one of the person's live uploads out of the deletable list (whatever the delete's outcome). */
  takeUpload(person: Person): string | undefined {
    const list = this.liveUploads.get(person.userId);
    if (!list || list.length === 0) return undefined;
    return list.splice(randomInt(list.length), 1)[0];
  }
}

type Operation = (log: WriteLog, person: Person, phase: string) => Promise<WriteRecord>;

const pick = <T>(items: readonly T[]): T => items[randomInt(items.length)]!;
/** One of the last `n` items: a person's writes to one recent post repeat often enough to matter. */
const pickRecent = <T>(items: readonly T[], n: number): T => items[items.length - 1 - randomInt(Math.min(items.length, n))]!;

/** Sends one write and records its outcome; `onAnswer` reads what a 2xx answer created. */
async function attempt(
  log: WriteLog,
  base: Omit<WriteRecord, 'outcome' | 'status' | 'startedAt'>,
  send: () => Promise<HttpAnswer>,
  onAnswer: (answer: HttpAnswer, record: WriteRecord) => void,
): Promise<WriteRecord> {
  const record: WriteRecord = { ...base, outcome: 'unknown', status: null, startedAt: Date.now() };
  try {
    const answer = await send();
    record.status = answer.status;
    record.outcome = answer.status < 300 ? 'acknowledged' : answer.status < 500 ? 'refused' : 'server error';
    if (record.outcome === 'acknowledged') onAnswer(answer, record);
  } catch (error) {
    if (!(error instanceof ConnectionFailure)) throw error;
    record.outcome = error.unsent ? 'unsent' : 'unknown';
  }
  log.add(record);
  return record;
}

const newRef = () => randomBytes(8).toString('hex');

/** A reply to one of the topics, to the topic itself or (two in five) to one of its posts. */
const reply: Operation = (log, person, phase) => {
  const topic = pick(log.fixtures.topics);
  const posts = log.fixtures.postsByTopic.get(topic.id) ?? [];
  // Recent posts, so that threads grow deeper than one level.
  const parentPostId = posts.length > 0 && randomInt(5) < 2 ? pickRecent(posts, 20) : null;
  const ref = newRef();
  const body = `Reliability reply ${ref}: on our ${pick(log.fixtures.searchWords)} we check the bearings every shift.`;
  return attempt(
    log,
    { kind: 'reply', valid: true, phase, person, ref, target: topic.id, body, parentPostId },
    () => person.client.post(`/api/v1/forum/topics/${topic.id}/posts`, { json: { body, ...(parentPostId ? { parentPostId } : {}) } }),
    (answer, record) => (record.createdId = jsonOf<{ id: string }>(answer).id),
  );
};

/**
 * Refused after the topic's counters moved in the same transaction: the parent post belongs to another
 * topic (400). Nothing of it may remain.
 */
const replyToForeignParent: Operation = (log, person, phase) => {
  const [topic, other] = [...log.fixtures.topics].sort(() => Math.random() - 0.5);
  const parentPostId = pick(log.fixtures.postsByTopic.get(other!.id) ?? []);
  const ref = newRef();
  const body = `Reliability reply ${ref}: this one answers a post of another topic and must be refused.`;
  return attempt(
    log,
    { kind: 'reply', valid: false, phase, person, ref, target: topic!.id, body, parentPostId },
    () => person.client.post(`/api/v1/forum/topics/${topic!.id}/posts`, { json: { body, parentPostId } }),
    (answer, record) => (record.createdId = jsonOf<{ id: string }>(answer).id),
  );
};

function toggleOperation(kind: 'topic like' | 'post like' | 'use-case like', choose: (log: WriteLog) => string): Operation {
  return (log, person, phase) => {
    const target = choose(log);
    const path =
      kind === 'topic like'
        ? `/api/v1/forum/topics/${target}/like`
        : kind === 'post like'
          ? `/api/v1/forum/posts/${target}/like`
          : `/api/v1/use-cases/${target}/like`;
    return attempt(
      log,
      { kind, valid: true, phase, person, ref: newRef(), target },
      () => person.client.post(path),
      (answer, record) => {
        const result = jsonOf<{ liked?: boolean; active?: boolean }>(answer);
        record.activeAfter = result.liked ?? result.active ?? false;
      },
    );
  };
}

/** Likes of a draft: refused (404 outside its organization, where it is invisible; 409 inside), no row. */
const likeDraftCase: Operation = (log, person, phase) => {
  const target = log.fixtures.draftCase;
  return attempt(
    log,
    { kind: 'use-case like', valid: false, phase, person, ref: newRef(), target },
    () => person.client.post(`/api/v1/use-cases/${target}/like`),
    (answer, record) => (record.activeAfter = jsonOf<{ active: boolean }>(answer).active),
  );
};

/** A small PDF whose bytes are unique to the write. */
function pdfBytes(ref: string): Buffer {
  const filler = randomBytes(512 + randomInt(6 * 1024)).toString('base64');
  return Buffer.from(`%PDF-1.4\n% reliability ${ref}\n% ${filler}\n%%EOF\n`);
}

function uploadOperation(valid: boolean): Operation {
  return (log, person, phase) => {
    const ref = newRef();
    const name = `${ref}.${valid ? 'pdf' : 'html'}`;
    // An HTML page is no accepted attachment type: refused (415) before anything is stored.
    const bytes = valid ? pdfBytes(ref) : Buffer.from(`<!DOCTYPE html><html><body>reliability ${ref}</body></html>`);
    const upload = { name, sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.length };
    return attempt(
      log,
      { kind: 'upload', valid, phase, person, ref, target: person.organizationId, upload },
      () =>
        person.client.post('/api/v1/files', {
          multipart: [
            { name: 'purpose', value: 'attachment' },
            { name: 'file', value: bytes, filename: name, contentType: valid ? 'application/pdf' : 'text/html' },
          ],
        }),
      (answer, record) => (record.createdId = jsonOf<{ id: string }>(answer).id),
    );
  };
}

/** Deletes one of the person's own acknowledged uploads (an upload when they have none). */
const fileDelete: Operation = (log, person, phase) => {
  const fileId = log.takeUpload(person);
  if (!fileId) return uploadOperation(true)(log, person, phase);
  return attempt(
    log,
    { kind: 'file delete', valid: true, phase, person, ref: newRef(), target: fileId },
    () => person.client.delete(`/api/v1/files/${fileId}`),
    () => undefined,
  );
};

const recentPost = (log: WriteLog): string => pickRecent(log.fixtures.postsByTopic.get(pick(log.fixtures.topics).id) ?? [], 30);

/** The mix, by weight (of 100): each of the three invalid writes is 3 in 100. */
const WRITE_OPERATIONS: { weight: number; run: Operation }[] = [
  { weight: 30, run: reply },
  { weight: 10, run: toggleOperation('topic like', (log) => pick(log.fixtures.topics).id) },
  { weight: 15, run: toggleOperation('post like', recentPost) },
  { weight: 10, run: toggleOperation('use-case like', (log) => pick(log.fixtures.publishedCases)) },
  { weight: 20, run: uploadOperation(true) },
  { weight: 6, run: fileDelete },
  { weight: 3, run: replyToForeignParent },
  { weight: 3, run: likeDraftCase },
  { weight: 3, run: uploadOperation(false) },
];
const TOTAL_WEIGHT = WRITE_OPERATIONS.reduce((sum, op) => sum + op.weight, 0);

/** One write of the mix, chosen by weight. */
export function randomWrite(log: WriteLog, person: Person, phase: string): Promise<WriteRecord> {
  let roll = randomInt(TOTAL_WEIGHT);
  const operation = WRITE_OPERATIONS.find((op) => (roll -= op.weight) < 0)!;
  return operation.run(log, person, phase);
}

/**
 * Every person writes one request after another until `stop()` or until a request of theirs gets no
 * answer (the server is gone): then that person stops. Resolves when everyone has stopped.
 */
export async function runWriters(log: WriteLog, phase: string, stop: () => boolean): Promise<void> {
  await Promise.all(
    log.fixtures.people.map(async (person) => {
      while (!stop()) {
        const record = await randomWrite(log, person, phase);
        if (record.outcome === 'unknown' || record.outcome === 'unsent') return;
      }
    }),
  );
}
