import type { FastifyRequest } from 'fastify';

/**
 * The address phones should use: SIPAS_PUBLIC_URL when the platform sits behind a proxy or a
 * domain name, otherwise the address this request came in on.
 */
export function publicBaseUrl(request?: FastifyRequest, env: NodeJS.ProcessEnv = process.env): string {
  if (env.SIPAS_PUBLIC_URL) return env.SIPAS_PUBLIC_URL.replace(/\/+$/, '');
  if (request) return `${request.protocol}://${request.host}`;
  return `http://localhost:${env.PORT ?? 3000}`;
}
