import { isIPv4 } from 'node:net';
import type { FastifyRequest } from 'fastify';

/** 127.0.0.0/8 and ::1, also written as IPv4-mapped IPv6 (::ffff:127.0.0.1). */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  const plain = address.toLowerCase().startsWith('::ffff:') ? address.slice(7) : address;
  if (isIPv4(plain)) return plain.split('.')[0] === '127';
  return plain === '::1' || plain === '0:0:0:0:0:0:0:1';
}

/**
 * A caller on this machine: the connection comes from a loopback address and, when trusted proxies
 * are configured, the client they report (request.ip) is loopback too. A request that carries a
 * forwarding header never counts: a reverse proxy on this machine connects from loopback on behalf
 * of callers anywhere. No header a client writes can make it true, only the socket.
 */
export function isLoopbackCaller(request: FastifyRequest): boolean {
  const { headers } = request;
  if (headers['x-forwarded-for'] !== undefined || headers.forwarded !== undefined || headers['x-real-ip'] !== undefined) return false;
  return isLoopbackAddress(request.socket.remoteAddress) && isLoopbackAddress(request.ip);
}
