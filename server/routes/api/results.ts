/** A round's results for analysts and survey managers: JSON, CSV, XLSX, microdata and its codebook, the trend. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { defaultReliability } from '../../../analysis/estimation/intervals.ts';
import { recordAudit } from '../../../db/queries/audit.ts';
import { readsFreeText } from '../../../db/queries/users.ts';
import { codebookCsv, microdataExport } from '../../domain/microdata.ts';
import { roundOrFail } from '../../domain/paper-forms.ts';
import { resultsCsv, resultsXlsx } from '../../domain/result-files.ts';
import { questionnaireOfRound, roundResults } from '../../domain/results.ts';
import { RESULT_LEVELS, type ResultLevel } from '../../domain/survey-design.ts';
import { trendAcrossRounds } from '../../domain/trend.ts';
import { XLSX_MEDIA_TYPE } from '../../files/tables.ts';
import { requireStaff } from '../../plugins/auth.ts';
import { AnalysisResultView } from '../../schemas/results.ts';
import { ProblemView } from '../../schemas/responses.ts';

export const RoundParams = z.object({ code: z.string().min(1).max(64) });

/** `by=province,district`: one or more levels, each all, province, district or commune. */
export const LevelsQuery = z
  .string()
  .max(100)
  .default('all')
  .transform((text) => [...new Set(text.split(',').map((l) => l.trim()).filter(Boolean))])
  .pipe(z.array(z.enum(RESULT_LEVELS)).min(1))
  .describe('all, province, district or commune; several separated by commas (province,district)');

const ResultsQuery = z.object({
  by: LevelsQuery,
  minN: z.coerce.number().int().min(0).max(100_000).default(defaultReliability.minN).describe('fewest respondents for a reliable figure'),
  maxHalfWidth: z.coerce.number().positive().max(100).default(defaultReliability.maxHalfWidth).describe('widest reliable 95 % half-width, in points'),
});

const errors = { 400: ProblemView, 401: ProblemView, 403: ProblemView, 404: ProblemView, 409: ProblemView };

export function attachment(name: string): string {
  // An ASCII name for old clients, the exact one (RFC 5987) for the rest.
  const ascii = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').replace(/[^A-Za-z0-9._-]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export const resultRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.database.db;

  const compute = async (code: string, query: z.infer<typeof ResultsQuery>) => {
    const round = await roundOrFail(db(), code);
    const result = await roundResults(db(), round, { levels: query.by as ResultLevel[], reliability: { minN: query.minN, maxHalfWidth: query.maxHalfWidth } });
    return { round, result };
  };

  app.get('/rounds/:code/results', {
    config: { action: 'results.read' },
    schema: {
      summary: 'Weighted SIPAS indices of a round with standard errors, per level (the JSON of sipas analyze)',
      params: RoundParams,
      querystring: ResultsQuery,
      response: { 200: AnalysisResultView, ...errors },
    },
  }, async (request) => (await compute(request.params.code, request.query)).result);

  app.get('/rounds/:code/results.csv', {
    config: { action: 'results.read' },
    schema: { summary: 'The indices as CSV (UTF-8 with BOM)', params: RoundParams, querystring: ResultsQuery },
  }, async (request, reply) => {
    const { round, result } = await compute(request.params.code, request.query);
    reply.header('content-disposition', attachment(`sipas-ket-qua-${round.code}-${request.query.by.join('-')}.csv`)).type('text/csv; charset=utf-8');
    return resultsCsv(result);
  });

  app.get('/rounds/:code/results.xlsx', {
    config: { action: 'results.read' },
    schema: { summary: 'The results as XLSX: a sheet on round, questionnaire, method and date, then indices, items, options', params: RoundParams, querystring: ResultsQuery },
  }, async (request, reply) => {
    const { round, result } = await compute(request.params.code, request.query);
    const def = await questionnaireOfRound(db(), round);
    const bytes = await resultsXlsx(result, { round, def, levels: request.query.by as ResultLevel[], generatedAt: new Date() });
    reply.header('content-disposition', attachment(`sipas-ket-qua-${round.code}-${request.query.by.join('-')}.xlsx`)).type(XLSX_MEDIA_TYPE);
    return bytes;
  });

  app.get('/rounds/:code/microdata.csv', {
    config: { action: 'results.read' },
    // Compressing hundreds of megabytes on the fly would cost the server more than sending them
    // costs the office network; the file is fetched once and compresses well afterwards.
    compress: false,
    schema: {
      summary: 'Microdata of the accepted responses (the format sipas analyze reads), streamed; free text only for readers cleared for it',
      params: RoundParams,
    },
  }, async (request, reply) => {
    const staff = requireStaff(request);
    const round = await roundOrFail(db(), request.params.code);
    const withText = await readsFreeText(db(), staff.user.id);
    const exported = await microdataExport(app.database, round, withText);
    await recordAudit(db(), [{ userId: staff.user.id, action: 'download_microdata', entity: 'round', entityId: round.code, newValue: { rows: exported.rows, freeText: withText } }]);
    reply.header('content-disposition', attachment(exported.fileName)).type('text/csv; charset=utf-8').header('cache-control', 'no-store');
    return reply.send(exported.stream);
  });

  app.get('/rounds/:code/codebook.csv', {
    config: { action: 'results.read' },
    schema: { summary: 'The codebook of the microdata: every column, its meaning and values', params: RoundParams },
  }, async (request, reply) => {
    const round = await roundOrFail(db(), request.params.code);
    const def = await questionnaireOfRound(db(), round);
    const withText = await readsFreeText(db(), requireStaff(request).user.id);
    reply.header('content-disposition', attachment(`sipas-ma-hoa-${round.code}.csv`)).type('text/csv; charset=utf-8');
    return codebookCsv(def, withText);
  });

  app.get('/results/trend', {
    config: { action: 'results.read' },
    schema: {
      summary: 'Indices of every round (not drafts), units relabelled as those in force at the end of the latest round',
      querystring: z.object({ by: LevelsQuery, rounds: z.string().max(2000).optional().describe('only these round codes, separated by commas') }),
      response: { 200: z.object({ asOf: z.string(), rounds: z.array(z.unknown()) }), ...errors },
    },
  }, async (request) => trendAcrossRounds(db(), request.query.by as ResultLevel[], request.query.rounds?.split(',').map((c) => c.trim()).filter(Boolean)));
};
