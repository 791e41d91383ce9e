import type { FastifyRequest } from 'fastify';
import type { Language } from '../analysis/questionnaire/issue-messages.ts';

/** Vietnamese unless the caller asks for English with `?lang=en` or `Accept-Language: en…`. */
export function requestLanguage(request: FastifyRequest): Language {
  const query = request.query as { lang?: unknown } | undefined;
  if (query?.lang === 'en') return 'en';
  if (query?.lang === 'vi') return 'vi';
  const accept = request.headers['accept-language'];
  return typeof accept === 'string' && /^\s*en\b/i.test(accept) ? 'en' : 'vi';
}
