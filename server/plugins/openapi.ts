import swagger from '@fastify/swagger';
import fp from 'fastify-plugin';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { catalogueLines } from '../error-catalogue.ts';

/**
 * The OpenAPI document, generated from the same zod schemas that validate requests, with every
 * problem the API may answer (`x-problems`: code, HTTP status, slug, words) from the error catalogue.
 */
export const openApiPlugin = fp(
  async (app) => {
    const document = {
      info: {
        title: 'SIPAS platform API',
        description: 'Collecting and analysing SIPAS responses (Chỉ số hài lòng về sự phục vụ hành chính).',
        version: '1',
      },
      'x-problems': catalogueLines(),
    };
    await app.register(swagger, {
      openapi: document,
      transform: jsonSchemaTransform,
    });
  },
  { name: 'openapi' },
);
