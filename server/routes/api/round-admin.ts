/** What survey managers do to a round itself: create and edit it, its sample plan, its lifecycle. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { OfficeLinkView } from '../../../contract/links.ts';
import { ProblemView, UploadProblemViews } from '../../../contract/problems.ts';
import { RoundChoicesView, RoundCreateBody, RoundDetailView, RoundEditBody, RoundParams, RoundView, SamplePlanBody } from '../../../contract/rounds.ts';
import { roundOrFail } from '../../domain/paper-forms/paper-forms.ts';
import { changeRound } from '../../domain/rounds/lifecycle.ts';
import { reissueOnlineLink } from '../../domain/rounds/online-link.ts';
import { roundChoices, roundDetail } from '../../domain/rounds/round-detail.ts';
import { createRound, editRound } from '../../domain/rounds/round-settings.ts';
import { roundView } from '../../domain/rounds/round-view.ts';
import { importSamplePlan, readSamplePlanTable, saveSamplePlan } from '../../domain/rounds/sample-plan.ts';
import { problems } from '../../error-catalogue.ts';
import { uploadLimits, XLSX_MEDIA_TYPE } from '../../files/tables.ts';
import { requireStaff } from '../../plugins/auth.ts';
import { prepareMicrodataFiles } from '../../domain/results/microdata-download.ts';

const PLAN_LIMIT = uploadLimits.samplePlan.bytes;
const errors = { 400: ProblemView, 401: ProblemView, 403: ProblemView, 404: ProblemView, 409: ProblemView };
const PlanSavedView = z.object({ lines: z.number() });

export const roundAdminRoutes: FastifyPluginAsyncZod = async (app) => {
  for (const type of ['text/csv', XLSX_MEDIA_TYPE, 'application/octet-stream']) {
    app.addContentTypeParser(type, { parseAs: 'buffer', bodyLimit: PLAN_LIMIT }, (_request, body, done) => done(null, body));
  }
  const db = () => app.database.db;

  app.get(
    '/round-choices',
    {
      config: { action: 'rounds.manage' },
      schema: {
        summary: 'What the round form chooses from: the provinces and the stored questionnaire versions with their respondent type',
        response: { 200: RoundChoicesView, 401: ProblemView, 403: ProblemView },
      },
    },
    async () => roundChoices(db()),
  );

  app.post(
    '/rounds',
    {
      config: { action: 'rounds.manage' },
      schema: {
        summary: 'Create a round (a draft): code, name, year, provinces (a list or "all"), period, questionnaires per respondent type, target',
        body: RoundCreateBody,
        response: { 201: RoundView, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(roundView(await createRound(db(), requireStaff(request).user.id, request.body))),
  );

  app.get(
    '/rounds/:code',
    {
      config: { action: 'rounds.read' },
      schema: {
        summary: 'A round with its responses by channel, its sample plan and the progress against it',
        params: RoundParams,
        response: { 200: RoundDetailView, ...errors },
      },
    },
    async (request) => roundDetail(db(), await roundOrFail(db(), request.params.code)),
  );

  app.patch(
    '/rounds/:code',
    {
      config: { action: 'rounds.manage' },
      schema: {
        summary: 'Edit a round; what responses depend on (their questionnaires, provinces and days) stays',
        params: RoundParams,
        body: RoundEditBody,
        response: { 200: RoundView, ...errors },
      },
    },
    async (request) => {
      const round = await editRound(db(), requireStaff(request).user.id, await roundOrFail(db(), request.params.code), request.body);
      // Responses read rounds through a short-lived cache: this server applies the change at once.
      app.lookups.forgetMutable();
      return roundView(round);
    },
  );

  const transitions = {
    open: 'Open a draft round: phones and the online link take responses within its days',
    close: 'Close an open round: collection stops (paper forms issued within the period may still be keyed until keying is closed)',
    reopen: 'Reopen a closed round: the links its closing closed open again',
    'close-keying': 'Close the keying of paper forms of a closed round',
    'reopen-keying': 'Reopen the keying of paper forms of a closed round',
  } as const;
  for (const [transition, summary] of Object.entries(transitions) as Array<[keyof typeof transitions, string]>) {
    app.post(
      `/rounds/:code/${transition}`,
      { config: { action: 'rounds.manage' }, schema: { summary, params: RoundParams, response: { 200: RoundView, ...errors } } },
      async (request) => {
        const round = await changeRound(db(), requireStaff(request).user.id, await roundOrFail(db(), request.params.code), transition);
        app.lookups.forgetMutable();
        // The data is final once paper keying is closed: its microdata is made ahead of the first reader.
        if (transition === 'close-keying') prepareMicrodataFiles(app.database, app.microdataFiles, round);
        return roundView(round);
      },
    );
  }

  app.post(
    '/rounds/:code/online-link/reissue',
    {
      config: { action: 'links.manage' },
      schema: {
        summary: "Give the round's online link a new address; the old one stops working immediately",
        params: RoundParams,
        response: { 200: OfficeLinkView, ...errors },
      },
    },
    async (request) => {
      const link = await reissueOnlineLink(db(), requireStaff(request).user.id, await roundOrFail(db(), request.params.code), app.publicUrl);
      app.lookups.forgetMutable();
      return link;
    },
  );

  app.put(
    '/rounds/:code/sample-plan',
    {
      config: { action: 'rounds.manage' },
      schema: {
        summary: 'Replace the sample plan: responses wanted per office or per district/commune',
        params: RoundParams,
        body: SamplePlanBody,
        response: { 200: PlanSavedView, ...errors },
      },
    },
    async (request) => ({ lines: await saveSamplePlan(db(), requireStaff(request).user.id, await roundOrFail(db(), request.params.code), request.body) }),
  );

  app.post(
    '/rounds/:code/sample-plan/import',
    {
      config: { action: 'rounds.manage' },
      bodyLimit: PLAN_LIMIT,
      schema: {
        summary: 'Replace the sample plan from a CSV or XLSX table with columns kind (office or locality), code, wanted',
        params: RoundParams,
        response: { 200: PlanSavedView, ...UploadProblemViews },
      },
    },
    async (request) => {
      const round = await roundOrFail(db(), request.params.code);
      const bytes = request.body as Buffer;
      if (!Buffer.isBuffer(bytes) || bytes.length === 0) throw problems.emptyFile('samplePlan');
      return {
        lines: await importSamplePlan(db(), requireStaff(request).user.id, round, await readSamplePlanTable(bytes, request.headers['content-type'] ?? '')),
      };
    },
  );
};
