import { beforeEach, describe, expect, it } from 'vitest';
import { writeXlsx } from '../../server/files/tables.ts';
import { useTestApp } from '../support/app.ts';
import { addTestCommunes, officesCsv, resetOffices } from '../support/offices.ts';
import { addStaff, logInAs, type Agent } from '../support/staff.ts';
import { officeSubmission } from '../support/submissions.ts';

const { app, database } = useTestApp();
const CSV = { 'content-type': 'text/csv' };
const HEADER = ['code', 'name', 'locality', 'level'];

beforeEach(async () => {
  await resetOffices(database().db);
  await addTestCommunes(database().db);
});

async function manager(): Promise<Agent> {
  await addStaff(database().db, 'manager', 'lan');
  return logInAs(app(), 'lan');
}

const importFile = (agent: Agent, file: Buffer, headers: Record<string, string> = CSV, query = '') =>
  agent.request({ method: 'POST', url: `/api/offices/imports${query}`, payload: file, headers });

const officeCodes = async (agent: Agent) => (await agent.request({ url: '/api/offices' })).json().map((o: { code: string }) => o.code);

describe('importing a list of offices', () => {
  it('adds the offices of a CSV file with their level and locality, each addition audited', async () => {
    const lan = await manager();
    const file = officesCsv([
      HEADER,
      ['TTHCC-68', 'Trung tâm Phục vụ hành chính công tỉnh Lâm Đồng', '68', 'province'],
      ['MC-24778', 'Bộ phận Một cửa phường Bắc Gia Nghĩa', '24778', 'commune'],
      ['MC-24805', 'Bộ phận Một cửa xã Quảng Sơn', '24805', 'xã'],
    ]);
    const res = await importFile(lan, file);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ added: 3, updated: 0, unchanged: 0 });
    const offices = (await lan.request({ url: '/api/offices' })).json();
    expect(offices).toContainEqual({
      code: 'MC-24805',
      name: 'Bộ phận Một cửa xã Quảng Sơn',
      level: 'commune',
      localityCode: '24805',
      localityName: 'Xã Quảng Sơn',
      active: true,
    });
    expect(offices.find((o: { code: string }) => o.code === 'TTHCC-68').level).toBe('province');
    const audit = (await lan.request({ url: '/api/audit?entity=office&id=MC-24778' })).json();
    expect(audit.map((e: { action: string; username: string }) => [e.action, e.username])).toEqual([['create_office', 'lan']]);
  });

  it('reports every bad row — row, column, value and reason in Vietnamese — and stores nothing', async () => {
    const lan = await manager();
    const before = await officeCodes(lan);
    const file = officesCsv([
      HEADER,
      ['MC-24778', 'Bộ phận Một cửa phường Bắc Gia Nghĩa', '24778', 'commune'],
      ['MC 1', 'Mã có dấu cách', '24805', 'commune'],
      ['MC-24778', 'Trùng mã', '24820', 'commune'],
      ['MC-2', '', '24805', 'commune'],
      ['MC-3', 'Không có đơn vị', '99999', 'commune'],
      ['MC-4', 'Cấp lạ', '24805', 'thôn'],
      ['MC-5', 'Xã mà ghi cấp tỉnh', '24805', 'province'],
      ['MC-6', 'Thiếu đơn vị', '', 'district'],
    ]);
    const res = await importFile(lan, file);
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.message).toContain('Không lưu gì: 7 lỗi');
    expect(body.problems.map((p: { row: number; column: string; value: string }) => [p.row, p.column, p.value])).toEqual([
      [3, 'code', 'MC 1'],
      [4, 'code', 'MC-24778'],
      [5, 'name', ''],
      [6, 'locality', '99999'],
      [7, 'level', 'thôn'],
      [8, 'locality', '24805'],
      [9, 'locality', ''],
    ]);
    expect(body.problems[1].reason).toBe('mã trùng với dòng 2');
    expect(body.problems[5].reason).toContain('cấp xã');
    expect(await officeCodes(lan)).toEqual(before);
    // English on request, the same problems.
    const en = await importFile(lan, file, CSV, '?lang=en');
    expect(en.json().problems[3].reason).toBe('no administrative unit has this code');
  });

  it('updates the name, locality and level of a code already stored instead of adding it twice, auditing each change', async () => {
    const lan = await manager();
    await importFile(lan, officesCsv([HEADER, ['MC-24805', 'Bộ phận Một cửa xã Quảng Sơn', '24805', 'commune']]));
    const again = await importFile(
      lan,
      officesCsv([
        HEADER,
        ['MC-24805', 'Bộ phận Một cửa UBND xã Quảng Sơn', '24805', 'commune'],
        ['MC-660', 'Bộ phận Một cửa thành phố Gia Nghĩa', '660', 'district'],
        ['MC-24820', 'Bộ phận Một cửa xã Đắk Song', '24820', 'commune'],
      ]),
    );
    expect(again.json()).toEqual({ added: 1, updated: 1, unchanged: 1 });
    const codes = await officeCodes(lan);
    expect(codes.filter((c: string) => c === 'MC-24805')).toHaveLength(1);
    const audit = (await lan.request({ url: '/api/audit?entity=office&id=MC-24805' })).json();
    expect(
      audit.map((e: { action: string; field: string | null; oldValue: unknown; newValue: unknown }) => [e.action, e.field, e.oldValue, e.newValue]),
    ).toEqual([
      ['create_office', null, null, { code: 'MC-24805', name: 'Bộ phận Một cửa xã Quảng Sơn', localityCode: '24805', level: 'commune' }],
      ['import_office', 'name', 'Bộ phận Một cửa xã Quảng Sơn', 'Bộ phận Một cửa UBND xã Quảng Sơn'],
    ]);
    // The same file once more changes nothing.
    expect((await importFile(lan, officesCsv([HEADER, ['MC-24805', 'Bộ phận Một cửa UBND xã Quảng Sơn', '24805', 'xã']]))).json()).toEqual({
      added: 0,
      updated: 0,
      unchanged: 1,
    });
  });

  it('reads XLSX files as CSV files, and offers both templates', async () => {
    const lan = await manager();
    const xlsx = await writeXlsx([{ name: 'Điểm', header: HEADER, rows: [['MC-24820', 'Bộ phận Một cửa xã Đắk Song', '24820', 'commune']] }]);
    const res = await importFile(lan, xlsx, { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
    expect(res.json()).toEqual({ added: 1, updated: 0, unchanged: 0 });
    const csv = await lan.request({ url: '/api/offices/template?format=csv' });
    expect(csv.body.replace(/^\uFEFF/, '').trim()).toBe('code,name,locality,level');
    const template = await lan.request({ url: '/api/offices/template' });
    expect(template.headers['content-type']).toContain('spreadsheetml');
    expect(template.headers['content-disposition']).toContain('sipas-mau-diem-khao-sat.xlsx');
    // The empty template, sent back as it is, is refused: a header alone imports nothing.
    expect((await importFile(lan, officesCsv([['code', 'name', 'locality', 'level']]))).statusCode).toBe(400);
  });

  it('refuses a file without a column it needs, naming the column, and an empty body', async () => {
    const lan = await manager();
    const res = await importFile(
      lan,
      officesCsv([
        ['code', 'name', 'locality'],
        ['MC-1', 'Một', '24805'],
      ]),
    );
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.json().problems)).toContain('level');
    expect((await importFile(lan, Buffer.alloc(0))).statusCode).toBe(400);
  });
});

describe('offices in the browser’s API', () => {
  it('adds, renames and deactivates an office; its link then takes no responses', async () => {
    // An office of the demo round's province (Đắk Nông, before the reorganisation): only those get a link of the round.
    const lan = await manager();
    const created = await lan.request({
      method: 'POST',
      url: '/api/offices',
      payload: { code: 'MC-661', name: 'Bộ phận Một cửa huyện Đắk Glong', localityCode: '661', level: 'district' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const twice = await lan.request({
      method: 'POST',
      url: '/api/offices',
      payload: { code: 'MC-661', name: 'Khác', localityCode: '661', level: 'district' },
    });
    expect(twice.statusCode).toBe(409);
    const renamed = await lan.request({ method: 'PATCH', url: '/api/offices/MC-661', payload: { name: 'Bộ phận Một cửa huyện Đắk Glong (mới)' } });
    expect(renamed.json().name).toBe('Bộ phận Một cửa huyện Đắk Glong (mới)');
    const links = (await lan.request({ url: '/api/rounds/DN-2025-H1/links' })).json();
    const link = links.find((l: { office: { code: string } | null }) => l.office?.code === 'MC-661');
    expect(link.office.name).toBe('Bộ phận Một cửa huyện Đắk Glong (mới)');
    const off = await lan.request({ method: 'PATCH', url: '/api/offices/MC-661', payload: { active: false } });
    expect(off.json().active).toBe(false);
    const { round: _r, channel: _c, office: _o, ...rest } = officeSubmission();
    const refused = await app().inject({ method: 'POST', url: '/api/responses', payload: { ...rest, link: link.token } });
    expect(refused.statusCode).toBe(409);
    expect((await app().inject({ url: `/api/links/${link.token}` })).json()).toMatchObject({ open: false, state: 'closed' });
    const audit = (await lan.request({ url: '/api/audit?entity=office&id=MC-661' })).json();
    expect(audit.map((e: { action: string }) => e.action)).toEqual(['create_office', 'update_office', 'deactivate_office']);
  });

  it('refuses a locality that does not exist or does not fit the level, naming the field', async () => {
    const lan = await manager();
    const unknown = await lan.request({ method: 'POST', url: '/api/offices', payload: { code: 'MC-X', name: 'X', localityCode: '99999', level: 'commune' } });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().issues[0]).toMatchObject({ path: 'localityCode' });
    expect(unknown.json().issues[0].message).toContain('không có đơn vị hành chính mã 99999');
    const misfit = await lan.request({ method: 'PATCH', url: '/api/offices/MC-660', payload: { level: 'commune' } });
    expect(misfit.statusCode).toBe(400);
    expect(misfit.json().issues[0].path).toBe('localityCode');
    expect((await lan.request({ method: 'PATCH', url: '/api/offices/NOPE', payload: { active: false } })).statusCode).toBe(404);
  });

  it('lets only managers and administrators see or change offices', async () => {
    for (const role of ['keyer', 'analyst'] as const) {
      await addStaff(database().db, role, role);
      const agent = await logInAs(app(), role);
      expect((await agent.request({ url: '/api/offices' })).statusCode).toBe(403);
      expect((await importFile(agent, officesCsv([HEADER, ['MC-1', 'Một', '24805', 'commune']]))).statusCode).toBe(403);
    }
    expect((await app().inject({ url: '/api/offices' })).statusCode).toBe(401);
  });
});
