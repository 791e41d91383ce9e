/**
 * The JSON of a round's results, kept as sent, gzip-compressed, per data version of the round
 * (db/queries/data-version.ts): a national round's figures by commune are hundreds of megabytes of
 * JSON, and making, checking and compressing them again for every request would take seconds even
 * with the figures at hand (server/domain/results/results-cache.ts keeps those).
 *
 * For the routes in CACHED only, after authorization (their onRequest hooks) and input validation:
 * the version is read before the handler runs and again once its JSON is made; the bytes are kept
 * only when both agree, and sent again only while the version still is that one. Keyed by the
 * route, the round and every query parameter as validated; only requests whose parameters all ask
 * for this round's figures alone (ROUND_ONLY_PARAMETERS) are kept. Bounded: MAX_ENTRIES responses and
 * MAX_BYTES of compressed JSON, the least recently used dropped first. A client that does not accept
 * gzip gets the same bytes decompressed as they are sent.
 */
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { promisify } from 'node:util';
import { createGunzip, gzip } from 'node:zlib';
import { sql } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { roundDataVersion } from '../../db/queries/data-version.ts';
import { surveyRounds } from '../../db/schema/index.ts';

/** Results routes whose JSON depends on nothing but the round's data and the query. */
const CACHED = new Set(['/api/rounds/:code/results', '/api/public/rounds/:code/results']);
/**
 * The query parameters known to ask for nothing but this round's figures. A request with any other
 * (a comparison with another round reads that round's data too) is answered without the cache.
 */
const ROUND_ONLY_PARAMETERS = new Set(['by', 'respondentType', 'minN', 'maxHalfWidth', 'lonelyPsu', 'rank', 'rankCoverage', 'lang']);
const MAX_ENTRIES = 32;
const MAX_BYTES = 192 * 1024 * 1024;
const compress = promisify(gzip);

interface Kept {
  version: number;
  gzipped: Buffer;
}

interface Pending {
  key: string;
  roundId: number;
  version: number;
}

declare module 'fastify' {
  interface FastifyRequest {
    resultsCache: Pending | null;
  }
}

/** Query values sorted by name: the same request however its parameters were ordered. */
function keyOf(request: FastifyRequest, code: string): string {
  const query = (request.query ?? {}) as Record<string, unknown>;
  const fields = Object.keys(query)
    .sort()
    .map((name) => [name, query[name]]);
  return createHash('sha256')
    .update(JSON.stringify([request.routeOptions.url, code, fields]))
    .digest('base64');
}

const acceptsGzip = (request: FastifyRequest) => /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));

export const resultsResponseCachePlugin = fp(
  async (app: FastifyInstance) => {
    const kept = new Map<string, Kept>();
    let bytes = 0;
    const drop = (key: string) => {
      const entry = kept.get(key);
      if (entry) bytes -= entry.gzipped.length;
      kept.delete(key);
    };
    const keep = (key: string, entry: Kept) => {
      drop(key);
      if (entry.gzipped.length > MAX_BYTES) return;
      kept.set(key, entry);
      bytes += entry.gzipped.length;
      for (const oldest of kept.keys()) {
        if (kept.size <= MAX_ENTRIES && bytes <= MAX_BYTES) break;
        drop(oldest);
      }
    };

    app.decorateRequest('resultsCache', null);

    app.addHook('preHandler', async (request, reply) => {
      if (request.method !== 'GET' || !CACHED.has(request.routeOptions.url ?? '')) return;
      const code = (request.params as { code?: unknown }).code;
      if (typeof code !== 'string') return;
      if (!Object.keys((request.query ?? {}) as object).every((name) => ROUND_ONLY_PARAMETERS.has(name))) return;
      const db = app.database.db;
      const [round] = await db.select({ id: surveyRounds.id }).from(surveyRounds).where(sql`${surveyRounds.code} = ${code}`);
      if (!round) return;
      const key = keyOf(request, code);
      const version = await roundDataVersion(db, round.id);
      const entry = kept.get(key);
      if (entry && entry.version === version) {
        kept.delete(key);
        kept.set(key, entry);
        reply.header('content-type', 'application/json; charset=utf-8').header('vary', 'accept-encoding');
        if (acceptsGzip(request)) return reply.header('content-encoding', 'gzip').send(entry.gzipped);
        return reply.send(Readable.from([entry.gzipped]).pipe(createGunzip()));
      }
      if (entry) drop(key);
      request.resultsCache = { key, roundId: round.id, version };
    });

    app.addHook('onSend', async (request, reply, payload) => {
      const pending = request.resultsCache;
      if (!pending || reply.statusCode !== 200 || typeof payload !== 'string') return payload;
      request.resultsCache = null;
      if ((await roundDataVersion(app.database.db, pending.roundId)) !== pending.version) return payload;
      // Compressed once (off the event loop), kept, and sent compressed to this client too.
      const gzipped = await compress(payload, { level: 4 });
      keep(pending.key, { version: pending.version, gzipped });
      if (!acceptsGzip(request)) return payload;
      reply.header('content-encoding', 'gzip').header('vary', 'accept-encoding');
      return gzipped;
    });
  },
  { name: 'results-response-cache', dependencies: ['database'] },
);
