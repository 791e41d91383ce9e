import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { FirstAdminBody, SetupStatusView, StaffUserView } from '../../../contract/accounts.ts';
import { ProblemView } from '../../../contract/problems.ts';
import { isLocalRequest } from '../../local-request.ts';

export const setupRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/setup',
    {
      config: { public: true },
      schema: {
        summary: 'Whether the installation still needs its first administrator (the setup link only to a browser on the server’s machine)',
        response: { 200: SetupStatusView },
      },
    },
    async (request) => {
      const link = await app.firstAdminSetup.link(app.database.db);
      return { needed: link !== null, link: link !== null && isLocalRequest(request) ? link : null };
    },
  );

  app.post(
    '/setup',
    {
      config: { public: true },
      onRequest: app.logInRateLimit,
      schema: {
        summary: 'Create the first administrator with the setup token the server printed when it started: once, only while no active administrator exists',
        body: FirstAdminBody,
        response: { 201: StaffUserView, 400: ProblemView.describe('Bad input, or a wrong or used setup token'), 409: ProblemView, 429: ProblemView },
      },
    },
    async (request, reply) => {
      const { token, ...input } = request.body;
      const admin = await app.firstAdminSetup.createFirstAdmin(app.database.db, token, input);
      return reply.status(201).send(admin);
    },
  );
};
