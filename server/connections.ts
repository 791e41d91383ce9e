/**
 * How long the server waits for its clients. A client that sends its request slowly, or never
 * finishes it, or stops reading the reply, holds a connection and a little memory; these limits
 * give each back after a bounded time, so a slow-loris client cannot pile them up, and a stop
 * (SIGTERM) ends within seconds whatever the clients are doing.
 */
import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import type { ServerOptions } from 'node:http';
import type { DatabaseHandle } from '../db/client.ts';

export interface HttpTimeouts {
  /** The request line and headers must have arrived this long after the request began. */
  headersMs: number;
  /** The whole request, body included, must have arrived in this time (a 20 MB import over a slow office line fits). */
  requestMs: number;
  /** A connection on which nothing moves either way for this long is closed (a reader that stopped reading). */
  idleMs: number;
  /**
   * An idle keep-alive connection is closed after this; longer than the idle timeout of the
   * proxies put in front (nginx: 60 s), so that the proxy, not the server, closes idle ones.
   */
  keepAliveMs: number;
  /** How often Node checks the two limits above on open connections (its default, 30 s, would let them overrun that much). */
  checkEveryMs: number;
}

export const httpTimeouts: HttpTimeouts = { headersMs: 10_000, requestMs: 120_000, idleMs: 120_000, keepAliveMs: 72_000, checkEveryMs: 1_000 };

/** The Fastify options that apply them. */
export function timeoutOptions(
  t: HttpTimeouts,
): Pick<FastifyServerOptions, 'connectionTimeout' | 'keepAliveTimeout' | 'requestTimeout'> & { http: ServerOptions } {
  return {
    connectionTimeout: t.idleMs,
    keepAliveTimeout: t.keepAliveMs,
    requestTimeout: t.requestMs,
    // Node refuses a headers timeout longer than the request's.
    http: { headersTimeout: Math.min(t.headersMs, t.requestMs), requestTimeout: t.requestMs, connectionsCheckingInterval: t.checkEveryMs },
  };
}

export const shutdownTimes = {
  /** Requests under way get this long to finish after SIGTERM; then every connection still open is closed. */
  graceMs: 5_000,
  /** Whatever is still not done by then (a database that does not answer), the process exits anyway. */
  deadlineMs: 9_000,
};

/**
 * Stops taking connections (new requests on kept-alive ones get 503), lets requests under way
 * finish for `graceMs`, then closes every connection still open — a half-sent body, a reader that
 * stopped reading — and finally the database, once the responses under way are stored (the
 * intake's onClose). A reply cut off this way was never acknowledged: the phone sends its response
 * again later, and the idempotent intake stores it once.
 */
export async function closeGracefully(app: FastifyInstance, database: DatabaseHandle, graceMs = shutdownTimes.graceMs): Promise<void> {
  const cutOff = setTimeout(() => app.server.closeAllConnections(), graceMs);
  try {
    await app.close();
  } finally {
    clearTimeout(cutOff);
    await database.close();
  }
}
