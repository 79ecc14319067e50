import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkRows, col, row, rowChecks, type RowOf, type RowShape } from './rows.js';
import { PGlite } from '@electric-sql/pglite';
import { cube } from '@electric-sql/pglite/contrib/cube';
import { earthdistance } from '@electric-sql/pglite/contrib/earthdistance';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { type ExtractTablesWithRelations, type SQL, sql } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import * as schema from './schema.js';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Repositories take either the database or the transaction they run in. */
export type DbOrTx = Db | Tx;

export const MIGRATIONS_FOLDER = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../migrations');

export const pgliteExtensions = { pg_trgm, cube, earthdistance };

export interface Database {
  kind: 'pglite' | 'postgres';
  db: Db;
  /** Runs the generated migrations (idempotent; serialised across processes on PostgreSQL). */
  migrate(): Promise<void>;
  close(): Promise<void>;
  /** The embedded engine, when there is one (tests dump and clone it). */
  pglite?: PGlite;
  pool?: pg.Pool;
}

export interface OpenDatabaseOptions {
  databaseUrl?: string | undefined;
  /** Directory for PGlite; undefined means in memory. */
  pgliteDir?: string | undefined;
  /** A PGlite data dump to start from (tests clone a migrated template this way). */
  pgliteLoadDataDir?: Blob | File | undefined;
  poolSize?: number;
}

// node-postgres returns int8/numeric as strings; PGlite returns numbers. Counts are normalised in
// repositories with toNumber(), and timestamps are parsed by drizzle on both.
export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10 });
    pool.on('error', () => {
      /* idle client errors are reported on the next query */
    });
    const db = drizzleNodePg(pool, { schema }) as unknown as Db;
    return {
      kind: 'postgres',
      db,
      pool,
      async migrate() {
        // One migrator at a time across processes: a session-level advisory lock on a dedicated client.
        const client = await pool.connect();
        try {
          await client.query('select pg_advisory_lock(74201)');
          try {
            await migrateNodePg(drizzleNodePg(client, { schema }), { migrationsFolder: MIGRATIONS_FOLDER });
          } finally {
            await client.query('select pg_advisory_unlock(74201)');
          }
        } finally {
          client.release();
        }
      },
      close: () => pool.end(),
    };
  }
  const releaseLock = options.pgliteDir ? lockDataDir(options.pgliteDir) : () => {};
  if (options.pgliteDir) mkdirSync(options.pgliteDir, { recursive: true });
  const pglite = await PGlite.create({
    ...(options.pgliteDir ? { dataDir: options.pgliteDir } : {}),
    ...(options.pgliteLoadDataDir ? { loadDataDir: options.pgliteLoadDataDir } : {}),
    extensions: pgliteExtensions,
  });
  const db = drizzlePglite(pglite, { schema }) as unknown as Db;
  return {
    kind: 'pglite',
    db,
    pglite,
    migrate: () => migratePglite(drizzlePglite(pglite, { schema }), { migrationsFolder: MIGRATIONS_FOLDER }),
    close: async () => {
      await pglite.close();
      releaseLock();
    },
  };
}

export class DataDirLockedError extends Error {
  constructor(
    readonly dir: string,
    readonly pid: number,
  ) {
    super(
      `The embedded database in ${dir} is in use by process ${pid} (probably \`npm start\`). Stop it first, or use a PostgreSQL server (DATABASE_URL) to run several processes at once.`,
    );
    this.name = 'DataDirLockedError';
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * PGlite is one process's database: two processes opening the same directory would each work on
 * their own copy and overwrite each other. A lock file next to it makes the second one stop with a
 * clear message; a lock left by a dead process is taken over.
 */
function lockDataDir(dir: string): () => void {
  const lockFile = `${dir}.lock`;
  mkdirSync(path.dirname(lockFile), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const fd = openSync(lockFile, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(lockFile, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(readFileSync(lockFile, 'utf8').trim());
      if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && isAlive(holder)) throw new DataDirLockedError(dir, holder);
      rmSync(lockFile, { force: true });
    }
  }
  throw new Error(`could not lock ${dir}`);
}

interface JournalEntry {
  idx: number;
  when: number;
  tag: string;
}

export function readMigrationJournal(): JournalEntry[] {
  const file = path.join(MIGRATIONS_FOLDER, 'meta', '_journal.json');
  if (!existsSync(file)) return [];
  return (JSON.parse(readFileSync(file, 'utf8')) as { entries: JournalEntry[] }).entries;
}

export interface MigrationStatus {
  applied: number;
  expected: number;
  isCurrent: boolean;
}

const migrationStatusRow = row({ applied: col.bigint, latest: col.bigintOrNull });

export async function getMigrationStatus(db: Db): Promise<MigrationStatus> {
  const journal = readMigrationJournal();
  const latest = journal.at(-1)?.when ?? 0;
  const [row] = await queryRows(
    db,
    migrationStatusRow,
    sql`select count(*) as applied, max(created_at) as latest from drizzle.__drizzle_migrations`,
  );
  const applied = toNumber(row?.applied);
  return { applied, expected: journal.length, isCurrent: applied >= journal.length && toNumber(row?.latest) >= latest };
}

/** Normalises driver differences: node-postgres gives bigint/numeric as strings, PGlite as numbers. */
export function toNumber(value: unknown): number {
  if (value === null || value === undefined) return 0;
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  const n = Number(value);
  return Number.isFinite(n) ? n : 0;
}

/** `%` and `_` in what people type are literal characters, not LIKE wildcards. */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * Raw SQL rows on either driver (both answer `{ rows }`), typed by a declared row shape. The shape is
 * checked against every row when row checks are on (the test suite turns them on, so a renamed or
 * missing column fails a test instead of a page), and trusted otherwise (no cost in production).
 */
export async function queryRows<Shape extends RowShape>(db: DbOrTx, shape: Shape, query: SQL): Promise<RowOf<Shape>[]> {
  // Both drivers answer { rows } (the Db type is generic over them, so execute's type says unknown).
  const answer: unknown = await db.execute(query);
  const { rows } = answer as { rows: Record<string, unknown>[] };
  if (rowChecks) checkRows(shape, rows, query);
  // Trusted as declared: the test suite checks every shape against what the database answers.
  return rows as RowOf<Shape>[];
}

/** A statement whose rows nobody reads (a lock, an update without returning). */
export async function execute(db: DbOrTx, query: SQL): Promise<void> {
  await db.execute(query);
}
