import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ProblemView } from '../../../contract/problems.ts';
import { LanguageQuery, LocalizedQuestionnaireView, QuestionnaireParams, QuestionnaireSummaryView } from '../../../contract/questionnaires.ts';
import { localizeQuestionnaire } from '../../../analysis/questionnaire/localize.ts';
import { findQuestionnaire, listQuestionnaireVersions } from '../../../db/queries/questionnaires.ts';
import { problems } from '../../error-catalogue.ts';
import { requestLanguage } from '../../language.ts';

export const questionnaireRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/questionnaires',
    {
      config: { public: true },
      schema: {
        summary: 'Questionnaire versions stored on this installation',
        response: { 200: z.array(QuestionnaireSummaryView) },
      },
    },
    async () => listQuestionnaireVersions(app.database.db),
  );

  app.get(
    '/questionnaires/:version',
    {
      config: { public: true },
      schema: {
        summary: 'One questionnaire version in Vietnamese, or in English where translated (?lang=en)',
        params: QuestionnaireParams,
        querystring: LanguageQuery,
        response: { 200: LocalizedQuestionnaireView, 404: ProblemView },
      },
    },
    async (request) => {
      const def = await findQuestionnaire(app.database.db, request.params.version);
      if (!def) {
        throw problems.notFound('questionnaire', { version: request.params.version });
      }
      return localizeQuestionnaire(def, requestLanguage(request));
    },
  );
};
