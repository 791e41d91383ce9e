/** The improvement plan as a printable A4 page (server/domain/plans/plan-report.ts), with page numbers. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { PlanParams } from '../../../contract/plans.ts';
import { roundOrFail } from '../../domain/paper-forms/paper-forms.ts';
import { planOf } from '../../domain/plans/plan-entries.ts';
import { planHtml } from '../../domain/plans/plan-report.ts';

export const planReportRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/plan-report/:code/:province', { config: { action: 'plans.read' }, schema: { hide: true, params: PlanParams } }, async (request, reply) => {
    const plan = await planOf(app.database.db, await roundOrFail(app.database.db, request.params.code), request.params.province);
    reply.type('text/html; charset=utf-8');
    return planHtml(plan, new Date());
  });
};
