/**
 * The grouping writer on a real database: groups form while one is on its way, flags count the
 * earlier members of a group, a row the database refuses fails alone, and closing waits for all.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { listLinksOfRound } from '../../db/queries/links.ts';
import { findRoundByCode } from '../../db/queries/rounds.ts';
import { DEMO_ROUND_CODE } from '../../db/seed/index.ts';
import { seededQuestionnaire } from '../../db/seed/questionnaires/index.ts';
import { responseRow } from '../../server/domain/responses/response-row.ts';
import { ResponseWriter, type AcceptedResponse } from '../../server/domain/responses/response-writer.ts';
import { useTestApp } from '../support/app.ts';
import { randomAnswers, seededRandom } from '../support/random-responses.ts';

const { database } = useTestApp();
const def = seededQuestionnaire('2024')!;

async function accepted(overrides: { answersSeed?: number; locality?: string; deviceHash?: string; seconds?: number } = {}): Promise<AcceptedResponse> {
  const round = (await findRoundByCode(database().db, DEMO_ROUND_CODE))!;
  const link = (await listLinksOfRound(database().db, round.id)).find((l) => l.channel === 'office')!;
  const office = link.office!;
  const { profile, answers } = randomAnswers(def, seededRandom(overrides.answersSeed ?? Math.floor(Math.random() * 1e9)));
  const started = new Date('2025-03-01T08:00:00Z');
  const submitted = new Date(started.getTime() + (overrides.seconds ?? 600) * 1000);
  return {
    row: responseRow(def, {
      id: randomUUID(),
      round,
      channel: 'office',
      officeId: office.id,
      linkId: link.id,
      deviceHash: overrides.deviceHash ?? null,
      locality: { province: '67', district: overrides.locality ?? '660', commune: null },
      profile,
      answers,
      contentHash: randomUUID(),
      startedAt: started,
      submittedAt: submitted,
    }),
    timing: {
      startedAt: started,
      submittedAt: submitted,
      answeredCount: Object.keys(profile).length + Object.keys(answers).length,
      periodStart: round.periodStart,
      now: submitted,
    },
    roundCode: round.code,
    officeCode: office.code,
  };
}

async function storedCount(): Promise<number> {
  const result = await database().db.execute(sql`select count(*)::int as n from responses`);
  return Number((result as unknown as { rows: Array<{ n: number }> }).rows[0].n);
}

describe('the response writer', () => {
  it('stores responses that arrive while a group is on its way in one later group, each exactly once', async () => {
    const writer = new ResponseWriter(database().db, { maxGroup: 500, concurrency: 1 });
    const items = await Promise.all(Array.from({ length: 40 }, () => accepted()));
    const outcomes = await Promise.all(items.map((item) => writer.store(item)));
    expect(outcomes.every((o) => o.created)).toBe(true);
    expect(new Set(outcomes.map((o) => o.response.id)).size).toBe(40);
    expect(await storedCount()).toBe(40);
  });

  it('counts earlier members of the same group when flagging identical answers and device bursts', async () => {
    const writer = new ResponseWriter(database().db, { maxGroup: 500, concurrency: 1 });
    const same = await Promise.all(Array.from({ length: 4 }, () => accepted({ answersSeed: 42 })));
    const device = await Promise.all(Array.from({ length: 6 }, (_, i) => accepted({ answersSeed: 100 + i, deviceHash: 'd'.repeat(64) })));
    // One group (the first item goes alone, the rest queue behind it); the order of arrival decides.
    const outcomes = await Promise.all([...same, ...device].map((item) => writer.store(item)));
    const flags = outcomes.map((o) => o.response.flags);
    expect(flags.slice(0, 4).map((f) => f.includes('identical_burst'))).toEqual([false, true, true, true]);
    expect(flags.slice(4).map((f) => f.includes('device_burst'))).toEqual([false, false, false, false, false, true]);
  });

  it('lists the flags of a response that earns several in one order: too fast, identical answers, device burst', async () => {
    const writer = new ResponseWriter(database().db, { maxGroup: 500, concurrency: 1 });
    const items = await Promise.all(Array.from({ length: 6 }, () => accepted({ answersSeed: 7, deviceHash: 'e'.repeat(64), seconds: 5 })));
    const outcomes = await Promise.all(items.map((item) => writer.store(item)));
    expect(outcomes[0].response.flags).toEqual(['too_fast']);
    expect(outcomes[5].response.flags).toEqual(['too_fast', 'identical_burst', 'device_burst']);
    const stored = await database().db.execute(sql`select flags from responses where id = ${items[5].row.id}`);
    expect((stored as unknown as { rows: Array<{ flags: string[] }> }).rows[0].flags).toEqual(['too_fast', 'identical_burst', 'device_burst']);
  });

  it('answers a repeat of an id within one group after the first, as a resend or a conflict', async () => {
    const writer = new ResponseWriter(database().db, { maxGroup: 500, concurrency: 1 });
    const original = await accepted();
    const conflicting = { ...original, row: { ...original.row, contentHash: 'different' } };
    const [first, resend, conflict] = await Promise.allSettled([writer.store(original), writer.store(original), writer.store(conflicting)]);
    expect(first).toMatchObject({ status: 'fulfilled', value: { created: true } });
    expect(resend).toMatchObject({ status: 'fulfilled', value: { created: false } });
    expect(conflict).toMatchObject({ status: 'rejected', reason: { slug: 'conflicting_resend' } });
    expect(await storedCount()).toBe(1);
  });

  it('fails only the row the database refuses and stores the rest of its group', async () => {
    const writer = new ResponseWriter(database().db, { maxGroup: 500, concurrency: 1 });
    const items = [await accepted(), await accepted(), await accepted({ locality: 'no-such-unit' }), await accepted()];
    const results = await Promise.allSettled(items.map((item) => writer.store(item)));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    expect(await storedCount()).toBe(3);
  });

  it('stores every response under way before the app finishes closing', async () => {
    const { buildApp } = await import('../../server/app.ts');
    const closing = await buildApp({ database: database(), rateLimits: { perDevicePerMinute: 1000, perLinkPerMinute: 1000 } });
    const token = (await listLinksOfRound(database().db, (await findRoundByCode(database().db, DEMO_ROUND_CODE))!.id))[0].token;
    const posts = Array.from({ length: 30 }, () => {
      const { profile, answers } = randomAnswers(def);
      return closing.inject({ method: 'POST', url: '/api/responses', payload: { id: randomUUID(), link: token, profile, answers } });
    });
    await new Promise((resolve) => setImmediate(resolve));
    await closing.close();
    const statuses = (await Promise.all(posts)).map((r) => r.statusCode);
    const acknowledged = statuses.filter((s) => s === 201).length;
    expect(statuses.every((s) => s === 201 || s === 503)).toBe(true);
    expect(acknowledged).toBeGreaterThan(0);
    expect(await storedCount()).toBe(acknowledged);
  });
});
