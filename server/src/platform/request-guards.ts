import type { FastifyInstance, FastifyRequest, onRequestAsyncHookHandler, RouteOptions } from 'fastify';
import type { SessionResolver } from './actor.js';
import { AppError } from './errors.js';

/** Methods that change nothing (RFC 9110 safe methods): never refused for their origin. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Whether the Cookie header carries a non-empty cookie of this name. */
export function hasCookie(header: string | undefined, name: string): boolean {
  if (!header) return false;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq !== -1 && part.slice(0, eq).trim() === name && part.slice(eq + 1).trim() !== '') return true;
  }
  return false;
}

export interface OriginGuardOptions {
  /** The session cookie's name (the auth library's, with its prefix). */
  sessionCookieName: string;
  /** The origins the app is served from (the auth library's trusted origins). */
  trustedOrigins: readonly string[];
}

/**
 * Whether a state-changing request that carries the session cookie came from the app itself. A
 * browser says where a request comes from in Sec-Fetch-Site (same-origin, or none for one the user
 * started); when a browser sends it, it decides, so a cross-site request is refused even with a
 * matching Origin. Without it (older browsers, plain-http hosts that are not localhost) the Origin
 * must be one of the app's own. A request without either is refused: a browser always sends Origin
 * on a cross-site POST, so only a non-browser client could omit it, and such a client holding the
 * cookie can send the header.
 */
export function isSameOriginWrite(request: Pick<FastifyRequest, 'headers'>, trustedOrigins: ReadonlySet<string>): boolean {
  const site = request.headers['sec-fetch-site'];
  if (site !== undefined) return site === 'same-origin' || site === 'none';
  const origin = request.headers.origin;
  return origin !== undefined && trustedOrigins.has(origin);
}

/**
 * Cross-site request forgery guard for cookie-authenticated writes (every path, including uploads
 * and the auth endpoints): a POST, PUT, PATCH or DELETE carrying the session cookie answers 403
 * INVALID_ORIGIN unless it came from the app. Requests without the session cookie are not touched
 * (nothing of the user's can be done with them). SameSite=Lax on the cookie already keeps it off
 * most cross-site writes; this also covers same-site subdomains and browsers that ignore SameSite.
 */
export function registerOriginGuard(app: FastifyInstance, { sessionCookieName, trustedOrigins }: OriginGuardOptions): void {
  const trusted = new Set(trustedOrigins);
  app.addHook('onRequest', async (request) => {
    if (SAFE_METHODS.has(request.method)) return;
    if (!hasCookie(request.headers.cookie, sessionCookieName)) return;
    if (!isSameOriginWrite(request, trusted)) throw new AppError('INVALID_ORIGIN', 'This request did not come from the app');
  });
}

/** Whether a route's contract names 401 among its answers: it is for signed-in people only. */
export function documentsUnauthenticated(route: Pick<RouteOptions, 'schema'>): boolean {
  const responses = route.schema?.response as Record<string | number, unknown> | undefined;
  return responses !== undefined && (401 in responses || '401' in responses);
}

/**
 * Signed-in before anything else: on every route under `prefix` whose contract documents a 401, a
 * guest is answered 401 in onRequest, before the body is parsed or validated (a guest learns
 * nothing about a route's input rules, and a guest's upload is not read). Most modules require the
 * actor in onRequest themselves; this holds the contract for routes that check inside the handler
 * (the use-case library, where reading is open to guests and every write needs an account).
 */
export function registerSignInGuard(app: FastifyInstance, { prefix, sessions }: { prefix: string; sessions: SessionResolver }): void {
  const requireActor: onRequestAsyncHookHandler = async (request, reply) => sessions.requireActor(request, reply);
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith(prefix) || !documentsUnauthenticated(route)) return;
    const existing = route.onRequest === undefined ? [] : Array.isArray(route.onRequest) ? route.onRequest : [route.onRequest];
    route.onRequest = [requireActor, ...existing];
  });
}
