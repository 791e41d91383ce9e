import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { buildApp, type AppOptions } from '../../server/app.ts';
import { openTestDatabase, type TestDatabase } from './database.ts';
import { unlimited } from './rate-limits.ts';

/** The real app on a real database for one test file, emptied before each test. */
export function useTestApp(options: Omit<AppOptions, 'database'> = {}): { app: () => FastifyInstance; database: () => TestDatabase } {
  let app: FastifyInstance;
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase();
    // Tests change rounds and links under the app's feet, so reference data is read afresh (the cache has its own test).
    app = await buildApp({ rateLimits: unlimited, lookupTtlMs: 0, ...options, database });
  });
  beforeEach(async () => database.reset());
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });
  return { app: () => app, database: () => database };
}
