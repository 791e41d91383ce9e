import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app.ts';
import { useTestApp } from '../support/app.ts';
import { officeSubmission, onlineSubmission } from '../support/submissions.ts';

const { app, database } = useTestApp();

const post = (payload: unknown, query = '') => app().inject({ method: 'POST', url: `/api/responses${query}`, payload: payload as object });

async function responseCount(): Promise<number> {
  const rows = await database().db.execute(sql`select count(*)::int as n from responses`);
  const list = (Array.isArray(rows) ? rows : (rows as { rows: unknown[] }).rows) as Array<{ n: number }>;
  return Number(list[0].n);
}

describe('POST /api/responses', () => {
  it('stores a first delivery and answers 201 with the stored record', async () => {
    const submission = officeSubmission();
    const res = await post(submission);
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({ id: submission.id, round: 'DN-2025-H1', questionnaireVersion: '2024', channel: 'office', office: 'MC-660' });
    expect(body.locality).toEqual({ province: '67', district: '660', commune: null });
    expect(await responseCount()).toBe(1);
  });

  it('answers a resend of the same content with 200 and adds no row', async () => {
    const submission = officeSubmission();
    const first = await post(submission);
    const again = await post(submission);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(first.json());
    expect(await responseCount()).toBe(1);
  });

  it('treats the same content with keys in another order and decomposed diacritics as the same', async () => {
    const submission = officeSubmission();
    const comment = 'Cán bộ rất tận tình';
    await post({ ...submission, answers: { ...submission.answers, comment } });
    const { answers, ...rest } = submission;
    const reordered = { answers: { comment: comment.normalize('NFD'), ...answers }, ...rest };
    const res = await post(reordered);
    expect(res.statusCode).toBe(200);
    expect(res.json().answers.comment).toBe(comment.normalize('NFC'));
    expect(await responseCount()).toBe(1);
  });

  it('refuses the same id with different content with 409 and keeps the stored answers', async () => {
    const submission = officeSubmission();
    await post(submission);
    const changed = { ...submission, answers: { ...submission.answers, A1_1: 1 } };
    const res = await post(changed);
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'conflicting_resend' });
    expect(res.json().message).toContain('đã được lưu với nội dung khác');
    const stored = await app().inject({ method: 'POST', url: '/api/responses', payload: submission });
    expect(stored.json().answers.A1_1).toBe(4);
    expect(await responseCount()).toBe(1);
  });

  it('ends concurrent identical posts with exactly one row, one 201 and the rest 200', async () => {
    const submission = officeSubmission();
    const replies = await Promise.all(Array.from({ length: 8 }, () => post(submission)));
    const statuses = replies.map((r) => r.statusCode).sort();
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 200, 201]);
    expect(await responseCount()).toBe(1);
  });

  it('ends concurrent conflicting posts with one row and the others refused with 409', async () => {
    const submission = officeSubmission();
    const variants = [1, 2, 3, 4, 5].map((v) => ({ ...submission, answers: { ...submission.answers, A1_1: v } }));
    const replies = await Promise.all(variants.map((v) => post(v)));
    expect(replies.map((r) => r.statusCode).sort()).toEqual([201, 409, 409, 409, 409]);
    expect(await responseCount()).toBe(1);
  });

  it('stores satisfaction ratings compactly, with skipped items as not applicable', async () => {
    const submission = officeSubmission();
    await post(submission);
    const rows = await database().db.execute(sql`select ratings from responses`);
    const list = (Array.isArray(rows) ? rows : (rows as { rows: unknown[] }).rows) as Array<{ ratings: number[] }>;
    // 2024 order: A (15 items) then B1–B4 (15) rated 4, then B5 (3) not applicable.
    expect(list[0].ratings).toEqual([...Array(30).fill(4), -1, -1, -1]);
  });

  it('still acknowledges a resend after the round has closed, but refuses new responses', async () => {
    const submission = officeSubmission();
    await post(submission);
    await database().db.execute(sql`update survey_rounds set status = 'closed'`);
    expect((await post(submission)).statusCode).toBe(200);
    const fresh = await post(officeSubmission());
    expect(fresh.statusCode).toBe(409);
    expect(fresh.json().code).toBe('round_not_open');
  });
});

describe('POST /api/responses refuses bad input with 400 naming the field', () => {
  const expectIssue = async (payload: unknown, path: string, query = '') => {
    const res = await post(payload, query);
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.code).toBe('validation_failed');
    const issue = body.issues.find((i: { path: string }) => i.path === path);
    expect(issue, JSON.stringify(body.issues)).toBeDefined();
    expect(await responseCount()).toBe(0);
    return issue.message as string;
  };

  it('names an unknown item code, in Vietnamese', async () => {
    const s = officeSubmission();
    const message = await expectIssue({ ...s, answers: { ...s.answers, X9_9: 3 } }, 'answers.X9_9');
    expect(message).toBe('Câu hỏi "X9_9" không có trong phiếu khảo sát này');
  });

  it('names an unknown item code in English when asked', async () => {
    const s = officeSubmission();
    const message = await expectIssue({ ...s, answers: { ...s.answers, X9_9: 3 } }, 'answers.X9_9', '?lang=en');
    expect(message).toBe('Question "X9_9" is not part of this questionnaire');
  });

  it('names a value off the 5-point scale', async () => {
    const s = officeSubmission();
    const message = await expectIssue({ ...s, answers: { ...s.answers, A1_1: 6 } }, 'answers.A1_1');
    expect(message).toContain('1|2|3|4|5');
  });

  it('names an answer to an item that skip logic excludes', async () => {
    const s = officeSubmission();
    const message = await expectIssue({ ...s, answers: { ...s.answers, B5_1: 4 } }, 'answers.B5_1');
    expect(message).toContain('không áp dụng');
  });

  it('excludes the whole service part for someone who went through no procedure', async () => {
    const s = officeSubmission();
    await expectIssue({ ...s, answers: { ...s.answers, had_procedure: 'no', made_feedback: undefined } }, 'answers.B1_1');
  });

  it('names a missing required profile field', async () => {
    const s = officeSubmission();
    const message = await expectIssue({ ...s, profile: { age_group: '35_49' } }, 'profile.sex');
    expect(message).toBe('Câu "sex" là bắt buộc');
  });

  it('names a missing or malformed id', async () => {
    const { id: _id, ...noId } = officeSubmission();
    await expectIssue(noId, 'id');
    await expectIssue({ ...officeSubmission(), id: 'not-a-uuid' }, 'id');
  });

  it('names an unknown round, office or locality', async () => {
    await expectIssue(officeSubmission({ round: 'NOPE' }), 'round');
    await expectIssue(officeSubmission({ office: 'NOPE' }), 'office');
    await expectIssue(onlineSubmission({ locality: { province: '67', district: '999' } }), 'locality.district');
    await expectIssue(onlineSubmission({ locality: { province: '68' } }), 'locality.province');
  });

  it('names a text holding a NUL character or half a surrogate pair, which PostgreSQL cannot store as sent', async () => {
    const s = officeSubmission();
    const nul = await expectIssue({ ...s, answers: { ...s.answers, comment: 'a\u0000b' } }, 'answers.comment');
    expect(nul).toContain('"comment"');
    await expectIssue({ ...s, profile: { ...s.profile, sex: 'nu\ud800' } }, 'profile.sex');
    // As JSON text on the wire, where a lone surrogate is a legal escape.
    const res = await app().inject({
      method: 'POST',
      url: '/api/responses',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify(s).replace('"nu"', '"nu\\udc00"'),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().issues.map((i: { path: string }) => i.path)).toContain('profile.sex');
  });

  it('names where input is nested too deeply, and refuses a body that is not UTF-8', async () => {
    let deep: unknown = 1;
    for (let i = 0; i < 200; i++) deep = [deep];
    const unknown = await expectIssue({ ...officeSubmission(), extra: deep }, 'extra');
    expect(unknown).toContain('"extra"');
    const s = officeSubmission();
    await expectIssue({ ...s, profile: { ...s.profile, sex: deep } }, 'profile.sex');
    const bytes = Buffer.concat([Buffer.from('{"id":"'), Buffer.from([0xff, 0xfe]), Buffer.from('"}')]);
    const res = await app().inject({ method: 'POST', url: '/api/responses', headers: { 'content-type': 'application/json' }, payload: bytes });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('invalid_utf8');
    expect(await responseCount()).toBe(0);
  });

  it('refuses paper responses, which come only through keying and verification', async () => {
    await expectIssue(officeSubmission({ channel: 'paper' }), 'channel');
  });

  it('accepts an online response with its locality given', async () => {
    const res = await post(onlineSubmission({ locality: { province: '67', district: '663' } }));
    expect(res.statusCode).toBe(201);
    expect(res.json().locality).toEqual({ province: '67', district: '663', commune: null });
  });

  it('answers malformed JSON, a wrong content type and an oversized body with 4xx, never 500', async () => {
    const malformed = await app().inject({ method: 'POST', url: '/api/responses', headers: { 'content-type': 'application/json' }, payload: '{"id":' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().code).toBe('malformed_json');
    const wrongType = await app().inject({ method: 'POST', url: '/api/responses', headers: { 'content-type': 'text/plain' }, payload: 'hello' });
    expect(wrongType.statusCode).toBe(415);
    const huge = { ...officeSubmission(), answers: { comment: 'x'.repeat(100_000) } };
    const tooLarge = await post(huge);
    expect(tooLarge.statusCode).toBe(413);
    const notObject = await app().inject({ method: 'POST', url: '/api/responses', headers: { 'content-type': 'application/json' }, payload: '[1,2]' });
    expect(notObject.statusCode).toBe(400);
    expect(await responseCount()).toBe(0);
  });
});

describe('reference data read through the short-lived cache', () => {
  it('refuses new responses to a closed round once the cache lifetime has passed, and still acknowledges resends', async () => {
    const cached = await buildApp({ database: database(), lookupTtlMs: 300, rateLimits: { perDevicePerMinute: 1000, perLinkPerMinute: 1000 } });
    try {
      const send = (payload: object) => cached.inject({ method: 'POST', url: '/api/responses', payload });
      const first = officeSubmission();
      expect((await send(first)).statusCode).toBe(201);
      await database().db.execute(sql`update survey_rounds set status = 'closed'`);
      await new Promise((resolve) => setTimeout(resolve, 350));
      const fresh = await send(officeSubmission());
      expect(fresh.statusCode).toBe(409);
      expect(fresh.json().code).toBe('round_not_open');
      expect((await send(first)).statusCode).toBe(200);
    } finally {
      await cached.close();
    }
  });
});
