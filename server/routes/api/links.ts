import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { LinkParams, LinkQuery, SurveyLinkView } from '../../../contract/links.ts';
import { ProblemView } from '../../../contract/problems.ts';
import { findLinkByToken } from '../../../db/queries/links.ts';
import { surveyLinkView } from '../../domain/links/survey-link.ts';
import { problems } from '../../errors.ts';

export const linkRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/links/:token', {
    schema: {
      summary: 'What a survey link (office QR code, or the round\'s online link) opens: round, office, and whether it is open',
      params: LinkParams,
      querystring: LinkQuery,
      response: { 200: SurveyLinkView, 404: ProblemView },
    },
  }, async (request) => {
    const db = app.database.db;
    const link = await findLinkByToken(db, request.params.token);
    if (!link) {
      throw problems.notFound({
        vi: 'Đường dẫn khảo sát không đúng hoặc đã được thay thế. Vui lòng quét lại mã QR tại bộ phận một cửa.',
        en: 'This survey link is not valid or has been replaced. Please scan the QR code at the office again.',
      });
    }
    return surveyLinkView(db, link, { withQuestionnaire: request.query.include === 'questionnaire' });
  });
};
