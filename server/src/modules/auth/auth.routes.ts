import {
  authSessionResponseSchema,
  changePasswordBodySchema,
  problemSchema,
  requestPasswordResetBodySchema,
  resetPasswordBodySchema,
  sendVerificationEmailBodySchema,
  signInBodySchema,
  signUpBodySchema,
  statusResponseSchema,
  type FieldError,
  verifyEmailQuerySchema,
} from '@p2p/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../platform/db.js';
import { AppError, sendProblem } from '../../platform/errors.js';
import { copySetCookies, toWebHeaders } from '../../platform/http.js';
import { ACCOUNT_LIMITS, consumeAccountLimit } from './account-rate-limit.js';
import { CLIENT_IP_HEADER, type SessionResolver } from '../../platform/actor.js';
import { findUserByEmail } from '../users/index.js';
import { afterResponseWork } from './after-response.js';
import { type Auth, REMEMBER_ME_DAYS, REMEMBER_ME_HEADER } from './auth.js';
import { checkPasswordStrength } from './password-policy.js';

/** The auth library's error codes that the product names differently (the web app translates ours). */
const CODE_MAP: Record<string, { status: number; code: string }> = {
  USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL: { status: 409, code: 'EMAIL_TAKEN' },
  USER_ALREADY_EXISTS: { status: 409, code: 'EMAIL_TAKEN' },
  INVALID_EMAIL_OR_PASSWORD: { status: 401, code: 'INVALID_CREDENTIALS' },
  INVALID_PASSWORD: { status: 401, code: 'INVALID_CREDENTIALS' },
  INVALID_TOKEN: { status: 400, code: 'INVALID_TOKEN' },
  TOKEN_EXPIRED: { status: 400, code: 'INVALID_TOKEN' },
  INVALID_ORIGIN: { status: 403, code: 'INVALID_ORIGIN' },
  MISSING_OR_NULL_ORIGIN: { status: 403, code: 'INVALID_ORIGIN' },
  ACCOUNT_DISABLED: { status: 403, code: 'ACCOUNT_DISABLED' },
};

const PASSWORD_LENGTH_CODES: Record<string, string> = { PASSWORD_TOO_SHORT: 'too_small', PASSWORD_TOO_LONG: 'too_big' };

/**
 * The library's headers that never reach the client: recomputed ones, and any header that would hand
 * script a session token (the httpOnly cookie is the only carrier).
 */
const DROPPED_HEADERS = new Set(['set-cookie', 'content-length', 'content-encoding', 'set-auth-token', 'set-auth-jwt']);

/**
 * The library puts the session token in its JSON too (sign-in and sign-up as `token`, get-session as
 * `session.token`, change-password as `token`): readable by script, it would defeat the httpOnly
 * cookie, so it is taken out of every answer.
 */
export function withoutSessionToken(text: string): string {
  if (!text.startsWith('{')) return text;
  const body = JSON.parse(text) as Record<string, unknown>;
  delete body.token;
  if (body.session && typeof body.session === 'object') delete (body.session as Record<string, unknown>).token;
  return JSON.stringify(body);
}

/** The session as get-session shows it: no token. */
const sessionSchema = z
  .object({
    id: z.string(),
    userId: z.string(),
    expiresAt: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
    ipAddress: z.string().nullable().optional(),
    userAgent: z.string().nullable().optional(),
    rememberMe: z.boolean().optional(),
  })
  .meta({ id: 'AuthSession' });

/** Sign-up and sign-in answer the user; the session is in the cookie only. */
const signedInSchema = authSessionResponseSchema.omit({ token: true });

export const PASSWORD_RESET_REQUESTED = 'If this email exists in our system, check your email for the reset link';

const errorResponses = {
  400: problemSchema,
  401: problemSchema,
  403: problemSchema,
  429: problemSchema,
};

function rejectWeakPassword(password: string, field: string, email?: string): void {
  const problem = checkPasswordStrength(password, field, email);
  if (problem) throw new AppError('VALIDATION_FAILED', 'The request is not valid', [problem]);
}

export interface AuthRoutesOptions {
  auth: Auth;
  db: Db;
  publicUrl: string;
  /** For the routes of a signed-in person: a guest is answered 401 before the body is read. */
  sessions: SessionResolver;
}

/**
 * Fastify in front of the auth library: each public auth path is a documented, schema-validated
 * route that forwards to the library's handler, with the client IP taken from request.ip and the
 * library's errors answered as problem+json.
 */
export const authRoutes: FastifyPluginAsyncZod<AuthRoutesOptions> = async (app, { auth, db, publicUrl, sessions }) => {
  const sessionCookie = (await auth.$context).authCookies.sessionToken.name;
  const afterResponse = afterResponseWork(auth);
  // Shutting down waits for work begun after an answer (a reset mail being written).
  app.addHook('onClose', async () => afterResponse.settled());

  const forward = async (request: FastifyRequest, reply: FastifyReply, body?: unknown, options: { rememberMe?: boolean } = {}) => {
    const headers = toWebHeaders(request, [CLIENT_IP_HEADER, REMEMBER_ME_HEADER, 'content-length']);
    headers.set(CLIENT_IP_HEADER, request.ip);
    if (options.rememberMe) headers.set(REMEMBER_ME_HEADER, '1');
    const init: RequestInit = { method: request.method, headers };
    if (body !== undefined && request.method !== 'GET' && request.method !== 'HEAD') {
      headers.set('content-type', 'application/json');
      init.body = JSON.stringify(body);
    }
    const response = await auth.handler(new Request(new URL(request.url, publicUrl), init));
    const text = await response.text();

    if (response.status >= 400) {
      let parsed: { message?: string; code?: string } = {};
      try {
        parsed = JSON.parse(text) as typeof parsed;
      } catch {
        /* not JSON: keep the status */
      }
      if (response.status === 429) {
        const retryAfter = response.headers.get('x-retry-after') ?? '60';
        void reply.header('retry-after', retryAfter);
        return sendProblem(request, reply, 429, 'RATE_LIMITED', 'Too many requests. Try again later.');
      }
      const libraryCode = parsed.code ?? '';
      const lengthCode = PASSWORD_LENGTH_CODES[libraryCode];
      if (lengthCode) {
        const field = request.url.includes('reset-password') || request.url.includes('change-password') ? 'newPassword' : 'password';
        const errors: FieldError[] = [{ path: field, code: lengthCode, message: parsed.message ?? 'Invalid password length' }];
        return sendProblem(request, reply, 400, 'VALIDATION_FAILED', 'The request is not valid', errors);
      }
      // Two sign-ups racing for one email: the loser's insert fails on the unique index.
      if (libraryCode === 'FAILED_TO_CREATE_USER' && typeof (body as { email?: unknown })?.email === 'string') {
        if (await findUserByEmail(db, (body as { email: string }).email))
          return sendProblem(request, reply, 409, 'EMAIL_TAKEN', 'This email is already registered');
      }
      if (response.status >= 500) {
        request.log.error({ status: response.status, body: text.slice(0, 500) }, 'auth handler failed');
        return sendProblem(request, reply, 500, 'INTERNAL', 'An unexpected error occurred');
      }
      const mapped = CODE_MAP[libraryCode];
      const status = mapped?.status ?? response.status;
      const code =
        mapped?.code ??
        (libraryCode ||
          (status === 401 ? 'UNAUTHENTICATED' : status === 403 ? 'FORBIDDEN' : status === 404 ? 'NOT_FOUND' : 'VALIDATION_FAILED'));
      copySetCookies(response.headers, reply);
      return sendProblem(request, reply, status, code, parsed.message);
    }

    // Remember-me sessions live 30 days: give the cookie the same life as the session row.
    let sessionMaxAge: number | undefined;
    if (options.rememberMe) sessionMaxAge = REMEMBER_ME_DAYS * 86_400;
    else if (text.startsWith('{') && text.includes('"rememberMe":true')) {
      const expiresAt = (JSON.parse(text) as { session?: { expiresAt?: string } }).session?.expiresAt;
      if (expiresAt) sessionMaxAge = Math.max(0, Math.floor((Date.parse(expiresAt) - Date.now()) / 1000));
    }
    copySetCookies(response.headers, reply, (cookie) =>
      sessionMaxAge !== undefined && cookie.startsWith(`${sessionCookie}=`)
        ? cookie.replace(/Max-Age=\d+/i, `Max-Age=${sessionMaxAge}`)
        : cookie,
    );
    response.headers.forEach((value, name) => {
      if (!DROPPED_HEADERS.has(name)) void reply.header(name, value);
    });
    reply.status(response.status);
    return reply.send(text.length > 0 ? withoutSessionToken(text) : undefined);
  };

  const tags = ['auth'];

  app.post(
    '/sign-up/email',
    {
      schema: {
        tags,
        summary: 'Sign up: creates the organization, the user and the admin membership, and signs in',
        body: signUpBodySchema,
        response: { 200: signedInSchema, 409: problemSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const body = request.body;
      rejectWeakPassword(body.password, 'password', body.email);
      const { rememberMe, ...rest } = body;
      return forward(
        request,
        reply,
        { ...rest, name: body.name ?? `${body.firstName} ${body.lastName}` },
        { rememberMe: rememberMe === true },
      );
    },
  );

  app.post(
    '/sign-in/email',
    {
      schema: {
        tags,
        summary: 'Sign in with email and password',
        body: signInBodySchema,
        response: { 200: signedInSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const limit = await consumeAccountLimit(db, `sign-in:${request.body.email}`, ACCOUNT_LIMITS.signIn);
      if (!limit.allowed)
        throw new AppError('RATE_LIMITED', 'Too many sign-in attempts for this account. Try again later.', undefined, {
          'retry-after': String(limit.retryAfterSeconds),
        });
      // The library's own rememberMe=false means a one-day browser-session cookie; ours means 7 days
      // instead of 30, so it is passed out of band and the library always sees the default.
      const { rememberMe, ...rest } = request.body;
      return forward(request, reply, rest, { rememberMe: rememberMe === true });
    },
  );

  app.post(
    '/sign-out',
    {
      schema: {
        tags,
        summary: 'Sign out: ends the current session',
        response: { 200: z.object({ success: z.boolean() }), ...errorResponses },
      },
    },
    async (request, reply) => forward(request, reply, {}),
  );

  app.get(
    '/get-session',
    {
      schema: {
        tags,
        summary: 'The current session (without its token, which only the cookie carries) and user, or null',
        response: { 200: z.object({ session: sessionSchema, user: z.object({}).loose() }).nullable() },
      },
    },
    async (request, reply) => forward(request, reply),
  );

  app.post(
    '/revoke-other-sessions',
    {
      onRequest: sessions.requireActor,
      schema: {
        tags,
        summary: 'Ends every session of the signed-in user except this one',
        security: [{ sessionCookie: [] }],
        response: { 200: statusResponseSchema, ...errorResponses },
      },
    },
    async (request, reply) => forward(request, reply, {}),
  );

  app.post(
    '/request-password-reset',
    {
      schema: {
        tags,
        summary:
          'Mails a password reset link; answers at once and the same whether or not the account exists (the lookup and the mail happen after the answer)',
        body: requestPasswordResetBodySchema,
        response: { 200: statusResponseSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      // Both limits cost the same for every address, so they stay before the answer.
      for (const [key, rule, detail] of [
        [`password-reset-ip:${request.ip}`, ACCOUNT_LIMITS.passwordResetPerIp, 'Too many requests. Try again later.'],
        [
          `password-reset:${request.body.email}`,
          ACCOUNT_LIMITS.passwordReset,
          'Too many reset requests for this account. Try again later.',
        ],
      ] as const) {
        const limit = await consumeAccountLimit(db, key, rule);
        if (!limit.allowed) throw new AppError('RATE_LIMITED', detail, undefined, { 'retry-after': String(limit.retryAfterSeconds) });
      }
      // Whether the account exists shows neither in the answer nor in its timing: the lookup, the
      // token and the mail are written after the answer has gone (failures are logged).
      const { email } = request.body;
      afterResponse.run(reply, 'password reset request', () => auth.api.requestPasswordReset({ body: { email } }));
      return { status: true, message: PASSWORD_RESET_REQUESTED };
    },
  );

  app.post(
    '/reset-password',
    {
      schema: {
        tags,
        summary: 'Sets a new password with a mailed token (single use); ends every session of the account',
        body: resetPasswordBodySchema,
        response: { 200: statusResponseSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      rejectWeakPassword(request.body.newPassword, 'newPassword');
      return forward(request, reply, request.body);
    },
  );

  app.get(
    '/verify-email',
    {
      schema: {
        tags,
        summary: 'Verifies the email address with the mailed token; redirects when callbackURL is given',
        querystring: verifyEmailQuerySchema,
        response: {
          200: statusResponseSchema.extend({ user: z.object({}).loose().nullable().optional() }),
          302: z.null(),
          ...errorResponses,
        },
      },
    },
    async (request, reply) => forward(request, reply),
  );

  app.post(
    '/send-verification-email',
    {
      schema: {
        tags,
        summary: 'Mails a new verification link',
        body: sendVerificationEmailBodySchema,
        response: { 200: statusResponseSchema, ...errorResponses },
      },
    },
    async (request, reply) => forward(request, reply, request.body),
  );

  app.post(
    '/change-password',
    {
      onRequest: sessions.requireActor,
      schema: {
        tags,
        summary: 'Changes the password of the signed-in user',
        security: [{ sessionCookie: [] }],
        body: changePasswordBodySchema,
        response: { 200: z.object({}).loose(), ...errorResponses },
      },
    },
    async (request, reply) => {
      rejectWeakPassword(request.body.newPassword, 'newPassword');
      return forward(request, reply, request.body);
    },
  );

  // Nothing else of the library is served: its other endpoints (update-user, verify-password,
  // list-sessions, change-email, delete-user, …) answer the app's 404 problem (see auth-surface.test.ts).
};
