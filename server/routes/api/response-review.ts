/** Responses flagged as implausible, and a survey manager's decision on each. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { flaggedResponses, reviewDecisions, reviewResponse } from '../../domain/response-review.ts';
import { requireStaff } from '../../plugins/auth.ts';
import { ProblemView } from '../../schemas/responses.ts';

export const responseReviewRoutes: FastifyPluginAsyncZod = async (app) => {
  // Analysts review too: holding flagged responses out of the figures until someone looks is their business.

  app.get('/rounds/:code/flagged-responses', {
    config: { action: 'responses.review' },
    schema: {
      summary: 'Responses of a round flagged by plausibility checks (too_fast, implausible_time, identical_burst, device_burst, late_delivery), held out of the figures until reviewed, with the facts and any review',
      params: z.object({ code: z.string().min(1).max(64) }),
      response: {
        200: z.array(z.object({
          id: z.string(), channel: z.string(), office: z.object({ code: z.string(), name: z.string() }).nullable(), flags: z.array(z.string()),
          facts: z.object({
            seconds: z.number().optional(), answered: z.number().optional(),
            timing: z.enum(['missing', 'future', 'reversed', 'before_round']).optional(), minutes: z.number().optional(),
            submittedAt: z.string().optional(), closedAt: z.string().optional(),
            similar: z.number().optional(), maxDifferent: z.number().optional(), deviceCount: z.number().optional(), windowMinutes: z.number().optional(),
          }).describe('The facts behind the flags: seconds taken and questions answered, which time is implausible, similar responses, the device\'s count…'),
          status: z.string(), receivedAt: z.string(), seconds: z.number().nullable(), rated: z.number(), distinctRatings: z.number(),
          review: z.object({ decision: z.enum(reviewDecisions), by: z.string().nullable(), at: z.string() }).nullable(),
        })),
        404: ProblemView,
      },
    },
  }, async (request) => flaggedResponses(app.database.db, request.params.code));

  app.post('/responses/:id/review', {
    config: { action: 'responses.review' },
    schema: {
      summary: 'Decide on a flagged response: accepted (counted from now on) or excluded (left out, kept); audited, and may be changed later',
      params: z.object({ id: z.uuid() }),
      body: z.object({ decision: z.enum(reviewDecisions) }),
      response: { 200: z.object({ id: z.string(), status: z.enum(reviewDecisions) }), 400: ProblemView, 404: ProblemView, 409: ProblemView },
    },
  }, async (request) => reviewResponse(app.database.db, requireStaff(request).user.id, request.params.id, request.body.decision));
};
