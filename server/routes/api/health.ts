import { sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';

export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/health', {
    config: { public: true },
    schema: {
      summary: 'Liveness, with the database actually queried',
      response: { 200: z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']) }) },
    },
  }, async () => {
    await app.database.db.execute(sql`select 1`);
    return { status: 'ok' as const, database: app.database.kind };
  });
};
