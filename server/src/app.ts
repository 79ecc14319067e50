import { randomUUID } from 'node:crypto';
import helmet from '@fastify/helmet';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { eq } from 'drizzle-orm';
import Fastify, { type FastifyInstance, LogController } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type Auth, authRetention, authRoutes, createAuth, createSessionResolver, trustedOrigins } from './modules/auth/index.js';
import { peopleRoutes } from './modules/people/index.js';
import { privacyRoutes } from './modules/privacy/index.js';
import { countLiveFilesSql, filesModule } from './modules/files/index.js';
import { organizations, organizationSignUp, organizationsRoutes, provideOrganizationCounters } from './modules/organizations/index.js';
import { countPendingInvitationsSql, invitationsRoutes } from './modules/invitations/index.js';
import { countOrganizationPostsSql, countOrganizationTopicsSql, forumRetention, forumRoutes } from './modules/forum/index.js';
import {
  canReadCaseFile,
  countOrganizationCasesSql,
  countOrganizationPublicCasesSql,
  countOrganizationPublishedCasesSql,
  useCaseExportRoutes,
  useCaseRetention,
  useCaseRoutes,
} from './modules/use-cases/index.js';
import type { Config } from './platform/config.js';
import type { Database } from './platform/db.js';
import { registerErrorHandling, sendProblem } from './platform/errors.js';
import { MailDispatcher, Mailer } from './platform/mail/index.js';
import { redactingLoggerOptions } from './platform/log-redaction.js';
import { registerMetrics } from './platform/metrics.js';
import { opsRoutes } from './platform/ops.routes.js';
import { registerOriginGuard, registerSignInGuard } from './platform/request-guards.js';
import { type RetentionJob, startRetention } from './platform/retention.js';
import { setAfterCommitErrorReporter } from './platform/transaction.js';
import { registerWebApp } from './platform/web.js';

export interface BuildAppOptions {
  config: Config;
  database: Database;
  /** Pino destination override (tests capture logs with it). */
  loggerStream?: NodeJS.WritableStream;
  /** Serve the built web app (web/dist) when present; tests of the API leave it off. */
  serveWeb?: boolean;
  webDistDir?: string;
}

export interface AppServices {
  auth: Auth;
  mailer: Mailer;
  dispatcher: MailDispatcher;
}

declare module 'fastify' {
  interface FastifyInstance {
    services: AppServices;
  }
}

/** Builds the application without listening, so tests drive it with inject(). */
export async function buildApp({
  config,
  database,
  loggerStream,
  serveWeb = false,
  webDistDir,
}: BuildAppOptions): Promise<FastifyInstance> {
  const { requestMs, headersMs, keepAliveMs } = config.timeouts;
  const app = Fastify({
    logger: {
      level: config.logLevel,
      ...(loggerStream ? { stream: loggerStream } : {}),
      redact: { paths: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'], remove: true },
      // Logged errors keep the SQL and the SQLSTATE, never the query's parameter values.
      ...redactingLoggerOptions,
    },
    // A request (headers and body) must arrive within requestMs, else 408 and the connection closes:
    // a slow or stalled body no longer holds a connection forever. Node checks the deadlines every
    // connectionsCheckingInterval (30 s by default: too coarse for short timeouts).
    requestTimeout: requestMs,
    keepAliveTimeout: keepAliveMs,
    http: { headersTimeout: headersMs, connectionsCheckingInterval: Math.min(5_000, Math.max(50, Math.round(headersMs / 10))) },
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    logController: new LogController({ requestIdLogLabel: 'requestId' }),
    trustProxy: config.trustedProxies.length > 0 ? config.trustedProxies : false,
    bodyLimit: 1024 * 1024,
    routerOptions: { ignoreTrailingSlash: true },
    // Router-level failures answer problem+json too: an over-long path parameter is a malformed id
    // (404), an undecodable URL a bad request.
    frameworkErrors: (error, request, reply) => {
      void reply.header('x-request-id', request.id);
      if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') void sendProblem(request, reply, 404, 'NOT_FOUND', 'Resource not found');
      else void sendProblem(request, reply, 400, 'VALIDATION_FAILED', 'The request URL is not valid');
    },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);
  // The API speaks JSON (and multipart where files are uploaded); anything else is 415.
  app.removeContentTypeParser('text/plain');
  setAfterCommitErrorReporter((error) => app.log.error({ err: error }, 'after-commit task failed'));

  app.addHook('onRequest', async (request, reply) => {
    void reply.header('x-request-id', request.id);
  });

  const isHttps = config.publicUrl.startsWith('https://');
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(isHttps ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    strictTransportSecurity: isHttps ? { maxAge: 15552000, includeSubDomains: true } : false,
    crossOriginEmbedderPolicy: false,
  });

  registerMetrics(app, { token: config.metricsToken });

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'P2P Sandbox API',
        version: '0.1.0',
        description: 'Peer-to-peer knowledge network for Saudi industrial SMEs. Errors are application/problem+json.',
      },
      servers: [{ url: config.publicUrl }],
      components: {
        securitySchemes: { sessionCookie: { type: 'apiKey', in: 'cookie', name: 'p2p.session_token' } },
      },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: '/docs', staticCSP: true });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  const dispatcher = new MailDispatcher({
    db: database.db,
    logger: app.log,
    smtpUrl: config.smtpUrl,
    from: config.mailFrom,
    nodeEnv: config.nodeEnv,
  });
  const mailer = new Mailer(dispatcher, app.log);
  // The modules above organizations answer its questions about them, and it answers sign-up's.
  provideOrganizationCounters({
    pendingInvitations: countPendingInvitationsSql,
    liveFiles: countLiveFilesSql,
    forumTopics: countOrganizationTopicsSql,
    forumPosts: countOrganizationPostsSql,
    useCases: countOrganizationCasesSql,
    publishedUseCases: countOrganizationPublishedCasesSql,
    publicUseCases: countOrganizationPublicCasesSql,
  });
  const auth = createAuth({ config, db: database.db, mailer, logger: app.log, signUp: organizationSignUp });
  const sessions = createSessionResolver(auth, database.db);
  app.decorate('services', { auth, mailer, dispatcher });
  app.decorateRequest('actor', null);
  // Before any route that changes something: cookie-carrying writes from another site are refused,
  // and /api/v1 routes for signed-in people answer a guest 401 before reading the request.
  registerOriginGuard(app, {
    sessionCookieName: (await auth.$context).authCookies.sessionToken.name,
    trustedOrigins: trustedOrigins(config),
  });
  registerSignInGuard(app, { prefix: '/api/v1/', sessions });

  await app.register(opsRoutes, { database, dispatcher, devMail: config.devMail, sessions });
  await app.register(authRoutes, { prefix: '/api/auth', auth, db: database.db, publicUrl: config.publicUrl, sessions });
  await app.register(
    async (api) => {
      await api.register(peopleRoutes, { db: database.db, sessions });
      await api.register(filesModule, { db: database.db, sessions, config, canReadShared: canReadCaseFile });
      await api.register(organizationsRoutes, { db: database.db, sessions });
      await api.register(invitationsRoutes, { db: database.db, sessions, auth, mailer, publicUrl: config.publicUrl });
      await api.register(privacyRoutes, { db: database.db, sessions, auth, config });
      await api.register(forumRoutes, { db: database.db, sessions });
      await api.register(useCaseRoutes, { db: database.db, sessions });
      await api.register(useCaseExportRoutes, { db: database.db, sessions, publicUrl: config.publicUrl });
    },
    { prefix: '/api/v1' },
  );

  if (config.benchCeiling) {
    // The benchmark's ceiling (BENCH_CEILING=1 only): one primary-key SELECT through the app's pool.
    const ceilingQuery = z.object({ id: z.uuid().default('00000000-0000-0000-0000-000000000000') });
    app.get('/__bench/ceiling', { schema: { hide: true, querystring: ceilingQuery } }, async (request) => {
      const [row] = await database.db
        .select({ id: organizations.id, name: organizations.name })
        .from(organizations)
        .where(eq(organizations.id, request.query.id))
        .limit(1);
      return { organization: row ?? null };
    });
  }

  const servesWeb = serveWeb && (await registerWebApp(app, webDistDir));
  if (!servesWeb) {
    app.setNotFoundHandler((request, reply) =>
      sendProblem(request, reply, 404, 'NOT_FOUND', `No route for ${request.method} ${request.url.split('?')[0]}`),
    );
  }

  app.addHook('onReady', async () => dispatcher.start());
  app.addHook('onClose', async () => dispatcher.stop());
  // Logs that would grow forever (views, searches, rate-limit rows) are pruned at start and then hourly;
  // each module declares its tables' retention.
  let retention: RetentionJob | undefined;
  app.addHook('onReady', async () => {
    retention = startRetention({ db: database.db, rules: [...authRetention, ...forumRetention, ...useCaseRetention], logger: app.log });
  });
  app.addHook('onClose', async () => retention?.stop());
  return app;
}
