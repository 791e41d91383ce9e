/**
 * The one place where errors become HTTP replies. Problems carry their status; validation issues
 * become 400 with each field's path; Fastify's own 4xx (bad JSON, wrong content type, body too
 * large) get a worded message; anything else is a 500 with no detail, logged in full.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { formatIssue, issuePath, type Language } from '../../analysis/questionnaire/issue-messages.ts';
import { isConnectionLoss, postgresError } from '../../db/errors.ts';
import { Problem, problems, type Worded } from '../errors.ts';
import { requestLanguage } from '../language.ts';
import { RequestValidationError } from '../validation.ts';

const fastifyClientErrors: Record<string, { slug: string; worded: Worded }> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    slug: 'unsupported_media_type',
    worded: { vi: 'Kiểu nội dung không được hỗ trợ; hãy gửi JSON (Content-Type: application/json)', en: 'Unsupported content type; send JSON (Content-Type: application/json)' },
  },
  FST_ERR_CTP_BODY_TOO_LARGE: {
    slug: 'body_too_large',
    worded: { vi: 'Dữ liệu gửi lên quá lớn', en: 'The request body is too large' },
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    slug: 'empty_body',
    worded: { vi: 'Thiếu nội dung JSON', en: 'The JSON body is empty' },
  },
  FST_ERR_CTP_INVALID_JSON_BODY: {
    slug: 'malformed_json',
    worded: { vi: 'Nội dung không phải JSON hợp lệ', en: 'The body is not valid JSON' },
  },
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
  if (known) return new Problem(status, known.slug, known.worded);
  if (error instanceof SyntaxError && status === 400) return new Problem(400, 'malformed_json', fastifyClientErrors.FST_ERR_CTP_INVALID_JSON_BODY.worded);
  if (status >= 400 && status < 500) return new Problem(status, 'bad_request', { vi: error.message, en: error.message });
  if (isConnectionLoss(error)) {
    return new Problem(503, 'database_unavailable', {
      vi: 'Máy chủ tạm thời không kết nối được cơ sở dữ liệu. Phiếu chưa được lưu; vui lòng gửi lại sau ít phút.',
      en: 'The server cannot reach its database right now. Nothing was stored; please send again in a moment.',
    }, [], { retryAfterSeconds: 5 });
  }
  const pgError = postgresError(error);
  if (pgError?.code === '23505') {
    return new Problem(409, 'already_exists', { vi: 'Bản ghi đã tồn tại', en: 'The record already exists' });
  }
  return undefined;
}

/**
 * What Fastify's router refuses before any route is chosen (FastifyServerOptions.frameworkErrors),
 * in the one problem format: a path whose %-escapes are not UTF-8 (e.g. half a surrogate pair), a
 * path parameter longer than the router keeps (100 characters).
 */
const routerErrors: Record<string, { slug: string; worded: Worded }> = {
  FST_ERR_BAD_URL: {
    slug: 'bad_url',
    worded: { vi: 'Đường dẫn chứa ký tự không hợp lệ (mã %… không phải UTF-8)', en: 'The path holds an invalid character (a %-escape that is not UTF-8)' },
  },
  FST_ERR_MAX_PARAM_LENGTH: {
    slug: 'path_too_long',
    worded: { vi: 'Một phần của đường dẫn quá dài', en: 'A part of the path is too long' },
  },
};

export function frameworkErrorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const known = routerErrors[error.code];
  if (!known) request.log.error({ err: error }, 'router error');
  const problem = known
    ? new Problem(error.statusCode ?? 400, known.slug, known.worded)
    : new Problem(500, 'internal_error', { vi: 'Máy chủ gặp lỗi. Vui lòng thử lại sau.', en: 'Server error. Please try again later.' });
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
      return sendProblem(request, reply, new Problem(500, 'internal_error', {
        vi: 'Máy chủ gặp lỗi. Vui lòng thử lại sau.',
        en: 'Server error. Please try again later.',
      }));
    });
    app.setNotFoundHandler((request, reply) =>
      sendProblem(request, reply, problems.notFound({ vi: `Không có đường dẫn ${request.url}`, en: `No route ${request.url}` })),
    );
  },
  { name: 'error-handler' },
);
