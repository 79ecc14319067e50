import { randomUUID } from 'node:crypto';
import { INDUSTRIES, LANGUAGES, type Industry, type Language } from '@p2p/contracts';
import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { APIError, createEmailVerificationToken } from 'better-auth/api';
import { eq } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import { CLIENT_IP_HEADER, VERIFICATION_GRACE_DAYS } from '../../platform/actor.js';
import type { Config } from '../../platform/config.js';
import type { Db, DbOrTx } from '../../platform/db.js';
import { redactLogValue } from '../../platform/log-redaction.js';
import type { Mailer } from '../../platform/mail/index.js';
import { currentTransaction, transactionAwareDb } from '../../platform/transaction.js';
import { users } from '../users/index.js';
import { accounts, rateLimits, sessions, verifications } from './auth.tables.js';

/** Set by the Fastify bridge (never by the client) when sign-in or sign-up asked for a 30-day session. */
export const REMEMBER_ME_HEADER = 'x-p2p-remember-me';
export const SESSION_DAYS = 7;
export const REMEMBER_ME_DAYS = 30;
const DAY = 86_400;

/**
 * What sign-up writes besides the account, inside the auth library's sign-up transaction: given to
 * the auth module from outside (wired in app.ts from the organizations module), so that auth imports
 * no module above it.
 */
export interface SignUpOrganization {
  /** Before the user row: the new organization, from the sign-up form's fields. */
  createOrganization(tx: DbOrTx, input: { name: string; industry: Industry | undefined }): Promise<{ id: string }>;
  /** After the user row: the person becomes the organization's admin. */
  addAdmin(tx: DbOrTx, input: { userId: string; organizationId: string }): Promise<void>;
}

export interface AuthDeps {
  config: Config;
  db: Db;
  mailer: Mailer;
  logger: FastifyBaseLogger;
  signUp: SignUpOrganization;
}

/** The database handle to use now: the open transaction when there is one (PGlite has one connection). */
function activeDb(db: Db): DbOrTx {
  return currentTransaction()?.tx ?? db;
}

interface SignUpState {
  organizationId: string;
  userId: string;
  email: string;
  firstName: string;
  language: Language;
}
const SIGN_UP_STATE = 'auth.sign-up';

type HookContext = {
  path?: string;
  body?: Record<string, unknown>;
  headers?: Headers;
  context?: { session?: { session?: Record<string, unknown> } | null };
} | null;

export function verifyEmailUrl(config: Config, token: string): string {
  return `${config.publicUrl}/api/auth/verify-email?token=${encodeURIComponent(token)}&callbackURL=${encodeURIComponent('/email-verified')}`;
}

export function resetPasswordUrl(config: Config, token: string): string {
  return `${config.publicUrl}/reset-password?token=${encodeURIComponent(token)}`;
}

export function trustedOrigins(config: Config): string[] {
  const origins = new Set([config.publicUrl]);
  for (const host of ['127.0.0.1', 'localhost', '[::1]']) origins.add(`http://${host}:${config.port}`);
  return [...origins];
}

export function createAuth({ config, db, mailer, logger, signUp }: AuthDeps) {
  const sendVerification = async (user: { id: string; email: string; firstName?: unknown; language?: unknown }, target: DbOrTx) => {
    const token = await createEmailVerificationToken(config.authSecret, user.email, undefined, VERIFICATION_GRACE_DAYS * DAY, {
      userId: user.id,
    });
    await mailer.enqueue(target, {
      to: user.email,
      language: (LANGUAGES as readonly unknown[]).includes(user.language) ? (user.language as Language) : 'en',
      template: 'verify-email',
      data: { firstName: typeof user.firstName === 'string' ? user.firstName : '', url: verifyEmailUrl(config, token) },
    });
  };

  return betterAuth({
    appName: 'P2P Sandbox',
    baseURL: config.publicUrl,
    basePath: '/api/auth',
    secret: config.authSecret,
    trustedOrigins: trustedOrigins(config),
    telemetry: { enabled: false },
    // Unexpected errors propagate to Fastify's error handler (logged with the request id, answered
    // as a 500 problem) instead of being printed to the console by the library.
    onAPIError: { throw: true },
    logger: {
      level: config.logLevel === 'debug' || config.logLevel === 'trace' ? 'debug' : 'warn',
      // Its arguments are often errors of the database layer: logged without their parameter values.
      log: (level, message, ...args) => logger[level]({ args: args.map(redactLogValue) }, `auth: ${message}`),
    },
    database: drizzleAdapter(transactionAwareDb(db), {
      provider: 'pg',
      transaction: true,
      schema: { user: users, session: sessions, account: accounts, verification: verifications, rateLimit: rateLimits },
    }),
    user: {
      additionalFields: {
        firstName: { type: 'string', required: true, input: true },
        lastName: { type: 'string', required: true, input: true },
        language: { type: 'string', required: false, input: true, defaultValue: 'en' },
        platformRole: { type: 'string', required: false, input: false, defaultValue: 'member' },
        status: { type: 'string', required: false, input: false, defaultValue: 'active' },
        deletedAt: { type: 'date', required: false, input: false },
      },
    },
    session: {
      expiresIn: SESSION_DAYS * DAY,
      updateAge: DAY,
      additionalFields: { rememberMe: { type: 'boolean', required: false, input: false, defaultValue: false } },
    },
    emailAndPassword: {
      enabled: true,
      autoSignIn: true,
      requireEmailVerification: false,
      minPasswordLength: 10,
      maxPasswordLength: 128,
      revokeSessionsOnPasswordReset: true,
      resetPasswordTokenExpiresIn: 3600,
      sendResetPassword: async ({ user, token }) => {
        const u = user as typeof user & { firstName?: string; language?: Language };
        await mailer.enqueue(activeDb(db), {
          to: user.email,
          language: u.language ?? 'en',
          template: 'reset-password',
          data: { firstName: u.firstName ?? user.name, url: resetPasswordUrl(config, token) },
        });
      },
    },
    emailVerification: {
      // Sign-up writes its verification email itself, inside the sign-up transaction (see hooks).
      sendOnSignUp: false,
      expiresIn: VERIFICATION_GRACE_DAYS * DAY,
      sendVerificationEmail: async ({ user }) => {
        await sendVerification(user, activeDb(db));
      },
    },
    rateLimit: {
      enabled: true,
      storage: 'database',
      window: 60,
      max: 100,
      customRules: {
        '/sign-in/email': { window: 60, max: 10 },
        '/sign-up/email': { window: 600, max: 10 },
        // '/request-password-reset' is limited by the route itself (ACCOUNT_LIMITS.passwordResetPerIp):
        // it calls the library after answering, past this limiter.
        '/reset-password': { window: 600, max: 10 },
        '/send-verification-email': { window: 600, max: 5 },
        '/change-password': { window: 600, max: 10 },
        '/get-session': false,
      },
    },
    advanced: {
      cookiePrefix: 'p2p',
      // Explicit, because the library otherwise turns origin checks off when NODE_ENV is "test".
      disableOriginCheck: false,
      disableCSRFCheck: false,
      useSecureCookies: config.publicUrl.startsWith('https://'),
      defaultCookieAttributes: { sameSite: 'lax', httpOnly: true },
      // The Fastify bridge fills this header from request.ip (socket or trusted proxy) and drops any
      // copy the client sent, so the limiter never trusts a client-supplied address.
      ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] },
      database: { generateId: () => randomUUID() },
    },
    databaseHooks: {
      user: {
        create: {
          // The one sanctioned hook with side effects: sign-up's organization is written here because
          // this runs inside the auth library's sign-up transaction, so a failure leaves nothing.
          before: async (user, rawCtx) => {
            const ctx = rawCtx as HookContext;
            if (ctx?.path !== '/sign-up/email') return;
            const txContext = currentTransaction();
            if (!txContext) throw new Error('sign-up must run inside a transaction');
            const body = ctx.body ?? {};
            const industry = (INDUSTRIES as readonly unknown[]).includes(body.industry) ? (body.industry as Industry) : undefined;
            const organization = await signUp.createOrganization(txContext.tx, { name: String(body.organizationName), industry });
            const userId = randomUUID();
            const u = user as typeof user & { firstName: string; lastName: string; language?: string };
            const language: Language = u.language === 'ar' ? 'ar' : 'en';
            txContext.bag.set(SIGN_UP_STATE, {
              organizationId: organization.id,
              userId,
              email: user.email,
              firstName: u.firstName,
              language,
            } satisfies SignUpState);
            return { data: { ...user, id: userId, language, name: user.name || `${u.firstName} ${u.lastName}` } };
          },
        },
      },
      account: {
        create: {
          // Runs after the user row exists, still inside the sign-up transaction.
          before: async (account) => {
            const txContext = currentTransaction();
            const state = txContext?.bag.get(SIGN_UP_STATE) as SignUpState | undefined;
            if (!txContext || !state || state.userId !== account.userId) return;
            await signUp.addAdmin(txContext.tx, { userId: state.userId, organizationId: state.organizationId });
            await sendVerification(
              { id: state.userId, email: state.email, firstName: state.firstName, language: state.language },
              txContext.tx,
            );
          },
        },
      },
      session: {
        create: {
          before: async (session, rawCtx) => {
            const ctx = rawCtx as HookContext;
            const [user] = await activeDb(db)
              .select({ status: users.status, deletedAt: users.deletedAt })
              .from(users)
              .where(eq(users.id, session.userId))
              .limit(1);
            if (!user || user.deletedAt || user.status !== 'active') {
              throw new APIError('FORBIDDEN', { code: 'ACCOUNT_DISABLED', message: 'This account is disabled' });
            }
            if (ctx?.headers?.get(REMEMBER_ME_HEADER) === '1') {
              return { data: { ...session, rememberMe: true, expiresAt: new Date(Date.now() + REMEMBER_ME_DAYS * DAY * 1000) } };
            }
            return { data: { ...session, rememberMe: false } };
          },
        },
        update: {
          // Sliding refresh extends by the default 7 days; a remember-me session slides by 30.
          before: async (data, rawCtx) => {
            const ctx = rawCtx as HookContext;
            if (data.expiresAt && ctx?.context?.session?.session?.rememberMe === true) {
              return { data: { ...data, expiresAt: new Date(Date.now() + REMEMBER_ME_DAYS * DAY * 1000) } };
            }
            return { data };
          },
        },
      },
    },
  });
}

export type Auth = ReturnType<typeof createAuth>;
