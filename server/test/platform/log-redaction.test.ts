import { Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { users } from '../../src/modules/users/users.tables.js';
import type { Database } from '../../src/platform/db.js';
import { redactLogValue } from '../../src/platform/log-redaction.js';
import { expectProblem, testConfig } from '../helpers/app.js';
import { openTestDatabase } from '../helpers/database.js';

const SECRET_EMAIL = 'private.person@example.com';
const lines: string[] = [];
let database: Database;
let app: FastifyInstance;

beforeAll(async () => {
  database = await openTestDatabase();
  const stream = new Writable({
    write(chunk, _encoding, callback) {
      lines.push(String(chunk));
      callback();
    },
  });
  app = await buildApp({ config: testConfig({ LOG_LEVEL: 'info' }), database, loggerStream: stream });
  // Routes whose query fails inside a request, as a bug would: the error handler logs them.
  app.get('/__test/division-by-zero', async () => database.db.execute(sql`select 1 / 0 where ${SECRET_EMAIL} <> ''`));
  app.get('/__test/invalid-date', async () => database.db.execute(sql`select ${SECRET_EMAIL}::date as d`));
  await app.ready();
});
afterAll(async () => {
  await app.close();
  await database.close();
});

/** The error lines logged since `from`, as JSON text. */
const errorLines = (from: number) => lines.slice(from).filter((line) => (JSON.parse(line) as { level: number }).level >= 50);

/** A real failing query's error, as the ORM throws it. */
async function failingQueryError(query: ReturnType<typeof sql>): Promise<unknown> {
  try {
    await database.db.execute(query);
  } catch (error) {
    return error;
  }
  throw new Error('the query did not fail');
}

describe('logged database errors', () => {
  it('keep the SQL text and the SQLSTATE, never a parameter value (error handler, 500)', async () => {
    for (const [url, sqlState, sqlText] of [
      ['/__test/division-by-zero', '22012', 'select 1 / 0 where $1'],
      ['/__test/invalid-date', '22007', 'select $1::date'],
    ] as const) {
      const from = lines.length;
      expectProblem(await app.inject({ method: 'GET', url }), 500, 'INTERNAL');
      const logged = errorLines(from);
      expect(logged).toHaveLength(1);
      expect(logged[0]).toContain(sqlState);
      expect(logged[0]).toContain(sqlText);
      expect(logged[0]).not.toContain(SECRET_EMAIL);
      expect(logged[0]).not.toContain('private.person');
    }
  });

  it('keep a unique violation’s constraint, not the duplicate value in its detail', async () => {
    const row = { email: SECRET_EMAIL, name: 'P P', firstName: 'P', lastName: 'P', language: 'en' as const };
    await database.db.insert(users).values(row);
    const error = await failingQueryError(
      sql`insert into users (email, name, first_name, last_name) values (${SECRET_EMAIL}, 'P P', 'P', 'P')`,
    );
    const from = lines.length;
    app.log.error({ err: error }, 'write failed');
    const [line] = errorLines(from);
    expect(line).toContain('23505');
    expect(line).toContain('insert into users');
    expect(line).not.toContain(SECRET_EMAIL);
    // What a library logs as plain arguments goes through the same redaction.
    expect(JSON.stringify(redactLogValue(error))).not.toContain(SECRET_EMAIL);
    expect(JSON.stringify(redactLogValue(error))).toContain('23505');
  });
});
