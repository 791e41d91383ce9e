import swagger from '@fastify/swagger';
import fp from 'fastify-plugin';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';

/** The OpenAPI document, generated from the same zod schemas that validate requests. */
export const openApiPlugin = fp(
  async (app) => {
    await app.register(swagger, {
      openapi: {
        info: {
          title: 'SIPAS platform API',
          description: 'Collecting and analysing SIPAS responses (Chỉ số hài lòng về sự phục vụ hành chính).',
          version: '1',
        },
      },
      transform: jsonSchemaTransform,
    });
  },
  { name: 'openapi' },
);
