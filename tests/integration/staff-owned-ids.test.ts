/**
 * Class: predictable identities. Rows that staff own (verified and imported paper forms, demo
 * data) get ids the server draws at random; an anonymous client, who chooses its own response ids,
 * can neither take them first nor overwrite them, and a post can never make keying, verification
 * or import fail or point at the wrong data. The attacker below posts first, with every id the
 * server used to derive from round and serial (or round and number), and with the ids it would
 * derive under any other round id.
 */
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { findForm } from '../../db/queries/paper.ts';
import { findResponse } from '../../db/queries/responses.ts';
import { findRoundByCode } from '../../db/queries/rounds.ts';
import { ensureDemoRounds, loadDemoResponses } from '../../server/domain/responses/demo-responses.ts';
import { writeCsv } from '../../server/files/tables.ts';
import { useTestApp } from '../support/app.ts';
import { paperResponse } from '../support/paper-forms.ts';
import { addStaff, logInAs } from '../support/staff.ts';
import { distinctAnswers, officeSubmission, onlineSubmission } from '../support/submissions.ts';

const { app, database } = useTestApp();
const ROUND = 'DN-2025-H1';

/** The ids paper forms and demo responses used to get: anyone could compute them. */
function formerPaperId(roundId: number, serial: number): string {
  const hex = createHash('sha256').update(`sipas-paper:${roundId}:${serial}`).digest('hex');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
function formerDemoId(round: string, k: number): string {
  const hex = createHash('sha256').update(`sipas-demo:${round}:${k}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const post = (payload: object) => app().inject({ method: 'POST', url: '/api/responses', payload });
const rowsOf = <T>(result: unknown): T[] => (result as { rows?: T[] }).rows ?? (result as T[]);

async function countWhere(channel: string): Promise<number> {
  return rowsOf<{ n: number }>(await database().db.execute(sql`select count(*)::int as n from responses where channel = ${channel}`))[0].n;
}

/** Forms 1–6 issued to Gia Nghĩa and returned; forms 1–3 in a batch for two keyers. */
async function formsReady() {
  const db = database().db;
  const [, first, second] = [await addStaff(db, 'manager', 'manager'), await addStaff(db, 'keyer', 'keyer.a'), await addStaff(db, 'keyer', 'keyer.b')];
  const manager = await logInAs(app(), 'manager');
  expect(
    (await manager.request({ method: 'POST', url: `/api/rounds/${ROUND}/paper-forms`, payload: { localityCode: '660', serials: '1-6', target: 6 } }))
      .statusCode,
  ).toBe(201);
  await manager.request({ method: 'POST', url: `/api/rounds/${ROUND}/paper-forms/status`, payload: { serials: '1-6', status: 'returned' } });
  const batch = await manager.request({
    method: 'POST',
    url: `/api/rounds/${ROUND}/batches`,
    payload: { code: 'L01', serials: '1-3', firstKeyerId: first.id, secondKeyerId: second.id },
  });
  return { manager, a: await logInAs(app(), 'keyer.a'), b: await logInAs(app(), 'keyer.b'), batchId: batch.json().id as number };
}

const paperForm = (k: number) => {
  const { profile, answers } = distinctAnswers(k);
  return { profile: { ...profile, sex: 'nam', age_group: '50_60' }, answers };
};

describe('ids of staff-owned rows cannot be predicted, taken or overwritten by an anonymous client', () => {
  it('keys, verifies and imports paper forms whose former ids an attacker posted first, each pointing at the staff’s data', async () => {
    const { manager, a, b, batchId } = await formsReady();
    const round = (await findRoundByCode(database().db, ROUND))!;
    // The attacker takes every id paper forms 1–6 used to get, for this round id and its neighbours.
    const taken: string[] = [];
    for (const roundId of [round.id - 1, round.id, round.id + 1]) {
      for (let serial = 1; serial <= 6; serial++) {
        const id = formerPaperId(roundId, serial);
        const res = await post(
          serial % 2 ? officeSubmission({ id, ...distinctAnswers(100 + serial) }) : onlineSubmission({ id, ...distinctAnswers(200 + serial) }),
        );
        expect(res.statusCode, res.body).toBe(201);
        taken.push(id);
      }
    }

    // Double entry of forms 1–3: both keyers agree, each form becomes a verified paper response.
    for (const serial of [1, 2, 3]) {
      expect((await a.request({ method: 'PUT', url: `/api/batches/${batchId}/forms/${serial}/entry`, payload: paperForm(serial) })).json()).toEqual({
        status: 'keyed_once',
      });
      expect((await b.request({ method: 'PUT', url: `/api/batches/${batchId}/forms/${serial}/entry`, payload: paperForm(serial) })).json()).toEqual({
        status: 'verified',
        differences: 0,
      });
    }
    // Forms 4–6 keyed elsewhere, imported.
    const header = ['serial', 'locality', 'sex', 'age_group', 'had_procedure', 'made_feedback', 'A1_1', 'A1_2'];
    const file = writeCsv(
      header,
      [4, 5, 6].map((serial) => [String(serial), '660', 'nu', '26_34', 'no', '', String(1 + (serial % 5)), '3']),
    );
    const imported = await manager.request({ method: 'POST', url: `/api/rounds/${ROUND}/imports`, payload: file, headers: { 'content-type': 'text/csv' } });
    expect(imported.json()).toEqual({ imported: 3, unchanged: 0 });

    for (let serial = 1; serial <= 6; serial++) {
      const form = (await findForm(database().db, round.id, serial))!;
      expect(form.status).toBe('verified');
      expect(taken).not.toContain(form.responseId);
      const stored = (await paperResponse(database().db, round.id, serial))!;
      expect(stored).toMatchObject({ channel: 'paper', districtCode: '660', linkId: null });
      if (serial <= 3) expect(stored.answers).toEqual(paperForm(serial).answers);
      else expect(stored.answers).toMatchObject({ A1_1: 1 + (serial % 5), A1_2: 3 });
    }
    // The attacker's rows are what they were: citizens' responses through links, never paper.
    for (const id of taken) expect((await findResponse(database().db, id))?.channel).not.toBe('paper');
    expect(await countWhere('paper')).toBe(6);

    // Importing the same file again recognises the stored forms by their records, not by derived ids.
    const again = await manager.request({ method: 'POST', url: `/api/rounds/${ROUND}/imports`, payload: file, headers: { 'content-type': 'text/csv' } });
    expect(again.json()).toEqual({ imported: 0, unchanged: 3 });
    expect(await countWhere('paper')).toBe(6);
  });

  it('refuses a post that reuses a stored paper response’s id, leaving the staff’s row as it was', async () => {
    const { a, b, batchId } = await formsReady();
    await a.request({ method: 'PUT', url: `/api/batches/${batchId}/forms/1/entry`, payload: paperForm(1) });
    await b.request({ method: 'PUT', url: `/api/batches/${batchId}/forms/1/entry`, payload: paperForm(1) });
    const round = (await findRoundByCode(database().db, ROUND))!;
    const stored = (await paperResponse(database().db, round.id, 1))!;
    for (const attempt of [officeSubmission({ id: stored.id }), onlineSubmission({ id: stored.id }), officeSubmission({ id: stored.id, channel: 'paper' })]) {
      const res = await post(attempt);
      expect([400, 409]).toContain(res.statusCode);
      expect(res.json().message).toMatch(/[ăâđêôơư]/);
    }
    expect(await findResponse(database().db, stored.id)).toEqual(stored);
  });

  it('refuses the paper channel through every link: paper responses come only from keying and import', async () => {
    for (const attempt of [officeSubmission({ channel: 'paper' }), onlineSubmission({ channel: 'paper' })]) {
      const res = await post(attempt);
      expect(res.statusCode).toBe(400);
      expect(res.json().issues.map((i: { path: string }) => i.path)).toContain('channel');
    }
    expect(await countWhere('paper')).toBe(0);
  });

  it('gives demo responses random ids: posts made first with their former ids neither block nor replace them', async () => {
    const db = database().db;
    await ensureDemoRounds(db);
    const round = (await findRoundByCode(db, ROUND))!;
    const taken = [0, 1, 2, 3, 4].map((k) => formerDemoId(ROUND, k));
    for (const [k, id] of taken.entries()) expect((await post(officeSubmission({ id, ...distinctAnswers(300 + k) }))).statusCode).toBe(201);
    expect(await loadDemoResponses(db, round, 5)).toBe(5);
    expect(await loadDemoResponses(db, round, 5)).toBe(0);
    expect(await loadDemoResponses(db, round, 8)).toBe(3);
    const total = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from responses where round_id = ${round.id}`))[0].n;
    expect(total).toBe(5 + 8);
    for (const id of taken) expect((await findResponse(db, id))?.officeCode).toBe('MC-660');
  });
});
