/**
 * The authorisation matrix, generated from the permission table (contract/permissions.ts): every
 * route the app serves × every role × a caller who is not logged in, each sending the route's
 * well-formed example (tests/support/route-examples.ts). A role the table allows is let through
 * (never 401 or 403, never a 5xx), any other gets 403, a caller without a session 401; a public
 * route answers anyone. Routes are enumerated from the app itself, so a new one cannot be missed.
 */
import Fastify from 'fastify';
import fp from 'fastify-plugin';
import { beforeEach, describe, expect, it } from 'vitest';
import { actions, actionsOf, permissions, roleMay, type Action } from '../../contract/permissions.ts';
import { roles, type Role } from '../../db/schema/staff.ts';
import { defaultThrottle } from '../../server/domain/accounts/log-in-throttle.ts';
import { authPlugin, routeAccess } from '../../server/plugins/auth.ts';
import type { CataloguedRoute } from '../../server/plugins/route-catalogue.ts';
import { useTestApp } from '../support/app.ts';
import { routeExampleWorld } from '../support/route-example-world.ts';
import { exampleOf, urlOf, type RouteExample } from '../support/route-examples.ts';
import type { Agent } from '../support/staff.ts';

const { app, database } = useTestApp();

/** Routes of the app that are not files of the built UI (those the static plugin serves are public by nature). */
const guardedRoutes = () => app().routeCatalogue.filter((r) => r.url.startsWith('/api/') || r.url.startsWith('/poster/'));
const key = (route: CataloguedRoute) => `${route.method} ${route.url}`;
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

let agents: Record<Role, Agent>;
/** A keyer whom the batch names as its reconciler: the table lets keyers reconcile only so. */
let reconcilingKeyer: Agent;
let examples: Record<string, RouteExample>;

beforeEach(async () => {
  ({ agents, reconcilingKeyer, examples } = await routeExampleWorld(app(), database().db, 'matrix'));
});

function requestOf(route: CataloguedRoute) {
  const example = exampleOf(examples, route.method, route.url);
  if (!example) throw new Error(`${key(route)} has no example in tests/support/route-examples.ts`);
  const payload = example.body ? JSON.stringify(example.body) : undefined;
  return {
    method: route.method as 'GET',
    url: urlOf(route.url, example.params, example.query),
    ...(payload !== undefined ? { payload, headers: { 'content-type': 'application/json' } } : {}),
  };
}

const agentFor = (role: Role, action: Action) => (role === 'keyer' && action === 'forms.reconcile' ? reconcilingKeyer : agents[role]);

describe('the permission table', () => {
  it('gives every role at least logging out, and names roles that exist', () => {
    for (const role of roles) expect(actionsOf(role)).toContain('session.end');
    for (const action of actions) for (const role of permissions[action].roles) expect(roles).toContain(role);
  });

  it('lets each role do what its work needs and no more', () => {
    expect(actionsOf('admin')).toEqual(actions.filter((a) => a !== 'forms.key'));
    expect(actionsOf('manager')).toEqual(actions.filter((a) => a !== 'forms.key' && a !== 'users.manage' && a !== 'questionnaires.manage'));
    expect(actionsOf('keyer')).toEqual(['session.end', 'rounds.list', 'account.password', 'batches.read', 'forms.key', 'forms.reconcile']);
    expect(actionsOf('analyst')).toEqual([
      'session.end',
      'rounds.list',
      'account.password',
      'responses.review',
      'results.read',
      'rounds.read',
      // free text
      'freetext.read',
      'freetext.tag',
      // improvement plans
      'plans.read',
    ]);
  });

  it('is what the session reply sends each role', async () => {
    for (const role of roles) {
      const session = await agents[role].request({ url: '/api/session' });
      expect(session.json().actions, role).toEqual(actionsOf(role));
    }
  });

  it('has an action or public on every route, and every action but batch oversight guards a route', () => {
    const used = new Set<string>();
    for (const route of guardedRoutes()) {
      const access = routeAccess(route);
      if (access !== 'public') used.add(access.action);
    }
    expect(actions.filter((action) => !used.has(action))).toEqual(['batches.oversee']);
  });

  it('stops the app at start-up when a route names neither an action nor public', async () => {
    const bare = Fastify();
    await bare.register(fp(async () => undefined, { name: 'database' }));
    await bare.register(fp(async () => undefined, { name: 'rate-limits' }));
    await bare.register(authPlugin, { throttle: defaultThrottle });
    void bare.register(async (routes) => {
      routes.get('/api/forgotten', async () => 'open to all');
    });
    await expect(bare.ready()).rejects.toThrow(/GET \/api\/forgotten names no action/);
  });

  it('stops the app at start-up when a route names an action the table does not have', () => {
    expect(() => routeAccess({ method: 'POST', url: '/api/x', config: { action: 'rounds.delete' as Action } })).toThrow(/does not have/);
    expect(() => routeAccess({ method: 'POST', url: '/api/x', config: { action: 'rounds.list', public: true } })).toThrow(/both/);
  });
});

describe('authorisation matrix: every route × every role × not logged in', () => {
  it('lets in the roles the table allows on every route, refuses the others with 403 and anonymous callers with 401', async () => {
    // Logging out last: it ends the session the later requests would send.
    const ordered = [...guardedRoutes()].sort((a, b) => Number(key(a) === 'DELETE /api/session') - Number(key(b) === 'DELETE /api/session'));
    for (const route of ordered) {
      const access = routeAccess(route);
      const anonymous = await app().inject(requestOf(route));
      if (access === 'public') {
        const context = `${key(route)} anonymous: ${anonymous.body.slice(0, 200)}`;
        expect(anonymous.statusCode, context).not.toBe(403);
        expect(anonymous.statusCode, context).toBeLessThan(500);
        // Only the log-in itself says 401 (who is not logged in, or a wrong password).
        if (anonymous.statusCode === 401) expect(route.url, context).toBe('/api/session');
        continue;
      }
      expect(anonymous.statusCode, `${key(route)} anonymous`).toBe(401);
      for (const role of roles) {
        const reply = await agentFor(role, access.action).request(requestOf(route));
        const context = `${key(route)} (${access.action}) as ${role}: ${reply.body.slice(0, 200)}`;
        if (roleMay(role, access.action)) {
          expect([401, 403], context).not.toContain(reply.statusCode);
          expect(reply.statusCode, context).toBeLessThan(500);
        } else {
          expect(reply.statusCode, context).toBe(403);
          if (route.method !== 'HEAD') expect(reply.json().code, context).toBe('forbidden');
        }
      }
    }
  });

  it('refuses an unsafe request without the CSRF token even from a role the table allows', async () => {
    for (const route of guardedRoutes().filter((r) => UNSAFE.has(r.method))) {
      const access = routeAccess(route);
      if (access === 'public') continue;
      const role = roles.find((r) => roleMay(r, access.action))!;
      const reply = await agentFor(role, access.action).request({
        ...requestOf(route),
        headers: { 'content-type': 'application/json', 'x-csrf-token': 'wrong' },
      });
      expect(reply.statusCode, `${key(route)} as ${role}`).toBe(403);
      expect(reply.json().code, key(route)).toBe('csrf');
    }
  });
});
