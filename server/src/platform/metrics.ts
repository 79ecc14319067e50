import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { sendProblem } from './errors.js';
import { isLoopbackCaller } from './local-caller.js';

export interface MetricsOptions {
  /** METRICS_TOKEN: when set, scrapers send `Authorization: Bearer <token>`; unset, only loopback callers are answered. */
  token: string | undefined;
}

/** Compares digests of equal length, so neither the content nor the length of the token leaks through timing. */
export function bearerTokenMatches(authorization: string | undefined, token: string): boolean {
  const match = /^Bearer[ \t]+(\S+)\s*$/i.exec(authorization ?? '');
  const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
  return timingSafeEqual(digest(match?.[1] ?? ''), digest(token)) && match !== null;
}

/**
 * Prometheus metrics: request duration by route and status, plus the process's own. One registry per
 * app. GET /metrics tells about traffic and the process, so it is not public: with a token configured
 * it needs that token from every caller (401 otherwise); without one it answers callers on this machine
 * only, and is not found for anyone else.
 */
export function registerMetrics(app: FastifyInstance, { token }: MetricsOptions): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const duration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration in seconds, by method, route pattern and status code',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  app.addHook('onResponse', async (request, reply) => {
    // The route pattern, never the raw URL, so ids do not explode the label set.
    const route = request.routeOptions.url ?? 'unmatched';
    duration.observe({ method: request.method, route, status_code: String(reply.statusCode) }, reply.elapsedTime / 1000);
  });
  app.get('/metrics', { schema: { hide: true } }, async (request, reply) => {
    if (token) {
      if (!bearerTokenMatches(request.headers.authorization, token)) {
        void reply.header('www-authenticate', 'Bearer realm="metrics"');
        return sendProblem(request, reply, 401, 'UNAUTHENTICATED', 'GET /metrics needs the bearer token set in METRICS_TOKEN');
      }
    } else if (!isLoopbackCaller(request)) {
      return reply.callNotFound();
    }
    return reply.type(registry.contentType).send(await registry.metrics());
  });
  return registry;
}
