import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { localizeQuestionnaire } from '../../../analysis/questionnaire/localize.ts';
import { findQuestionnaire, listQuestionnaireVersions } from '../../../db/queries/questionnaires.ts';
import { problems } from '../../error-catalogue.ts';
import { requestLanguage } from '../../language.ts';
import { ProblemView } from '../../schemas/responses.ts';

const LanguageQuery = z.object({ lang: z.enum(['vi', 'en']).optional() });

export const questionnaireRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/questionnaires', {
    config: { public: true },
    schema: {
      summary: 'Questionnaire versions stored on this installation',
      response: { 200: z.array(z.object({ version: z.string(), title: z.string() })) },
    },
  }, async () => listQuestionnaireVersions(app.database.db));

  app.get('/questionnaires/:version', {
    config: { public: true },
    schema: {
      summary: 'One questionnaire version in Vietnamese, or in English where translated (?lang=en)',
      params: z.object({ version: z.string().min(1).max(32) }),
      querystring: LanguageQuery,
      // The definition's own zod schema validated it when it was stored; here it is passed through.
      response: { 200: z.record(z.string(), z.unknown()), 404: ProblemView },
    },
  }, async (request) => {
    const def = await findQuestionnaire(app.database.db, request.params.version);
    if (!def) {
      throw problems.notFound('questionnaire', { version: request.params.version });
    }
    return localizeQuestionnaire(def, requestLanguage(request));
  });
};
