/** Office survey links as a survey manager handles them: list with posters, open and close. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { LinkActiveBody, LinkParams, OfficeLinkView } from '../../../contract/links.ts';
import { ProblemView } from '../../../contract/problems.ts';
import { RoundParams } from '../../../contract/rounds.ts';
import { officeLinksCsv, officeLinksOfRound, reissueLink, setOfficeLinkActive } from '../../domain/links/office-links.ts';
import { requireStaff } from '../../plugins/auth.ts';

export const officeLinkRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/rounds/:code/links',
    {
      config: { action: 'links.manage' },
      schema: {
        summary: "The round's online link and every active office's survey link (made on first look), with their posters",
        params: RoundParams,
        response: { 200: z.array(OfficeLinkView), 404: ProblemView },
      },
    },
    async (request) => officeLinksOfRound(app.database.db, request.params.code, app.publicUrl),
  );

  app.get(
    '/rounds/:code/links.csv',
    {
      config: { action: 'links.manage' },
      schema: { summary: 'The same links as a CSV file (office, name, locality, channel, state, survey_url, printable)', params: RoundParams },
    },
    async (request, reply) => {
      const file = await officeLinksCsv(app.database.db, request.params.code, app.publicUrl);
      reply.header('content-disposition', `attachment; filename="${file.fileName}"`).type('text/csv; charset=utf-8');
      return file.body;
    },
  );

  app.patch(
    '/links/:token',
    {
      config: { action: 'links.manage' },
      schema: {
        summary: 'Open or close one survey link (office or online); a closed link tells citizens politely that the survey has ended',
        params: LinkParams,
        body: LinkActiveBody,
        response: { 200: OfficeLinkView, 400: ProblemView, 404: ProblemView },
      },
    },
    async (request) => {
      const link = await setOfficeLinkActive(app.database.db, requireStaff(request).user.id, request.params.token, request.body.active, app.publicUrl);
      // Responses check links through a short-lived cache: this server applies the change at once.
      app.lookups.forgetMutable();
      return link;
    },
  );

  app.post(
    '/links/:token/reissue',
    {
      config: { action: 'links.manage' },
      schema: {
        summary: 'Give a link a new token (its posters must be printed again): the old one opens nothing and takes no responses; audited',
        params: LinkParams,
        response: { 200: OfficeLinkView, 404: ProblemView },
      },
    },
    async (request) => {
      const link = await reissueLink(app.database.db, requireStaff(request).user.id, request.params.token, app.publicUrl);
      app.lookups.forgetMutable();
      return link;
    },
  );
};
