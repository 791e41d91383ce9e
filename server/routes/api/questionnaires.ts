import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ProblemView, UploadProblemViews } from '../../../contract/problems.ts';
import {
  LanguageQuery,
  LocalizedQuestionnaireView,
  QuestionnaireDefinitionView,
  QuestionnaireFileQuery,
  QuestionnaireParams,
  QuestionnaireStoredView,
  QuestionnaireSummaryView,
  QuestionnaireVersionView,
} from '../../../contract/questionnaires.ts';
import { localizeQuestionnaire } from '../../../analysis/questionnaire/localize.ts';
import { findQuestionnaire, listQuestionnaireVersions } from '../../../db/queries/questionnaires.ts';
import { questionnaireFromUpload } from '../../domain/questionnaires/questionnaire-file.ts';
import {
  questionnaireTemplate,
  questionnaireVersions,
  questionnaireWorkbook,
  storedQuestionnaire,
  storeQuestionnaire,
} from '../../domain/questionnaires/questionnaire-versions.ts';
import { problems } from '../../error-catalogue.ts';
import { uploadLimits, XLSX_MEDIA_TYPE } from '../../files/tables.ts';
import { requestLanguage } from '../../language.ts';
import { requireStaff } from '../../plugins/auth.ts';

const UPLOAD_LIMIT = uploadLimits.questionnaire.bytes;

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

/** Admins' routes: versions with their use, upload (JSON or the XLSX template), the template, downloads. */
export const questionnaireAdminRoutes: FastifyPluginAsyncZod = async (app) => {
  // A file, whichever it is (the XLSX template, or a JSON definition sent as application/octet-stream), is read as bytes,
  // so that a JSON file's problems are listed like a workbook's; a JSON body is a request like any other, strict.
  for (const type of [XLSX_MEDIA_TYPE, 'application/octet-stream']) {
    app.addContentTypeParser(type, { parseAs: 'buffer', bodyLimit: UPLOAD_LIMIT }, (_request, body, done) => done(null, body));
  }

  app.get(
    '/questionnaire-versions',
    {
      config: { action: 'questionnaires.manage' },
      schema: {
        summary: 'Every questionnaire version with whom it asks, the rounds using it and its responses',
        response: { 200: z.array(QuestionnaireVersionView), 401: ProblemView, 403: ProblemView },
      },
    },
    async () => questionnaireVersions(app.database.db),
  );

  app.post(
    '/questionnaire-versions',
    {
      config: { action: 'questionnaires.manage' },
      bodyLimit: UPLOAD_LIMIT,
      schema: {
        summary:
          'Store a questionnaire version (body: the XLSX template filled in, or a JSON definition sent as application/octet-stream). Every problem is reported with its sheet, row and column (or JSON path); nothing is stored when there is one',
        querystring: LanguageQuery,
        response: { 200: QuestionnaireStoredView, 201: QuestionnaireStoredView, ...UploadProblemViews, 409: ProblemView },
      },
    },
    async (request, reply) => {
      const body = request.body;
      if (body === undefined || body === null || (Buffer.isBuffer(body) && body.length === 0)) throw problems.emptyFile('questionnaire');
      const def = await questionnaireFromUpload(body);
      const outcome = await storeQuestionnaire(app.database.db, requireStaff(request).user.id, def);
      reply.code(outcome === 'created' ? 201 : 200);
      return { version: def.version, outcome };
    },
  );

  app.get(
    '/questionnaire-versions/template.xlsx',
    {
      config: { action: 'questionnaires.manage' },
      schema: { summary: 'The questionnaire template (XLSX): the guide to every column, filled with the citizens’ 2024 version' },
    },
    async (_request, reply) => {
      reply.header('content-disposition', 'attachment; filename="sipas-mau-phieu-khao-sat.xlsx"').type(XLSX_MEDIA_TYPE);
      return questionnaireTemplate();
    },
  );

  app.get(
    '/questionnaire-versions/:version/file',
    {
      config: { action: 'questionnaires.manage' },
      schema: {
        summary: 'One version as its JSON definition or as the XLSX template (?format=xlsx); either can be uploaded again as it is',
        params: QuestionnaireParams,
        querystring: QuestionnaireFileQuery,
        response: { 200: QuestionnaireDefinitionView, 401: ProblemView, 403: ProblemView, 404: ProblemView },
      },
    },
    async (request, reply) => {
      const def = await storedQuestionnaire(app.database.db, request.params.version);
      const name = `sipas-phieu-${def.version}`;
      if (request.query.format === 'xlsx') {
        reply.header('content-disposition', `attachment; filename="${name}.xlsx"`).type(XLSX_MEDIA_TYPE);
        // Bytes are sent as they are; the declared 200 is the JSON form's.
        return reply.send((await questionnaireWorkbook(def)) as never);
      }
      reply.header('content-disposition', `attachment; filename="${name}.json"`);
      return def;
    },
  );
};
