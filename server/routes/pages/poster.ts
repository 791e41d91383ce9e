/** An A4 poster per survey link (server/domain/links/poster.ts): print it, and the QR code opens the survey. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { LinkParams } from '../../../contract/links.ts';
import { findLinkByToken } from '../../../db/queries/links.ts';
import { RoundParams } from '../../../contract/rounds.ts';
import { officeLinksToPrint } from '../../domain/links/office-links.ts';
import { posterHtml, postersHtml } from '../../domain/links/poster.ts';
import { problems } from '../../error-catalogue.ts';

export const posterRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/poster/:token',
    {
      config: { public: true },
      schema: { hide: true, params: LinkParams },
    },
    async (request, reply) => {
      const link = await findLinkByToken(app.database.db, request.params.token);
      if (!link) throw problems.notFound('link');
      reply.type('text/html; charset=utf-8');
      return posterHtml(link, app.publicUrl);
    },
  );

  app.get(
    '/posters/:code',
    {
      config: { action: 'links.manage' },
      schema: { hide: true, params: RoundParams },
    },
    async (request, reply) => {
      const { roundName, links } = await officeLinksToPrint(app.database.db, request.params.code);
      reply.type('text/html; charset=utf-8');
      return postersHtml(roundName, links, app.publicUrl);
    },
  );
};
