import fp from 'fastify-plugin';
import type { DatabaseHandle } from '../../db/client.ts';

declare module 'fastify' {
  interface FastifyInstance {
    database: DatabaseHandle;
  }
}

/** Makes the open database available to routes; the caller that opened it closes it. */
export const databasePlugin = fp<{ database: DatabaseHandle }>(
  async (app, { database }) => {
    app.decorate('database', database);
  },
  { name: 'database' },
);
