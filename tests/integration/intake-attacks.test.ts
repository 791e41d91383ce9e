/**
 * Class: every anonymous response needs an open link for its channel, and what looks stuffed is
 * held out of the figures. Tried as an outsider with nothing but a survey URL would: posts without
 * a link, with a made-up, closed or other round's link, outside the round's days, with fields that
 * contradict the link; then bursts of near-identical answers, impossible timing and one device
 * sending many — each stored, held out of every figure with its reasons, until a reviewer decides.
 */
import { describe, expect, it } from 'vitest';
import { findResponse } from '../../db/queries/responses.ts';
import { setRoundStatus } from '../../db/queries/rounds.ts';
import { useTestApp } from '../support/app.ts';
import { roundWithDays, vietnamDay } from '../support/rounds.ts';
import { addStaff, logInAs } from '../support/staff.ts';
import { demoLinks, distinctAnswers, officeSubmission, onlineSubmission, plausibleTimes } from '../support/submissions.ts';

const { app, database } = useTestApp();
const ROUND = 'DN-2025-H1';

const post = (payload: object, lang?: 'en') => app().inject({ method: 'POST', url: `/api/responses${lang ? '?lang=en' : ''}`, payload });
const vietnamese = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỷỹý]/i;

async function reviewer(role: 'analyst' | 'manager' = 'analyst') {
  await addStaff(database().db, role, role);
  return logInAs(app(), role);
}

async function counted(agent: Awaited<ReturnType<typeof reviewer>>, round = ROUND) {
  const res = await agent.request({ url: `/api/rounds/${round}/results?by=province` });
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  return res.json().responses as { counted: number; heldForReview: number; excluded: number };
}

/** Ratings of a response with `changes` items moved one point from the base pattern. */
function variant(changes: number, k = 0) {
  const base = distinctAnswers(42);
  const answers = { ...base.answers } as Record<string, unknown>;
  const rated = Object.keys(answers).filter((code) => /^[AB]\d_\d$/.test(code) && typeof answers[code] === 'number');
  for (let i = 0; i < changes; i++) {
    const code = rated[(i * 7 + k) % rated.length];
    answers[code] = (answers[code] as number) === 5 ? 4 : (answers[code] as number) + 1;
  }
  return { profile: base.profile, answers };
}

describe('every anonymous response needs an open link of its round for its channel', () => {
  it('refuses a response without a link, naming the field in Vietnamese, and in English when asked', async () => {
    const { link: _link, ...bare } = officeSubmission();
    const res = await post(bare);
    expect(res.statusCode).toBe(400);
    expect(res.json().issues).toEqual([expect.objectContaining({ path: 'link' })]);
    expect(res.json().issues[0].message).toMatch(vietnamese);
    expect((await post(bare, 'en')).json().issues[0].message).toContain('survey link');
    // Round, channel and office given as fields choose nothing by themselves, whatever the channel.
    for (const channel of ['office', 'online', 'paper']) {
      const { link: _l, ...fields } = officeSubmission({ channel, locality: { province: '67', district: '660' } });
      expect((await post(fields)).statusCode).toBe(400);
    }
    expect(await findResponse(database().db, bare.id)).toBeUndefined();
  });

  it('refuses a made-up link, and a link of another round than the one the response names', async () => {
    for (const link of ['AAAAAAAAAAAAAAAAAAAAAA', `${demoLinks().office}x`, demoLinks().office.toLowerCase()]) {
      const res = await post(officeSubmission({ link }));
      expect(res.statusCode).toBe(400);
      expect(res.json().issues[0].path).toBe('link');
    }
    const other = await roundWithDays(database().db, 'DN-OTHER', vietnamDay(-10), vietnamDay(10));
    const res = await post(officeSubmission({ link: other.office }));
    expect(res.statusCode).toBe(400);
    expect(res.json().issues[0].path).toBe('round');
  });

  it('refuses, in words the phone shows, a response through a closed link or a closed round, and acknowledges a resend of one stored before', async () => {
    const manager = await reviewer('manager');
    const stored = officeSubmission();
    expect((await post(stored)).statusCode).toBe(201);
    for (const link of [demoLinks().office, demoLinks().online]) {
      await manager.request({ method: 'PATCH', url: `/api/links/${link}`, payload: { active: false } });
      const fresh = link === demoLinks().office ? officeSubmission(distinctAnswers(1)) : onlineSubmission(distinctAnswers(2));
      const res = await post(fresh);
      expect(res.statusCode).toBe(409);
      expect(res.json().message).toContain('vẫn được lưu trên máy này');
      expect((await post(fresh, 'en')).json().message).toContain('stays saved on this device');
      await manager.request({ method: 'PATCH', url: `/api/links/${link}`, payload: { active: true } });
    }
    await setRoundStatus(database().db, ROUND, 'closed');
    expect((await post(onlineSubmission(distinctAnswers(3)))).statusCode).toBe(409);
    expect((await post(stored)).statusCode).toBe(200);
  });

  it('refuses responses before a round’s first day and after its last, Vietnam time, saying which', async () => {
    const db = database().db;
    const ended = await roundWithDays(db, 'DN-ENDED', vietnamDay(-40), vietnamDay(-20));
    const future = await roundWithDays(db, 'DN-FUTURE', vietnamDay(5), vietnamDay(30));
    const current = await roundWithDays(db, 'DN-NOW', vietnamDay(0), vietnamDay(0));
    const send = (link: string, extra: object = {}) =>
      post({ ...onlineSubmission({ link, round: undefined, channel: undefined, ...distinctAnswers(Math.floor(Math.random() * 1e6)) }), ...extra });
    for (const link of [ended.office, ended.online]) {
      const res = await send(link);
      expect(res.statusCode).toBe(409);
      expect(res.json()).toMatchObject({ code: 'round_ended' });
      expect(res.json().message).toContain(`ngày ${vietnamDay(-20).split('-').reverse().join('/')}`);
    }
    for (const link of [future.office, future.online]) {
      const res = await send(link);
      expect(res.statusCode).toBe(409);
      expect(res.json()).toMatchObject({ code: 'round_not_started' });
    }
    // A phone claiming it finished within the days does not reopen an ended round, beyond the grace period or not.
    expect((await send(ended.online, { submittedAt: `${vietnamDay(-21)}T10:00:00+07:00`, startedAt: `${vietnamDay(-21)}T09:50:00+07:00` })).statusCode).toBe(
      409,
    );
    // Today, a one-day round takes it.
    expect((await send(current.online, { channel: 'online' })).statusCode).toBe(201);
    expect((await app().inject({ url: `/api/links/${ended.office}` })).json()).toMatchObject({ open: false, state: 'ended' });
    expect((await app().inject({ url: `/api/links/${future.online}` })).json()).toMatchObject({ open: false, state: 'not_started' });
  });
});

describe('the online link', () => {
  it('opens the round’s survey with the districts to choose from, and stores what comes through it as online with the chosen locality', async () => {
    const link = (await app().inject({ url: `/api/links/${demoLinks().online}?include=questionnaire` })).json();
    expect(link).toMatchObject({ channel: 'online', open: true, office: null, round: { code: ROUND, provinceCodes: ['67'] } });
    expect(link.localities.map((l: { code: string }) => l.code)).toContain('663');
    const res = await post(onlineSubmission({ locality: { province: '67', district: '663' } }));
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ channel: 'online', office: null, locality: { province: '67', district: '663', commune: null } });
  });

  it('refuses an online response without a locality, outside the round’s province, or claiming an office or the office channel', async () => {
    const { locality: _l, ...noPlace } = onlineSubmission();
    expect((await post(noPlace)).json().issues[0].path).toBe('locality');
    expect((await post(onlineSubmission({ locality: { province: '68' } }))).json().issues[0].path).toBe('locality.province');
    expect((await post(onlineSubmission({ office: 'MC-660' }))).json().issues[0].path).toBe('office');
    expect((await post(onlineSubmission({ channel: 'office' }))).json().issues[0].path).toBe('channel');
  });
});

describe('what looks stuffed is stored, held out of every figure with its reasons, until a reviewer decides', () => {
  it('holds near-identical answers through one link within the window, not different ones, and the results say how many wait', async () => {
    const analyst = await reviewer();
    const before = await counted(analyst);
    const first = officeSubmission(variant(0));
    expect((await post(first)).json()).toMatchObject({ status: 'accepted', flags: [] });
    // The same ratings but for one, two or three items: near-identical.
    for (const changes of [1, 2, 3, 0]) {
      const res = await post(officeSubmission({ ...variant(changes, changes), clientId: `phone-${changes}-${Date.now()}` }));
      expect(res.json(), `${changes} changes`).toMatchObject({ status: 'held', flags: ['identical_burst'] });
    }
    // Through the online link too, and the other way round nothing is held: four or more ratings differ.
    expect((await post(onlineSubmission(variant(0)))).json().status).toBe('accepted');
    expect((await post(onlineSubmission(variant(2, 5)))).json()).toMatchObject({ status: 'held', flags: ['identical_burst'] });
    expect((await post(officeSubmission(variant(8, 1)))).json()).toMatchObject({ status: 'accepted', flags: [] });
    const after = await counted(analyst);
    expect(after.counted - before.counted).toBe(3);
    expect(after.heldForReview - before.heldForReview).toBe(5);
    const list = (await analyst.request({ url: `/api/rounds/${ROUND}/flagged-responses` })).json();
    const last = list.find((r: { flags: string[]; facts: { similar?: number } }) => r.facts.similar === 4);
    expect(last).toMatchObject({ status: 'held', flags: ['identical_burst'], facts: { similar: 4, windowMinutes: 15, maxDifferent: 3 } });
  });

  it('holds responses with impossible timing: too fast, missing, finished in the future or before they started, started before the round', async () => {
    const analyst = await reviewer();
    const now = Date.now();
    const cases: Array<[string, object, string, object]> = [
      ['too fast', { startedAt: new Date(now - 20_000).toISOString(), submittedAt: new Date(now).toISOString() }, 'too_fast', { seconds: 20 }],
      ['no times', { startedAt: undefined, submittedAt: undefined }, 'implausible_time', { timing: 'missing' }],
      [
        'in the future',
        { startedAt: new Date(now + 3_600_000).toISOString(), submittedAt: new Date(now + 4_200_000).toISOString() },
        'implausible_time',
        { timing: 'future' },
      ],
      ['reversed', { startedAt: new Date(now).toISOString(), submittedAt: new Date(now - 600_000).toISOString() }, 'implausible_time', { timing: 'reversed' }],
      [
        'before the round',
        { startedAt: '2024-11-01T08:00:00+07:00', submittedAt: new Date(now).toISOString() },
        'implausible_time',
        { timing: 'before_round' },
      ],
    ];
    for (const [k, [what, times, flag, facts]] of cases.entries()) {
      const res = await post(officeSubmission({ ...distinctAnswers(500 + k), ...times }));
      expect(res.statusCode, what).toBe(201);
      expect(res.json().flags, what).toContain(flag);
      expect(res.json().status, what).toBe('held');
      const [row] = (await analyst.request({ url: `/api/rounds/${ROUND}/flagged-responses` })).json().filter((r: { id: string }) => r.id === res.json().id);
      expect(row.facts, what).toMatchObject(facts);
    }
    expect((await counted(analyst)).heldForReview).toBe(cases.length);
  });

  it('holds the responses of one device beyond five in the window, whatever their answers', async () => {
    const analyst = await reviewer();
    const statuses: string[] = [];
    for (let k = 0; k < 8; k++) {
      statuses.push((await post(officeSubmission({ ...distinctAnswers(600 + k), clientId: 'the-same-phone-1234' }))).json().status);
    }
    expect(statuses).toEqual(['accepted', 'accepted', 'accepted', 'accepted', 'accepted', 'held', 'held', 'held']);
    const list = (await analyst.request({ url: `/api/rounds/${ROUND}/flagged-responses` })).json();
    expect(list.map((r: { facts: { deviceCount: number } }) => r.facts.deviceCount)).toEqual([6, 7, 8]);
  });

  it('counts a held response once a reviewer accepts it and never once excluded, keeping every row and each decision', async () => {
    const analyst = await reviewer();
    const held = officeSubmission({ ...distinctAnswers(700), startedAt: undefined, submittedAt: undefined });
    await post(held);
    const base = await counted(analyst);
    const accept = await analyst.request({ method: 'POST', url: `/api/responses/${held.id}/review`, payload: { decision: 'accepted' } });
    expect(accept.json()).toEqual({ id: held.id, status: 'accepted' });
    expect(await counted(analyst)).toEqual({ counted: base.counted + 1, heldForReview: base.heldForReview - 1, excluded: 0 });
    await analyst.request({ method: 'POST', url: `/api/responses/${held.id}/review`, payload: { decision: 'excluded' } });
    expect(await counted(analyst)).toEqual({ counted: base.counted, heldForReview: base.heldForReview - 1, excluded: 1 });
    expect((await findResponse(database().db, held.id))?.status).toBe('excluded');
    const microdata = (await analyst.request({ url: `/api/rounds/${ROUND}/microdata.csv` })).body;
    expect(microdata).not.toContain(held.id);
    const trail = await analyst.request({ url: `/api/audit?entity=response&id=${held.id}` });
    // Analysts may review but not read the audit log; the manager's view shows both decisions.
    expect([200, 403]).toContain(trail.statusCode);
  });

  it('keeps held responses out of the microdata download and the public figures of a published round', async () => {
    const analyst = await reviewer();
    const held = officeSubmission({ ...distinctAnswers(800), startedAt: new Date(Date.now() - 5_000).toISOString(), submittedAt: new Date().toISOString() });
    const fine = officeSubmission({ ...distinctAnswers(801), ...plausibleTimes() });
    expect((await post(held)).json().status).toBe('held');
    expect((await post(fine)).json().status).toBe('accepted');
    const microdata = (await analyst.request({ url: `/api/rounds/${ROUND}/microdata.csv` })).body;
    expect(microdata).toContain(fine.id);
    expect(microdata).not.toContain(held.id);
    await setRoundStatus(database().db, ROUND, 'published');
    const pub = await app().inject({ url: `/api/public/rounds/${ROUND}/results?by=province` });
    expect(pub.statusCode).toBe(200);
    expect(pub.json().responses).toMatchObject({ counted: 1, heldForReview: 1 });
  });
});

describe('new routes keep the defence', () => {
  it('lets an anonymous caller write through no route but the link-checked responses and the log-in', async () => {
    // A route added later that writes without a staff session fails here until it is checked like these.
    // The first administrator's setup and a password reset are public by nature; each checks its one-time token (first-admin-setup, password-resets tests).
    const anonymousWrites = new Set(['POST /api/responses', 'POST /api/session', 'POST /api/setup', 'POST /api/password-reset']);
    const unsafe = app().routeCatalogue.filter((r) => ['POST', 'PUT', 'PATCH', 'DELETE'].includes(r.method) && r.url.startsWith('/api/'));
    expect(unsafe.length).toBeGreaterThan(10);
    for (const route of unsafe) {
      const key = `${route.method} ${route.url}`;
      if (anonymousWrites.has(key)) continue;
      const url = route.url.replace(/:[A-Za-z_]+/g, (name) => (name === ':id' ? '00000000-0000-4000-8000-000000000000' : '1'));
      const res = await app().inject({ method: route.method as 'POST', url, payload: {} });
      expect([401, 403], key).toContain(res.statusCode);
    }
  });
});
