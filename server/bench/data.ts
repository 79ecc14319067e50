import { parseArgs } from 'node:util';
import pg from 'pg';
import { ConfigError, loadBenchSettings } from '../src/platform/config.js';
import { openDatabase } from '../src/platform/db.js';
import { BENCH_EMAIL_DOMAIN, generateBenchData, parseScale, printGenerateReport, USE_CASE_GENERATORS } from './generate.js';

const usage = `Usage: npm run bench:data -- [--scale N]
  Generates benchmark data into DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test), after
  migrating it. Scale 1: 1,000 organizations and 10,000 users (10 per organization, 1 admin each),
  the forum and 100,000 use cases; --scale 0.1 for a quick run. Every generated user signs in with the
  demo password. A database that already holds the other benchmark data but no use cases (a template
  made before the use-case library) gets only the use cases, at the scale of its organizations.`;

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { scale: { type: 'string' }, help: { type: 'boolean' } } });
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    return;
  }
  let scale = parseScale(values.scale, 1);
  const { databaseUrl } = loadBenchSettings();
  const url = new URL(databaseUrl);
  process.stdout.write(`Benchmark data at scale ${scale} into PostgreSQL at ${url.host}${url.pathname}\n`);
  const database = await openDatabase({ databaseUrl, poolSize: 1 });
  await database.migrate();
  await database.close();
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  try {
    const existing = await pool.query<{ users: string; organizations: string; use_cases: string }>(
      `select (select count(*) from users where email like $1) as users,
              (select count(distinct m.organization_id) from memberships m join users u on u.id = m.user_id where u.email like $1) as organizations,
              (select count(*) from use_cases) as use_cases`,
      [`%@${BENCH_EMAIL_DOMAIN}`],
    );
    const found = existing.rows[0]!;
    if (Number(found.users) === 0) {
      printGenerateReport(await generateBenchData(pool, databaseUrl, scale));
      return;
    }
    if (Number(found.use_cases) > 0)
      throw new Error(`This database already holds benchmark users (@${BENCH_EMAIL_DOMAIN}) and use cases; use a fresh database`);
    // The use cases follow the scale the organizations were generated at (1,000 per scale unit).
    const existingScale = Number(found.organizations) / 1000;
    if (values.scale !== undefined && Math.abs(existingScale - scale) > 1e-9) {
      process.stdout.write(`  (the database's organizations are at scale ${existingScale}; --scale ${scale} is ignored)\n`);
    }
    scale = existingScale;
    process.stdout.write(`Adding the use-case library at scale ${scale} to the benchmark data already there\n`);
    printGenerateReport(await generateBenchData(pool, databaseUrl, scale, { generators: USE_CASE_GENERATORS }));
  } finally {
    await pool.end();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof ConfigError || error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
