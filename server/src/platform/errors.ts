import { STATUS_CODES } from 'node:http';
import { ERROR_STATUS, type ErrorCode, type FieldError, type Problem } from '@p2p/contracts';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';

/** Services throw this; the one error handler turns it into problem+json. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    detail?: string,
    readonly fieldErrors?: FieldError[],
    readonly headers?: Record<string, string>,
  ) {
    super(detail ?? code);
    this.name = 'AppError';
    this.status = ERROR_STATUS[code];
  }
}

export const notFound = (what = 'Resource') => new AppError('NOT_FOUND', `${what} not found`);

const PROBLEM_TYPE_BASE = 'https://p2p-sandbox.dev/problems/';

export function buildProblem(request: FastifyRequest, status: number, code: string, detail?: string, errors?: FieldError[]): Problem {
  return {
    type: `${PROBLEM_TYPE_BASE}${code.toLowerCase().replaceAll('_', '-')}`,
    title: STATUS_CODES[status] ?? 'Error',
    status,
    ...(detail ? { detail } : {}),
    code,
    requestId: String(request.id),
    ...(errors && errors.length > 0 ? { errors } : {}),
  };
}

export function sendProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  code: string,
  detail?: string,
  errors?: FieldError[],
): FastifyReply {
  return reply
    .status(status)
    .type('application/problem+json; charset=utf-8')
    .send(buildProblem(request, status, code, detail, errors));
}

interface PgLikeError {
  code?: string;
  constraint?: string;
  detail?: string;
  cause?: unknown;
}

/** drizzle wraps driver errors; both node-postgres and PGlite expose the SQLSTATE as `code`. */
function findPgError(error: unknown): PgLikeError | undefined {
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth += 1) {
    const candidate = current as PgLikeError;
    if (typeof candidate.code === 'string' && /^[0-9A-Z]{5}$/.test(candidate.code)) return candidate;
    current = candidate.cause;
  }
  return undefined;
}

/** Whether an error (possibly wrapped by the ORM) is a unique-constraint violation. */
export function isUniqueViolation(error: unknown): boolean {
  return findPgError(error)?.code === '23505';
}

/** Whether an error (possibly wrapped by the ORM) is a foreign-key violation. */
export function isForeignKeyViolation(error: unknown): boolean {
  return findPgError(error)?.code === '23503';
}

const FASTIFY_CODES: Record<string, { status: number; code: ErrorCode }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'PAYLOAD_TOO_LARGE' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, code: 'VALIDATION_FAILED' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'VALIDATION_FAILED' },
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: 'VALIDATION_FAILED' },
};

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      if (error.headers) void reply.headers(error.headers);
      return sendProblem(request, reply, error.status, error.code, error.message, error.fieldErrors);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      // A malformed id in the path is a resource that does not exist.
      if (error.validationContext === 'params') return sendProblem(request, reply, 404, 'NOT_FOUND', 'Resource not found');
      const errors: FieldError[] = error.validation.map((v) => {
        const issue = v.params.issue as { code?: string; path?: PropertyKey[] } | undefined;
        // A custom check may name its own code in its params (the contracts' text rule: invalid_characters).
        const named = (v.params.params as { code?: unknown } | undefined)?.code;
        const customCode = v.keyword === 'custom' && typeof named === 'string' ? named : undefined;
        return {
          path: v.instancePath.replace(/^\//, '').replaceAll('/', '.') || (issue?.path?.map(String).join('.') ?? ''),
          message: v.message ?? 'Invalid value',
          code: customCode ?? issue?.code ?? v.keyword,
        };
      });
      return sendProblem(request, reply, 400, 'VALIDATION_FAILED', 'The request is not valid', errors);
    }
    if (error.validation) {
      if (error.validationContext === 'params') return sendProblem(request, reply, 404, 'NOT_FOUND', 'Resource not found');
      const errors = error.validation.map((v) => ({
        path: v.instancePath.replace(/^\//, '').replaceAll('/', '.'),
        message: v.message ?? 'Invalid value',
        code: v.keyword,
      }));
      return sendProblem(request, reply, 400, 'VALIDATION_FAILED', 'The request is not valid', errors);
    }
    const known = error.code ? FASTIFY_CODES[error.code] : undefined;
    if (known) return sendProblem(request, reply, known.status, known.code, error.message);
    if (error.statusCode === 429) {
      return sendProblem(request, reply, 429, 'RATE_LIMITED', 'Too many requests. Try again later.');
    }
    const pgError = findPgError(error);
    if (pgError?.code === '23505') {
      return sendProblem(request, reply, 409, 'CONFLICT', 'A record with these values already exists');
    }
    if (pgError?.code === '22P02') {
      // invalid_text_representation: typically a malformed uuid that reached the database
      return sendProblem(request, reply, 404, 'NOT_FOUND', 'Resource not found');
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return sendProblem(request, reply, error.statusCode, 'VALIDATION_FAILED', error.message);
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendProblem(request, reply, 500, 'INTERNAL', 'An unexpected error occurred');
  });
}
