/** The first-run setup of this process (domain/accounts/first-admin.ts): main.ts opens it and prints its link; routes/api/setup.ts uses it. */
import fp from 'fastify-plugin';
import { FirstAdminSetup } from '../domain/accounts/first-admin.ts';

declare module 'fastify' {
  interface FastifyInstance {
    firstAdminSetup: FirstAdminSetup;
  }
}

export const firstAdminSetupPlugin = fp(
  async (app) => {
    app.decorate('firstAdminSetup', new FirstAdminSetup());
  },
  { name: 'first-admin-setup' },
);
