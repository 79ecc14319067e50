import path from 'node:path';
import { parseArgs } from 'node:util';
import { Presets, SingleBar } from 'cli-progress';
import pino from 'pino';
import { createAuth } from '../src/modules/auth/index.js';
import { organizationSignUp } from '../src/modules/organizations/index.js';
import { type FileStorage, createFileStorage } from '../src/modules/files/index.js';
import {
  DEMO_PASSWORD,
  DEMO_USERS,
  type ClearReport,
  type ProgressListener,
  type SeedReport,
  type VerifyReport,
  clearDemo,
  seedDemo,
  verifyDemo,
} from '../src/tools/seed/index.js';
import { type Config, ConfigError, loadConfig } from '../src/platform/config.js';
import { openDatabase } from '../src/platform/db.js';
import { MailDispatcher, Mailer } from '../src/platform/mail/index.js';

const COMMANDS = ['seed', 'reset', 'clear', 'verify'] as const;
type Command = (typeof COMMANDS)[number];

const usage = `Usage: npm run seed [-- reset|clear|verify]
  (no argument)  add the demo data where it is missing (running it again adds nothing)
  reset          remove the demo data, then add it again
  clear          remove the demo data only (other people's data is left alone)
  verify         count the rows per table and check the demo set is complete (exit 1 if not)`;

const out = process.stdout;

/** One bar per step on a terminal; one line per finished step otherwise (CI logs, pipes). */
function createProgress(): { onProgress: ProgressListener; stop(): void } {
  let bar: SingleBar | undefined;
  let current: string | undefined;
  const lineDone = new Set<string>();
  const stop = () => {
    bar?.stop();
    bar = undefined;
  };
  const onProgress: ProgressListener = ({ label, done, total }) => {
    if (!out.isTTY) {
      if (done >= total && !lineDone.has(label)) {
        lineDone.add(label);
        out.write(`  ✓ ${label} (${done}/${total})\n`);
      }
      return;
    }
    if (label !== current) {
      stop();
      current = label;
      bar = new SingleBar(
        { format: `  ${label.padEnd(30)} {bar} {value}/{total}`, hideCursor: true, stream: out, barsize: 24, clearOnComplete: false },
        Presets.shades_classic,
      );
      bar.start(total, done);
      return;
    }
    bar?.update(done);
  };
  return { onProgress, stop };
}

function describeDatabase(config: Config): string {
  if (!config.databaseUrl) return `embedded PostgreSQL (PGlite) in ${path.join(config.dataDir, 'pglite')}`;
  const url = new URL(config.databaseUrl);
  return `PostgreSQL at ${url.host}${url.pathname}`;
}

function describeStorage(storage: FileStorage, config: Config): string {
  return storage.kind === 's3' ? `S3 bucket ${config.s3?.bucket ?? ''}` : path.join(config.dataDir, 'uploads');
}

function printWarnings(warnings: string[]): void {
  for (const warning of warnings) out.write(`  ! ${warning}\n`);
}

function printSeedReport(report: SeedReport): void {
  const { created, existing } = report;
  out.write(
    `Added ${created.categories} categories, ${created.organizations} organizations and ${created.users} users` +
      ` (already there: ${existing.categories}, ${existing.organizations}, ${existing.users}` +
      `${report.repaired > 0 ? `; repaired ${report.repaired} memberships, passwords, expired pending invitations or use-case counters` : ''}).\n` +
      `Added ${created.logos} logos, ${created.avatars} avatars, ${created.invitations} invitations and ${created.forumTopics} forum topics with their replies` +
      ` (already there: ${existing.logos}, ${existing.avatars}, ${existing.invitations}, ${existing.forumTopics}).\n` +
      `Added ${created.useCases} use cases with their versions, likes, bookmarks, views and reports, and ${created.useCaseImages} cover images` +
      ` (already there: ${existing.useCases}, ${existing.useCaseImages}).\n`,
  );
  printWarnings(report.warnings);
  const examples = [
    DEMO_USERS.find((u) => u.platformRole === 'superadmin'),
    DEMO_USERS.find((u) => u.platformRole === 'moderator'),
    DEMO_USERS.find((u) => u.role === 'admin' && !u.platformRole),
  ];
  out.write(`\nEvery demo account signs in with the password  ${DEMO_PASSWORD}\n`);
  for (const user of examples) {
    if (user) out.write(`  ${user.email.padEnd(44)} ${user.platformRole ?? `organization ${user.role}`}\n`);
  }
  out.write('The README lists more (section "Demo data").\n');
}

function printClearReport(report: ClearReport): void {
  out.write(
    `Removed ${report.forumTopics} forum topics, ${report.useCases} use cases, ${report.invitations} invitations, ${report.files} files, ${report.users} users` +
      ` and ${report.organizations} organizations (the forum categories stay).\n`,
  );
  printWarnings(report.warnings);
  if (report.keptOrganizations.length > 0) {
    out.write(`Kept because other people belong to them: ${report.keptOrganizations.map((n) => `"${n}"`).join(', ')}\n`);
  }
}

function printVerifyReport(report: VerifyReport): void {
  out.write(`\n  ${'table'.padEnd(22)} ${'rows'.padStart(6)} ${'demo'.padStart(6)} ${'expected'.padStart(9)}\n`);
  for (const t of report.tables) {
    const mark = t.demo >= t.expected ? ' ' : '✗';
    out.write(
      `${mark} ${t.table.padEnd(22)} ${String(t.rows).padStart(6)} ${String(t.demo).padStart(6)} ${String(t.expected).padStart(9)}\n`,
    );
  }
  out.write(`\n  ${'in the demo set'.padEnd(22)} ${''.padStart(6)} ${'demo'.padStart(6)} ${'expected'.padStart(9)}\n`);
  for (const c of report.checks) {
    const mark = c.demo >= c.expected ? ' ' : '✗';
    out.write(`${mark} ${c.label.padEnd(22)} ${''.padStart(6)} ${String(c.demo).padStart(6)} ${String(c.expected).padStart(9)}\n`);
  }
  if (report.ok) {
    out.write('\nThe demo data is complete.\n');
    return;
  }
  out.write(`\nThe demo data is incomplete (${report.problems.length} problems):\n`);
  const shown = 20;
  for (const problem of report.problems.slice(0, shown)) out.write(`  - ${problem}\n`);
  if (report.problems.length > shown) out.write(`  … and ${report.problems.length - shown} more\n`);
  out.write('Run `npm run seed` to add what is missing, or `npm run seed -- reset` to start over.\n');
}

async function main(): Promise<number> {
  const { positionals, values } = parseArgs({ allowPositionals: true, options: { help: { type: 'boolean', short: 'h' } } });
  const command = (positionals[0] ?? 'seed') as Command;
  if (values.help) {
    out.write(`${usage}\n`);
    return 0;
  }
  if (positionals.length > 1 || !COMMANDS.includes(command)) {
    process.stderr.write(`${usage}\n`);
    return 2;
  }

  const config = loadConfig();
  const logger = pino({ level: 'warn' });
  out.write(`Demo data: ${command} on ${describeDatabase(config)}\n`);
  const database = await openDatabase({ databaseUrl: config.databaseUrl, pgliteDir: path.join(config.dataDir, 'pglite'), poolSize: 2 });
  const storage = createFileStorage(config);
  out.write(`Files: ${describeStorage(storage, config)}\n`);
  const progress = createProgress();
  try {
    await database.migrate();
    if (command === 'verify') {
      const report = await verifyDemo(database.db, storage);
      printVerifyReport(report);
      return report.ok ? 0 : 1;
    }
    if (command === 'clear' || command === 'reset') {
      const report = await clearDemo(database.db, storage, progress.onProgress);
      progress.stop();
      printClearReport(report);
      if (command === 'clear') return 0;
    }
    const mailer = new Mailer(new MailDispatcher({ db: database.db, logger, smtpUrl: undefined, from: config.mailFrom }), logger);
    const auth = createAuth({ config, db: database.db, mailer, logger, signUp: organizationSignUp });
    const report = await seedDemo(database.db, auth, storage, progress.onProgress);
    progress.stop();
    printSeedReport(report);
    return 0;
  } finally {
    progress.stop();
    await storage.close();
    await database.close();
  }
}

main()
  .then((code) => process.exit(code))
  .catch((error: unknown) => {
    if (error instanceof ConfigError) process.stderr.write(`${error.message}\n`);
    else process.stderr.write(`seed failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
