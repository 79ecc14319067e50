import type { TFunction } from 'i18next';
import { ApiError } from './api-client.js';

export interface Issue {
  path: string;
  code: string;
  /** For too_small on text: the least number of characters. */
  minimum?: number;
}

const PASSWORD_FIELDS = new Set(['password', 'newPassword', 'currentPassword']);

/** Turns a field error (from the server's problem or the shared schemas) into a message in the UI language. */
export function fieldErrorMessage(t: TFunction, issue: Issue): string {
  const isPassword = PASSWORD_FIELDS.has(issue.path);
  switch (issue.code) {
    case 'PASSWORD_TOO_COMMON':
      return t('fieldErrors.passwordTooCommon');
    case 'PASSWORDS_DONT_MATCH':
      return t('fieldErrors.passwordsDontMatch');
    case 'too_small':
      if (isPassword) return t('fieldErrors.passwordTooShort');
      return issue.minimum !== undefined && issue.minimum > 1
        ? t('fieldErrors.minLength', { count: issue.minimum })
        : t('fieldErrors.required');
    case 'too_big':
      return isPassword ? t('fieldErrors.passwordTooLong') : t('fieldErrors.tooLong');
    case 'invalid_format':
    case 'invalid_string':
      return issue.path === 'email' ? t('fieldErrors.invalidEmail') : t('fieldErrors.invalid');
    case 'invalid_type':
    case 'required':
      return t('fieldErrors.required');
    default:
      return t('fieldErrors.invalid');
  }
}

/** The message for an error that is not about one field. */
export function errorMessage(t: TFunction, error: unknown): string {
  if (error instanceof ApiError) {
    if (error.code === 'RATE_LIMITED' && error.retryAfterSeconds)
      return t('errors.RATE_LIMITED_SECONDS', { count: error.retryAfterSeconds });
    const key = `errors.${error.code}`;
    const translated = t(key);
    return translated === key ? t('errors.UNKNOWN') : translated;
  }
  return t('errors.UNKNOWN');
}

/** Field messages keyed by path: the first issue per field wins. */
export function fieldMessages(t: TFunction, issues: Issue[]): Record<string, string> {
  const messages: Record<string, string> = {};
  for (const issue of issues) {
    if (!(issue.path in messages)) messages[issue.path] = fieldErrorMessage(t, issue);
  }
  return messages;
}

/** Zod issues (from the shared contracts) as path/code pairs. */
export function zodIssues(issues: ReadonlyArray<{ path: PropertyKey[]; code: string; minimum?: unknown }>): Issue[] {
  return issues.map((i) => ({
    path: i.path.map(String).join('.'),
    code: i.code,
    ...(typeof i.minimum === 'number' || typeof i.minimum === 'bigint' ? { minimum: Number(i.minimum) } : {}),
  }));
}
