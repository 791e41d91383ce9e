/**
 * Strict input on every API route the app serves (enumerated from the app, so a new route is
 * covered): unknown fields in the query string, the body and objects inside it are refused with 400
 * naming them, in Vietnamese and with ?lang=en in English; NUL, half a surrogate pair, overlong text,
 * numbers out of range and values of the wrong type are refused with 400 naming the field, never a
 * 5xx; and a well-formed request is answered with a reply its route's response schema declares.
 */
import type { LightMyRequestResponse } from 'fastify';
import { beforeEach, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { Role } from '../../db/schema/staff.ts';
import type { CataloguedRoute } from '../../server/plugins/route-catalogue.ts';
import { useTestApp } from '../support/app.ts';
import { routeExampleWorld } from '../support/route-example-world.ts';
import { declaredFor, fieldsOf, hostileValues, schemaFaults } from '../support/request-schemas.ts';
import { exampleOf, urlOf, type RouteExample } from '../support/route-examples.ts';
import type { Agent } from '../support/staff.ts';

const { app, database } = useTestApp();

const apiRoutes = () => app().routeCatalogue.filter((r) => r.url.startsWith('/api/'));
const key = (route: CataloguedRoute) => `${route.method} ${route.url}`;
const part = (route: CataloguedRoute, name: 'querystring' | 'params' | 'body') => route.schema?.[name] as z.ZodType | undefined;
const takesBody = (route: CataloguedRoute) => !['GET', 'HEAD'].includes(route.method);

let agents: Record<Role, Agent>;
let examples: Record<string, RouteExample>;

beforeEach(async () => {
  ({ agents, examples } = await routeExampleWorld(app(), database().db, 'strict'));
});

interface Spoiled {
  params?: Record<string, string>;
  query?: Record<string, string>;
  /** The body as JSON text (to send what JSON.stringify cannot, such as 1e400). */
  payload?: string;
  headers?: Record<string, string>;
}

async function send(route: CataloguedRoute, example: RouteExample, spoiled: Spoiled = {}): Promise<LightMyRequestResponse> {
  const url = urlOf(route.url, spoiled.params ?? example.params, spoiled.query ?? example.query);
  const payload = spoiled.payload ?? (example.body ? JSON.stringify(example.body) : undefined);
  const options = {
    method: route.method as 'GET',
    url,
    headers: { ...(payload !== undefined ? { 'content-type': 'application/json' } : {}), ...spoiled.headers },
    ...(payload !== undefined ? { payload } : {}),
  };
  return example.as === 'anonymous' ? app().inject(options) : agents[example.as].request(options);
}

/** The reply is a 400 naming `field` (a body field bare, `querystring.x`, `params.x`), or a field under it. */
function expectNamed(reply: LightMyRequestResponse, field: string, context: string): void {
  expect(reply.statusCode, `${context}: ${reply.body.slice(0, 300)}`).toBe(400);
  if (reply.body === '') return; // HEAD
  const problem = reply.json();
  expect(problem.code, context).toBe('validation_failed');
  const paths = (problem.issues as Array<{ path: string }>).map((i) => i.path);
  expect(
    paths.some((p) => p === field || p.startsWith(`${field}.`)),
    `${context}: issues ${JSON.stringify(problem.issues)}`,
  ).toBe(true);
}

describe('the request schemas of every API route', () => {
  it('refuse unknown keys in every object, bound every text and every number', () => {
    const faults = apiRoutes().flatMap((route) =>
      (['params', 'querystring', 'body'] as const).flatMap((name) => {
        const schema = part(route, name);
        return schema ? schemaFaults(schema).map((fault) => `${key(route)} ${name} ${fault}`) : [];
      }),
    );
    expect(faults).toEqual([]);
  });

  it('have a well-formed example request here, each one taken by its schemas', async () => {
    expect(
      apiRoutes()
        .filter((route) => !exampleOf(examples, route.method, route.url))
        .map(key),
    ).toEqual([]);
    for (const route of apiRoutes()) {
      const reply = await send(route, exampleOf(examples, route.method, route.url)!);
      if (reply.statusCode === 400 && reply.body) expect(reply.json().code, `${key(route)}: ${reply.body}`).not.toBe('validation_failed');
    }
  });
});

describe('unknown fields', () => {
  it('in the query string of every API route: 400 naming it, in Vietnamese, and in English with ?lang=en', async () => {
    for (const route of apiRoutes()) {
      const example = exampleOf(examples, route.method, route.url)!;
      const vi = await send(route, example, { query: { ...example.query, debug: '1' } });
      expectNamed(vi, 'querystring.debug', key(route));
      if (route.method === 'HEAD') continue;
      expect(vi.json().message).toBe('Dữ liệu gửi lên không hợp lệ. Xem chi tiết từng trường bên dưới.');
      const en = await send(route, example, { query: { ...example.query, isAdmin: 'true', lang: 'en' } });
      expectNamed(en, 'querystring.isAdmin', `${key(route)} ?lang=en`);
      expect(en.json().issues[0].message, key(route)).toBe('Unrecognized key: "isAdmin"');
    }
  });

  it('in the JSON body of every route and in the objects inside it: 400 naming it', async () => {
    for (const route of apiRoutes().filter(takesBody)) {
      const example = exampleOf(examples, route.method, route.url)!;
      const body = example.body ?? {};
      expectNamed(await send(route, example, { payload: JSON.stringify({ ...body, role_id: 1 }) }), 'role_id', key(route));
      for (const [field, value] of Object.entries(body)) {
        if (value === null || typeof value !== 'object' || Array.isArray(value)) continue;
        const nested = JSON.stringify({ ...body, [field]: { ...value, isAdmin: true } });
        expectNamed(await send(route, example, { payload: nested }), `${field}.isAdmin`, `${key(route)} in ${field}`);
      }
    }
  });
});

describe('malformed values', () => {
  it('NUL, half a surrogate pair, overlong text, numbers out of range, wrong types: 400 naming the field in any part', async () => {
    let tried = 0;
    for (const route of apiRoutes().filter((r) => r.method !== 'HEAD')) {
      const example = exampleOf(examples, route.method, route.url)!;
      for (const [name, field] of fieldsOf(part(route, 'params'))) {
        for (const { what, value } of hostileValues(field, true)) {
          tried++;
          expectNamed(await send(route, example, { params: { ...example.params, [name]: String(value) } }), `params.${name}`, `${key(route)} ${name}: ${what}`);
        }
      }
      for (const [name, field] of fieldsOf(part(route, 'querystring'))) {
        for (const { what, value } of hostileValues(field, true)) {
          tried++;
          expectNamed(
            await send(route, example, { query: { ...example.query, [name]: String(value) } }),
            `querystring.${name}`,
            `${key(route)} ?${name}: ${what}`,
          );
        }
      }
      for (const [name, field] of fieldsOf(part(route, 'body'))) {
        for (const { what, value, raw } of hostileValues(field, false)) {
          tried++;
          const json = JSON.stringify({ ...example.body, [name]: raw === undefined ? value : '\u0001raw' }).replace('"\\u0001raw"', raw ?? '');
          expectNamed(await send(route, example, { payload: json }), name, `${key(route)} ${name}: ${what}`);
        }
      }
    }
    expect(tried).toBeGreaterThan(200);
  }, 300_000);
});

describe('replies', () => {
  it('to a well-formed request of every route: no 5xx, and JSON only in a status and shape the route declares', async () => {
    // Logging out ends a session the other requests use: last.
    const routes = apiRoutes()
      .filter((r) => r.method !== 'HEAD')
      .sort((a, b) => Number(key(a) === 'DELETE /api/session') - Number(key(b) === 'DELETE /api/session'));
    const statuses: string[] = [];
    for (const route of routes) {
      const reply = await send(route, exampleOf(examples, route.method, route.url)!);
      statuses.push(`${key(route)} ${reply.statusCode}`);
      expect(reply.statusCode, `${key(route)}: ${reply.body.slice(0, 300)}`).toBeLessThan(500);
      if (!String(reply.headers['content-type']).startsWith('application/json') || route.schema?.hide) continue;
      const schema = declaredFor(route, reply.statusCode);
      expect(schema, `${key(route)} answers ${reply.statusCode} without declaring it`).toBeDefined();
      const parsed = schema!.safeParse(reply.json());
      expect(parsed.success, `${key(route)} ${reply.statusCode}: ${JSON.stringify(parsed.error?.issues)}`).toBe(true);
    }
    // The examples reach the routes' own work, not only their refusals.
    expect(statuses.filter((s) => / 2\d\d$/.test(s)).length, statuses.join('\n')).toBeGreaterThan(30);
  });
});

describe('what the router refuses before any route', () => {
  it('answers a path whose %-escapes are not UTF-8 (half a surrogate pair) with a worded 400, in the language asked', async () => {
    const vi = await app().inject({ url: '/api/links/abcdefgh%ED%A0%80ijkl' });
    expect(vi.statusCode).toBe(400);
    expect(vi.json()).toEqual({ statusCode: 400, code: 'bad_url', message: 'Đường dẫn chứa ký tự không hợp lệ (mã %… không phải UTF-8)' });
    const en = await app().inject({ url: '/api/rounds/%C0%AE%C0%AE/results', headers: { 'accept-language': 'en' } });
    expect(en.json()).toMatchObject({ code: 'bad_url', message: 'The path holds an invalid character (a %-escape that is not UTF-8)' });
  });

  it('answers a path parameter longer than the router keeps with a worded 414', async () => {
    const reply = await agents.manager.request({ method: 'DELETE', url: `/api/rounds/${'p'.repeat(3000)}/frame` });
    expect(reply.statusCode).toBe(414);
    expect(reply.json()).toEqual({ statusCode: 414, code: 'path_too_long', message: 'Một phần của đường dẫn quá dài' });
  });

  it('words a number too large to be finite as such', async () => {
    const reply = await agents.analyst.request({ url: '/api/rounds/DN-2025-H1/results?minN=1e400&lang=en' });
    expect(reply.json().issues).toEqual([{ path: 'querystring.minN', message: 'The number is too large (not finite)' }]);
  });
});
