import { z } from 'zod';

/**
 * The one rule for every string a client sends (request bodies, query strings, path tokens): it may
 * not hold a character that is no text. PostgreSQL refuses NUL in `text` outright, and the other
 * controls and broken UTF-16 only ever arrive by accident or attack; they are refused, never stripped
 * silently, so what is stored is exactly what was sent.
 *
 * Refused everywhere: C0 controls (U+0000–U+001F), DEL (U+007F), C1 controls (U+0080–U+009F) and a
 * UTF-16 surrogate without its pair. Multi-line fields (bodies, descriptions, messages) also take
 * tab, line feed and carriage return. Everything else is text and is kept byte for byte: bidi marks
 * and overrides (RLM, LRM, RLE…), zero-width joiners and non-joiners (ZWNJ, ZWJ) are how Arabic and
 * Persian are written correctly.
 */

/** The field error code of a refused character. */
export const INVALID_CHARACTERS = 'invalid_characters';

// With the `u` flag a well-formed surrogate pair is one code point above U+FFFF, so the surrogate
// range matches only a lone half.
// eslint-disable-next-line no-control-regex -- control characters are exactly what these refuse
const REFUSED_IN_LINE = /[\u0000-\u001F\u007F-\u009F\uD800-\uDFFF]/u;
// eslint-disable-next-line no-control-regex -- as above, less tab, line feed and carriage return
const REFUSED_IN_MULTI_LINE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uD800-\uDFFF]/u;

export interface TextOptions {
  /** Tab, line feed and carriage return allowed (bodies, descriptions, messages); never in names, titles, slugs or search terms. */
  multiline?: boolean;
}

/** Whether a string passes the text rule. */
export function isCleanText(value: string, options: TextOptions = {}): boolean {
  return !(options.multiline ? REFUSED_IN_MULTI_LINE : REFUSED_IN_LINE).test(value);
}

/**
 * The rule as a check for any string schema (`z.url().check(textRule())`). It runs on the value as
 * sent, before a later `.trim()`: a vertical tab at the edge of a name is refused, not trimmed away.
 * The issue names its code in `params.code` (the server's field errors carry it as `code`).
 */
export function textRule(options: TextOptions = {}) {
  const message = options.multiline
    ? 'Contains a control character or broken Unicode (only tab and line breaks are allowed)'
    : 'Contains a control character, a line break or broken Unicode';
  return (context: z.core.ParsePayload<string>): void => {
    if (isCleanText(context.value, options)) return;
    context.issues.push({ code: 'custom', message, input: context.value, params: { code: INVALID_CHARACTERS } });
  };
}

/** A string under the text rule: use it for every string field a client sends, then chain as `z.string()`. */
export function text(options: TextOptions = {}): z.ZodString {
  return z.string().check(textRule(options));
}
