/** Survey rounds and administrative units, for staff screens to choose from. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { LocalitiesQuery, LocalityView } from '../../../contract/localities.ts';
import { RoundSummaryView } from '../../../contract/rounds.ts';
import { childLocalityViews } from '../../domain/localities/localities.ts';
import { roundSummaries } from '../../domain/rounds/round-view.ts';

export const roundRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/rounds',
    {
      config: { action: 'rounds.list' },
      schema: {
        summary: 'Survey rounds, oldest first',
        response: { 200: z.array(RoundSummaryView) },
      },
    },
    async () => roundSummaries(app.database.db),
  );

  app.get(
    '/localities',
    {
      config: { action: 'localities.list' },
      schema: {
        summary: 'The administrative units directly below one unit (e.g. ?parent=67 for the districts of Đắk Nông)',
        querystring: LocalitiesQuery,
        response: { 200: z.array(LocalityView) },
      },
    },
    async (request) => childLocalityViews(app.database.db, request.query.parent),
  );
};
