import type { FastifyPluginAsync } from 'fastify';
import { healthRoutes } from './health.ts';
import { linkRoutes } from './links.ts';
import { questionnaireRoutes } from './questionnaires.ts';
import { importRoutes } from './imports.ts';
import { paperRoutes } from './paper.ts';
import { responseRoutes } from './responses.ts';
import { sessionRoutes } from './session.ts';
import { userRoutes } from './users.ts';

/** Everything under /api. */
export const apiRoutes: FastifyPluginAsync = async (app) => {
  await app.register(healthRoutes);
  await app.register(questionnaireRoutes);
  await app.register(linkRoutes);
  await app.register(responseRoutes);
  await app.register(sessionRoutes);
  await app.register(userRoutes);
  await app.register(paperRoutes);
  await app.register(importRoutes);
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
};
