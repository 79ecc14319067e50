import { randomBytes, randomUUID } from 'node:crypto';
import { INDUSTRIES } from '@p2p/contracts';
import { Presets, SingleBar } from 'cli-progress';
import type pg from 'pg';
import pino from 'pino';
import { createAuth } from '../src/modules/auth/index.js';
import { organizationSignUp } from '../src/modules/organizations/index.js';
import { DEMO_PASSWORD, DEMO_USERS } from '../src/tools/seed/index.js';
import { loadConfig } from '../src/platform/config.js';
import { openDatabase } from '../src/platform/db.js';
import { MailDispatcher, Mailer } from '../src/platform/mail/index.js';
import { createForumGenerator, forumCountsFor, forumLoadDetails } from './forum-data.js';
import { createUseCaseGenerator, useCaseCountsFor, useCaseLoadCounts, useCaseLoadDetails } from './use-case-data.js';

/** Every generated user signs in with the documented demo password (hashed once, shared by all). */
export const BENCH_PASSWORD = DEMO_PASSWORD;
export const BENCH_EMAIL_DOMAIN = 'bench.example';
export const USERS_PER_ORGANIZATION = 10;

/** The email of the `n`-th generated user (0-based); user n belongs to organization floor(n / 10), the first of each ten is its admin. */
export function benchUserEmail(n: number): string {
  return `user${n}@${BENCH_EMAIL_DOMAIN}`;
}

export interface BenchCounts {
  organizations: number;
  users: number;
  forumTopics: number;
  forumPosts: number;
  forumSearches: number;
  useCases: number;
}

/**
 * At scale 1: 1,000 organizations and 10,000 users (10 per organization, 1 admin each); 100,000 forum
 * topics with 1,000,000 replies and 10,000 search-log entries; 100,000 use cases.
 */
export function countsFor(scale: number): BenchCounts {
  const organizations = Math.max(1, Math.round(1000 * scale));
  const forum = forumCountsFor(scale);
  return {
    organizations,
    users: organizations * USERS_PER_ORGANIZATION,
    forumTopics: forum.topics,
    forumPosts: forum.posts,
    forumSearches: forum.searches,
    useCases: useCaseCountsFor(scale).useCases,
  };
}

/** What one generator hands to the next ones (the forum's generator will read the users and organizations). */
export interface GeneratorContext {
  client: pg.PoolClient;
  scale: number;
  counts: BenchCounts;
  passwordHash: string;
  /** Organization ids in creation order. */
  organizationIds: string[];
  /** User ids in creation order (user n is benchUserEmail(n)). */
  userIds: string[];
  progress(label: string, total: number): Progress;
}

export interface Progress {
  increment(by: number): void;
  stop(): void;
}

/**
 * One step of the data load. Later modules append theirs to GENERATORS (forum: topics and posts in
 * thread shapes, then its indexes in `afterLoad`, since indexes are cheaper built after the bulk load).
 */
export interface Generator {
  name: string;
  run(ctx: GeneratorContext): Promise<void>;
  /** Runs after every generator: build indexes dropped for the load, refresh counters. */
  afterLoad?(ctx: GeneratorContext): Promise<void>;
}

const FIRST_NAMES = [...new Set(DEMO_USERS.map((u) => u.firstName))];
const LAST_NAMES = [...new Set(DEMO_USERS.map((u) => u.lastName))];
const JOB_TITLES = [...new Set(DEMO_USERS.map((u) => u.jobTitle))];
const DEPARTMENTS = [...new Set(DEMO_USERS.map((u) => u.department))];
const CITIES: readonly (readonly [string, string])[] = [
  ['Riyadh', 'Riyadh'],
  ['Jeddah', 'Makkah'],
  ['Dammam', 'Eastern Province'],
  ['Jubail', 'Eastern Province'],
  ['Yanbu', 'Madinah'],
  ['Madinah', 'Madinah'],
  ['Jazan', 'Jazan'],
  ['Hail', 'Hail'],
  ['Qassim', 'Qassim'],
  ['Tabuk', 'Tabuk'],
];
const COMPANY_WORDS = [
  'Steel',
  'Polymers',
  'Packaging',
  'Foods',
  'Cables',
  'Glass',
  'Chemicals',
  'Textiles',
  'Pipes',
  'Furniture',
  'Paints',
  'Valves',
];
const COMPANY_WORDS_AR = [
  'للصلب',
  'للبوليمرات',
  'للتغليف',
  'للأغذية',
  'للكابلات',
  'للزجاج',
  'للكيماويات',
  'للنسيج',
  'للأنابيب',
  'للأثاث',
  'للدهانات',
  'للصمامات',
];
const SIZES = ['1-10', '11-50', '51-200', '201-500', '500+'] as const;
const TIERS = ['trial', 'basic', 'professional', 'enterprise'] as const;
const BATCH = 2000;

function pick<T>(list: readonly T[], n: number): T {
  return list[n % list.length]!;
}

async function inBatches(total: number, progress: Progress, insert: (from: number, to: number) => Promise<void>): Promise<void> {
  for (let from = 0; from < total; from += BATCH) {
    const to = Math.min(total, from + BATCH);
    await insert(from, to);
    progress.increment(to - from);
  }
  progress.stop();
}

const organizationsGenerator: Generator = {
  name: 'organizations',
  async run(ctx) {
    const { client, counts } = ctx;
    const trialEndsAt = new Date(Date.now() + 30 * 86_400_000);
    await inBatches(counts.organizations, ctx.progress('Organizations', counts.organizations), async (from, to) => {
      const rows = {
        id: [] as string[],
        name: [] as string[],
        nameAr: [] as string[],
        industry: [] as string[],
        size: [] as string[],
        city: [] as string[],
        region: [] as string[],
        website: [] as string[],
        tier: [] as string[],
        trial: [] as (Date | null)[],
      };
      for (let i = from; i < to; i += 1) {
        const id = randomUUID();
        ctx.organizationIds.push(id);
        const [city, region] = pick(CITIES, i);
        const word = i % COMPANY_WORDS.length;
        const tier = pick(TIERS, i);
        rows.id.push(id);
        rows.name.push(`${city} ${COMPANY_WORDS[word]} ${i + 1}`);
        rows.nameAr.push(`شركة ${city === 'Riyadh' ? 'الرياض' : 'المملكة'} ${COMPANY_WORDS_AR[word]} ${i + 1}`);
        rows.industry.push(pick(INDUSTRIES, i));
        rows.size.push(pick(SIZES, i));
        rows.city.push(city);
        rows.region.push(region);
        rows.website.push(`https://org${i}.${BENCH_EMAIL_DOMAIN}`);
        rows.tier.push(tier);
        rows.trial.push(tier === 'trial' ? trialEndsAt : null);
      }
      await client.query(
        `insert into organizations (id, name, name_ar, industry, size, city, region, website, subscription_tier, trial_ends_at)
         select * from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::timestamptz[])`,
        [rows.id, rows.name, rows.nameAr, rows.industry, rows.size, rows.city, rows.region, rows.website, rows.tier, rows.trial],
      );
    });
  },
};

const usersGenerator: Generator = {
  name: 'users, memberships and passwords',
  async run(ctx) {
    const { client, counts } = ctx;
    await inBatches(counts.users, ctx.progress('Users', counts.users), async (from, to) => {
      const u = {
        id: [] as string[],
        name: [] as string[],
        email: [] as string[],
        first: [] as string[],
        last: [] as string[],
        job: [] as string[],
        dept: [] as string[],
        lang: [] as string[],
      };
      const m = { org: [] as string[], role: [] as string[] };
      for (let n = from; n < to; n += 1) {
        const id = randomUUID();
        ctx.userIds.push(id);
        // Different strides so that names, titles and departments combine variously.
        const first = pick(FIRST_NAMES, n);
        const last = pick(LAST_NAMES, Math.floor(n / FIRST_NAMES.length) + n * 7);
        u.id.push(id);
        u.name.push(`${first} ${last}`);
        u.email.push(benchUserEmail(n));
        u.first.push(first);
        u.last.push(last);
        u.job.push(pick(JOB_TITLES, n * 3));
        u.dept.push(pick(DEPARTMENTS, n * 5));
        u.lang.push(n % 3 === 0 ? 'ar' : 'en');
        m.org.push(ctx.organizationIds[Math.floor(n / USERS_PER_ORGANIZATION)]!);
        m.role.push(n % USERS_PER_ORGANIZATION === 0 ? 'admin' : 'member');
      }
      await client.query(
        `insert into users (id, name, email, email_verified, first_name, last_name, job_title, department, language)
         select id, name, email, true, first, last, job, dept, lang
         from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[]) as t(id, name, email, first, last, job, dept, lang)`,
        [u.id, u.name, u.email, u.first, u.last, u.job, u.dept, u.lang],
      );
      await client.query(
        `insert into memberships (user_id, organization_id, role) select * from unnest($1::uuid[], $2::uuid[], $3::text[])`,
        [u.id, m.org, m.role],
      );
      await client.query(
        `insert into accounts (user_id, account_id, provider_id, password) select id, id::text, 'credential', $2 from unnest($1::uuid[]) as t(id)`,
        [u.id, ctx.passwordHash],
      );
    });
  },
};

/** In order; each may use what the earlier ones made. */
export const GENERATORS: Generator[] = [organizationsGenerator, usersGenerator, createForumGenerator(), createUseCaseGenerator()];

/** The generators that add the use-case library to a database already holding the other bench data. */
export const USE_CASE_GENERATORS: Generator[] = [createUseCaseGenerator()];

function createProgress(quiet: boolean): (label: string, total: number) => Progress {
  return (label, total) => {
    if (quiet || !process.stdout.isTTY) {
      let done = 0;
      return {
        increment: (by) => {
          done += by;
        },
        stop: () => process.stdout.write(`  ✓ ${label} (${done}/${total})\n`),
      };
    }
    const bar = new SingleBar(
      { format: `  ${label.padEnd(16)} {bar} {value}/{total}  {eta_formatted}`, hideCursor: true, barsize: 30 },
      Presets.shades_classic,
    );
    bar.start(total, 0);
    return { increment: (by) => bar.increment(by), stop: () => bar.stop() };
  };
}

/** The shared password hash, computed once with the auth library's own hasher (the one sign-in verifies with). */
async function hashBenchPassword(databaseUrl: string): Promise<string> {
  const config = loadConfig({
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: randomBytes(32).toString('hex'),
    LOG_LEVEL: 'warn',
    DATA_DIR: '/nonexistent-bench',
  });
  const database = await openDatabase({ databaseUrl, poolSize: 1 });
  try {
    const logger = pino({ level: 'warn' });
    const mailer = new Mailer(new MailDispatcher({ db: database.db, logger, smtpUrl: undefined, from: config.mailFrom }), logger);
    const auth = createAuth({ config, db: database.db, mailer, logger, signUp: organizationSignUp });
    return await (await auth.$context).password.hash(BENCH_PASSWORD);
  } finally {
    await database.close();
  }
}

export interface GenerateReport {
  counts: BenchCounts;
  /** What the use-case load wrote (views, likes and saves follow from each case's popularity). */
  useCaseRows: typeof useCaseLoadCounts | null;
  timings: { step: string; ms: number }[];
  /** Where the forum and use-case loads spent their time (parts of the timings above). */
  details: { group: 'forum' | 'use cases'; step: string; ms: number }[];
  databaseBytes: number;
}

/**
 * The organizations and users already generated into this database, in creation order: user n is
 * benchUserEmail(n), organization k the one of user k × 10.
 */
async function existingBenchPeople(client: pg.PoolClient): Promise<{ organizationIds: string[]; userIds: string[] }> {
  const rows = await client.query<{ id: string; organization_id: string }>(
    `select u.id, m.organization_id from users u join memberships m on m.user_id = u.id
      where u.email like $1 order by substring(u.email from '^user([0-9]+)@')::int`,
    [`user%@${BENCH_EMAIL_DOMAIN}`],
  );
  const userIds = rows.rows.map((row) => row.id);
  const organizationIds = rows.rows.filter((_, n) => n % USERS_PER_ORGANIZATION === 0).map((row) => row.organization_id);
  return { organizationIds, userIds };
}

/**
 * Loads benchmark data into a migrated database, in one transaction: everything into a database
 * empty of bench users, or, with `generators: USE_CASE_GENERATORS`, the use-case library on top of
 * the organizations and users already there (a template made before the library existed).
 */
export async function generateBenchData(
  pool: pg.Pool,
  databaseUrl: string,
  scale: number,
  options: { quiet?: boolean; generators?: Generator[] } = {},
): Promise<GenerateReport> {
  const timings: { step: string; ms: number }[] = [];
  const time = async (step: string, work: () => Promise<void>) => {
    const started = performance.now();
    await work();
    timings.push({ step, ms: Math.round(performance.now() - started) });
  };
  const generators = options.generators ?? GENERATORS;
  const addingToExisting = generators !== GENERATORS;
  let passwordHash = '';
  if (!addingToExisting) {
    await time('password hash', async () => {
      passwordHash = await hashBenchPassword(databaseUrl);
    });
  }
  const client = await pool.connect();
  const counts = countsFor(scale);
  const ctx: GeneratorContext = {
    client,
    scale,
    counts,
    passwordHash,
    organizationIds: [],
    userIds: [],
    progress: createProgress(options.quiet ?? false),
  };
  forumLoadDetails.length = 0;
  useCaseLoadDetails.length = 0;
  try {
    if (addingToExisting) Object.assign(ctx, await existingBenchPeople(client));
    await client.query('begin');
    for (const generator of generators) await time(generator.name, () => generator.run(ctx));
    for (const generator of generators)
      if (generator.afterLoad) await time(`${generator.name}: after load`, () => generator.afterLoad!(ctx));
    await client.query('commit');
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
  // As autovacuum would soon after a bulk load: statistics, hint bits and the visibility map (index-only scans).
  await time('vacuum and analyze', async () => {
    await pool.query('vacuum (analyze)');
  });
  const size = await pool.query<{ bytes: string }>('select pg_database_size(current_database()) as bytes');
  return {
    counts,
    useCaseRows: useCaseLoadDetails.length > 0 ? { ...useCaseLoadCounts } : null,
    timings,
    details: [
      ...forumLoadDetails.map((d) => ({ group: 'forum' as const, ...d })),
      ...useCaseLoadDetails.map((d) => ({ group: 'use cases' as const, ...d })),
    ],
    databaseBytes: Number(size.rows[0]?.bytes ?? 0),
  };
}

export function parseScale(value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const scale = Number(value);
  if (!Number.isFinite(scale) || scale <= 0 || scale > 100)
    throw new Error(`--scale must be a number above 0 and at most 100, not "${value}"`);
  return scale;
}

const isAfterLoadStep = (step: string) => step.startsWith('index ') || step.startsWith('foreign keys') || step.startsWith('viewer markers');

export function printGenerateReport(report: GenerateReport, out: NodeJS.WritableStream = process.stdout): void {
  const total = report.timings.reduce((sum, t) => sum + t.ms, 0);
  const c = report.counts;
  const n = (value: number) => value.toLocaleString('en');
  const u = report.useCaseRows;
  if (report.timings.some((t) => t.step.startsWith('forum'))) {
    out.write(
      `  ${n(c.organizations)} organizations, ${n(c.users)} users, ${n(c.forumTopics)} forum topics, ${n(c.forumPosts)} replies, ${n(c.forumSearches)} searches\n`,
    );
  }
  if (u)
    out.write(
      `  ${n(u.useCases)} use cases, ${n(u.views)} counted views (30 days), ${n(u.likes)} likes, ${n(u.saves)} saves, ${n(u.versions)} versions, ${n(u.reports)} reports\n`,
    );
  for (const t of report.timings) {
    out.write(`  ${t.step.padEnd(44)} ${(t.ms / 1000).toFixed(2).padStart(7)} s\n`);
    const group = t.step.startsWith('forum') ? 'forum' : t.step.startsWith('use cases') ? 'use cases' : null;
    if (group) {
      const details = report.details.filter(
        (d) => d.group === group && (t.step.endsWith('after load') ? isAfterLoadStep(d.step) : !isAfterLoadStep(d.step)),
      );
      for (const d of details) out.write(`    ${d.step.padEnd(42)} ${(d.ms / 1000).toFixed(2).padStart(7)} s\n`);
    }
  }
  out.write(`  ${'total'.padEnd(44)} ${(total / 1000).toFixed(2).padStart(7)} s\n`);
  out.write(`  database size ${(report.databaseBytes / 1024 / 1024).toFixed(0)} MB\n`);
}
