/** The import template of a round (CSV, or XLSX with a codebook sheet) and the import itself. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ImportedView, ImportTemplateQuery } from '../../../contract/imports.ts';
import { FileProblemView, ProblemView } from '../../../contract/problems.ts';
import { RoundParams } from '../../../contract/rounds.ts';
import { importTemplate } from '../../domain/imports/import-template.ts';
import { importResponses, readResponsesTable } from '../../domain/imports/response-import.ts';
import { fileProblem, Problem } from '../../errors.ts';
import { uploadLimits, XLSX_MEDIA_TYPE } from '../../files/tables.ts';
import { requireStaff } from '../../plugins/auth.ts';

const IMPORT_LIMIT = uploadLimits.responses.bytes;

export const importRoutes: FastifyPluginAsyncZod = async (app) => {
  for (const type of ['text/csv', XLSX_MEDIA_TYPE, 'application/octet-stream']) {
    app.addContentTypeParser(type, { parseAs: 'buffer', bodyLimit: IMPORT_LIMIT }, (_request, body, done) => done(null, body));
  }

  app.get('/rounds/:code/import-template', {
    onRequest: app.allow('admin', 'manager'),
    schema: {
      summary: "The round's import template: CSV (header only) or XLSX with a codebook sheet",
      params: RoundParams,
      querystring: ImportTemplateQuery,
    },
  }, async (request, reply) => {
    const file = await importTemplate(app.database.db, request.params.code, request.query.format);
    reply.header('content-disposition', `attachment; filename="${file.fileName}"`).type(file.mediaType);
    return file.body;
  });

  app.post('/rounds/:code/imports', {
    onRequest: app.allow('admin', 'manager'),
    bodyLimit: IMPORT_LIMIT,
    schema: {
      summary: 'Import paper forms keyed elsewhere (body: the CSV or XLSX file). All rows or none; re-importing adds nothing',
      params: RoundParams,
      response: {
        200: ImportedView,
        400: FileProblemView, 401: ProblemView, 403: ProblemView, 404: ProblemView, 413: FileProblemView,
      },
    },
  }, async (request) => {
    const bytes = request.body as Buffer;
    if (!Buffer.isBuffer(bytes) || bytes.length === 0) {
      throw new Problem(400.2, 'empty_file', { vi: 'Chưa có tệp để nhập (gửi tệp CSV hoặc XLSX làm nội dung)', en: 'No file (send a CSV or XLSX file as the body)' });
    }
    const table = await readResponsesTable(bytes, request.headers['content-type'] ?? '');
    const result = await importResponses(app.database.db, requireStaff(request).user.id, request.params.code, table);
    if (result.problems.length > 0) {
      throw fileProblem(400.4, 'import_rejected', {
        vi: `Không nhập: ${result.problems.length} lỗi. Sửa các dòng dưới đây rồi nhập lại cả tệp.`,
        en: `Nothing imported: ${result.problems.length} problem(s). Fix the rows below and import the whole file again.`,
      }, result.problems);
    }
    return { imported: result.imported, unchanged: result.unchanged };
  });
};
