import type { FastifyReply, FastifyRequest } from 'fastify';

/** Node request headers as a Fetch Headers object (for libraries with a Web API). */
export function toWebHeaders(request: FastifyRequest, drop: readonly string[] = []): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined || drop.includes(name)) continue;
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else headers.set(name, value);
  }
  return headers;
}

/** Copies Set-Cookie headers from a Fetch response onto the reply, keeping each cookie separate. */
export function copySetCookies(from: Headers, reply: FastifyReply, rewrite: (cookie: string) => string = (c) => c): void {
  const cookies = from.getSetCookie().map(rewrite);
  if (cookies.length > 0) void reply.header('set-cookie', cookies);
}
