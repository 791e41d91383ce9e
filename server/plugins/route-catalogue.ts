/**
 * Every route the app serves, as registered — so that checks which must cover all of them (the
 * fuzzer, the authorisation matrix) enumerate the app itself and a new route cannot be missed.
 */
import type { FastifyContextConfig, FastifySchema, HTTPMethods } from 'fastify';
import fp from 'fastify-plugin';

export interface CataloguedRoute {
  method: HTTPMethods;
  url: string;
  schema?: FastifySchema;
  /** Has a per-route body limit below the global one. */
  bodyLimit?: number;
  /** Who may call it: an action of contract/permissions.ts, or public (plugins/auth.ts). */
  config?: FastifyContextConfig;
}

declare module 'fastify' {
  interface FastifyInstance {
    routeCatalogue: CataloguedRoute[];
  }
}

export const routeCataloguePlugin = fp(
  async (app) => {
    const routes: CataloguedRoute[] = [];
    app.decorate('routeCatalogue', routes);
    app.addHook('onRoute', (route) => {
      for (const method of [route.method].flat()) {
        routes.push({ method: method as HTTPMethods, url: route.url, schema: route.schema, bodyLimit: route.bodyLimit, config: route.config });
      }
    });
  },
  { name: 'route-catalogue' },
);
