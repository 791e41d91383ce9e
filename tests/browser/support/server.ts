/** The real app, listening on a free port over a fresh test database, for a browser to reach. */
import type { FastifyInstance } from 'fastify';
import { buildApp, type AppOptions } from '../../../server/app.ts';
import { unlimited } from '../../support/rate-limits.ts';
import { openTestDatabase, type TestDatabase } from '../../support/database.ts';

export interface TestServer {
  url: string;
  app: FastifyInstance;
  database: TestDatabase;
  close(): Promise<void>;
}

export async function startTestServer(options: Omit<AppOptions, 'database'> = {}): Promise<TestServer> {
  const database = await openTestDatabase();
  const app = await buildApp({ rateLimits: unlimited, ...options, database });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    url: address,
    app,
    database,
    async close() {
      await app.close();
      await database.close();
    },
  };
}
