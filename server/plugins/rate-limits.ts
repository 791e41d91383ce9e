/**
 * Rate limits, counted in memory per server. The anonymous survey: a whole office may share one
 * IP address, so its limits are counted per device (the client id the phone keeps) and per office
 * link, not per IP. Staff: log-in attempts per client network — an IPv4 address or an IPv6 /64,
 * server/client-network.ts — (repeated failures on one account are held back in the database:
 * domain/accounts/log-in-throttle.ts), and every staff route's requests per client network, so that one
 * machine cannot hammer the API however many accounts it tries.
 *
 * Behind a reverse proxy the IP address is the client's only when the proxy is trusted
 * (SIPAS_TRUST_PROXY, server/app.ts); otherwise every client counts as the proxy.
 */
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { clientNetwork } from '../client-network.ts';
import { problems } from '../error-catalogue.ts';

export interface RateLimitSettings {
  /** Responses one device may send per minute (a queue of offline responses arrives at once). */
  perDevicePerMinute: number;
  /** Responses one office link may receive per minute, across all its phones. */
  perLinkPerMinute: number;
  /** Log-in attempts from one IP address per 15 minutes (an office of keyers may share it). */
  logInsPerIpPer15Minutes: number;
  /** Requests to staff routes from one IP address per minute. */
  staffPerIpPerMinute: number;
}

export const defaultRateLimits: RateLimitSettings = { perDevicePerMinute: 30, perLinkPerMinute: 600, logInsPerIpPer15Minutes: 30, staffPerIpPerMinute: 600 };

type Check = (request: FastifyRequest) => Promise<void>;
/** The problem a limit answers with once exceeded (error-catalogue.ts; its Retry-After is the wait). */
type Refusal = typeof problems.surveyRateLimited;

declare module 'fastify' {
  interface FastifyInstance {
    /** preHandlers of POST /api/responses (they read the body's clientId and link). */
    surveyRateLimits: Check[];
    /** onRequest of POST /api/session. */
    logInRateLimit: Check;
    /** Run by every staff route's guard (plugins/auth.ts) before anything else. */
    staffRateLimit: Check;
  }
}

function bodyField(request: FastifyRequest, field: 'clientId' | 'link'): string | undefined {
  const value = (request.body as Record<string, unknown> | undefined)?.[field];
  return typeof value === 'string' && value.length <= 64 ? value : undefined;
}

export const rateLimitPlugin = fp<{ settings: RateLimitSettings }>(
  async (app: FastifyInstance, { settings }) => {
    await app.register(rateLimit, { global: false });
    // createRateLimit, not rateLimit: the hooks rateLimit makes run only once per request between
    // them, so a second limit on the same route would never count.
    const limit = (max: number, windowMs: number, key: (request: FastifyRequest) => string, refusal: Refusal): Check => {
      const check = app.createRateLimit({ max, timeWindow: windowMs, keyGenerator: key });
      return async (request) => {
        const result = await check(request);
        if (!result.isAllowed && result.isExceeded) {
          throw refusal({ seconds: result.ttlInSeconds });
        }
      };
    };
    app.decorate('surveyRateLimits', [
      limit(settings.perDevicePerMinute, 60_000, (r) => `device:${bodyField(r, 'clientId') ?? r.ip}`, problems.surveyRateLimited),
      limit(settings.perLinkPerMinute, 60_000, (r) => `link:${bodyField(r, 'link') ?? r.ip}`, problems.surveyRateLimited),
    ]);
    app.decorate(
      'logInRateLimit',
      limit(settings.logInsPerIpPer15Minutes, 15 * 60_000, (r) => `log-in:${clientNetwork(r.ip)}`, problems.tooManyLogIns),
    );
    app.decorate(
      'staffRateLimit',
      limit(settings.staffPerIpPerMinute, 60_000, (r) => `staff:${clientNetwork(r.ip)}`, problems.staffRateLimited),
    );
  },
  { name: 'rate-limits' },
);
