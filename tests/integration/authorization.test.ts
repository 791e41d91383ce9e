/**
 * The authorisation matrix: every staff route, for every role and for a caller who is not logged
 * in. The route list is checked against the OpenAPI document so a new route cannot be forgotten.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Role } from '../../db/schema/staff.ts';
import { useTestApp } from '../support/app.ts';
import { addStaff, logInAs, type Agent } from '../support/staff.ts';

const { app, database } = useTestApp();

const everyone: Role[] = ['admin', 'manager', 'keyer', 'analyst'];
const managers: Role[] = ['admin', 'manager'];
const readers: Role[] = ['admin', 'manager', 'analyst'];

/** [method, url, roles allowed]. Keyer routes on batch 1 are for a keyer assigned to it. */
const matrix: Array<[string, string, Role[]]> = [
  ['GET', '/api/users', managers],
  ['POST', '/api/users', ['admin']],
  ['DELETE', '/api/session', everyone],
  ['POST', '/api/rounds/DN-2025-H1/paper-forms', managers],
  ['POST', '/api/rounds/DN-2025-H1/paper-forms/status', managers],
  ['POST', '/api/rounds/DN-2025-H1/batches', managers],
  ['GET', '/api/rounds/DN-2025-H1/paper-progress', managers],
  ['GET', '/api/batches', ['admin', 'manager', 'keyer']],
  ['GET', '/api/batches/1', ['admin', 'manager', 'keyer']],
  ['GET', '/api/batches/1/forms/1/entry', ['keyer']],
  ['PUT', '/api/batches/1/forms/1/entry', ['keyer']],
  ['GET', '/api/batches/1/forms/1/comparison', managers],
  ['POST', '/api/batches/1/forms/1/reconciliation', managers],
  ['GET', '/api/audit?entity=batch&id=1', managers],
  ['GET', '/api/rounds/DN-2025-H1/import-template', managers],
  ['POST', '/api/rounds/DN-2025-H1/imports', managers],
  ['PATCH', '/api/users/1', ['admin']],
  ['POST', '/api/users/1/unlock', ['admin']],
  ['GET', '/api/rounds', everyone],
  ['GET', '/api/localities?parent=67', managers],
  ['GET', '/api/rounds/DN-2025-H1/paper-forms/1', managers],
  ['GET', '/api/rounds/DN-2025-H1/links', managers],
  ['PATCH', '/api/links/AAAAAAAAAAAAAAAAAAAAAA', managers],
  ['GET', '/api/rounds/DN-2025-H1/flagged-responses', readers],
  ['POST', '/api/responses/00000000-0000-4000-8000-000000000000/review', readers],
  ['GET', '/api/rounds/DN-2025-H1/results?by=district', readers],
  ['GET', '/api/rounds/DN-2025-H1/results.csv', readers],
  ['GET', '/api/rounds/DN-2025-H1/results.xlsx', readers],
  ['GET', '/api/rounds/DN-2025-H1/microdata.csv', readers],
  ['GET', '/api/rounds/DN-2025-H1/codebook.csv', readers],
  ['GET', '/api/results/trend?by=province', readers],
  ['GET', '/api/results/rounds', readers],
  ['GET', '/api/rounds/DN-2025-H1/frame', readers],
  ['PUT', '/api/rounds/DN-2025-H1/frame', managers],
  ['DELETE', '/api/rounds/DN-2025-H1/frame', managers],
  ['POST', '/api/rounds/DN-2025-H1/publish', managers],
  ['POST', '/api/rounds/DN-2025-H1/unpublish', managers],
];

/** The OpenAPI path of a concrete URL, e.g. /api/batches/1/forms/2/entry → /api/batches/{id}/forms/{serial}/entry. */
function routeOf(url: string): string {
  return url
    .split('?')[0]
    .replace(/\/rounds\/[^/]+/, '/rounds/{code}')
    .replace(/\/batches\/\d+/, '/batches/{id}')
    .replace(/\/forms\/\d+/, '/forms/{serial}')
    .replace(/\/paper-forms\/\d+/, '/paper-forms/{serial}')
    .replace(/\/users\/\d+/, '/users/{id}')
    .replace(/\/links\/[^/]+/, '/links/{token}')
    .replace(/\/responses\/[0-9a-f-]{36}/, '/responses/{id}');
}

const publicRoutes = new Set([
  'GET /api/health', 'GET /api/questionnaires', 'GET /api/questionnaires/{version}', 'GET /api/links/{token}',
  'POST /api/responses', 'POST /api/session', 'GET /api/session',
  'GET /api/public/rounds', 'GET /api/public/rounds/{code}/results',
]);

let agents: Record<Role, Agent>;
beforeEach(async () => {
  const db = database().db;
  for (const role of everyone) await addStaff(db, role, `${role}.user`);
  const secondKeyer = await addStaff(db, 'keyer', 'keyer.second');
  agents = Object.fromEntries(await Promise.all(everyone.map(async (r) => [r, await logInAs(app(), `${r}.user`)]))) as Record<Role, Agent>;
  const manager = agents.manager;
  await manager.request({ method: 'POST', url: '/api/rounds/DN-2025-H1/paper-forms', payload: { localityCode: '660', serials: '1-3' } });
  await manager.request({ method: 'POST', url: '/api/rounds/DN-2025-H1/paper-forms/status', payload: { serials: '1-3', status: 'returned' } });
  const batch = await manager.request({ method: 'POST', url: '/api/rounds/DN-2025-H1/batches', payload: { code: 'B1', serials: '1-3', firstKeyerId: agents.keyer.userId, secondKeyerId: secondKeyer.id } });
  expect(batch.json()).toMatchObject({ id: 1 });
});

describe('authorisation matrix', () => {
  it('covers every route of the API that is not public', async () => {
    const doc = (await app().inject({ url: '/api/openapi.json' })).json();
    const documented = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([path, methods]) =>
      Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`),
    );
    const covered = new Set(matrix.map(([method, url]) => `${method} ${routeOf(url)}`));
    expect(documented.filter((route) => !publicRoutes.has(route) && !covered.has(route))).toEqual([]);
  });

  for (const [method, url, allowed] of matrix) {
    it(`${method} ${url}: 401 when not logged in, 403 for roles other than ${allowed.join(', ')}`, async () => {
      const anonymous = await app().inject({ method: method as 'GET', url, payload: method === 'GET' ? undefined : {} });
      expect(anonymous.statusCode).toBe(401);
      for (const role of everyone) {
        const res = await agents[role].request({ method: method as 'GET', url, payload: method === 'GET' ? undefined : {} });
        if (allowed.includes(role)) {
          expect([401, 403], `${role} ${res.body}`).not.toContain(res.statusCode);
          expect(res.statusCode, `${role} ${res.body}`).toBeLessThan(500);
        }
        else expect(res.statusCode, `${role} ${res.body}`).toBe(403);
      }
    });
  }
});
