import { beforeEach, describe, expect, it } from 'vitest';
import { auditTrail } from '../../db/queries/audit.ts';
import { demoLinkToken } from '../browser/support/links.ts';
import { useTestApp } from '../support/app.ts';
import { loadDemo } from '../support/results.ts';
import { addStaff, logInAs, type Agent } from '../support/staff.ts';
import { publishAcknowledged } from '../support/publishing.ts';

const { app, database } = useTestApp();
const ROUND = '/api/rounds/DN-2025-H1';
let manager: Agent;
let keyer: Agent;

beforeEach(async () => {
  const db = database().db;
  await loadDemo(db, 120);
  await addStaff(db, 'manager', 'manager');
  await addStaff(db, 'keyer', 'keyer');
  manager = await logInAs(app(), 'manager');
  keyer = await logInAs(app(), 'keyer');
});

const publicResults = (by = 'province,district') => app().inject({ url: `/api/public/rounds/DN-2025-H1/results?by=${by}` });

describe('publishing a round’s results', () => {
  it('keeps results from keyers and from the public until a manager publishes', async () => {
    expect((await app().inject({ url: `${ROUND}/results` })).statusCode).toBe(401);
    expect((await keyer.request({ url: `${ROUND}/results` })).statusCode).toBe(403);
    expect((await publicResults()).statusCode).toBe(404);
    expect((await app().inject({ url: '/api/public/rounds' })).json().map((r: { code: string }) => r.code)).not.toContain('DN-2025-H1');
  });

  it('opens the indices to everyone once published — aggregates only — and records who published', async () => {
    await manager.request({ method: 'POST', url: `${ROUND}/close` });
    const published = await publishAcknowledged(manager, 'DN-2025-H1');
    expect(published.statusCode).toBe(200);
    expect(published.json()).toMatchObject({ code: 'DN-2025-H1', status: 'published' });
    expect(published.json().publishedAt).toMatch(/^\d{4}-/);

    const list = await app().inject({ url: '/api/public/rounds' });
    expect(list.json().map((r: { code: string }) => r.code)).toContain('DN-2025-H1');
    const res = await publicResults();
    expect(res.statusCode).toBe(200);
    const result = res.json();
    expect(result.groups.map((g: { level: string; code: string }) => `${g.level}:${g.code}`)).toEqual([
      'province:67',
      ...['660', '661', '662', '663', '664', '665', '666', '667'].map((d) => `district:${d}`),
    ]);
    expect(result.groups[0].indices.find((i: { index: string }) => i.index === 'SIPAS').estimate).toBeGreaterThan(0);
    expect(result.groups.every((g: { items: unknown[]; options: unknown[] }) => g.items.length === 0 && g.options.length === 0)).toBe(true);

    // Staff results stay staff results; microdata never becomes public.
    expect((await keyer.request({ url: `${ROUND}/results` })).statusCode).toBe(403);
    expect((await app().inject({ url: `${ROUND}/microdata.csv` })).statusCode).toBe(401);

    const trail = await auditTrail(database().db, 'round', 'DN-2025-H1');
    expect(trail.map((e) => e.action)).toContain('publish_results');
    expect(trail.find((e) => e.action === 'publish_results')).toMatchObject({ userId: manager.userId, oldValue: 'closed', newValue: 'published' });
  });

  it('publishes only a closed round (collection stopped), and withdrawing leaves it closed', async () => {
    const token = await demoLinkToken(database().db);
    expect((await app().inject({ url: `/api/links/${token}` })).json().open).toBe(true);
    const whileOpen = await publishAcknowledged(manager, 'DN-2025-H1');
    expect(whileOpen.json()).toMatchObject({ code: 'round_not_closed' });
    expect((await app().inject({ url: `/api/links/${token}` })).json().open).toBe(true);
    await manager.request({ method: 'POST', url: `${ROUND}/close` });
    expect((await app().inject({ url: `/api/links/${token}` })).json().open).toBe(false);
    await publishAcknowledged(manager, 'DN-2025-H1');
    expect((await app().inject({ url: `/api/links/${token}` })).json().open).toBe(false);
    const withdrawn = await manager.request({ method: 'POST', url: `${ROUND}/unpublish` });
    expect(withdrawn.json()).toMatchObject({ status: 'closed' });
    expect((await publicResults()).statusCode).toBe(404);
    expect((await app().inject({ url: `/api/links/${token}` })).json().open).toBe(false);
    const again = await manager.request({ method: 'POST', url: `${ROUND}/unpublish` });
    expect(again.statusCode).toBe(409);
    const trail = await auditTrail(database().db, 'round', 'DN-2025-H1');
    expect(trail.map((e) => e.action)).toEqual(['close_round', 'publish_results', 'acknowledge_publish_warnings', 'withdraw_results']);
  });
});
