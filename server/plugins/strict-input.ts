/**
 * Every API route refuses what it does not name, whether or not its file remembered to: as a route
 * is added, its query string, path parameters and JSON body are made strict (validation.ts), its
 * query string takes `lang`, a JSON body sent to a route that takes none has each of its fields
 * refused, and its error replies are declared as problems. Registered before any route, so a new
 * route cannot be missed; tests/integration/strict-input.test.ts checks every route of the app.
 */
import type { FastifyRequest, HTTPMethods, RouteOptions } from 'fastify';
import fp from 'fastify-plugin';
import type { z } from 'zod';
import { ProblemView } from '../../contract/problems.ts';
import { bodyIssues, RequestValidationError, strictQuery, strictSchema } from '../validation.ts';

const WITHOUT_BODY = new Set<string>(['GET', 'HEAD', 'OPTIONS']);

async function refuseUndeclaredBody(request: FastifyRequest): Promise<void> {
  const issues = bodyIssues(request.body);
  if (issues.length === 0) return;
  const error = new RequestValidationError(issues);
  error.validationContext = 'body';
  throw error;
}

/** The route as the API serves it: strict request parts, `lang`, and problems for every error status. */
export function strictRoute(route: RouteOptions): void {
  const schema = { ...route.schema } as Record<string, unknown>;
  schema.querystring = strictQuery(schema.querystring as z.ZodType | undefined);
  if (schema.params) schema.params = strictSchema(schema.params as z.ZodType);
  if (schema.body) schema.body = strictSchema(schema.body as z.ZodType);
  else if ([route.method].flat().some((method: HTTPMethods) => !WITHOUT_BODY.has(method))) {
    route.preValidation = [refuseUndeclaredBody, ...[route.preValidation ?? []].flat()];
  }
  schema.response = { '4xx': ProblemView, '5xx': ProblemView, ...(schema.response as object | undefined) };
  route.schema = schema;
}

export const strictInputPlugin = fp<{ prefix: string }>(
  async (app, { prefix }) => {
    app.addHook('onRoute', (route) => {
      if (route.url.startsWith(`${prefix}/`)) strictRoute(route);
    });
  },
  { name: 'strict-input' },
);
