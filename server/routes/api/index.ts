import type { FastifyPluginAsync } from 'fastify';
import { healthRoutes } from './health.ts';
import { linkRoutes } from './links.ts';
import { officeLinkRoutes } from './office-links.ts';
import { questionnaireRoutes } from './questionnaires.ts';
import { importRoutes } from './imports.ts';
import { paperRoutes } from './paper.ts';
import { responseReviewRoutes } from './response-review.ts';
import { publicResultRoutes } from './public-results.ts';
import { roundAdminRoutes } from './round-admin.ts';
import { roundResultsAdminRoutes } from './round-results-admin.ts';
import { resultRoutes } from './results.ts';
import { responseRoutes } from './responses.ts';
import { roundRoutes } from './rounds.ts';
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
  await app.register(roundRoutes);
  await app.register(officeLinkRoutes);
  await app.register(responseReviewRoutes);
  await app.register(resultRoutes);
  await app.register(roundResultsAdminRoutes);
  await app.register(roundAdminRoutes);
  await app.register(publicResultRoutes);
  app.get('/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());
};
