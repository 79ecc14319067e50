import { parseArgs } from 'node:util';
import pg from 'pg';
import { ConfigError, loadBenchSettings } from '../src/platform/config.js';
import { openDatabase } from '../src/platform/db.js';
import { BENCH_EMAIL_DOMAIN, generateBenchData, parseScale, printGenerateReport } from './generate.js';

const usage = `Usage: npm run bench:data -- [--scale N]
  Generates benchmark data into DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test), after
  migrating it. Scale 1: 1,000 organizations and 10,000 users (10 per organization, 1 admin each);
  --scale 0.1 for a quick run. Every generated user signs in with the demo password.`;

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { scale: { type: 'string' }, help: { type: 'boolean' } } });
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    return;
  }
  const scale = parseScale(values.scale, 1);
  const { databaseUrl } = loadBenchSettings();
  const url = new URL(databaseUrl);
  process.stdout.write(`Benchmark data at scale ${scale} into PostgreSQL at ${url.host}${url.pathname}\n`);
  const database = await openDatabase({ databaseUrl, poolSize: 1 });
  await database.migrate();
  await database.close();
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  try {
    const existing = await pool.query<{ n: string }>(`select count(*) as n from users where email like $1`, [`%@${BENCH_EMAIL_DOMAIN}`]);
    if (Number(existing.rows[0]?.n ?? 0) > 0) throw new Error(`This database already holds benchmark users (@${BENCH_EMAIL_DOMAIN}); use a fresh database`);
    printGenerateReport(await generateBenchData(pool, databaseUrl, scale));
  } finally {
    await pool.end();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof ConfigError || error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
