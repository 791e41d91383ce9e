/**
 * The one place where errors become HTTP replies. Problems carry their status; validation issues
 * become 400 with each field's path; Fastify's own 4xx (bad JSON, wrong content type, body too
 * large) get a worded message; anything else is a 500 with no detail, logged in full.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { formatIssue, issuePath, type Language } from '../../analysis/questionnaire/issue-messages.ts';
import { isConnectionLoss, postgresError } from '../../db/errors.ts';
import { problems } from '../error-catalogue.ts';
import { Problem, type Worded } from '../errors.ts';
import { requestLanguage } from '../language.ts';
import { RequestValidationError } from '../validation.ts';

/** Fastify's own refusals of a request's body, as problems of the catalogue. */
const fastifyClientErrors: Record<string, () => Problem> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: () => problems.unsupportedMediaType(),
  FST_ERR_CTP_BODY_TOO_LARGE: () => problems.bodyTooLarge(),
  FST_ERR_CTP_EMPTY_JSON_BODY: () => problems.emptyBody(),
  FST_ERR_CTP_INVALID_JSON_BODY: () => problems.malformedJson(),
};

/** A file's problems (server/errors.ts RowProblem) carry their reason in both languages: send the reader's. */
function localizedExtra(extra: Record<string, unknown>, language: Language): Record<string, unknown> {
  if (!Array.isArray(extra.problems)) return extra;
  const problems = (extra.problems as Array<{ reason: unknown }>).map((p) => {
    const reason = p.reason as Worded | string;
    return typeof reason === 'object' && reason !== null ? { ...p, reason: reason[language] } : p;
  });
  return { ...extra, problems };
}

export function sendProblem(request: FastifyRequest, reply: FastifyReply, problem: Problem) {
  const language = requestLanguage(request);
  const issues = problem.issues.map((i) => ({ path: i.path, message: i.worded[language] }));
  const retryAfter = problem.extra.retryAfterSeconds;
  if (typeof retryAfter === 'number' && !reply.hasHeader('retry-after')) reply.header('retry-after', String(retryAfter));
  return reply.status(problem.status).send({
    statusCode: problem.status,
    code: problem.slug,
    message: problem.worded[language],
    ...(issues.length > 0 ? { issues } : {}),
    ...localizedExtra(problem.extra, language),
  });
}

function toProblem(error: FastifyError | Error): Problem | undefined {
  if (error instanceof Problem) return error;
  if (error instanceof RequestValidationError) {
    const prefix = error.validationContext && error.validationContext !== 'body' ? `${error.validationContext}.` : '';
    return problems.validation(
      error.issues.map((issue) => ({
        path: prefix + issuePath(issue),
        worded: { vi: formatIssue(issue, 'vi'), en: formatIssue(issue, 'en') },
      })),
    );
  }
  const fastifyError = error as FastifyError;
  const known = fastifyError.code ? fastifyClientErrors[fastifyError.code] : undefined;
  const status = fastifyError.statusCode ?? 500;
  if (known) return known();
  if (error instanceof SyntaxError && status === 400) return problems.malformedJson();
  if (status >= 400 && status < 500) return problems.badRequest({ message: error.message }, { status });
  if (isConnectionLoss(error)) return problems.databaseUnavailable();
  const pgError = postgresError(error);
  if (pgError?.code === '23505') return problems.alreadyExists();
  return undefined;
}

/**
 * What Fastify's router refuses before any route is chosen (FastifyServerOptions.frameworkErrors),
 * in the one problem format: a path whose %-escapes are not UTF-8 (e.g. half a surrogate pair), a
 * path parameter longer than the router keeps (100 characters).
 */
const routerErrors: Record<string, () => Problem> = {
  FST_ERR_BAD_URL: () => problems.badUrl(),
  FST_ERR_MAX_PARAM_LENGTH: () => problems.pathTooLong(),
};

export function frameworkErrorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const known = routerErrors[error.code];
  if (!known) request.log.error({ err: error }, 'router error');
  const problem = known ? known() : problems.internalError();
  void sendProblem(request, reply, problem);
}

export const errorHandlerPlugin = fp(
  async (app: FastifyInstance) => {
    app.setErrorHandler((error: FastifyError, request, reply) => {
      const problem = toProblem(error);
      if (problem) {
        if (problem.status >= 500) request.log.error({ err: error }, problem.slug === 'database_unavailable' ? 'database unavailable' : 'request failed');
        return sendProblem(request, reply, problem);
      }
      request.log.error({ err: error }, 'unexpected error');
      return sendProblem(request, reply, problems.internalError());
    });
    app.setNotFoundHandler((request, reply) => sendProblem(request, reply, problems.notFound('route', { url: request.url })));
  },
  { name: 'error-handler' },
);
