import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { serializerCompiler } from 'fastify-type-provider-zod';
import { ProblemView } from '../../../contract/problems.ts';
import { ResponseSubmission, StoredResponseView, SubmitQuery } from '../../../contract/responses.ts';

/** A response is a few kilobytes; anything near this is not a response. */
const RESPONSE_BODY_LIMIT = 64 * 1024;

/**
 * The stored record a 200/201 carries is built field by field from its zod type (domain/responses/response-view.ts),
 * so it is written out as is; checking it against the schema again cost as much as validating the request.
 * Problems keep the schema-checked serializer.
 */
const serializeStored = (status: number) => (status === 200 || status === 201 ? JSON.stringify : undefined);

export const responseRoutes: FastifyPluginAsyncZod = async (app) => {
  const checked = serializerCompiler;
  app.post(
    '/responses',
    {
      config: { public: true },
      bodyLimit: RESPONSE_BODY_LIMIT,
      serializerCompiler: (route) => serializeStored(Number(route.httpStatus)) ?? checked(route as unknown as Parameters<typeof checked>[0]),
      preHandler: app.surveyRateLimits,
      schema: {
        summary: 'Submit a finished response (idempotent by its client-generated id)',
        description:
          'First delivery → 201. The same id with the same content → 200 and the stored record, nothing added. ' +
          'The same id with different content → 409. Replies are sent only after the response is committed. ' +
          "Every response carries the link of an open round (office QR link or the round's online link): without one → 400 (link); " +
          "a closed link or round → 409 round_not_open, before the round's first day → 409 round_not_started, after its last (Vietnam time) → 409 round_ended. " +
          'A response that looks implausible is stored with status held and its flags, out of the figures until reviewed.',
        querystring: SubmitQuery,
        body: ResponseSubmission,
        response: {
          200: StoredResponseView,
          201: StoredResponseView,
          400: ProblemView,
          409: ProblemView,
          413: ProblemView,
          415: ProblemView,
          429: ProblemView,
        },
      },
    },
    async (request, reply) => {
      const outcome = await app.intake.submit(request.body, { channels: ['office', 'online'] });
      return reply.status(outcome.created ? 201 : 200).send(outcome.response);
    },
  );
};
