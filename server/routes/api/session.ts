import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { LogInBody, SessionView } from '../../../contract/accounts.ts';
import { actionsOf } from '../../../contract/permissions.ts';
import { ProblemView } from '../../../contract/problems.ts';
import { logIn, logOut } from '../../domain/accounts/auth.ts';
import { clientNetwork } from '../../client-network.ts';
import { problems } from '../../error-catalogue.ts';
import { setSessionCookie } from '../../plugins/auth.ts';

export const sessionRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/session',
    {
      config: { public: true },
      onRequest: app.logInRateLimit,
      schema: {
        summary: 'Staff log-in: sets an HttpOnly session cookie',
        body: LogInBody,
        response: {
          200: SessionView,
          401: ProblemView.describe(
            'Wrong username or password, unknown or deactivated account, or log-ins held back after repeated failures: one reply for all',
          ),
          429: ProblemView,
        },
      },
    },
    async (request, reply) => {
      const { username, password } = request.body;
      const { token, session } = await logIn(app.database.db, { username, password, network: clientNetwork(request.ip) }, app.logInThrottle);
      setSessionCookie(request, reply, token);
      return { user: session.user, csrfToken: session.csrfToken, actions: actionsOf(session.user.role) };
    },
  );

  app.get(
    '/session',
    {
      config: { public: true },
      schema: { summary: 'The logged-in staff member and the CSRF token', response: { 200: SessionView, 401: ProblemView } },
    },
    async (request) => {
      if (!request.staff) throw problems.notLoggedIn();
      return { user: request.staff.user, csrfToken: request.staff.csrfToken, actions: actionsOf(request.staff.user.role) };
    },
  );

  app.delete(
    '/session',
    {
      config: { action: 'session.end' },
      schema: { summary: 'Log out', response: { 204: z.null() } },
    },
    async (request, reply) => {
      await logOut(app.database.db, request.staff!);
      setSessionCookie(request, reply, null);
      return reply.status(204).send(null);
    },
  );
};
