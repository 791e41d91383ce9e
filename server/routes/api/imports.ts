/** The import template of a round (CSV, or XLSX with a codebook sheet) and the import itself. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ImportedView, ImportTemplateQuery } from '../../../contract/imports.ts';
import { UploadProblemViews } from '../../../contract/problems.ts';
import { RoundParams } from '../../../contract/rounds.ts';
import { importTemplate } from '../../domain/imports/import-template.ts';
import { importResponses, readResponsesTable } from '../../domain/imports/response-import.ts';
import { fileProblem } from '../../errors.ts';
import { problems } from '../../error-catalogue.ts';
import { uploadLimits, XLSX_MEDIA_TYPE } from '../../files/tables.ts';
import { requireStaff } from '../../plugins/auth.ts';

const IMPORT_LIMIT = uploadLimits.responses.bytes;

export const importRoutes: FastifyPluginAsyncZod = async (app) => {
  for (const type of ['text/csv', XLSX_MEDIA_TYPE, 'application/octet-stream']) {
    app.addContentTypeParser(type, { parseAs: 'buffer', bodyLimit: IMPORT_LIMIT }, (_request, body, done) => done(null, body));
  }

  app.get(
    '/rounds/:code/import-template',
    {
      config: { action: 'responses.import' },
      schema: {
        summary: "The round's import template: CSV (header only) or XLSX with a codebook sheet",
        params: RoundParams,
        querystring: ImportTemplateQuery,
      },
    },
    async (request, reply) => {
      const file = await importTemplate(app.database.db, request.params.code, request.query.format);
      reply.header('content-disposition', `attachment; filename="${file.fileName}"`).type(file.mediaType);
      return file.body;
    },
  );

  app.post(
    '/rounds/:code/imports',
    {
      config: { action: 'responses.import' },
      bodyLimit: IMPORT_LIMIT,
      schema: {
        summary: 'Import paper forms keyed elsewhere (body: the CSV or XLSX file). All rows or none; re-importing adds nothing',
        params: RoundParams,
        response: { 200: ImportedView, ...UploadProblemViews },
      },
    },
    async (request) => {
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
    },
  );
};
