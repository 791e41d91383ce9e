/** Survey rounds and administrative units, for staff screens to choose from. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { childLocalities } from '../../../db/queries/localities.ts';
import { listRounds } from '../../../db/queries/rounds.ts';
import { roundStatuses } from '../../../db/schema/rounds.ts';

export const roundRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/rounds', {
    config: { action: 'rounds.list' },
    schema: {
      summary: 'Survey rounds, oldest first',
      response: {
        200: z.array(z.object({
          code: z.string(), name: z.string(), provinceCode: z.string(), periodStart: z.string(), periodEnd: z.string(),
          questionnaireVersion: z.string(), status: z.enum(roundStatuses),
        })),
      },
    },
  }, async () => (await listRounds(app.database.db)).map(({ code, name, provinceCode, periodStart, periodEnd, questionnaireVersion, status }) => ({
    code, name, provinceCode, periodStart, periodEnd, questionnaireVersion, status,
  })));

  app.get('/localities', {
    config: { action: 'localities.list' },
    schema: {
      summary: 'The administrative units directly below one unit (e.g. ?parent=67 for the districts of Đắk Nông)',
      querystring: z.object({ parent: z.string().min(1).max(16) }),
      response: {
        200: z.array(z.object({ code: z.string(), name: z.string(), level: z.string(), validFrom: z.string(), validTo: z.string().nullable() })),
      },
    },
  }, async (request) => (await childLocalities(app.database.db, request.query.parent)).map(({ code, name, level, validFrom, validTo }) => ({ code, name, level, validFrom, validTo })));
};
