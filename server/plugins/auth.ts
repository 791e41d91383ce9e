/**
 * Who is calling: the staff session from the HttpOnly cookie, if any. `app.allow(...roles)` makes
 * the onRequest hook that every staff route declares (before body validation, so a caller without
 * the right learns nothing from validation messages): 429 past the per-IP limit of staff requests,
 * 401 without a session, 403 for other roles, and 403 for an unsafe method without the session's
 * CSRF token.
 */
import cookie from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import fp from 'fastify-plugin';
import type { Role } from '../../db/schema/staff.ts';
import { purgeDeadSessions, sessionOf, sessionPolicy, type StaffSession } from '../domain/auth.ts';
import type { ThrottleNumbers } from '../domain/log-in-throttle.ts';
import { Problem } from '../errors.ts';

export const SESSION_COOKIE = 'sipas_session';
export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

declare module 'fastify' {
  interface FastifyRequest {
    staff: StaffSession | null;
  }
  interface FastifyInstance {
    allow(...roles: Role[]): onRequestAsyncHookHandler;
    /** How failed log-ins are held back (domain/log-in-throttle.ts). */
    logInThrottle: ThrottleNumbers;
  }
}

export function requireStaff(request: FastifyRequest): StaffSession {
  if (!request.staff) throw new Error('route reached without a staff session: its onRequest guard is missing');
  return request.staff;
}

export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string | null): void {
  const options = { path: '/', httpOnly: true, sameSite: 'strict' as const, secure: request.protocol === 'https' };
  if (token === null) reply.clearCookie(SESSION_COOKIE, options);
  else reply.setCookie(SESSION_COOKIE, token, { ...options, maxAge: sessionPolicy.absoluteHours * 3600 });
}

/**
 * Dead sessions are deleted once the server is ready and then every `purgeEveryMinutes`. The timer
 * does not keep the process alive, and closing the server stops it and waits for a purge under way,
 * so the database is never closed beneath one. A failed purge is logged and tried again next time.
 */
function schedulePurge(app: FastifyInstance): void {
  let running: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  const purge = () => {
    running = running.then(async () => {
      try {
        const purged = await purgeDeadSessions(app.database.db);
        if (purged > 0) app.log.info({ purged }, 'expired staff sessions deleted');
      } catch (error) {
        app.log.warn({ err: error }, 'expired staff sessions could not be deleted; trying again later');
      }
    });
  };
  app.addHook('onReady', async () => {
    purge();
    timer = setInterval(purge, sessionPolicy.purgeEveryMinutes * 60_000).unref();
  });
  app.addHook('onClose', async () => {
    clearInterval(timer);
    await running;
  });
}

export const authPlugin = fp<{ throttle: ThrottleNumbers }>(
  async (app, { throttle }) => {
    await app.register(cookie);
    app.decorate('logInThrottle', throttle);
    app.decorateRequest('staff', null);
    app.addHook('onRequest', async (request) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token && token.length <= 128) request.staff = (await sessionOf(app.database.db, token)) ?? null;
    });
    schedulePurge(app);
    app.decorate('allow', (...roles: Role[]): onRequestAsyncHookHandler => async (request) => {
      await app.staffRateLimit(request);
      const staff = request.staff;
      if (!staff) {
        throw new Problem(401, 'not_logged_in', { vi: 'Vui lòng đăng nhập', en: 'Please log in' });
      }
      if (!roles.includes(staff.user.role)) {
        throw new Problem(403, 'forbidden', { vi: 'Tài khoản của Ông/Bà không có quyền này', en: 'Your account may not do this' });
      }
      if (!SAFE_METHODS.has(request.method) && request.headers[CSRF_HEADER] !== staff.csrfToken) {
        throw new Problem(403.1, 'csrf', { vi: 'Thiếu mã chống giả mạo yêu cầu (CSRF); hãy tải lại trang', en: 'Missing or wrong CSRF token; reload the page' });
      }
    });
  },
  { name: 'auth', dependencies: ['database', 'rate-limits'] },
);
