import { dictionary } from '@zxcvbn-ts/language-common';
import { PASSWORD_MIN_LENGTH, type FieldError } from '@p2p/contracts';

// Only entries long enough to pass the length rule matter; shorter ones are refused anyway.
const commonPasswords = new Set(dictionary['passwords-common'].filter((p) => p.length >= PASSWORD_MIN_LENGTH).map((p) => p.toLowerCase()));

/**
 * Beyond length (checked by the request schema): refuses passwords found on a list of common
 * passwords and ones built from the account's own email.
 */
export function checkPasswordStrength(password: string, field: string, email?: string): FieldError | undefined {
  const lowered = password.toLowerCase();
  const localPart = email?.split('@')[0]?.toLowerCase();
  if (commonPasswords.has(lowered) || (localPart && localPart.length >= 4 && lowered.includes(localPart))) {
    return { path: field, code: 'PASSWORD_TOO_COMMON', message: 'This password is too common or too easy to guess' };
  }
  if (/^(.)\1+$/.test(password)) {
    return { path: field, code: 'PASSWORD_TOO_COMMON', message: 'This password is too common or too easy to guess' };
  }
  return undefined;
}
