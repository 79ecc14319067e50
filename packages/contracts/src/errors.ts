/**
 * Stable error codes. The server answers every error as problem+json carrying one of these in `code`;
 * the web app branches on and translates them. Never rename a code: add a new one.
 */
export const ERROR_STATUS = {
  VALIDATION_FAILED: 400,
  INVALID_TOKEN: 400,
  PASSWORD_TOO_COMMON: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  FORBIDDEN: 403,
  INVALID_ORIGIN: 403,
  ACCOUNT_DISABLED: 403,
  EMAIL_NOT_VERIFIED: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  EMAIL_TAKEN: 409,
  CANNOT_CHANGE_SELF: 403,
  LAST_ADMIN: 409,
  ALREADY_MEMBER: 409,
  INVITATION_PENDING: 409,
  USER_LIMIT_REACHED: 409,
  INVITATION_NOT_FOUND: 404,
  INVITATION_ALREADY_ACCEPTED: 409,
  INVITATION_EXPIRED: 410,
  INVITATION_CANCELLED: 410,
  TOPIC_LOCKED: 409,
  ALREADY_REPORTED: 409,
  USE_CASE_LIMIT_REACHED: 409,
  FILE_INVALID: 400,
  PAYLOAD_TOO_LARGE: 413,
  STORAGE_QUOTA_EXCEEDED: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  SERVICE_UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export const ERROR_CODES = Object.keys(ERROR_STATUS) as ErrorCode[];

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && value in ERROR_STATUS;
}
