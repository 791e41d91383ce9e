/** A round's results for analysts and survey managers: JSON, CSV, XLSX, microdata and its codebook, the trend. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ProblemView } from '../../../contract/problems.ts';
import { AnalysisResultView, RespondentTypeQuery, ResultsQuery, TrendQuery, TrendView } from '../../../contract/results.ts';
import type { RespondentType } from '../../../contract/questionnaires.ts';
import { RoundParams } from '../../../contract/rounds.ts';
import { codebookDownload, microdataDownload } from '../../domain/results/microdata-download.ts';
import { roundOrFail } from '../../domain/paper-forms/paper-forms.ts';
import { resultsCsv, resultsXlsx } from '../../domain/results/result-files.ts';
import { questionnaireOfRound, respondentTypesOfRound, roundResults } from '../../domain/results/results.ts';
import { trendAcrossRounds } from '../../domain/results/trend.ts';
import { XLSX_MEDIA_TYPE } from '../../files/tables.ts';
import { requireStaff } from '../../plugins/auth.ts';

const errors = { 400: ProblemView, 401: ProblemView, 403: ProblemView, 404: ProblemView, 409: ProblemView };

export function attachment(name: string): string {
  // An ASCII name for old clients, the exact one (RFC 5987) for the rest.
  const ascii = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9._-]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export const resultRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.database.db;

  const compute = async (code: string, query: ResultsQuery) => {
    const round = await roundOrFail(db(), code);
    const result = await roundResults(db(), round, {
      levels: query.by,
      respondentType: query.respondentType,
      reliability: { minN: query.minN, maxHalfWidth: query.maxHalfWidth },
    });
    return { round, result: { ...result, respondentTypes: await respondentTypesOfRound(db(), round) } };
  };
  /** Organisations' files say so in their name: they are never a citizens' file. */
  const whose = (type: RespondentType) => (type === 'organisation' ? '-to-chuc' : '');

  app.get(
    '/rounds/:code/results',
    {
      config: { action: 'results.read' },
      schema: {
        summary: 'Weighted SIPAS indices of a round with standard errors, per level (the JSON of sipas analyze)',
        params: RoundParams,
        querystring: ResultsQuery,
        response: { 200: AnalysisResultView, ...errors },
      },
    },
    async (request) => (await compute(request.params.code, request.query)).result,
  );

  app.get(
    '/rounds/:code/results.csv',
    {
      config: { action: 'results.read' },
      schema: { summary: 'The indices as CSV (UTF-8 with BOM)', params: RoundParams, querystring: ResultsQuery },
    },
    async (request, reply) => {
      const { round, result } = await compute(request.params.code, request.query);
      reply
        .header('content-disposition', attachment(`sipas-ket-qua-${round.code}${whose(request.query.respondentType)}-${request.query.by.join('-')}.csv`))
        .type('text/csv; charset=utf-8');
      return resultsCsv(result);
    },
  );

  app.get(
    '/rounds/:code/results.xlsx',
    {
      config: { action: 'results.read' },
      schema: {
        summary: 'The results as XLSX: a sheet on round, questionnaire, method and date, then indices, items, options',
        params: RoundParams,
        querystring: ResultsQuery,
      },
    },
    async (request, reply) => {
      const { round, result } = await compute(request.params.code, request.query);
      const def = await questionnaireOfRound(db(), round, request.query.respondentType);
      const bytes = await resultsXlsx(result, { round, def, levels: request.query.by, generatedAt: new Date() });
      reply
        .header('content-disposition', attachment(`sipas-ket-qua-${round.code}${whose(request.query.respondentType)}-${request.query.by.join('-')}.xlsx`))
        .type(XLSX_MEDIA_TYPE);
      return bytes;
    },
  );

  app.get(
    '/rounds/:code/microdata.csv',
    {
      config: { action: 'results.read' },
      // Compressing hundreds of megabytes on the fly would cost the server more than sending them
      // costs the office network; the file is fetched once and compresses well afterwards.
      compress: false,
      schema: {
        summary:
          'Microdata of the accepted responses of one respondent type (the format sipas analyze reads), streamed; free text only for readers cleared for it',
        params: RoundParams,
        querystring: RespondentTypeQuery,
      },
    },
    async (request, reply) => {
      const round = await roundOrFail(db(), request.params.code);
      const exported = await microdataDownload(app.database, requireStaff(request).user.id, round, request.query.respondentType);
      reply.header('content-disposition', attachment(exported.fileName)).type('text/csv; charset=utf-8').header('cache-control', 'no-store');
      return reply.send(exported.stream);
    },
  );

  app.get(
    '/rounds/:code/codebook.csv',
    {
      config: { action: 'results.read' },
      schema: {
        summary: 'The codebook of the microdata of one respondent type: every column, its meaning and values',
        params: RoundParams,
        querystring: RespondentTypeQuery,
      },
    },
    async (request, reply) => {
      const round = await roundOrFail(db(), request.params.code);
      const codebook = await codebookDownload(db(), round, request.query.respondentType);
      reply.header('content-disposition', attachment(`sipas-ma-hoa-${round.code}${whose(request.query.respondentType)}.csv`)).type('text/csv; charset=utf-8');
      return codebook;
    },
  );

  app.get(
    '/results/trend',
    {
      config: { action: 'results.read' },
      schema: {
        summary: 'Indices of every round (not drafts), units relabelled as those in force at the end of the latest round',
        querystring: TrendQuery,
        response: { 200: TrendView, ...errors },
      },
    },
    async (request) =>
      trendAcrossRounds(
        db(),
        request.query.by,
        request.query.respondentType,
        request.query.rounds
          ?.split(',')
          .map((c) => c.trim())
          .filter(Boolean),
      ),
  );
};
