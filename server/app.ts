/**
 * The application as a plugin-built Fastify instance: external plugins first, then our own, then
 * routes. Tests build it with `app.inject`; main.ts only listens.
 */
import { randomBytes } from 'node:crypto';
import Fastify, { type FastifyInstance, type FastifyRequest, type FastifyServerOptions } from 'fastify';
import { serializerCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { DatabaseHandle } from '../db/client.ts';
import { httpTimeouts, timeoutOptions, type HttpTimeouts } from './connections.ts';
import { defaultThrottle, type ThrottleNumbers } from './domain/accounts/log-in-throttle.ts';
import { authPlugin } from './plugins/auth.ts';
import { firstAdminSetupPlugin } from './plugins/first-admin-setup.ts';
import { compressionPlugin } from './plugins/compression.ts';
import { resultsResponseCachePlugin } from './plugins/results-response-cache.ts';
import { microdataFilesPlugin } from './plugins/microdata-files.ts';
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
import { posterStyle } from './domain/links/poster.ts';
import { posterRoutes } from './routes/pages/poster.ts';
import { planReportStyle } from './domain/plans/plan-report.ts';
import { planReportRoutes } from './routes/pages/plan-report.ts';
import { configuredPublicUrl, publicUrlPlugin, type PublicUrl } from './public-url.ts';
import { UI_DIST } from '../survey-ui/build/pages.ts';
import { zodValidatorCompiler } from './validation.ts';

export interface AppOptions {
  database: DatabaseHandle;
  logger?: FastifyServerOptions['logger'];
  /** Any limit not given keeps its default. */
  rateLimits?: Partial<RateLimitSettings>;
  /** How failed log-ins are held back; any number not given keeps its default. */
  logInThrottle?: Partial<ThrottleNumbers>;
  /** The built UI's folder; survey-ui/dist unless a test points elsewhere. */
  uiRoot?: string;
  /** Keys the hashes of device ids (server/secrets.ts); main.ts passes the configured one, tests get a random one. */
  secret?: string;
  /** How long rounds, offices, links and localities are cached (ms); 0 reads them for every response. */
  lookupTtlMs?: number;
  /** The address posters and links print; SIPAS_PUBLIC_URL (or this machine's own address) unless given. */
  publicUrl?: PublicUrl;
  /** Whose X-Forwarded-* headers to believe; SIPAS_TRUST_PROXY unless given (server/app.ts, trustedProxies). */
  trustProxy?: boolean | string;
  /** How long the server waits for clients (server/connections.ts); any not given keeps its default. */
  timeouts?: Partial<HttpTimeouts>;
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
 * Whose X-Forwarded-For, -Host and -Proto to believe (SIPAS_TRUST_PROXY): nobody's unless it is set,
 * so that no client can pick the address its limits are counted under or pass for HTTPS. The
 * reverse proxy's address or subnet (`127.0.0.1`, `10.0.0.5`, `10.0.0.0/8`, several separated by
 * commas, or `loopback`); `true` trusts any peer (only when nothing else can reach the server).
 */
export function trustedProxies(setting = process.env.SIPAS_TRUST_PROXY): boolean | string {
  const value = setting?.trim();
  if (!value || value === 'false') return false;
  if (value === 'true') return true;
  return value;
}

const noDefaultCompiler = (): never => {
  throw new Error('a route schema that is not zod’s: every schema is compiled by zod (buildApp)');
};

export async function buildApp({
  database,
  logger = false,
  rateLimits = {},
  logInThrottle = {},
  uiRoot,
  secret = randomBytes(32).toString('base64url'),
  lookupTtlMs = DEFAULT_LOOKUP_TTL_MS,
  publicUrl = configuredPublicUrl(),
  trustProxy = trustedProxies(),
  timeouts = {},
}: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: withoutAddresses(logger),
    bodyLimit: 1024 * 1024,
    trustProxy,
    frameworkErrors: frameworkErrorHandler,
    ...timeoutOptions({ ...httpTimeouts, ...timeouts }),
    // Every schema is zod's, compiled by the two compilers set below: fastify's own (Ajv,
    // fast-json-stringify) would be loaded for nothing, some 0.2–0.3 s of the server's start.
    schemaController: { compilersFactory: { buildValidator: noDefaultCompiler, buildSerializer: noDefaultCompiler } },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(zodValidatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // Before the catalogue, so that it records each route as it is served.
  await app.register(strictInputPlugin, { prefix: API_PREFIX });
  await app.register(routeCataloguePlugin);
  // The API speaks JSON only; other bodies get 415 rather than reaching a schema as a string.
  app.removeContentTypeParser('text/plain');
  await app.register(jsonBodyPlugin);

  await app.register(securityHeadersPlugin, { uiRoot: uiRoot ?? UI_DIST, inlineStyles: [fallbackPageStyle, posterStyle, planReportStyle] });
  await app.register(compressionPlugin);
  await app.register(openApiPlugin);
  await app.register(rateLimitPlugin, { settings: { ...defaultRateLimits, ...rateLimits } });
  await app.register(databasePlugin, { database });
  await app.register(resultsResponseCachePlugin);
  await app.register(microdataFilesPlugin);
  await app.register(publicUrlPlugin, { publicUrl });
  await app.register(errorHandlerPlugin);
  await app.register(intakePlugin, { secret, lookupTtlMs });
  await app.register(staticPlugin, { root: uiRoot });
  await app.register(authPlugin, { throttle: { ...defaultThrottle, ...logInThrottle } });
  await app.register(firstAdminSetupPlugin);
  await app.register(apiRoutes, { prefix: API_PREFIX });
  await app.register(posterRoutes);
  await app.register(planReportRoutes);
  await app.ready();
  return app;
}
