/** Administrative units and old → new mappings as managers keep them: the provinces, one unit or mapping at a time, or a whole file. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CreateLocalityBody,
  LocalityParams,
  MappingBody,
  MappingParams,
  MappingsImportedView,
  MappingsQuery,
  MappingView,
  UnitsImportedView,
  UnitView,
  UpdateLocalityBody,
} from '../../../contract/localities.ts';
import { ProblemView, UploadProblemViews } from '../../../contract/problems.ts';
import { addMapping, addUnit, changeUnit, provinceViews, removeMapping, unitMappings } from '../../domain/localities/locality-edits.ts';
import { importLocalities, importLocalityMappings, MAPPING_COLUMNS, REQUIRED_LOCALITY_COLUMNS } from '../../domain/localities/locality-import.ts';
import { fileProblem } from '../../errors.ts';
import { problems } from '../../error-catalogue.ts';
import { detectFormat, readTable, uploadLimits, XLSX_MEDIA_TYPE } from '../../files/tables.ts';
import { requireStaff } from '../../plugins/auth.ts';

const UNITS_LIMIT = uploadLimits.localities.bytes;

export const localityRoutes: FastifyPluginAsyncZod = async (app) => {
  for (const type of ['text/csv', XLSX_MEDIA_TYPE, 'application/octet-stream']) {
    app.addContentTypeParser(type, { parseAs: 'buffer', bodyLimit: UNITS_LIMIT }, (_request, body, done) => done(null, body));
  }
  // Units decide what a response's locality may be: this server reads them afresh at once.
  const changed = <T>(result: T) => {
    app.lookups.forgetMutable();
    return result;
  };
  const fileOf = (body: unknown) => {
    if (!Buffer.isBuffer(body) || body.length === 0) throw problems.emptyFile('localities');
    return body;
  };

  app.get(
    '/localities/provinces',
    {
      config: { action: 'localities.list' },
      schema: { summary: 'Every province, those before and after the 2025 reorganisation, in Vietnamese order', response: { 200: z.array(UnitView) } },
    },
    async () => provinceViews(app.database.db),
  );

  app.post(
    '/localities',
    {
      config: { action: 'localities.manage' },
      schema: { summary: 'Add one administrative unit (audited)', body: CreateLocalityBody, response: { 201: UnitView, 400: ProblemView, 409: ProblemView } },
    },
    async (request, reply) => {
      const unit = await addUnit(app.database.db, requireStaff(request).user.id, request.body);
      reply.code(201);
      return changed(unit);
    },
  );

  app.patch(
    '/localities/:code',
    {
      config: { action: 'localities.manage' },
      schema: {
        summary: "Change a unit's name, parent or validity dates (audited)",
        params: LocalityParams,
        body: UpdateLocalityBody,
        response: { 200: UnitView, 400: ProblemView, 404: ProblemView },
      },
    },
    async (request) => changed(await changeUnit(app.database.db, requireStaff(request).user.id, request.params.code, request.body)),
  );

  app.post(
    '/localities/imports',
    {
      config: { action: 'localities.manage' },
      bodyLimit: UNITS_LIMIT,
      schema: {
        summary: 'Import units (CSV or XLSX: code,name,level,parent_code,valid_from,valid_to). All rows or none; a stored code is updated',
        response: { 200: UnitsImportedView, ...UploadProblemViews },
      },
    },
    async (request) => {
      const bytes = fileOf(request.body);
      const table = await readTable(bytes, detectFormat(request.headers['content-type'] ?? '', bytes), {
        limits: uploadLimits.localities,
        required: REQUIRED_LOCALITY_COLUMNS,
      });
      const result = await importLocalities(app.database.db, table.rows, requireStaff(request).user.id);
      if (result.problems.length > 0) throw fileProblem(problems.listRejected({ count: result.problems.length }), result.problems);
      return changed({ added: result.inserted, updated: result.updated, unchanged: table.rows.length - result.inserted - result.updated });
    },
  );

  app.get(
    '/locality-mappings',
    {
      config: { action: 'localities.list' },
      schema: { summary: 'The old → new mappings from or to one unit', querystring: MappingsQuery, response: { 200: z.array(MappingView) } },
    },
    async (request) => unitMappings(app.database.db, request.query.code),
  );

  app.post(
    '/locality-mappings',
    {
      config: { action: 'localities.manage' },
      schema: { summary: 'Add one old → new mapping (audited; an existing one is kept)', body: MappingBody, response: { 200: MappingView, 400: ProblemView } },
    },
    async (request) => addMapping(app.database.db, requireStaff(request).user.id, request.body),
  );

  app.delete(
    '/locality-mappings/:oldCode/:newCode',
    {
      config: { action: 'localities.manage' },
      schema: { summary: 'Remove one old → new mapping (audited)', params: MappingParams, response: { 200: MappingView, 404: ProblemView } },
    },
    async (request) => removeMapping(app.database.db, requireStaff(request).user.id, request.params.oldCode, request.params.newCode),
  );

  app.post(
    '/locality-mappings/imports',
    {
      config: { action: 'localities.manage' },
      bodyLimit: UNITS_LIMIT,
      schema: {
        summary: 'Import old → new mappings (CSV or XLSX: old_code,new_code,effective_from). All rows or none; existing ones kept',
        response: { 200: MappingsImportedView, ...UploadProblemViews },
      },
    },
    async (request) => {
      const bytes = fileOf(request.body);
      const table = await readTable(bytes, detectFormat(request.headers['content-type'] ?? '', bytes), {
        limits: uploadLimits.localities,
        required: MAPPING_COLUMNS,
      });
      const result = await importLocalityMappings(app.database.db, table.rows, requireStaff(request).user.id);
      if (result.problems.length > 0) throw fileProblem(problems.listRejected({ count: result.problems.length }), result.problems);
      return { stored: result.stored };
    },
  );
};
