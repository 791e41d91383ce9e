/** Paper forms: issuing serials, returns, batches, double entry and reconciliation. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditTrail } from '../../../db/queries/audit.ts';
import { batchDetail, batchesFor } from '../../domain/batch-views.ts';
import { comparison, ownEntry, reconcile, saveEntry } from '../../domain/double-entry.ts';
import { createBatch, formHistory, issueForms, markForms } from '../../domain/paper-forms.ts';
import { paperProgress } from '../../domain/paper-progress.ts';
import { requireStaff } from '../../plugins/auth.ts';
import { INTEGER_MAX, RowId, RowIdParam } from '../../schemas/request-fields.ts';
import { ProblemView } from '../../schemas/responses.ts';

// Each answer is then checked against its question (text up to the question's length, options of its scale).
const AnswerItem = z.union([z.string().max(10_000), z.number().int().min(-INTEGER_MAX).max(INTEGER_MAX)]);
const AnswerValue = z.union([AnswerItem, z.array(AnswerItem)]);
const Answers = z.record(z.string().max(64), AnswerValue);
const KeyedFormBody = z.object({ profile: Answers.default({}), answers: Answers.default({}) });
const RoundParams = z.object({ code: z.string().min(1).max(64) });
const BatchParams = z.object({ id: RowIdParam });
const FormParams = BatchParams.extend({ serial: RowIdParam });
const AuditView = z.object({ at: z.string(), userId: z.number().nullable(), username: z.string().nullable(), action: z.string(), field: z.string().nullable(), oldValue: z.unknown(), newValue: z.unknown() });
const errors = { 400: ProblemView, 401: ProblemView, 403: ProblemView, 404: ProblemView, 409: ProblemView };

export const paperRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post('/rounds/:code/paper-forms', {
    config: { action: 'paper.manage' },
    schema: {
      summary: 'Issue numbered paper forms to a locality (serial ranges), optionally with its sample target',
      params: RoundParams,
      body: z.object({ localityCode: z.string().min(1).max(16), serials: z.string().min(1).max(10_000).describe('e.g. "1-500, 601-650"'), target: z.number().int().min(0).max(INTEGER_MAX).optional() }),
      response: { 201: z.object({ issued: z.number() }), ...errors },
    },
  }, async (request, reply) => {
    const result = await issueForms(app.database.db, requireStaff(request).user.id, { roundCode: request.params.code, ...request.body });
    return reply.status(201).send(result);
  });

  app.post('/rounds/:code/paper-forms/status', {
    config: { action: 'paper.manage' },
    schema: {
      summary: 'Mark forms returned, spoiled or unreturned',
      params: RoundParams,
      body: z.object({ serials: z.string().min(1).max(10_000), status: z.enum(['returned', 'spoiled', 'unreturned']) }),
      response: { 200: z.object({ changed: z.number() }), ...errors },
    },
  }, async (request) => markForms(app.database.db, requireStaff(request).user.id, { roundCode: request.params.code, ...request.body }));

  app.post('/rounds/:code/batches', {
    config: { action: 'paper.manage' },
    schema: {
      summary: 'Group returned forms into a batch for two different keyers (and optionally a third to reconcile)',
      params: RoundParams,
      body: z.object({
        code: z.string().min(1).max(40), serials: z.string().min(1).max(10_000),
        firstKeyerId: RowId, secondKeyerId: RowId, reconcilerId: RowId.optional(),
      }),
      response: { 201: z.object({ id: z.number(), code: z.string() }), ...errors },
    },
  }, async (request, reply) => {
    const batch = await createBatch(app.database.db, requireStaff(request).user.id, { roundCode: request.params.code, ...request.body });
    return reply.status(201).send({ id: batch.id, code: batch.code });
  });

  app.get('/rounds/:code/paper-progress', {
    config: { action: 'paper.track' },
    schema: { summary: 'Progress per batch, per keyer (with agreement rates) and per locality against its target', params: RoundParams, response: { 200: z.unknown(), ...errors } },
  }, async (request) => paperProgress(app.database.db, request.params.code));

  const StatusCounts = z.record(z.string(), z.number());
  const BatchPart = z.enum(['first', 'second', 'reconciler']).nullable().describe("The caller's part in the batch, if any");

  app.get('/batches', {
    config: { action: 'batches.read' },
    schema: {
      summary: 'Batches: all for managers, the assigned ones for a keyer, with how many forms are in each state',
      querystring: z.object({ round: z.string().min(1).max(64).optional() }),
      response: {
        200: z.array(z.object({
          id: z.number(), code: z.string(), roundId: z.number(), round: z.string(), firstKeyerId: z.number(), secondKeyerId: z.number(), reconcilerId: z.number().nullable(),
          keyers: z.array(z.string()), reconciler: z.string().nullable(), myPart: BatchPart, forms: z.number(), statuses: StatusCounts,
        })),
        404: ProblemView,
      },
    },
  }, async (request) => batchesFor(app.database.db, requireStaff(request).user, request.query.round));

  app.get('/batches/:id', {
    config: { action: 'batches.read' },
    schema: {
      summary: "A batch's forms and their state (a keyer sees which they keyed themselves, never the other keyer's values)",
      params: BatchParams,
      response: {
        200: z.object({
          id: z.number(), code: z.string(), round: z.string(), questionnaireVersion: z.string(), myPart: BatchPart,
          forms: z.array(z.object({ serial: z.number(), status: z.string(), localityCode: z.string(), keyedByMe: z.boolean().optional() })),
        }),
        ...errors,
      },
    },
  }, async (request) => batchDetail(app.database.db, requireStaff(request).user, request.params.id));

  app.get('/rounds/:code/paper-forms/:serial', {
    config: { action: 'paper.track' },
    schema: {
      summary: 'One paper form: its state, batch and audit trail',
      params: RoundParams.extend({ serial: RowIdParam }),
      response: {
        200: z.object({
          serial: z.number(), status: z.string(), localityCode: z.string(), responseId: z.string().nullable(),
          batch: z.object({ id: z.number(), code: z.string() }).nullable(), trail: z.array(AuditView),
        }),
        ...errors,
      },
    },
  }, async (request) => formHistory(app.database.db, request.params.code, request.params.serial));

  app.get('/batches/:id/forms/:serial/entry', {
    config: { action: 'forms.key' },
    schema: { summary: "The calling keyer's own entry of a form, or null", params: FormParams, response: { 200: KeyedFormBody.nullable(), ...errors } },
  }, async (request) => ownEntry(app.database.db, requireStaff(request).user, request.params.id, request.params.serial));

  app.put('/batches/:id/forms/:serial/entry', {
    config: { action: 'forms.key' },
    schema: {
      summary: "Save the calling keyer's entry of a form; when both entries are in they are compared",
      params: FormParams,
      body: KeyedFormBody.extend({ seconds: z.number().int().min(0).max(86_400).optional() }),
      response: { 200: z.object({ status: z.string(), differences: z.number().optional() }), ...errors },
    },
  }, async (request) => saveEntry(app.database.db, requireStaff(request).user, { batchId: request.params.id, serial: request.params.serial, ...request.body }));

  app.get('/batches/:id/forms/:serial/comparison', {
    config: { action: 'forms.reconcile' },
    schema: { summary: 'Both entries of a form side by side, with the fields that differ (reconcilers only)', params: FormParams, response: { 200: z.unknown(), ...errors } },
  }, async (request) => comparison(app.database.db, requireStaff(request).user, request.params.id, request.params.serial));

  app.post('/batches/:id/forms/:serial/reconciliation', {
    config: { action: 'forms.reconcile' },
    schema: {
      summary: 'Decide the final values of a form whose entries differ; it becomes a verified response',
      params: FormParams,
      body: KeyedFormBody,
      response: { 200: z.object({ responseId: z.string() }), ...errors },
    },
  }, async (request) => reconcile(app.database.db, requireStaff(request).user, { batchId: request.params.id, serial: request.params.serial, ...request.body }));

  app.get('/audit', {
    config: { action: 'paper.track' },
    schema: {
      summary: 'The audit trail of one thing (e.g. entity=paper_form, id=DN-2025-H1:17)',
      querystring: z.object({ entity: z.string().min(1).max(64), id: z.string().min(1).max(200) }),
      response: { 200: z.array(AuditView) },
    },
  }, async (request) => (await auditTrail(app.database.db, request.query.entity, request.query.id)).map((e) => ({ ...e, at: e.at.toISOString() })));
};
