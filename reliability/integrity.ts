import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type pg from 'pg';

/**
 * Every stored counter of the schema (the `*.tables.ts` files) with its recount in SQL. Not here:
 * forum_topics.views_count (forum_topic_views keeps only each reader's last view, so there is nothing
 * to recount it from) and the categories' post counts (summed from the topics when read, not stored).
 */
export const COUNTERS: { name: string; sql: string }[] = [
  {
    name: 'forum_categories.topics_count',
    sql: `select c.id, c.topics_count as stored,
            (select count(*) from forum_topics t where t.category_id = c.id and t.deleted_at is null) as actual
          from forum_categories c`,
  },
  {
    name: 'forum_topics.posts_count',
    sql: `select t.id, t.posts_count as stored,
            (select count(*) from forum_posts p where p.topic_id = t.id and p.deleted_at is null) as actual
          from forum_topics t`,
  },
  {
    name: 'forum_topics.likes_count',
    sql: `select t.id, t.likes_count as stored, (select count(*) from forum_topic_likes l where l.topic_id = t.id) as actual
          from forum_topics t`,
  },
  {
    name: 'forum_posts.likes_count',
    sql: `select p.id, p.likes_count as stored, (select count(*) from forum_post_likes l where l.post_id = p.id) as actual
          from forum_posts p`,
  },
  {
    name: 'forum_posts.replies_count',
    sql: `select p.id, p.replies_count as stored, (select count(*) from forum_posts r where r.parent_id = p.id) as actual
          from forum_posts p`,
  },
  {
    name: 'use_cases.likes_count',
    sql: `select u.id, u.likes_count as stored, (select count(*) from use_case_likes l where l.use_case_id = u.id) as actual
          from use_cases u`,
  },
  {
    name: 'use_cases.saves_count',
    sql: `select u.id, u.saves_count as stored, (select count(*) from use_case_saves s where s.use_case_id = u.id) as actual
          from use_cases u`,
  },
  {
    // Against the log of counted views: equal while no view is past the log's retention (a year), as in a fresh database.
    name: 'use_cases.views_count',
    sql: `select u.id, u.views_count as stored, (select count(*) from use_case_views v where v.use_case_id = u.id) as actual
          from use_cases u`,
  },
  {
    name: 'use_case_terms.uses_count',
    sql: `select t.id, t.uses_count as stored,
            (select count(*) from use_cases u where u.deleted_at is null
               and t.name = any(case t.kind when 'technology' then u.technologies else u.tags end)) as actual
          from use_case_terms t`,
  },
  {
    name: 'organizations.storage_used_bytes',
    sql: `select o.id, o.storage_used_bytes as stored,
            (select coalesce(sum(f.size_bytes), 0) from files f where f.organization_id = o.id and f.deleted_at is null) as actual
          from organizations o`,
  },
];

export interface CounterResult {
  name: string;
  rows: number;
  mismatched: number;
  examples: string[];
}

export async function checkCounters(pool: pg.Pool): Promise<CounterResult[]> {
  const results: CounterResult[] = [];
  for (const counter of COUNTERS) {
    const { rows } = await pool.query<{ id: string; stored: string | number; actual: string | number }>(counter.sql);
    const wrong = rows.filter((row) => Number(row.stored) !== Number(row.actual));
    results.push({
      name: counter.name,
      rows: rows.length,
      mismatched: wrong.length,
      examples: wrong.slice(0, 3).map((row) => `${row.id}: stored ${row.stored}, recount ${row.actual}`),
    });
  }
  return results;
}

/**
 * Stored bytes against file rows, on local disk (LocalDiskStorage): `DATA_DIR/uploads/<organization>/<file>`,
 * uploads not yet moved into place under `uploads/.staging/<organization>.<file>`, and `<key>.<uuid>.tmp`
 * half-written files of the storage before it staged uploads.
 */
export interface BlobCensus {
  blobs: number;
  liveRows: number;
  /** Stored or staged bytes that no live file row names (deleted rows included: their bytes should be gone). */
  orphans: number;
  /** Of the orphans, those still staged (an upload whose row never committed). */
  stagedOrphans: number;
  /** Staged bytes of a live row, not yet moved to their key (served from the staged copy meanwhile). */
  stagedLive: number;
  /** Half-written files (`<key>.<uuid>.tmp`) left by a crash. */
  temporary: number;
  /** Live rows with no bytes, stored or staged. */
  missing: number;
  examples: string[];
}

const STAGING_DIR = '.staging';

async function listFiles(root: string): Promise<string[]> {
  const found: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else found.push(path.relative(root, full).split(path.sep).join('/'));
    }
  };
  await walk(root);
  return found;
}

/** Call only while no upload or delete is in flight: a write between the two reads would look like an orphan. */
export async function censusOfBlobs(pool: pg.Pool, dataDir: string): Promise<BlobCensus> {
  const onDisk = await listFiles(path.join(dataDir, 'uploads'));
  const { rows } = await pool.query<{ storage_key: string }>('select storage_key from files where deleted_at is null');
  const live = new Set(rows.map((row) => row.storage_key));
  const temporary = onDisk.filter((file) => file.endsWith('.tmp'));
  const staged = onDisk
    .filter((file) => file.startsWith(`${STAGING_DIR}/`))
    .map((file) => file.slice(STAGING_DIR.length + 1).replace('.', '/'));
  const stored = onDisk.filter((file) => !file.endsWith('.tmp') && !file.startsWith(`${STAGING_DIR}/`));
  const present = new Set([...stored, ...staged]);
  const orphans = [...stored, ...staged].filter((key) => !live.has(key));
  const stagedOrphans = staged.filter((key) => !live.has(key));
  const missing = [...live].filter((key) => !present.has(key));
  return {
    blobs: stored.length + staged.length,
    liveRows: live.size,
    orphans: orphans.length,
    stagedOrphans: stagedOrphans.length,
    stagedLive: staged.length - stagedOrphans.length,
    temporary: temporary.length,
    missing: missing.length,
    examples: [...orphans.slice(0, 3).map((k) => `orphan ${k}`), ...missing.slice(0, 3).map((k) => `missing ${k}`)],
  };
}
