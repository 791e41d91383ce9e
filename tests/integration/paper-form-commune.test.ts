import { describe, expect, it } from 'vitest';
import { upsertLocalities } from '../../db/queries/localities.ts';
import { findForms } from '../../db/queries/paper.ts';
import { findRoundByCode } from '../../db/queries/rounds.ts';
import { writeCsv } from '../../server/files/tables.ts';
import { useTestApp } from '../support/app.ts';
import { paperResponse } from '../support/paper-forms.ts';
import { addStaff, logInAs, type Agent } from '../support/staff.ts';
import { officeSubmission } from '../support/submissions.ts';

const { app, database } = useTestApp();
const ROUND = 'DN-2025-H1';
const unit = (code: string, name: string, level: 'province' | 'district' | 'commune', parentCode: string | null) => ({
  code,
  name,
  level,
  parentCode,
  validFrom: '2020-01-01',
  validTo: null,
});

/** Two communes of Gia Nghĩa, one of Đắk Glong, and a commune of another province. */
async function communes() {
  await upsertLocalities(database().db, [
    unit('24611', 'Phường Nghĩa Đức', 'commune', '660'),
    unit('24612', 'Phường Nghĩa Thành', 'commune', '660'),
    unit('24700', 'Xã Quảng Sơn', 'commune', '661'),
    unit('01', 'Thành phố Hà Nội', 'province', null),
    unit('001', 'Quận Ba Đình', 'district', '01'),
    unit('00001', 'Phường Phúc Xá', 'commune', '001'),
  ]);
}

async function manager(): Promise<Agent> {
  await addStaff(database().db, 'manager', 'manager');
  return logInAs(app(), 'manager');
}

const issue = (agent: Agent, payload: object, query = '') => agent.request({ method: 'POST', url: `/api/rounds/${ROUND}/paper-forms${query}`, payload });

async function storedForms(serials: number[]) {
  const round = (await findRoundByCode(database().db, ROUND))!;
  return Object.fromEntries((await findForms(database().db, round.id, serials)).map((f) => [f.serial, f.communeCode]));
}

describe('paper forms carry the commune where they are filled in', () => {
  it('issues forms with their commune and gives the verified response that commune as its PSU', async () => {
    await communes();
    const lan = await manager();
    expect((await issue(lan, { localityCode: '660', communeCode: '24611', serials: '1-2' })).statusCode).toBe(201);
    expect(await storedForms([1, 2])).toEqual({ 1: '24611', 2: '24611' });
    expect(
      (await lan.request({ method: 'POST', url: `/api/rounds/${ROUND}/paper-forms/status`, payload: { serials: '1-2', status: 'returned' } })).statusCode,
    ).toBe(200);
    const [first, second] = [await addStaff(database().db, 'keyer', 'keyer.a'), await addStaff(database().db, 'keyer', 'keyer.b')];
    const batch = await lan.request({
      method: 'POST',
      url: `/api/rounds/${ROUND}/batches`,
      payload: { code: 'L01', serials: '1-2', firstKeyerId: first.id, secondKeyerId: second.id },
    });
    const batchId = batch.json().id as number;
    const { profile, answers } = officeSubmission();
    for (const who of ['keyer.a', 'keyer.b']) {
      const keyer = await logInAs(app(), who);
      const detail = await keyer.request({ method: 'GET', url: `/api/batches/${batchId}` });
      expect(detail.json().forms[0]).toMatchObject({ serial: 1, localityCode: '660', communeCode: '24611' });
      expect((await keyer.request({ method: 'PUT', url: `/api/batches/${batchId}/forms/1/entry`, payload: { profile, answers } })).statusCode).toBe(200);
    }
    const round = (await findRoundByCode(database().db, ROUND))!;
    expect(await paperResponse(database().db, round.id, 1)).toMatchObject({ channel: 'paper', provinceCode: '67', districtCode: '660', communeCode: '24611' });
    const history = await lan.request({ method: 'GET', url: `/api/rounds/${ROUND}/paper-forms/1` });
    expect(history.json()).toMatchObject({ localityCode: '660', communeCode: '24611', status: 'verified' });
  });

  it('takes a form issued to a commune as filled in that commune, and a form issued to a district as having none', async () => {
    await communes();
    const lan = await manager();
    expect((await issue(lan, { localityCode: '24612', serials: '5' })).statusCode).toBe(201);
    expect((await issue(lan, { localityCode: '661', serials: '6' })).statusCode).toBe(201);
    expect(await storedForms([5, 6])).toEqual({ 5: '24612', 6: null });
  });

  it.each([
    ['a commune of another province', { localityCode: '660', communeCode: '00001' }, 'không thuộc tỉnh của đợt khảo sát'],
    ['a commune of another district', { localityCode: '660', communeCode: '24700' }, 'không thuộc đơn vị 660'],
    ['a district given as the commune', { localityCode: '660', communeCode: '661' }, 'không phải cấp xã'],
    ['an unknown code', { localityCode: '660', communeCode: '99999' }, 'Không có đơn vị hành chính mã 99999'],
  ])('refuses %s, naming the commune field, and issues nothing', async (_case, body, words) => {
    await communes();
    const lan = await manager();
    const res = await issue(lan, { ...body, serials: '10-12' });
    expect(res.statusCode).toBe(400);
    expect(res.json().issues).toEqual([expect.objectContaining({ path: 'communeCode', message: expect.stringContaining(words) })]);
    expect(await storedForms([10, 11, 12])).toEqual({});
    const english = await issue(lan, { ...body, serials: '10-12' }, '?lang=en');
    expect(english.json().issues[0].path).toBe('communeCode');
    expect(english.json().issues[0].message).toMatch(/commune|unit/i);
  });

  it('imports a keyed file for forms issued with their commune: the responses carry it, whether a row names the district or the commune', async () => {
    await communes();
    const lan = await manager();
    expect((await issue(lan, { localityCode: '660', communeCode: '24611', serials: '20-21' })).statusCode).toBe(201);
    await lan.request({ method: 'POST', url: `/api/rounds/${ROUND}/paper-forms/status`, payload: { serials: '20-21', status: 'returned' } });
    const items = ['A1_1', 'A1_2', 'A2_1', 'A2_2', ...Array.from({ length: 9 }, (_, i) => `A3_${i + 1}`), 'A4_1', 'A4_2'];
    const header = ['serial', 'locality', 'sex', 'age_group', 'had_procedure', ...items];
    const row = (serial: number, locality: string) => [String(serial), locality, 'nam', '50_60', 'no', ...items.map(() => '4')];
    const res = await lan.request({
      method: 'POST',
      url: `/api/rounds/${ROUND}/imports`,
      payload: writeCsv(header, [row(20, '660'), row(21, '24611')]),
      headers: { 'content-type': 'text/csv' },
    });
    expect(res.json()).toMatchObject({ imported: 2 });
    const round = (await findRoundByCode(database().db, ROUND))!;
    for (const serial of [20, 21]) expect(await paperResponse(database().db, round.id, serial)).toMatchObject({ districtCode: '660', communeCode: '24611' });
  });
});
