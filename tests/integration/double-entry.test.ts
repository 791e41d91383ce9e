import { describe, expect, it } from 'vitest';
import { findResponse } from '../../db/queries/responses.ts';
import { paperResponse } from '../support/paper-forms.ts';
import { useTestApp } from '../support/app.ts';
import { addStaff, logInAs, type Agent } from '../support/staff.ts';
import { officeSubmission } from '../support/submissions.ts';

const { app, database } = useTestApp();
const ROUND = 'DN-2025-H1';

/** A manager, two keyers and a third keyer; forms 1–10 issued to Gia Nghĩa, returned and batched. */
async function batchReady() {
  const db = database().db;
  const [, first, second, third] = [
    await addStaff(db, 'manager', 'manager'),
    await addStaff(db, 'keyer', 'keyer.a'),
    await addStaff(db, 'keyer', 'keyer.b'),
    await addStaff(db, 'keyer', 'keyer.c'),
  ];
  const manager = await logInAs(app(), 'manager');
  expect(
    (await manager.request({ method: 'POST', url: `/api/rounds/${ROUND}/paper-forms`, payload: { localityCode: '660', serials: '1-10', target: 8 } }))
      .statusCode,
  ).toBe(201);
  expect(
    (await manager.request({ method: 'POST', url: `/api/rounds/${ROUND}/paper-forms/status`, payload: { serials: '1-10', status: 'returned' } })).json(),
  ).toEqual({ changed: 10 });
  const batch = await manager.request({
    method: 'POST',
    url: `/api/rounds/${ROUND}/batches`,
    payload: { code: 'L01', serials: '1-10', firstKeyerId: first.id, secondKeyerId: second.id, reconcilerId: third.id },
  });
  expect(batch.statusCode).toBe(201);
  return {
    manager,
    a: await logInAs(app(), 'keyer.a'),
    b: await logInAs(app(), 'keyer.b'),
    c: await logInAs(app(), 'keyer.c'),
    batchId: batch.json().id as number,
  };
}

const form = () => {
  const { profile, answers } = officeSubmission();
  return { profile, answers };
};
const key = (agent: Agent, batchId: number, serial: number, body: object) =>
  agent.request({ method: 'PUT', url: `/api/batches/${batchId}/forms/${serial}/entry`, payload: body });

describe('double entry of paper forms', () => {
  it('turns two identical entries into one verified paper response', async () => {
    const { a, b, batchId } = await batchReady();
    expect((await key(a, batchId, 1, { ...form(), seconds: 40 })).json()).toEqual({ status: 'keyed_once' });
    expect((await key(b, batchId, 1, { ...form(), seconds: 50 })).json()).toEqual({ status: 'verified', differences: 0 });
    const stored = await paperResponse(database().db, 1, 1);
    expect(stored).toMatchObject({ channel: 'paper', provinceCode: '67', districtCode: '660', roundCode: ROUND });
  });

  it('takes two keyers saving one form at the same moment one after the other, never leaving it keyed once', async () => {
    const { manager, a, b, batchId } = await batchReady();
    for (const serial of [5, 6, 7]) {
      const slip = form();
      if (serial === 6) slip.answers.A1_1 = 2;
      const outcomes = await Promise.all([key(a, batchId, serial, form()), key(b, batchId, serial, slip)]);
      expect(outcomes.map((r) => r.statusCode)).toEqual([200, 200]);
      const statuses = outcomes.map((r) => r.json().status).sort();
      expect(statuses).toEqual(serial === 6 ? ['keyed_once', 'keyed_twice'] : ['keyed_once', 'verified']);
    }
    expect(await paperResponse(database().db, 1, 5)).toBeDefined();
    expect(await paperResponse(database().db, 1, 6)).toBeUndefined();
    expect((await manager.request({ url: `/api/batches/${batchId}/forms/6/comparison` })).json().differences).toHaveLength(1);
    expect(await paperResponse(database().db, 1, 7)).toBeDefined();
  });

  it('keeps a required question the paper left blank as missing instead of refusing the form', async () => {
    const { a, b, batchId } = await batchReady();
    const blank = form();
    delete (blank.profile as Record<string, unknown>).sex;
    expect((await key(a, batchId, 4, blank)).json()).toEqual({ status: 'keyed_once' });
    expect((await key(b, batchId, 4, blank)).json()).toEqual({ status: 'verified', differences: 0 });
    expect((await paperResponse(database().db, 1, 4))?.profile.sex).toBeUndefined();
  });

  it('keeps entries blind: a keyer sees only their own entry and not the comparison', async () => {
    const { a, b, batchId } = await batchReady();
    await key(a, batchId, 2, form());
    expect((await b.request({ url: `/api/batches/${batchId}/forms/2/entry` })).json()).toBeNull();
    expect((await a.request({ url: `/api/batches/${batchId}/forms/2/entry` })).json()).toMatchObject({ profile: { sex: 'nu' } });
    expect((await b.request({ url: `/api/batches/${batchId}/forms/2/comparison` })).statusCode).toBe(403);
  });

  it('sends differing entries to reconciliation, where a manager decides and the form is verified', async () => {
    const { manager, a, b, batchId } = await batchReady();
    const slip = form();
    slip.answers.A1_1 = 2;
    await key(a, batchId, 3, form());
    expect((await key(b, batchId, 3, slip)).json()).toEqual({ status: 'keyed_twice', differences: 1 });
    const comparison = (await manager.request({ url: `/api/batches/${batchId}/forms/3/comparison` })).json();
    expect(comparison.differences).toEqual([{ field: 'answers.A1_1', first: 4, second: 2 }]);
    expect((await b.request({ method: 'PUT', url: `/api/batches/${batchId}/forms/3/entry`, payload: form() })).statusCode).toBe(409);
    const decided = await manager.request({ method: 'POST', url: `/api/batches/${batchId}/forms/3/reconciliation`, payload: form() });
    expect(decided.statusCode).toBe(200);
    expect((await findResponse(database().db, decided.json().responseId))?.answers.A1_1).toBe(4);
    const trail = (await manager.request({ url: `/api/audit?entity=paper_form&id=${ROUND}:3` })).json();
    expect(trail.map((e: { action: string }) => e.action)).toEqual(['mark_form', 'key', 'key', 'reconcile', 'verify_by_reconciliation']);
    expect(trail[3]).toMatchObject({ field: 'answers.A1_1', oldValue: { first: 4, second: 2 }, newValue: 4 });
  });

  it('lets the batch’s third keyer reconcile', async () => {
    const { a, b, c, batchId } = await batchReady();
    const slip = form();
    slip.profile.sex = 'nam';
    await key(a, batchId, 4, form());
    await key(b, batchId, 4, slip);
    expect((await c.request({ url: `/api/batches/${batchId}/forms/4/comparison` })).json().differences).toHaveLength(1);
    expect((await c.request({ method: 'POST', url: `/api/batches/${batchId}/forms/4/reconciliation`, payload: slip })).statusCode).toBe(200);
  });

  it('audits a keyer correcting their own entry, field by field', async () => {
    const { manager, a, batchId } = await batchReady();
    await key(a, batchId, 5, form());
    const corrected = form();
    corrected.answers.B3_2 = 5;
    await key(a, batchId, 5, corrected);
    const trail = (await manager.request({ url: `/api/audit?entity=paper_form&id=${ROUND}:5` })).json();
    expect(trail.at(-1)).toMatchObject({ action: 'rekey', field: 'answers.B3_2', oldValue: 4, newValue: 5 });
  });

  it('refuses impossible values and answers that skip logic excludes, naming the field', async () => {
    const { a, batchId } = await batchReady();
    const bad = form();
    bad.answers.A1_1 = 7;
    const res = await key(a, batchId, 6, bad);
    expect(res.statusCode).toBe(400);
    expect(res.json().issues[0].path).toBe('answers.A1_1');
  });

  it('reports progress per batch, keyer and locality, with agreement rates', async () => {
    const { manager, a, b, batchId } = await batchReady();
    const slip = form();
    slip.answers.A1_1 = 2;
    await key(a, batchId, 7, { ...form(), seconds: 36 });
    await key(b, batchId, 7, { ...form(), seconds: 36 });
    await key(a, batchId, 8, { ...form(), seconds: 36 });
    await key(b, batchId, 8, { ...slip, seconds: 36 });
    const progress = (await manager.request({ url: `/api/rounds/${ROUND}/paper-progress` })).json();
    expect(progress.totals).toEqual({ returned: 8, verified: 1, keyed_twice: 1 });
    expect(progress.localities).toEqual([expect.objectContaining({ localityCode: '660', issued: 10, target: 8, verifiedShareOfTarget: 1 / 8 })]);
    const keyerA = progress.keyers.find((k: { username: string }) => k.username === 'keyer.a');
    expect(keyerA).toMatchObject({ formsKeyed: 2, formsCompared: 2, formsIdentical: 1, formsPerHour: 100 });
    // Two forms of 34 fields each (2 profile, 2 screening, 30 items); one field differs.
    expect(keyerA.fieldAgreement).toBeCloseTo(1 - 1 / 68, 10);
    expect(progress.batches[0]).toMatchObject({ code: 'L01', forms: 10, firstKeyer: { keyed: 2 }, secondKeyer: { keyed: 2 } });
  });

  it('shows a keyer only the batches assigned to them', async () => {
    const { a, batchId } = await batchReady();
    await addStaff(database().db, 'keyer', 'keyer.d');
    const d = await logInAs(app(), 'keyer.d');
    expect((await a.request({ url: '/api/batches' })).json().map((b: { id: number }) => b.id)).toEqual([batchId]);
    expect((await d.request({ url: '/api/batches' })).json()).toEqual([]);
    expect((await d.request({ url: `/api/batches/${batchId}` })).statusCode).toBe(404);
    expect((await key(d, batchId, 9, form())).statusCode).toBe(404);
  });

  it('refuses issuing a serial twice and batching forms that were not returned', async () => {
    const { manager } = await batchReady();
    const again = await manager.request({ method: 'POST', url: `/api/rounds/${ROUND}/paper-forms`, payload: { localityCode: '661', serials: '9-12' } });
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toContain('9-10');
    await manager.request({ method: 'POST', url: `/api/rounds/${ROUND}/paper-forms`, payload: { localityCode: '661', serials: '11-12' } });
    const batch = await manager.request({
      method: 'POST',
      url: `/api/rounds/${ROUND}/batches`,
      payload: { code: 'L02', serials: '11-12', firstKeyerId: 2, secondKeyerId: 3 },
    });
    expect(batch.statusCode).toBe(400);
    expect(batch.json().issues[0].path).toBe('serials');
  });
});
