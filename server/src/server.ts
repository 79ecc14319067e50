import path from 'node:path';
import { buildApp } from './app.js';
import { ConfigError, loadConfig } from './platform/config.js';
import { DataDirLockedError, openDatabase } from './platform/db.js';

/** Reads the configuration, opens and migrates the database, listens, and shuts down gracefully. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    pgliteDir: path.join(config.dataDir, 'pglite'),
    poolSize: config.dbPoolSize,
  });
  await database.migrate();
  const app = await buildApp({ config, database, serveWeb: true });

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down: finishing in-flight requests');
    const force = setTimeout(() => {
      app.log.error('shutdown took too long; exiting');
      process.exit(1);
    }, 15_000);
    force.unref();
    try {
      await app.close();
      await database.close();
      app.log.info('shutdown complete');
      process.exit(0);
    } catch (error) {
      app.log.error({ err: error }, 'shutdown failed');
      process.exit(1);
    }
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));

  const address = await app.listen({ port: config.port, host: config.host });
  const bound = app.server.address();
  const port = typeof bound === 'object' && bound ? bound.port : config.port;
  app.log.info({ address, engine: database.kind, publicUrl: config.publicUrl }, 'listening');
  process.stdout.write(
    `\nP2P Sandbox is running at ${config.publicUrl.replace(`:${config.port}`, `:${port}`)}  (API docs: /docs, database: ${database.kind})\n\n`,
  );
}

main().catch((error: unknown) => {
  const detail =
    error instanceof DataDirLockedError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.stderr.write(`Failed to start: ${detail}\n`);
  process.exit(1);
});
