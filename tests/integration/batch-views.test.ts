import { describe, expect, it } from 'vitest';
import { useTestApp } from '../support/app.ts';
import { addStaff, logInAs } from '../support/staff.ts';
import { officeSubmission } from '../support/submissions.ts';

const { app, database } = useTestApp();
const ROUND = 'DN-2025-H1';

/** Forms 1–6 issued to Gia Nghĩa; 1–4 returned; 1–2 in batch L01 (Lan and Minh), 3 in L02 (Minh and Hà). */
async function twoBatches() {
  const db = database().db;
  await addStaff(db, 'manager', 'manager');
  const lan = await addStaff(db, 'keyer', 'lan');
  const minh = await addStaff(db, 'keyer', 'minh');
  const ha = await addStaff(db, 'keyer', 'ha.le');
  const manager = await logInAs(app(), 'manager');
  await manager.request({ method: 'POST', url: `/api/rounds/${ROUND}/paper-forms`, payload: { localityCode: '660', serials: '1-6', target: 5 } });
  await manager.request({ method: 'POST', url: `/api/rounds/${ROUND}/paper-forms/status`, payload: { serials: '1-4', status: 'returned' } });
  const l01 = (
    await manager.request({
      method: 'POST',
      url: `/api/rounds/${ROUND}/batches`,
      payload: { code: 'L01', serials: '1-2', firstKeyerId: lan.id, secondKeyerId: minh.id },
    })
  ).json();
  const l02 = (
    await manager.request({
      method: 'POST',
      url: `/api/rounds/${ROUND}/batches`,
      payload: { code: 'L02', serials: '3', firstKeyerId: minh.id, secondKeyerId: ha.id, reconcilerId: lan.id },
    })
  ).json();
  return { manager, lan: await logInAs(app(), 'lan'), minh: await logInAs(app(), 'minh'), l01: l01.id as number, l02: l02.id as number };
}

const { profile, answers } = officeSubmission();

describe('batches as each role sees them', () => {
  it('shows a keyer only the batches assigned to them, with their part in each', async () => {
    const { lan, manager } = await twoBatches();
    const mine = (await lan.request({ url: '/api/batches' })).json();
    expect(mine.map((b: { code: string; myPart: string }) => [b.code, b.myPart])).toEqual([
      ['L01', 'first'],
      ['L02', 'reconciler'],
    ]);
    const all = (await manager.request({ url: `/api/batches?round=${ROUND}` })).json();
    expect(all.map((b: { code: string; myPart: string | null; forms: number }) => [b.code, b.myPart, b.forms])).toEqual([
      ['L01', null, 2],
      ['L02', null, 1],
    ]);
    expect(all[0]).toMatchObject({ round: ROUND, keyers: ['lan', 'minh'], reconciler: null, statuses: { returned: 2 } });
  });

  it('tells a keyer which forms they keyed themselves, never the other keyer’s values', async () => {
    const { lan, minh, l01 } = await twoBatches();
    await lan.request({ method: 'PUT', url: `/api/batches/${l01}/forms/1/entry`, payload: { profile, answers } });
    const forLan = (await lan.request({ url: `/api/batches/${l01}` })).json();
    expect(forLan.forms).toEqual([
      { serial: 1, status: 'keyed_once', localityCode: '660', communeCode: null, communeName: null, keyedByMe: true },
      { serial: 2, status: 'returned', localityCode: '660', communeCode: null, communeName: null, keyedByMe: false },
    ]);
    expect((await minh.request({ url: `/api/batches/${l01}` })).json().forms[0].keyedByMe).toBe(false);
    expect((await minh.request({ url: `/api/batches/${l01}/forms/1/entry` })).json()).toBeNull();
  });

  it('refuses a batch not assigned to the keyer as if it did not exist', async () => {
    const db = database().db;
    await twoBatches();
    await addStaff(db, 'keyer', 'outsider');
    const outsider = await logInAs(app(), 'outsider');
    expect((await outsider.request({ url: '/api/batches' })).json()).toEqual([]);
    expect((await outsider.request({ url: '/api/batches/1' })).statusCode).toBe(404);
  });

  it('gives the manager a form’s state, batch and audit trail with who did what', async () => {
    const { manager, lan, l01 } = await twoBatches();
    await lan.request({ method: 'PUT', url: `/api/batches/${l01}/forms/2/entry`, payload: { profile, answers } });
    const history = (await manager.request({ url: `/api/rounds/${ROUND}/paper-forms/2` })).json();
    expect(history).toMatchObject({ serial: 2, status: 'keyed_once', localityCode: '660', batch: { id: l01, code: 'L01' }, responseId: null });
    expect(history.trail.map((e: { action: string; username: string }) => [e.action, e.username])).toEqual([
      ['mark_form', 'manager'],
      ['key', 'lan'],
    ]);
    expect((await manager.request({ url: `/api/rounds/${ROUND}/paper-forms/99` })).statusCode).toBe(404);
  });

  it('lists in the progress the returned forms still waiting for a batch, and names the keyers', async () => {
    const { manager } = await twoBatches();
    const progress = (await manager.request({ url: `/api/rounds/${ROUND}/paper-progress` })).json();
    expect(progress.returnedNotBatched).toBe('4');
    expect(progress.batches[1]).toMatchObject({ code: 'L02', firstKeyer: { name: 'minh' }, secondKeyer: { name: 'ha.le' } });
    expect(progress.localities).toEqual([expect.objectContaining({ localityCode: '660', localityName: 'Thành phố Gia Nghĩa', issued: 6, target: 5 })]);
  });

  it('lists the districts of the round’s province for issuing forms', async () => {
    const { manager } = await twoBatches();
    const rounds = (await manager.request({ url: '/api/rounds' })).json();
    expect(rounds).toEqual([expect.objectContaining({ code: ROUND, provinceCodes: ['67'], questionnaires: { citizen: '2024' }, status: 'open' })]);
    const districts = (await manager.request({ url: '/api/localities?parent=67' })).json();
    expect(districts).toHaveLength(8);
    expect(districts[0]).toMatchObject({ code: '660', name: 'Thành phố Gia Nghĩa', level: 'district' });
  });
});
