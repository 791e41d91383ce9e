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
import type { Worded } from '../errors.ts';
import { Problem } from '../errors.ts';

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

/** How long to wait, in words. */
const wait = (seconds: number): Worded =>
  seconds >= 120
    ? { vi: `${Math.ceil(seconds / 60)} phút`, en: `${Math.ceil(seconds / 60)} minutes` }
    : { vi: `${seconds} giây`, en: `${seconds} seconds` };

const refusals = {
  survey: (w: Worded) => ({
    code: 429,
    slug: 'rate_limited',
    worded: {
      vi: `Máy chủ đang nhận quá nhiều phiếu từ thiết bị hoặc điểm khảo sát này. Phiếu của Ông/Bà vẫn được lưu trên máy và sẽ tự gửi lại sau ${w.vi}.`,
      en: `Too many responses from this device or office right now. Your response stays on the phone and is sent again in ${w.en}.`,
    },
  }),
  logIn: (w: Worded) => ({
    code: 429.2,
    slug: 'too_many_log_ins',
    worded: {
      vi: `Có quá nhiều lần đăng nhập từ địa chỉ mạng này. Vui lòng thử lại sau ${w.vi}.`,
      en: `Too many log-in attempts from this network address. Try again in ${w.en}.`,
    },
  }),
  staff: (w: Worded) => ({
    code: 429.3,
    slug: 'rate_limited',
    worded: {
      vi: `Có quá nhiều yêu cầu từ địa chỉ mạng này. Vui lòng chờ ${w.vi} rồi thử lại.`,
      en: `Too many requests from this network address. Wait ${w.en} and try again.`,
    },
  }),
};

export const rateLimitPlugin = fp<{ settings: RateLimitSettings }>(
  async (app: FastifyInstance, { settings }) => {
    await app.register(rateLimit, { global: false });
    // createRateLimit, not rateLimit: the hooks rateLimit makes run only once per request between
    // them, so a second limit on the same route would never count.
    const limit = (max: number, windowMs: number, key: (request: FastifyRequest) => string, refusal: (w: Worded) => { code: number; slug: string; worded: Worded }): Check => {
      const check = app.createRateLimit({ max, timeWindow: windowMs, keyGenerator: key });
      return async (request) => {
        const result = await check(request);
        if (!result.isAllowed && result.isExceeded) {
          const { code, slug, worded } = refusal(wait(result.ttlInSeconds));
          throw new Problem(code, slug, worded, [], { retryAfterSeconds: result.ttlInSeconds });
        }
      };
    };
    app.decorate('surveyRateLimits', [
      limit(settings.perDevicePerMinute, 60_000, (r) => `device:${bodyField(r, 'clientId') ?? r.ip}`, refusals.survey),
      limit(settings.perLinkPerMinute, 60_000, (r) => `link:${bodyField(r, 'link') ?? r.ip}`, refusals.survey),
    ]);
    app.decorate('logInRateLimit', limit(settings.logInsPerIpPer15Minutes, 15 * 60_000, (r) => `log-in:${clientNetwork(r.ip)}`, refusals.logIn));
    app.decorate('staffRateLimit', limit(settings.staffPerIpPerMinute, 60_000, (r) => `staff:${clientNetwork(r.ip)}`, refusals.staff));
  },
  { name: 'rate-limits' },
);
