/**
 * Who is calling: the staff session from the HttpOnly cookie, if any, and the one guard of every
 * staff route. A route names the action it performs (`config: { action: 'results.publish' }`, from
 * the table in contract/permissions.ts) or says it is public (`config: { public: true }`); a route
 * that says neither stops the app at start-up. The guard runs first among the route's onRequest
 * hooks (before body validation, so a caller without the right learns nothing from validation
 * messages): 429 past the per-IP limit of staff requests, 401 without a session, 403 for a role the
 * table does not allow, and 403 for an unsafe method without the session's CSRF token.
 */
import cookie from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest, onRequestAsyncHookHandler, RouteOptions } from 'fastify';
import fp from 'fastify-plugin';
import { permissions, roleMay, type Action } from '../../contract/permissions.ts';
import { purgeDeadSessions, sessionOf, sessionPolicy, type StaffSession } from '../domain/accounts/auth.ts';
import type { ThrottleNumbers } from '../domain/accounts/log-in-throttle.ts';
import { problems } from '../error-catalogue.ts';

export const SESSION_COOKIE = 'sipas_session';
export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

declare module 'fastify' {
  interface FastifyRequest {
    staff: StaffSession | null;
  }
  interface FastifyInstance {
    /** How failed log-ins are held back (domain/accounts/log-in-throttle.ts). */
    logInThrottle: ThrottleNumbers;
  }
  interface FastifyContextConfig {
    /** The action of contract/permissions.ts this staff route performs; its guard allows the roles listed there. */
    action?: Action;
    /** Anyone may call this route, logged in or not. */
    public?: boolean;
  }
}

/** Who may call a route, as its config says: an action, or anyone. */
export function routeAccess(route: Pick<RouteOptions, 'method' | 'url' | 'config'>): { action: Action } | 'public' {
  const config = (route.config ?? {}) as { action?: unknown; public?: unknown };
  const name = `${[route.method].flat().join(',')} ${route.url}`;
  if (config.action !== undefined && config.public !== undefined) throw new Error(`route ${name} names both an action and public`);
  if (config.public === true) return 'public';
  if (typeof config.action === 'string' && Object.hasOwn(permissions, config.action)) return { action: config.action as Action };
  if (config.action !== undefined) throw new Error(`route ${name} names the action ${String(config.action)}, which contract/permissions.ts does not have`);
  throw new Error(`route ${name} names no action (contract/permissions.ts) and is not public: say which in its config`);
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
    const guard =
      (action: Action): onRequestAsyncHookHandler =>
      async (request) => {
        await app.staffRateLimit(request);
        const staff = request.staff;
        if (!staff) {
          throw problems.notLoggedIn();
        }
        if (!roleMay(staff.user.role, action)) {
          throw problems.forbidden('role');
        }
        if (!SAFE_METHODS.has(request.method) && request.headers[CSRF_HEADER] !== staff.csrfToken) {
          throw problems.csrf();
        }
      };
    // Every route registered after this plugin (the API and the pages) passes here; the built UI's
    // files, served by the static plugin registered before, are public by nature.
    app.addHook('onRoute', (route) => {
      const access = routeAccess(route);
      if (access !== 'public') route.onRequest = [guard(access.action), ...[route.onRequest ?? []].flat()];
    });
  },
  { name: 'auth', dependencies: ['database', 'rate-limits'] },
);
