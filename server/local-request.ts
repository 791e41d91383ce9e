/**
 * Whether a request comes from a browser on the server's own machine, not through anything in
 * between: the TCP peer is a loopback address (whatever X-Forwarded-For claims), the request
 * names the host as localhost or a loopback address, and it carries no header a proxy adds. A
 * reverse proxy on the same machine usually adds X-Forwarded-For or names the public host; one
 * that does neither would pass, which is why only the first-run setup link, valid until the first
 * administrator exists, is shown on this ground (server/routes/api/setup.ts).
 */
import type { FastifyRequest } from 'fastify';
import ipaddr from 'ipaddr.js';

const PROXY_HEADERS = ['x-forwarded-for', 'x-forwarded-host', 'x-forwarded-proto', 'forwarded', 'x-real-ip', 'via'];
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

function isLoopback(address: string | undefined): boolean {
  if (!address || !ipaddr.isValid(address)) return false;
  const parsed = ipaddr.process(address);
  return parsed.range() === 'loopback';
}

export function isLocalRequest(request: FastifyRequest): boolean {
  if (!isLoopback(request.raw.socket.remoteAddress)) return false;
  if (PROXY_HEADERS.some((name) => request.headers[name] !== undefined)) return false;
  const host = (request.headers.host ?? '').toLowerCase().replace(/:\d+$/, '');
  return LOOPBACK_HOSTS.has(host);
}
