/** A province's offices as a manager keeps them: list, add, edit or deactivate, import from a file, and the file's template. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CreateOfficeBody, OfficeParams, OfficesImportedView, OfficeTemplateQuery, OfficeView, UpdateOfficeBody } from '../../../contract/offices.ts';
import { ProblemView, UploadProblemViews } from '../../../contract/problems.ts';
import { officeTemplate, readOfficesTable } from '../../domain/offices/office-template.ts';
import { changeOffice, createOffice, importOffices, officeViews } from '../../domain/offices/offices.ts';
import { fileProblem } from '../../errors.ts';
import { problems } from '../../error-catalogue.ts';
import { uploadLimits, XLSX_MEDIA_TYPE } from '../../files/tables.ts';
import { requireStaff } from '../../plugins/auth.ts';

const OFFICES_LIMIT = uploadLimits.offices.bytes;

export const officeRoutes: FastifyPluginAsyncZod = async (app) => {
  for (const type of ['text/csv', XLSX_MEDIA_TYPE, 'application/octet-stream']) {
    app.addContentTypeParser(type, { parseAs: 'buffer', bodyLimit: OFFICES_LIMIT }, (_request, body, done) => done(null, body));
  }
  // An office's name, locality or state decides what its links accept: this server applies a change at once.
  const changed = <T>(result: T) => {
    app.lookups.forgetMutable();
    return result;
  };

  app.get(
    '/offices',
    {
      config: { action: 'offices.manage' },
      schema: { summary: 'Every office, active or not, with its level and locality', response: { 200: z.array(OfficeView) } },
    },
    async () => officeViews(app.database.db),
  );

  app.post(
    '/offices',
    {
      config: { action: 'offices.manage' },
      schema: {
        summary: 'Add one office (audited)',
        body: CreateOfficeBody,
        response: { 201: OfficeView, 400: ProblemView, 409: ProblemView },
      },
    },
    async (request, reply) => {
      const office = await createOffice(app.database.db, requireStaff(request).user.id, request.body);
      reply.code(201);
      return changed(office);
    },
  );

  app.patch(
    '/offices/:code',
    {
      config: { action: 'offices.manage' },
      schema: {
        summary: "Change an office's name, locality or level, or deactivate it (its links then take no responses); audited",
        params: OfficeParams,
        body: UpdateOfficeBody,
        response: { 200: OfficeView, 400: ProblemView, 404: ProblemView },
      },
    },
    async (request) => changed(await changeOffice(app.database.db, requireStaff(request).user.id, request.params.code, request.body)),
  );

  app.get(
    '/offices/template',
    {
      config: { action: 'offices.manage' },
      schema: { summary: 'The template of an offices file: CSV (header only) or XLSX with the levels and units explained', querystring: OfficeTemplateQuery },
    },
    async (request, reply) => {
      const file = await officeTemplate(app.database.db, request.query.format);
      reply.header('content-disposition', `attachment; filename="${file.fileName}"`).type(file.mediaType);
      return file.body;
    },
  );

  app.post(
    '/offices/imports',
    {
      config: { action: 'offices.manage' },
      bodyLimit: OFFICES_LIMIT,
      schema: {
        summary: 'Import offices (body: CSV or XLSX with code, name, locality, level). All rows or none; a stored code is updated, not duplicated',
        response: { 200: OfficesImportedView, ...UploadProblemViews },
      },
    },
    async (request) => {
      const bytes = request.body as Buffer;
      if (!Buffer.isBuffer(bytes) || bytes.length === 0) throw problems.emptyFile('offices');
      const table = await readOfficesTable(bytes, request.headers['content-type'] ?? '');
      const result = await importOffices(app.database.db, requireStaff(request).user.id, table);
      if (result.problems.length > 0) throw fileProblem(problems.listRejected({ count: result.problems.length }), result.problems);
      return changed({ added: result.added, updated: result.updated, unchanged: result.unchanged });
    },
  );
};
