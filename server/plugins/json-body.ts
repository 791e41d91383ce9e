/**
 * Request bodies are JSON in UTF-8. Node would decode invalid bytes to U+FFFD and let the request
 * through with text nobody typed; here such a body is refused with 400 before it is parsed. The
 * parsing itself is Fastify's own (prototype-poisoning protection included).
 */
import { isUtf8 } from 'node:buffer';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { problems } from '../error-catalogue.ts';

export const jsonBodyPlugin = fp(
  async (app: FastifyInstance) => {
    const parseJson = app.getDefaultJsonParser('error', 'error');
    app.removeContentTypeParser('application/json');
    app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
      const bytes = body as Buffer;
      if (!isUtf8(bytes)) {
        done(problems.invalidUtf8(), undefined);
        return;
      }
      parseJson(request, bytes.toString('utf8'), done);
    });
  },
  { name: 'json-body' },
);
