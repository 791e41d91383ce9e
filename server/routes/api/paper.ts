/** Paper forms: issuing serials, returns, batches, double entry and reconciliation. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AuditEventView, AuditQuery } from '../../../contract/audit.ts';
import {
  BatchDetailView,
  BatchesQuery,
  BatchParams,
  BatchSummaryView,
  ChangedView,
  ComparisonView,
  EntryBody,
  EntrySavedView,
  FormHistoryView,
  FormParams,
  IssuedView,
  IssueFormsBody,
  KeyedFormBody,
  KeyedFormView,
  MarkFormsBody,
  NewBatchBody,
  NewBatchView,
  PaperProgressView,
  ReconciledView,
} from '../../../contract/paper-forms.ts';
import { ProblemView } from '../../../contract/problems.ts';
import { RoundParams } from '../../../contract/rounds.ts';
import { RowIdParam } from '../../../contract/fields.ts';
import { auditEvents } from '../../domain/audit/audit-trail.ts';
import { batchDetail, batchesFor } from '../../domain/paper-forms/batch-views.ts';
import { comparison, ownEntry, reconcile, saveEntry } from '../../domain/paper-forms/double-entry.ts';
import { createBatch, formHistory, issueForms, markForms } from '../../domain/paper-forms/paper-forms.ts';
import { paperProgress } from '../../domain/paper-forms/paper-progress.ts';
import { requireStaff } from '../../plugins/auth.ts';
const errors = { 400: ProblemView, 401: ProblemView, 403: ProblemView, 404: ProblemView, 409: ProblemView };

export const paperRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/rounds/:code/paper-forms',
    {
      config: { action: 'paper.manage' },
      schema: {
        summary: 'Issue numbered paper forms to a locality (serial ranges), optionally with its sample target',
        params: RoundParams,
        body: IssueFormsBody,
        response: { 201: IssuedView, ...errors },
      },
    },
    async (request, reply) => {
      const result = await issueForms(app.database.db, requireStaff(request).user.id, { roundCode: request.params.code, ...request.body });
      return reply.status(201).send(result);
    },
  );

  app.post(
    '/rounds/:code/paper-forms/status',
    {
      config: { action: 'paper.manage' },
      schema: {
        summary: 'Mark forms returned, spoiled or unreturned',
        params: RoundParams,
        body: MarkFormsBody,
        response: { 200: ChangedView, ...errors },
      },
    },
    async (request) => markForms(app.database.db, requireStaff(request).user.id, { roundCode: request.params.code, ...request.body }),
  );

  app.post(
    '/rounds/:code/batches',
    {
      config: { action: 'paper.manage' },
      schema: {
        summary: 'Group returned forms into a batch for two different keyers (and optionally a third to reconcile)',
        params: RoundParams,
        body: NewBatchBody,
        response: { 201: NewBatchView, ...errors },
      },
    },
    async (request, reply) => {
      const batch = await createBatch(app.database.db, requireStaff(request).user.id, { roundCode: request.params.code, ...request.body });
      return reply.status(201).send({ id: batch.id, code: batch.code });
    },
  );

  app.get(
    '/rounds/:code/paper-progress',
    {
      config: { action: 'paper.track' },
      schema: {
        summary: 'Progress per batch, per keyer (with agreement rates) and per locality against its target',
        params: RoundParams,
        response: { 200: PaperProgressView, ...errors },
      },
    },
    async (request) => paperProgress(app.database.db, request.params.code),
  );

  app.get(
    '/batches',
    {
      config: { action: 'batches.read' },
      schema: {
        summary: 'Batches: all for managers, the assigned ones for a keyer, with how many forms are in each state',
        querystring: BatchesQuery,
        response: { 200: z.array(BatchSummaryView), 404: ProblemView },
      },
    },
    async (request) => batchesFor(app.database.db, requireStaff(request).user, request.query.round),
  );

  app.get(
    '/batches/:id',
    {
      config: { action: 'batches.read' },
      schema: {
        summary: "A batch's forms and their state (a keyer sees which they keyed themselves, never the other keyer's values)",
        params: BatchParams,
        response: { 200: BatchDetailView, ...errors },
      },
    },
    async (request) => batchDetail(app.database.db, requireStaff(request).user, request.params.id),
  );

  app.get(
    '/rounds/:code/paper-forms/:serial',
    {
      config: { action: 'paper.track' },
      schema: {
        summary: 'One paper form: its state, batch and audit trail',
        params: RoundParams.extend({ serial: RowIdParam }),
        response: { 200: FormHistoryView, ...errors },
      },
    },
    async (request) => formHistory(app.database.db, request.params.code, request.params.serial),
  );

  app.get(
    '/batches/:id/forms/:serial/entry',
    {
      config: { action: 'forms.key' },
      schema: { summary: "The calling keyer's own entry of a form, or null", params: FormParams, response: { 200: KeyedFormView.nullable(), ...errors } },
    },
    async (request) => ownEntry(app.database.db, requireStaff(request).user, request.params.id, request.params.serial),
  );

  app.put(
    '/batches/:id/forms/:serial/entry',
    {
      config: { action: 'forms.key' },
      schema: {
        summary: "Save the calling keyer's entry of a form; when both entries are in they are compared",
        params: FormParams,
        body: EntryBody,
        response: { 200: EntrySavedView, ...errors },
      },
    },
    async (request) => saveEntry(app.database.db, requireStaff(request).user, { batchId: request.params.id, serial: request.params.serial, ...request.body }),
  );

  app.get(
    '/batches/:id/forms/:serial/comparison',
    {
      config: { action: 'forms.reconcile' },
      schema: {
        summary: 'Both entries of a form side by side, with the fields that differ (reconcilers only)',
        params: FormParams,
        response: { 200: ComparisonView, ...errors },
      },
    },
    async (request) => comparison(app.database.db, requireStaff(request).user, request.params.id, request.params.serial),
  );

  app.post(
    '/batches/:id/forms/:serial/reconciliation',
    {
      config: { action: 'forms.reconcile' },
      schema: {
        summary: 'Decide the final values of a form whose entries differ; it becomes a verified response',
        params: FormParams,
        body: KeyedFormBody,
        response: { 200: ReconciledView, ...errors },
      },
    },
    async (request) => reconcile(app.database.db, requireStaff(request).user, { batchId: request.params.id, serial: request.params.serial, ...request.body }),
  );

  app.get(
    '/audit',
    {
      config: { action: 'paper.track' },
      schema: {
        summary: 'The audit trail of one thing (e.g. entity=paper_form, id=DN-2025-H1:17)',
        querystring: AuditQuery,
        response: { 200: z.array(AuditEventView) },
      },
    },
    async (request) => auditEvents(app.database.db, request.query.entity, request.query.id),
  );
};
