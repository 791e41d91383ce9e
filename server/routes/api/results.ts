/** A round's results for analysts and survey managers: JSON, CSV, XLSX, microdata and its codebook, the trend. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ProblemView } from '../../../contract/problems.ts';
import { AnalysisResultView, MicrodataQuery, RespondentTypeQuery, ResultFileQuery, ResultsQuery, TrendQuery, TrendView } from '../../../contract/results.ts';
import type { RespondentType } from '../../../contract/questionnaires.ts';
import { RoundParams } from '../../../contract/rounds.ts';
import { codebookDownload, microdataDownload, microdataSyntax, SYNTAX_FORMATS, type SyntaxFormat } from '../../domain/results/microdata-download.ts';
import { roundOrFail } from '../../domain/paper-forms/paper-forms.ts';
import { resultsCsv, resultsXlsx } from '../../domain/results/result-files.ts';
import { roundFigures } from '../../domain/results/figures.ts';
import { wideResultsCsv, wideResultsXlsx } from '../../domain/results/wide-files.ts';
import { questionnaireOfRound, respondentTypesOfRound } from '../../domain/results/results.ts';
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
    const result = await roundFigures(db(), round, {
      ...query,
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

  /** The files' name: round, whose, levels, and `bang` for the report's wide tables. */
  const resultsFileName = (code: string, query: ResultFileQuery, extension: string) =>
    `sipas-${query.layout === 'wide' ? 'bang-' : ''}ket-qua-${code}${whose(query.respondentType)}-${query.by.join('-')}.${extension}`;

  app.get(
    '/rounds/:code/results.csv',
    {
      config: { action: 'results.read' },
      schema: {
        summary: 'The indices as CSV (UTF-8 with BOM): a row per unit and index (layout=long), or units × indicators as the published report (layout=wide)',
        params: RoundParams,
        querystring: ResultFileQuery,
      },
    },
    async (request, reply) => {
      const { round, result } = await compute(request.params.code, request.query);
      reply.header('content-disposition', attachment(resultsFileName(round.code, request.query, 'csv'))).type('text/csv; charset=utf-8');
      if (request.query.layout === 'long') return resultsCsv(result);
      const def = await questionnaireOfRound(db(), round, request.query.respondentType);
      return wideResultsCsv(result, { def, levels: request.query.by });
    },
  );

  app.get(
    '/rounds/:code/results.xlsx',
    {
      config: { action: 'results.read' },
      schema: {
        summary:
          'The results as XLSX: a sheet on round, questionnaire, method and date, then indices, items, options (layout=long), or a formatted sheet per level as the published report, the indicators and the codebook (layout=wide)',
        params: RoundParams,
        querystring: ResultFileQuery,
      },
    },
    async (request, reply) => {
      const { round, result } = await compute(request.params.code, request.query);
      const def = await questionnaireOfRound(db(), round, request.query.respondentType);
      const context = { round, def, levels: request.query.by, generatedAt: new Date() };
      const bytes = request.query.layout === 'wide' ? await wideResultsXlsx(result, context) : await resultsXlsx(result, context);
      reply.header('content-disposition', attachment(resultsFileName(round.code, request.query, 'xlsx'))).type(XLSX_MEDIA_TYPE);
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
          'Microdata of the accepted responses of one respondent type (the format sipas analyze reads; values=labels: answers in words), streamed; free text only for readers cleared for it',
        params: RoundParams,
        querystring: MicrodataQuery,
      },
    },
    async (request, reply) => {
      const round = await roundOrFail(db(), request.params.code);
      const exported = await microdataDownload(
        app.database,
        app.microdataFiles,
        requireStaff(request).user.id,
        round,
        request.query.respondentType,
        request.query.values,
      );
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

  const packages: Record<SyntaxFormat, string> = { sps: 'SPSS (and PSPP)', do: 'Stata 14 or later', R: 'R (survey::svydesign)' };
  for (const format of Object.keys(SYNTAX_FORMATS) as SyntaxFormat[]) {
    app.get(
      `/rounds/:code/microdata.${format}`,
      {
        config: { action: 'results.read' },
        schema: {
          summary: `A ${packages[format]} syntax file that loads the reader's microdata download with variable and value labels and the survey design`,
          params: RoundParams,
          querystring: RespondentTypeQuery,
        },
      },
      async (request, reply) => {
        const round = await roundOrFail(db(), request.params.code);
        const syntax = await microdataSyntax(db(), round, request.query.respondentType, format);
        reply.header('content-disposition', attachment(syntax.fileName)).type('text/plain; charset=utf-8');
        return syntax.bytes;
      },
    );
  }

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
