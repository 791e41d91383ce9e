/**
 * Rate limits for the anonymous survey. A whole office may share one IP address, so limits are
 * counted per device (the client id the phone keeps) and per office link, not only per IP.
 */
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import fp from 'fastify-plugin';
import { Problem } from '../errors.ts';

export interface RateLimitSettings {
  /** Responses one device may send per minute (a queue of offline responses arrives at once). */
  perDevicePerMinute: number;
  /** Responses one office link may receive per minute, across all its phones. */
  perLinkPerMinute: number;
}

export const defaultRateLimits: RateLimitSettings = { perDevicePerMinute: 30, perLinkPerMinute: 600 };

declare module 'fastify' {
  interface FastifyInstance {
    surveyRateLimits: preHandlerAsyncHookHandler[];
  }
}

function bodyField(request: FastifyRequest, field: 'clientId' | 'link'): string | undefined {
  const value = (request.body as Record<string, unknown> | undefined)?.[field];
  return typeof value === 'string' && value.length <= 64 ? value : undefined;
}

const tooMany = (_request: FastifyRequest, context: { after: string; ttl: number }) =>
  new Problem(429, 'rate_limited', {
    vi: `Máy chủ đang nhận quá nhiều phiếu từ thiết bị hoặc điểm khảo sát này. Phiếu của Ông/Bà vẫn được lưu trên máy và sẽ tự gửi lại sau ${context.after}.`,
    en: `Too many responses from this device or office right now. Your response stays on the phone and is sent again in ${context.after}.`,
  }, [], { retryAfterSeconds: Math.ceil(context.ttl / 1000) });

export const rateLimitPlugin = fp<{ settings: RateLimitSettings }>(
  async (app: FastifyInstance, { settings }) => {
    await app.register(rateLimit, { global: false });
    const limit = (groupId: string, max: number, key: (request: FastifyRequest) => string) =>
      app.rateLimit({ max, timeWindow: 60_000, groupId, keyGenerator: key, errorResponseBuilder: tooMany }) as preHandlerAsyncHookHandler;
    app.decorate('surveyRateLimits', [
      limit('device', settings.perDevicePerMinute, (r) => `device:${bodyField(r, 'clientId') ?? r.ip}`),
      limit('link', settings.perLinkPerMinute, (r) => `link:${bodyField(r, 'link') ?? r.ip}`),
    ]);
  },
  { name: 'rate-limits' },
);
