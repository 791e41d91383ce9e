/**
 * Improvement plans: a province's lead agencies per index, the plan entries after a published
 * round (made on a click, edited by managers, read by leaders), and the plan as the report a
 * province files (XLSX here, the printable page at /plan-report/:code/:province).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  AgencyBody,
  AgencyParams,
  AgencyTableView,
  PlanEntryBody,
  PlanEntryParams,
  PlanEntryView,
  PlanGeneratedView,
  PlanParams,
  PlanView,
  ProvinceParams,
} from '../../../contract/plans.ts';
import { ProblemView } from '../../../contract/problems.ts';
import { roundOrFail } from '../../domain/paper-forms/paper-forms.ts';
import { agencyTable, editAgency } from '../../domain/plans/lead-agencies.ts';
import { editPlanEntry, generatePlan, planOf } from '../../domain/plans/plan-entries.ts';
import { planXlsx } from '../../domain/plans/plan-report.ts';
import { XLSX_MEDIA_TYPE } from '../../files/tables.ts';
import { attachment } from './results.ts';
import { requireStaff } from '../../plugins/auth.ts';

const errors = { 400: ProblemView, 401: ProblemView, 403: ProblemView, 404: ProblemView, 409: ProblemView };

export const planRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.database.db;

  app.get(
    '/provinces/:province/lead-agencies',
    {
      config: { action: 'plans.read' },
      schema: {
        summary: "A province's lead agency (and partners) for each index it tracks",
        params: ProvinceParams,
        response: { 200: AgencyTableView, ...errors },
      },
    },
    async (request) => agencyTable(db(), request.params.province),
  );

  app.put(
    '/provinces/:province/lead-agencies/:index',
    {
      config: { action: 'plans.manage' },
      schema: {
        summary: "Set the lead agency and partners of one index in a province's table (audited)",
        params: AgencyParams,
        body: AgencyBody,
        response: { 200: AgencyTableView, ...errors },
      },
    },
    async (request) => editAgency(db(), requireStaff(request).user.id, request.params.province, request.params.index, request.body),
  );

  app.get(
    '/rounds/:code/plans/:province',
    {
      config: { action: 'plans.read' },
      schema: {
        summary: "A province's improvement plan after a round; with a later published round, each entry's change beside its actions",
        params: PlanParams,
        response: { 200: PlanView, ...errors },
      },
    },
    async (request) => planOf(db(), await roundOrFail(db(), request.params.code), request.params.province),
  );

  app.post(
    '/rounds/:code/plans/:province/generate',
    {
      config: { action: 'plans.manage' },
      schema: {
        summary:
          'Add an entry for every tracked index below the target or fallen significantly since the previous comparable round (entries already there stay)',
        params: PlanParams,
        response: { 200: PlanGeneratedView, ...errors },
      },
    },
    async (request) => {
      const round = await roundOrFail(db(), request.params.code);
      const created = await generatePlan(db(), requireStaff(request).user.id, round, request.params.province);
      return { created, plan: await planOf(db(), round, request.params.province) };
    },
  );

  app.patch(
    '/plan-entries/:id',
    {
      config: { action: 'plans.manage' },
      schema: {
        summary: 'Edit a plan entry: lead agency, actions, owner, deadline (YYYY-MM-DD), status (audited field by field)',
        params: PlanEntryParams,
        body: PlanEntryBody,
        response: { 200: PlanEntryView, ...errors },
      },
    },
    async (request) => editPlanEntry(db(), requireStaff(request).user.id, request.params.id, request.body),
  );

  app.get(
    '/rounds/:code/plans/:province/report.xlsx',
    {
      config: { action: 'plans.read' },
      schema: { summary: 'The plan as the XLSX report a province files', params: PlanParams },
    },
    async (request, reply) => {
      const plan = await planOf(db(), await roundOrFail(db(), request.params.code), request.params.province);
      const bytes = await planXlsx(plan, new Date());
      reply.header('content-disposition', attachment(`ke-hoach-cai-thien-${plan.round}-${plan.province}.xlsx`)).type(XLSX_MEDIA_TYPE);
      return bytes;
    },
  );
};
