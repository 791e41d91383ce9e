import type { FastifyPluginAsync } from 'fastify';
import { healthRoutes } from './health.ts';
import { linkRoutes } from './links.ts';
import { questionnaireRoutes } from './questionnaires.ts';
import { responseRoutes } from './responses.ts';

/** Everything under /api. */
export const apiRoutes: FastifyPluginAsync = async (app) => {
  await app.register(healthRoutes);
  await app.register(questionnaireRoutes);
  await app.register(linkRoutes);
  await app.register(responseRoutes);
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
};
