/** Responses flagged as implausible, and a survey manager's decision on each. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ProblemView } from '../../../contract/problems.ts';
import { FlaggedResponseView, ResponseIdParams, ReviewBody, ReviewedView } from '../../../contract/response-review.ts';
import { RoundParams } from '../../../contract/rounds.ts';
import { flaggedResponses, reviewResponse } from '../../domain/responses/response-review.ts';
import { requireStaff } from '../../plugins/auth.ts';

export const responseReviewRoutes: FastifyPluginAsyncZod = async (app) => {
  // Analysts review too: holding flagged responses out of the figures until someone looks is their business.

  app.get(
    '/rounds/:code/flagged-responses',
    {
      config: { action: 'responses.review' },
      schema: {
        summary:
          'Responses of a round flagged by plausibility checks (too_fast, implausible_time, identical_burst, device_burst, late_delivery), held out of the figures until reviewed, with the facts and any review',
        params: RoundParams,
        response: { 200: z.array(FlaggedResponseView), 404: ProblemView },
      },
    },
    async (request) => flaggedResponses(app.database.db, request.params.code),
  );

  app.post(
    '/responses/:id/review',
    {
      config: { action: 'responses.review' },
      schema: {
        summary: 'Decide on a flagged response: accepted (counted from now on) or excluded (left out, kept); audited, and may be changed later',
        params: ResponseIdParams,
        body: ReviewBody,
        response: { 200: ReviewedView, 400: ProblemView, 404: ProblemView, 409: ProblemView },
      },
    },
    async (request) => reviewResponse(app.database.db, requireStaff(request).user.id, request.params.id, request.body.decision),
  );
};
