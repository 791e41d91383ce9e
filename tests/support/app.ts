import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { buildApp } from '../../server/app.ts';
import { openTestDatabase, type TestDatabase } from './database.ts';

/** The real app on a real database for one test file, emptied before each test. */
export function useTestApp(): { app: () => FastifyInstance; database: () => TestDatabase } {
  let app: FastifyInstance;
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase();
    app = await buildApp({ database });
  });
  beforeEach(async () => database.reset());
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });
  return { app: () => app, database: () => database };
}
