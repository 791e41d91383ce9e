/**
 * Published results for everyone, without log-in: the indices of published rounds at province and
 * locality level. Aggregates only — no microdata, no item distributions, no free text. A round that
 * is not published does not exist here (404), whoever asks.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ProblemView } from '../../../contract/problems.ts';
import { AnalysisResultView, PublicResultsQuery } from '../../../contract/results.ts';
import { RoundParams, RoundView } from '../../../contract/rounds.ts';
import { findRoundByCode, listPublishedRounds } from '../../../db/queries/rounds.ts';
import { roundFigures } from '../../domain/results/figures.ts';
import { respondentTypesOfRound } from '../../domain/results/results.ts';
import { problems } from '../../error-catalogue.ts';
import { roundView } from '../../domain/rounds/round-view.ts';

export const publicResultRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.database.db;

  app.get(
    '/public/rounds',
    {
      config: { public: true },
      schema: { summary: 'Rounds whose results are published', response: { 200: z.array(RoundView) } },
    },
    async () => (await listPublishedRounds(db())).map(roundView),
  );

  app.get(
    '/public/rounds/:code/results',
    {
      config: { public: true },
      schema: {
        summary:
          'The indices of a published round (every level; no item details), with rankings (rank=true) and the change since the previous published round (compare=previous)',
        params: RoundParams,
        querystring: PublicResultsQuery,
        response: { 200: AnalysisResultView, 400: ProblemView, 404: ProblemView, 409: ProblemView },
      },
    },
    async (request) => {
      const round = await findRoundByCode(db(), request.params.code);
      if (round?.status !== 'published') {
        throw problems.notFound('publishedResults', { code: request.params.code });
      }
      // Compared with published rounds only: an unpublished round's figures never show here.
      const result = await roundFigures(db(), round, request.query, true);
      return {
        ...result,
        respondentTypes: await respondentTypesOfRound(db(), round),
        groups: result.groups.map((g) => ({ ...g, items: [], options: [] })),
      };
    },
  );
};
