/** Where signing in (or up) lands when there is no `next`, or an unsafe one. */
export const DEFAULT_LANDING = '/dashboard';

/** Control characters (the URL parser drops tabs and newlines anywhere) and the backslash browsers read as "/". */
const hasUnsafeCharacter = (path: string) => [...path].some((c) => c === '\\' || c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f);

/** Exactly one leading slash: "//host" and "/\host" are another site to a browser. */
const startsAsPath = (path: string) => path.startsWith('/') && !path.startsWith('//') && !path.startsWith('/\\');

/**
 * The `next` of a sign-in link when it is a path of this app, normalised; the dashboard otherwise.
 * Strict on purpose (no open redirect): a path with exactly one leading slash, no backslash, no
 * control characters, the same start once more after percent-decoding, and one that resolves to
 * this origin.
 */
export function safeNext(next: string | null | undefined, origin: string = window.location.origin): string {
  if (!next || !startsAsPath(next) || hasUnsafeCharacter(next)) return DEFAULT_LANDING;
  try {
    // "/%2F%2Fevil" or "/%5Cevil": harmless to this parser, not to every router or proxy after it.
    if (!startsAsPath(decodeURIComponent(next))) return DEFAULT_LANDING;
    const url = new URL(next, origin);
    if (url.origin !== origin) return DEFAULT_LANDING;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return DEFAULT_LANDING;
  }
}

/** The sign-in (or sign-up) address that comes back to `path` afterwards. */
export function signInPath(path: string, page: '/sign-in' | '/sign-up' = '/sign-in'): string {
  return `${page}?next=${encodeURIComponent(path)}`;
}
