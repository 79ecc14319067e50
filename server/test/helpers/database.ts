import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { count } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { inject } from 'vitest';
import { type Database, type Db, openDatabase, toNumber } from '../../src/platform/db.js';

/** A fresh, migrated database for one test file, on whichever engine the run uses. */
export async function openTestDatabase(): Promise<Database & { url?: string }> {
  const databaseUrl = process.env.DATABASE_URL;
  const template = inject('pgTemplateDatabase');
  if (databaseUrl && template) {
    const name = `${template}_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: databaseUrl });
    await admin.connect();
    await admin.query(`create database ${name} template ${template}`);
    const url = new URL(databaseUrl);
    url.pathname = `/${name}`;
    const database = await openDatabase({ databaseUrl: url.toString(), poolSize: 10 });
    return {
      ...database,
      url: url.toString(),
      async close() {
        await database.close();
        await admin.query(`drop database if exists ${name} with (force)`);
        await admin.end();
      },
    };
  }
  const dump = readFileSync(inject('pgliteTemplate'));
  return openDatabase({ pgliteLoadDataDir: new Blob([dump]) });
}

/** Row counts of the given tables, by the names given: for asserting that a write added exactly what it should. */
export async function countRows<K extends string>(db: Db, tables: Record<K, PgTable>): Promise<Record<K, number>> {
  const entries = await Promise.all(
    Object.entries<PgTable>(tables).map(async ([name, table]) => {
      const [row] = await db.select({ n: count() }).from(table);
      return [name, toNumber(row?.n)] as const;
    }),
  );
  return Object.fromEntries(entries) as Record<K, number>;
}
