import { describe, expect, it } from 'vitest';
import { insertOfficeIfAbsent } from '../../db/queries/rounds.ts';
import { buildApp } from '../../server/app.ts';
import { useTestApp } from '../support/app.ts';
import { addStaff, logInAs, PASSWORD } from '../support/staff.ts';
import { officeSubmission } from '../support/submissions.ts';

const { app, database } = useTestApp();
const ROUND = 'DN-2025-H1';

async function manager() {
  await addStaff(database().db, 'manager', 'manager');
  return logInAs(app(), 'manager');
}

describe('office survey links for a survey manager', () => {
  it('lists every active office of the round with its survey URL and poster, making missing links', async () => {
    await insertOfficeIfAbsent(database().db, { code: 'MC-661', name: 'Bộ phận Một cửa huyện Đắk Glong', localityCode: '661' });
    const m = await manager();
    const links = (await m.request({ url: `/api/rounds/${ROUND}/links` })).json();
    expect(links.map((l: { office: { code: string } | null }) => l.office?.code ?? null)).toEqual(['MC-660', 'MC-661', null]);
    expect(links[2]).toMatchObject({ channel: 'online', active: true, open: true, office: null });
    expect(links[1]).toMatchObject({ active: true, open: true, office: { name: 'Bộ phận Một cửa huyện Đắk Glong' } });
    expect(links[1].surveyUrl).toMatch(/\/s\/[A-Za-z0-9_-]{22}$/);
    const poster = await app().inject({ url: links[1].posterPath });
    expect(poster.statusCode).toBe(200);
    expect(poster.body).toContain('Bộ phận Một cửa huyện Đắk Glong');
    // Looking again makes no second link.
    expect((await m.request({ url: `/api/rounds/${ROUND}/links` })).json().map((l: { token: string }) => l.token)).toEqual(
      links.map((l: { token: string }) => l.token),
    );
  });

  it('closes a link so the survey refuses politely, and reopens it; both audited', async () => {
    const m = await manager();
    const [link] = (await m.request({ url: `/api/rounds/${ROUND}/links` })).json();
    const closed = await m.request({ method: 'PATCH', url: `/api/links/${link.token}`, payload: { active: false } });
    expect(closed.json()).toMatchObject({ active: false, open: false });

    expect((await app().inject({ url: `/api/links/${link.token}` })).json().open).toBe(false);
    const { round: _r, channel: _c, office: _o, ...rest } = officeSubmission();
    const refused = await app().inject({ method: 'POST', url: '/api/responses', payload: { ...rest, link: link.token } });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().message).toContain('Cảm ơn Ông/Bà đã quan tâm');

    await m.request({ method: 'PATCH', url: `/api/links/${link.token}`, payload: { active: true } });
    const accepted = await app().inject({ method: 'POST', url: '/api/responses', payload: { ...rest, link: link.token } });
    expect(accepted.statusCode).toBe(201);

    const history = await m.request({ url: `/api/audit?entity=survey_link&id=1` });
    expect(history.json().map((e: { action: string }) => e.action)).toEqual(['close_link', 'open_link']);
  });

  it('answers 404 for an unknown link and 404 for an unknown round', async () => {
    const m = await manager();
    expect((await m.request({ method: 'PATCH', url: '/api/links/AAAAAAAAAAAAAAAAAAAAAA', payload: { active: false } })).statusCode).toBe(404);
    expect((await m.request({ url: '/api/rounds/NOPE/links' })).statusCode).toBe(404);
  });

  it('applies a closed link at once on this server, although responses read links through a cache', async () => {
    await addStaff(database().db, 'manager', 'manager');
    const cached = await buildApp({ database: database(), lookupTtlMs: 60_000, rateLimits: { perDevicePerMinute: 1000, perLinkPerMinute: 1000 } });
    try {
      const login = await cached.inject({ method: 'POST', url: '/api/session', payload: { username: 'manager', password: PASSWORD } });
      const cookies = { sipas_session: login.cookies.find((c) => c.name === 'sipas_session')!.value };
      const headers = { 'x-csrf-token': login.json().csrfToken };
      const [link] = (await cached.inject({ url: `/api/rounds/${ROUND}/links`, cookies })).json();
      const { round: _r, channel: _c, office: _o, ...rest } = officeSubmission();
      const send = () =>
        cached.inject({
          method: 'POST',
          url: '/api/responses',
          payload: { ...rest, id: crypto.randomUUID(), link: link.token, submittedAt: new Date().toISOString() },
        });
      expect((await send()).statusCode).toBe(201);
      await cached.inject({ method: 'PATCH', url: `/api/links/${link.token}`, cookies, headers, payload: { active: false } });
      expect((await send()).statusCode).toBe(409);
    } finally {
      await cached.close();
    }
  });
});
