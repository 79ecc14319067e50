import path from 'node:path';
import { parseArgs } from 'node:util';
import pino from 'pino';
import { createAuth } from '../src/modules/auth/index.js';
import { organizationSignUp } from '../src/modules/organizations/index.js';
import { createSuperadmin } from '../src/tools/create-admin/create-superadmin.js';
import { ConfigError, loadConfig } from '../src/platform/config.js';
import { openDatabase } from '../src/platform/db.js';
import { MailDispatcher, Mailer } from '../src/platform/mail/index.js';

const usage = 'Usage: npm run create-admin -- --email admin@example.com --password "a long passphrase" [--first-name A] [--last-name B]';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      email: { type: 'string' },
      password: { type: 'string' },
      'first-name': { type: 'string' },
      'last-name': { type: 'string' },
    },
  });
  if (!values.email || !values.password) {
    process.stderr.write(`${usage}\n`);
    return 2;
  }
  const config = loadConfig();
  const logger = pino({ level: 'warn' });
  const database = await openDatabase({ databaseUrl: config.databaseUrl, pgliteDir: path.join(config.dataDir, 'pglite'), poolSize: 2 });
  try {
    await database.migrate();
    const mailer = new Mailer(new MailDispatcher({ db: database.db, logger, smtpUrl: undefined, from: config.mailFrom }), logger);
    const auth = createAuth({ config, db: database.db, mailer, logger, signUp: organizationSignUp });
    const result = await createSuperadmin(database.db, auth, {
      email: values.email,
      password: values.password,
      ...(values['first-name'] ? { firstName: values['first-name'] } : {}),
      ...(values['last-name'] ? { lastName: values['last-name'] } : {}),
    });
    process.stdout.write(
      `${result.created ? 'Created' : 'Updated'} superadmin ${values.email} (${result.userId}) in the Platform organization.\n`,
    );
    return 0;
  } finally {
    await database.close();
  }
}

main()
  .then((code) => process.exit(code))
  .catch((error: unknown) => {
    if (error instanceof ConfigError) process.stderr.write(`${error.message}\n`);
    else process.stderr.write(`create-admin failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
