/** Responses flagged as implausible, and a survey manager's decision on each. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { flaggedResponses, reviewDecisions, reviewResponse } from '../../domain/response-review.ts';
import { requireStaff } from '../../plugins/auth.ts';
import { ProblemView } from '../../schemas/responses.ts';

export const responseReviewRoutes: FastifyPluginAsyncZod = async (app) => {
  const managers = app.allow('admin', 'manager');

  app.get('/rounds/:code/flagged-responses', {
    onRequest: managers,
    schema: {
      summary: 'Responses of a round flagged by plausibility checks (too_fast, identical_burst, device_burst, late_delivery), with any review',
      params: z.object({ code: z.string().min(1).max(64) }),
      response: {
        200: z.array(z.object({
          id: z.string(), channel: z.string(), office: z.object({ code: z.string(), name: z.string() }).nullable(), flags: z.array(z.string()),
          status: z.string(), receivedAt: z.string(), seconds: z.number().nullable(), rated: z.number(), distinctRatings: z.number(),
          review: z.object({ decision: z.enum(reviewDecisions), by: z.string().nullable(), at: z.string() }).nullable(),
        })),
        404: ProblemView,
      },
    },
  }, async (request) => flaggedResponses(app.database.db, request.params.code));

  app.post('/responses/:id/review', {
    onRequest: managers,
    schema: {
      summary: 'Decide on a flagged response: excluded (left out of results) or accepted; audited, and may be changed later',
      params: z.object({ id: z.uuid() }),
      body: z.object({ decision: z.enum(reviewDecisions) }),
      response: { 200: z.object({ id: z.string(), status: z.enum(reviewDecisions) }), 400: ProblemView, 404: ProblemView, 409: ProblemView },
    },
  }, async (request) => reviewResponse(app.database.db, requireStaff(request).user.id, request.params.id, request.body.decision));
};
