import { sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { SessionResolver } from './actor.js';
import type { Database } from './db.js';
import { getMigrationStatus, queryRows, toNumber } from './db.js';
import { isLoopbackCaller } from './local-caller.js';
import { listOutbox, type MailDispatcher } from './mail/index.js';
import { col, row } from './rows.js';

export interface OpsRoutesOptions {
  database: Database;
  dispatcher: MailDispatcher;
  devMail: boolean;
  /** Who is signed in: a superadmin may read /dev/mail from anywhere. */
  sessions: SessionResolver;
}

const pendingMailRow = row({ pending: col.bigint });

const healthSchema = z
  .object({
    status: z.enum(['ok', 'degraded']),
    database: z.object({ reachable: z.boolean(), engine: z.enum(['pglite', 'postgres']), latencyMs: z.number() }),
    migrations: z.object({ applied: z.number(), expected: z.number(), current: z.boolean() }),
    mail: z.object({ sending: z.boolean(), pending: z.number() }),
  })
  .meta({ id: 'Health' });

export const opsRoutes: FastifyPluginAsyncZod<OpsRoutesOptions> = async (app, { database, dispatcher, devMail, sessions }) => {
  app.get(
    '/health',
    {
      schema: {
        tags: ['operations'],
        summary: 'Liveness and readiness: database reachable, migrations current',
        response: { 200: healthSchema, 503: healthSchema },
      },
    },
    async (_request, reply) => {
      const started = performance.now();
      let reachable = false;
      let migrations = { applied: 0, expected: 0, current: false };
      let pending = 0;
      try {
        const [row] = await queryRows(
          database.db,
          pendingMailRow,
          sql`select count(*) as pending from mail_outbox where status = 'pending'`,
        );
        pending = toNumber(row?.pending);
        reachable = true;
        const status = await getMigrationStatus(database.db);
        migrations = { applied: status.applied, expected: status.expected, current: status.isCurrent };
      } catch (error) {
        app.log.warn({ err: error }, 'health check failed');
      }
      const ok = reachable && migrations.current;
      return reply.status(ok ? 200 : 503).send({
        status: ok ? 'ok' : 'degraded',
        database: { reachable, engine: database.kind, latencyMs: Math.round((performance.now() - started) * 10) / 10 },
        migrations,
        mail: { sending: dispatcher.isSending, pending },
      });
    },
  );

  if (devMail) {
    app.get(
      '/dev/mail',
      {
        schema: {
          tags: ['operations'],
          summary:
            'Development only (DEV_MAIL=1): the mail outbox, newest first; for callers on this machine (loopback) and signed-in superadmins, not found for anyone else',
          response: {
            200: z.object({
              items: z.array(
                z.object({
                  id: z.string(),
                  to: z.string(),
                  language: z.string(),
                  template: z.string(),
                  subject: z.string(),
                  text: z.string(),
                  links: z.array(z.string()),
                  status: z.string(),
                  createdAt: z.string(),
                }),
              ),
            }),
          },
        },
      },
      async (request, reply) => {
        // The outbox holds sign-in links: answered as if it did not exist unless the caller is on this
        // machine (the socket, never a header) or a signed-in platform superadmin.
        if (!isLoopbackCaller(request) && (await sessions.resolve(request, reply))?.platformRole !== 'superadmin') {
          return reply.callNotFound();
        }
        return {
          items: (await listOutbox(database.db)).map((m) => ({
            id: m.id,
            to: m.recipient,
            language: m.language,
            template: m.template,
            subject: m.subject,
            text: m.text,
            links: m.links,
            status: m.status,
            createdAt: m.createdAt.toISOString(),
          })),
        };
      },
    );
  }
};
