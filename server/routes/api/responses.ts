import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { submitResponse } from '../../domain/responses.ts';
import { ProblemView, ResponseSubmission, StoredResponseView } from '../../schemas/responses.ts';

/** A response is a few kilobytes; anything near this is not a response. */
const RESPONSE_BODY_LIMIT = 64 * 1024;

export const responseRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post('/responses', {
    bodyLimit: RESPONSE_BODY_LIMIT,
    preHandler: app.surveyRateLimits,
    schema: {
      summary: 'Submit a finished response (idempotent by its client-generated id)',
      description:
        'First delivery → 201. The same id with the same content → 200 and the stored record, nothing added. ' +
        'The same id with different content → 409. Replies are sent only after the response is committed.',
      querystring: z.object({ lang: z.enum(['vi', 'en']).optional() }),
      body: ResponseSubmission,
      response: { 200: StoredResponseView, 201: StoredResponseView, 400: ProblemView, 409: ProblemView, 413: ProblemView, 415: ProblemView, 429: ProblemView },
    },
  }, async (request, reply) => {
    const outcome = await submitResponse(app.database.db, request.body, { channels: ['office', 'online'] });
    return reply.status(outcome.created ? 201 : 200).send(outcome.response);
  });
};
