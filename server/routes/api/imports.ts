/** The import template of a round (CSV, or XLSX with a codebook sheet) and the import itself. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { findQuestionnaire } from '../../../db/queries/questionnaires.ts';
import { codebook, importResponses, readResponsesTable, templateColumns } from '../../domain/response-import.ts';
import { roundOrFail } from '../../domain/paper-forms.ts';
import { problems } from '../../error-catalogue.ts';
import { fileProblem } from '../../errors.ts';
import { uploadLimits, writeCsv, writeXlsx, XLSX_MEDIA_TYPE } from '../../files/tables.ts';
import { requireStaff } from '../../plugins/auth.ts';
import { FileProblemView, ProblemView } from '../../schemas/responses.ts';

const IMPORT_LIMIT = uploadLimits.responses.bytes;
const RoundParams = z.object({ code: z.string().min(1).max(64) });

export const importRoutes: FastifyPluginAsyncZod = async (app) => {
  for (const type of ['text/csv', XLSX_MEDIA_TYPE, 'application/octet-stream']) {
    app.addContentTypeParser(type, { parseAs: 'buffer', bodyLimit: IMPORT_LIMIT }, (_request, body, done) => done(null, body));
  }

  app.get('/rounds/:code/import-template', {
    config: { action: 'responses.import' },
    schema: {
      summary: "The round's import template: CSV (header only) or XLSX with a codebook sheet",
      params: RoundParams,
      querystring: z.object({ format: z.enum(['csv', 'xlsx']).default('xlsx') }),
    },
  }, async (request, reply) => {
    const round = await roundOrFail(app.database.db, request.params.code);
    const def = (await findQuestionnaire(app.database.db, round.questionnaireVersion))!;
    const name = `sipas-mau-nhap-${round.code}`;
    if (request.query.format === 'csv') {
      reply.header('content-disposition', `attachment; filename="${name}.csv"`).type('text/csv; charset=utf-8');
      return writeCsv(templateColumns(def), []);
    }
    const bytes = await writeXlsx([
      { name: 'Dữ liệu', header: templateColumns(def), rows: [] },
      { name: 'Mã hóa', header: ['cột', 'câu hỏi', 'giá trị', 'điều kiện'], rows: codebook(def) },
      { name: 'Thông tin', header: ['mục', 'giá trị'], rows: [['đợt khảo sát', round.code], ['tên đợt', round.name], ['phiên bản phiếu', def.version]] },
    ]);
    reply.header('content-disposition', `attachment; filename="${name}.xlsx"`).type(XLSX_MEDIA_TYPE);
    return bytes;
  });

  app.post('/rounds/:code/imports', {
    config: { action: 'responses.import' },
    bodyLimit: IMPORT_LIMIT,
    schema: {
      summary: 'Import paper forms keyed elsewhere (body: the CSV or XLSX file). All rows or none; re-importing adds nothing',
      params: RoundParams,
      response: {
        200: z.object({ imported: z.number(), unchanged: z.number() }),
        400: FileProblemView, 401: ProblemView, 403: ProblemView, 404: ProblemView, 413: FileProblemView,
      },
    },
  }, async (request) => {
    const bytes = request.body as Buffer;
    if (!Buffer.isBuffer(bytes) || bytes.length === 0) {
      throw problems.emptyFile('responses');
    }
    const table = await readResponsesTable(bytes, request.headers['content-type'] ?? '');
    const result = await importResponses(app.database.db, requireStaff(request).user.id, request.params.code, table);
    if (result.problems.length > 0) {
      throw fileProblem(problems.importRejected({ count: result.problems.length }), result.problems);
    }
    return { imported: result.imported, unchanged: result.unchanged };
  });
};
