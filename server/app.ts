/**
 * The application as a plugin-built Fastify instance: external plugins first, then our own, then
 * routes. Tests build it with `app.inject`; main.ts only listens.
 */
import { randomBytes } from 'node:crypto';
import Fastify, { type FastifyInstance, type FastifyRequest, type FastifyServerOptions } from 'fastify';
import { serializerCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { DatabaseHandle } from '../db/client.ts';
import { authPlugin } from './plugins/auth.ts';
import { compressionPlugin } from './plugins/compression.ts';
import { databasePlugin } from './plugins/database.ts';
import { errorHandlerPlugin, frameworkErrorHandler } from './plugins/error-handler.ts';
import { intakePlugin } from './plugins/intake.ts';
import { jsonBodyPlugin } from './plugins/json-body.ts';
import { openApiPlugin } from './plugins/openapi.ts';
import { defaultRateLimits, rateLimitPlugin, type RateLimitSettings } from './plugins/rate-limits.ts';
import { routeCataloguePlugin } from './plugins/route-catalogue.ts';
import { securityHeadersPlugin } from './plugins/security-headers.ts';
import { strictInputPlugin } from './plugins/strict-input.ts';
import { fallbackPageStyle, staticPlugin } from './plugins/static.ts';
import { apiRoutes } from './routes/api/index.ts';
import { posterRoutes, posterStyle } from './routes/pages/poster.ts';
import { UI_DIST } from '../survey-ui/build/pages.ts';
import { zodValidatorCompiler } from './validation.ts';

export interface AppOptions {
  database: DatabaseHandle;
  logger?: FastifyServerOptions['logger'];
  /** Any limit not given keeps its default. */
  rateLimits?: Partial<RateLimitSettings>;
  /** The built UI's folder; survey-ui/dist unless a test points elsewhere. */
  uiRoot?: string;
  /** Keys the hashes of device ids (server/secrets.ts); main.ts passes the configured one, tests get a random one. */
  secret?: string;
  /** How long rounds, offices, links and localities are cached (ms); 0 reads them for every response. */
  lookupTtlMs?: number;
}

const DEFAULT_LOOKUP_TTL_MS = 10_000;
const API_PREFIX = '/api';

/** Request logs say what was asked, not who asked: a citizen's IP address is kept nowhere. */
const withoutAddresses = (logger: AppOptions['logger']): AppOptions['logger'] => {
  if (!logger) return logger;
  const serializers = { req: (request: FastifyRequest) => ({ method: request.method, url: request.url, host: request.host }) };
  return logger === true ? { serializers } : { ...logger, serializers: { ...serializers, ...(logger as { serializers?: object }).serializers } };
};

/**
 * Whose X-Forwarded-For and -Proto to believe (SIPAS_TRUST_PROXY): by default only a proxy on this
 * machine, so a client elsewhere cannot pick the IP address its rate limits are counted under.
 * `true` trusts any; otherwise addresses or subnets separated by commas (`10.0.0.5`, `10.0.0.0/8`).
 */
export function trustedProxies(setting = process.env.SIPAS_TRUST_PROXY): boolean | string {
  if (!setting) return 'loopback';
  if (setting === 'true' || setting === 'false') return setting === 'true';
  return setting;
}

export async function buildApp({
  database, logger = false, rateLimits = {}, uiRoot, secret = randomBytes(32).toString('base64url'), lookupTtlMs = DEFAULT_LOOKUP_TTL_MS,
}: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: withoutAddresses(logger), bodyLimit: 1024 * 1024, trustProxy: trustedProxies(), frameworkErrors: frameworkErrorHandler,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(zodValidatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // Before the catalogue, so that it records each route as it is served.
  await app.register(strictInputPlugin, { prefix: API_PREFIX });
  await app.register(routeCataloguePlugin);
  // The API speaks JSON only; other bodies get 415 rather than reaching a schema as a string.
  app.removeContentTypeParser('text/plain');
  await app.register(jsonBodyPlugin);

  await app.register(securityHeadersPlugin, { uiRoot: uiRoot ?? UI_DIST, inlineStyles: [fallbackPageStyle, posterStyle] });
  await app.register(compressionPlugin);
  await app.register(openApiPlugin);
  await app.register(rateLimitPlugin, { settings: { ...defaultRateLimits, ...rateLimits } });
  await app.register(databasePlugin, { database });
  await app.register(errorHandlerPlugin);
  await app.register(intakePlugin, { secret, lookupTtlMs });
  await app.register(staticPlugin, { root: uiRoot });
  await app.register(authPlugin);
  await app.register(apiRoutes, { prefix: API_PREFIX });
  await app.register(posterRoutes);
  await app.ready();
  return app;
}
