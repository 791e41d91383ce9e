import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app.ts';
import { useTestApp } from '../support/app.ts';
import { openTestDatabase, type TestDatabase } from '../support/database.ts';
import { unlimited } from '../support/rate-limits.ts';
import { addStaff, logInAs, type Agent } from '../support/staff.ts';
import { officeSubmission } from '../support/submissions.ts';

const ROUND = 'DN-2025-H1';
const { app, database } = useTestApp({ publicUrl: { base: 'https://khaosat.lamdong.gov.vn', configured: true } });

async function manager(): Promise<Agent> {
  await addStaff(database().db, 'manager', 'lan');
  return logInAs(app(), 'lan');
}

const submission = (link: string) => {
  const { round: _r, channel: _c, office: _o, ...rest } = officeSubmission();
  return { ...rest, id: randomUUID(), link };
};
const post = (payload: Record<string, unknown>) => app().inject({ method: 'POST', url: '/api/responses', payload });
const send = (link: string) => post(submission(link));

describe('reissuing a survey link', () => {
  it('gives the link a new token; the old one is refused politely while responses sent through it are acknowledged again on resend', async () => {
    const lan = await manager();
    const [old] = (await lan.request({ url: `/api/rounds/${ROUND}/links` })).json();
    const first = submission(old.token);
    expect((await post(first)).statusCode).toBe(201);

    const reissued = await lan.request({ method: 'POST', url: `/api/links/${old.token}/reissue` });
    expect(reissued.statusCode, reissued.body).toBe(200);
    const fresh = reissued.json();
    expect(fresh.token).not.toBe(old.token);
    expect(fresh.token).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(fresh).toMatchObject({ office: old.office, active: true, open: true, surveyUrl: `https://khaosat.lamdong.gov.vn/s/${fresh.token}` });

    // The old token opens nothing, in words a citizen understands.
    const opened = await app().inject({ url: `/api/links/${old.token}` });
    expect(opened.statusCode).toBe(404);
    expect(opened.json().message).toBe('Đường dẫn khảo sát không đúng hoặc đã được thay thế. Vui lòng quét lại mã QR tại bộ phận một cửa.');
    expect((await app().inject({ url: `/poster/${old.token}` })).statusCode).toBe(404);
    // A new response through it is refused, naming the link …
    const refused = await send(old.token);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().issues[0]).toMatchObject({ path: 'link', message: 'Đường dẫn khảo sát không đúng hoặc đã bị thay thế' });
    // … but the phone that missed its acknowledgement gets it again, and nothing is stored twice.
    const resent = await post(first);
    expect(resent.statusCode).toBe(200);
    expect(resent.json().id).toBe(first.id);
    expect((await send(fresh.token)).statusCode).toBe(201);

    const links = (await lan.request({ url: `/api/rounds/${ROUND}/links` })).json();
    expect(links.map((l: { token: string }) => l.token)).toContain(fresh.token);
    expect(links.map((l: { token: string }) => l.token)).not.toContain(old.token);

    const audit = (await lan.request({ url: '/api/audit?entity=survey_link&id=1' })).json();
    expect(audit.map((e: { action: string; oldValue: unknown; newValue: unknown }) => [e.action, e.oldValue, e.newValue])).toEqual([
      ['reissue_link', old.token, fresh.token],
    ]);
  });

  it('answers 404 for a token no link has, and lets only managers and administrators reissue', async () => {
    const lan = await manager();
    expect((await lan.request({ method: 'POST', url: '/api/links/AAAAAAAAAAAAAAAAAAAAAA/reissue' })).statusCode).toBe(404);
    const [link] = (await lan.request({ url: `/api/rounds/${ROUND}/links` })).json();
    await addStaff(database().db, 'analyst', 'mai');
    const mai = await logInAs(app(), 'mai');
    expect((await mai.request({ method: 'POST', url: `/api/links/${link.token}/reissue` })).statusCode).toBe(403);
    expect((await app().inject({ method: 'POST', url: `/api/links/${link.token}/reissue` })).statusCode).toBe(401);
    expect((await app().inject({ url: `/api/links/${link.token}` })).statusCode).toBe(200);
  });
});

describe('posters', () => {
  it('with a public SIPAS_PUBLIC_URL: printable, QR code and address on paper, and every office’s poster of a round in one document', async () => {
    const lan = await manager();
    const [link] = (await lan.request({ url: `/api/rounds/${ROUND}/links` })).json();
    expect(link.printable).toBe(true);
    const poster = await app().inject({ url: link.posterPath });
    expect(poster.body).toContain('data-printable="true"');
    expect(poster.body).not.toContain('KHÔNG IN');
    const all = await lan.request({ url: `/posters/${ROUND}` });
    expect(all.statusCode).toBe(200);
    expect(all.headers['content-type']).toContain('text/html');
    expect(all.body.match(/<section class="poster"/g)).toHaveLength(1);
    expect(all.body).toContain(link.office.name);
    expect((await app().inject({ url: `/posters/${ROUND}` })).statusCode).toBe(401);
    expect((await lan.request({ url: '/posters/NOPE' })).statusCode).toBe(404);
  });
});

describe.each([
  ['not set', { base: 'http://192.168.1.20:3000', configured: false }],
  ['a private address', { base: 'http://192.168.1.20:3000', configured: true }],
  ['localhost', { base: 'http://localhost:3000', configured: true }],
])('posters when SIPAS_PUBLIC_URL is %s', (_what, publicUrl) => {
  let db: TestDatabase;
  let local: FastifyInstance;
  beforeAll(async () => {
    db = await openTestDatabase();
    local = await buildApp({ database: db, rateLimits: unlimited, lookupTtlMs: 0, publicUrl });
  });
  afterAll(async () => {
    await local?.close();
    await db?.close();
  });

  it('are marked not printable on screen and leave the QR code and address off paper, one poster or all', async () => {
    await addStaff(db.db, 'manager', 'lan');
    const lan = await logInAs(local, 'lan');
    const [link] = (await lan.request({ url: `/api/rounds/${ROUND}/links` })).json();
    expect(link.printable).toBe(false);
    for (const url of [link.posterPath, `/posters/${ROUND}`]) {
      const body = (await lan.request({ url })).body;
      expect(body).toContain('BẢN XEM THỬ — KHÔNG IN');
      expect(body).toContain('data-printable="false"');
      expect(body).toContain('class="poster draft"');
      expect(body).toMatch(/@media print \{\s*\.draft \.qr, \.draft \.url, \.draft ol \{ display: none; \}/);
    }
  });
});
