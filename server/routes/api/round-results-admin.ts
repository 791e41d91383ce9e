/** What survey managers do to a round's results: its frame (design weights), publishing, withdrawing. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PublishBody, PublishChecklistView } from '../../../contract/plans.ts';
import { ProblemView, UploadProblemViews } from '../../../contract/problems.ts';
import { FrameSavedView, FrameView, RoundParams, RoundView } from '../../../contract/rounds.ts';
import { frameOverview, readFrameTable, removeFrame, saveFrame } from '../../domain/results/frames.ts';
import { prepareMicrodataFiles } from '../../domain/results/microdata-download.ts';
import { roundOrFail } from '../../domain/paper-forms/paper-forms.ts';
import { publishRound, withdrawRound } from '../../domain/rounds/publication.ts';
import { publishChecklist } from '../../domain/rounds/publish-checklist.ts';
import { roundsWithResults, roundView } from '../../domain/rounds/round-view.ts';
import { problems } from '../../error-catalogue.ts';
import { uploadLimits, XLSX_MEDIA_TYPE } from '../../files/tables.ts';
import { requireStaff } from '../../plugins/auth.ts';

const FRAME_LIMIT = uploadLimits.frame.bytes;
const errors = { 400: ProblemView, 401: ProblemView, 403: ProblemView, 404: ProblemView, 409: ProblemView };

export const roundResultsAdminRoutes: FastifyPluginAsyncZod = async (app) => {
  for (const type of ['text/csv', XLSX_MEDIA_TYPE, 'application/octet-stream']) {
    app.addContentTypeParser(type, { parseAs: 'buffer', bodyLimit: FRAME_LIMIT }, (_request, body, done) => done(null, body));
  }
  const db = () => app.database.db;

  app.get(
    '/results/rounds',
    {
      config: { action: 'results.read' },
      schema: {
        summary: 'Rounds with results to read (every round but drafts), oldest first',
        response: { 200: z.array(RoundView), 401: ProblemView, 403: ProblemView },
      },
    },
    async () => roundsWithResults(db()),
  );

  app.get(
    '/rounds/:code/frame',
    {
      config: { action: 'results.read' },
      schema: {
        summary: "The round's strata: responses in each and the frame's population (null where the frame has none)",
        params: RoundParams,
        response: { 200: FrameView, ...errors },
      },
    },
    async (request) => frameOverview(app.database, await roundOrFail(db(), request.params.code)),
  );

  app.put(
    '/rounds/:code/frame',
    {
      config: { action: 'results.frame' },
      bodyLimit: FRAME_LIMIT,
      schema: {
        summary: "Replace the round's frame (body: CSV or XLSX with columns stratum,population); weights become N_h / n_h",
        params: RoundParams,
        response: { 200: FrameSavedView, ...UploadProblemViews },
      },
    },
    async (request) => {
      const round = await roundOrFail(db(), request.params.code);
      const bytes = request.body as Buffer;
      if (!Buffer.isBuffer(bytes) || bytes.length === 0) {
        throw problems.emptyFile('frame');
      }
      return saveFrame(db(), requireStaff(request).user.id, round, await readFrameTable(bytes, request.headers['content-type'] ?? ''));
    },
  );

  app.delete(
    '/rounds/:code/frame',
    {
      config: { action: 'results.frame' },
      schema: { summary: "Remove the round's frame: its results become unweighted", params: RoundParams, response: { 204: z.null(), ...errors } },
    },
    async (request, reply) => {
      await removeFrame(db(), requireStaff(request).user.id, await roundOrFail(db(), request.params.code));
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/rounds/:code/publish-checklist',
    {
      config: { action: 'results.publish' },
      schema: {
        summary: 'What a manager must read before publishing: unreviewed flagged responses, frame gaps, unreliable figures, units below their sample plan',
        params: RoundParams,
        response: { 200: PublishChecklistView, ...errors },
      },
    },
    async (request) => {
      const round = await roundOrFail(db(), request.params.code);
      return { round: round.code, warnings: await publishChecklist(app.database, round) };
    },
  );

  app.post(
    '/rounds/:code/publish',
    {
      config: { action: 'results.publish' },
      schema: {
        summary:
          "Publish the round's results: the public page shows its indices. The body names the checklist's warnings the manager acknowledged; a list that changed since is refused (409)",
        params: RoundParams,
        body: PublishBody,
        response: { 200: RoundView, ...errors },
      },
    },
    async (request) => {
      const round = await publishRound(
        app.database,
        requireStaff(request).user.id,
        await roundOrFail(db(), request.params.code),
        request.body?.acknowledgedWarnings ?? [],
      );
      prepareMicrodataFiles(app.database, app.microdataFiles, round);
      return roundView(round);
    },
  );

  app.post(
    '/rounds/:code/unpublish',
    {
      config: { action: 'results.publish' },
      schema: { summary: "Withdraw the round's published results (the round becomes closed)", params: RoundParams, response: { 200: RoundView, ...errors } },
    },
    async (request) => roundView(await withdrawRound(db(), requireStaff(request).user.id, await roundOrFail(db(), request.params.code))),
  );
};
