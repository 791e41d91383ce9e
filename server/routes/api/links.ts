import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { LinkParams, LinkQuery, SurveyLinkView } from '../../../contract/links.ts';
import { ProblemView } from '../../../contract/problems.ts';
import { findLinkByToken } from '../../../db/queries/links.ts';
import { surveyLinkView } from '../../domain/links/survey-link.ts';
import { problems } from '../../error-catalogue.ts';

export const linkRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/links/:token',
    {
      config: { public: true },
      schema: {
        summary: "What a survey link (office QR code, or the round's online link) opens: round, office, and whether it is open",
        params: LinkParams,
        querystring: LinkQuery,
        response: { 200: SurveyLinkView, 404: ProblemView },
      },
    },
    async (request) => {
      const db = app.database.db;
      const link = await findLinkByToken(db, request.params.token);
      if (!link) {
        throw problems.notFound('surveyLink');
      }
      return surveyLinkView(db, link, { withQuestionnaire: request.query.include === 'questionnaire', respondentType: request.query.respondentType });
    },
  );
};
