import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { findForms, setFormsStatus } from '../../db/queries/paper.ts';
import { findRoundByCode, insertRoundIfAbsent } from '../../db/queries/rounds.ts';
import { writeCsv, writeXlsx } from '../../server/files/tables.ts';
import { useTestApp } from '../support/app.ts';
import { addStaff, logInAs, type Agent } from '../support/staff.ts';

const { app, database } = useTestApp();
const ROUND = 'DN-2025-H1';
const URL_IMPORT = `/api/rounds/${ROUND}/imports`;
const CSV = { 'content-type': 'text/csv' };

async function manager(): Promise<Agent> {
  await addStaff(database().db, 'manager', 'manager');
  return logInAs(app(), 'manager');
}

const rowsOf = <T>(result: unknown): T[] => (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];

async function count(table: 'responses' | 'paper_forms' | 'audit_log', where = sql`true`): Promise<number> {
  return Number(rowsOf<{ n: number }>(await database().db.execute(sql`select count(*)::int as n from ${sql.identifier(table)} where ${where}`))[0].n);
}
const paperCount = () => count('responses', sql`channel = 'paper'`);

/** Serials issued to a locality of the round and marked returned: what an import may store. */
async function returnedForms(agent: Agent, serials: string, localityCode = '661', round = ROUND) {
  expect((await agent.request({ method: 'POST', url: `/api/rounds/${round}/paper-forms`, payload: { localityCode, serials } })).statusCode).toBe(201);
  expect((await agent.request({ method: 'POST', url: `/api/rounds/${round}/paper-forms/status`, payload: { serials, status: 'returned' } })).statusCode).toBe(
    200,
  );
}

async function formStatuses(serials: number[]) {
  const round = (await findRoundByCode(database().db, ROUND))!;
  return Object.fromEntries((await findForms(database().db, round.id, serials)).map((f) => [f.serial, f.status]));
}

const items2024 = [
  'A1_1',
  'A1_2',
  'A2_1',
  'A2_2',
  ...Array.from({ length: 9 }, (_, i) => `A3_${i + 1}`),
  'A4_1',
  'A4_2',
  'B1_1',
  'B1_2',
  'B1_3',
  'B2_1',
  'B2_2',
  'B2_3',
  'B2_4',
  'B3_1',
  'B3_2',
  'B3_3',
  'B3_4',
  'B3_5',
  'B4_1',
  'B4_2',
  'B4_3',
  'B5_1',
  'B5_2',
  'B5_3',
];
const header = ['serial', 'locality', 'sex', 'age_group', 'had_procedure', 'made_feedback', 'info_channels', 'comment', ...items2024];
/** A form of someone with no procedure: the service part is marked NA, as keyers do on paper. */
const row = (serial: number, overrides: Record<string, string> = {}) => {
  const values: Record<string, string> = {
    serial: String(serial),
    locality: '661',
    sex: 'nam',
    age_group: '50_60',
    had_procedure: 'no',
    made_feedback: '',
    info_channels: 'loa_xa|internet',
    comment: 'Cán bộ xã nhiệt tình',
  };
  for (const code of items2024) values[code] = code.startsWith('B') ? 'NA' : '4';
  return header.map((h) => ({ ...values, ...overrides })[h] ?? '');
};
const post = (agent: Agent, file: Buffer, query = '') => agent.request({ method: 'POST', url: URL_IMPORT + query, payload: file, headers: CSV });
const where = (res: { json(): { problems: Array<{ row: number; column: string; value: string }> } }) =>
  res.json().problems.map((p) => [p.row, p.column, p.value]);

describe('import template', () => {
  it('comes as XLSX with a codebook sheet and as CSV with a BOM', async () => {
    const agent = await manager();
    const xlsx = await agent.request({ url: `/api/rounds/${ROUND}/import-template?format=xlsx` });
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Dữ liệu', 'Mã hóa', 'Thông tin']);
    const codebookRows = workbook.getWorksheet('Mã hóa')!.getSheetValues().filter(Boolean) as unknown[][];
    const b31 = codebookRows.find((r) => r[1] === 'B3_1')!;
    expect(b31[2]).toBe('Công chức có thái độ giao tiếp lịch sự, tôn trọng đối với người dân');
    expect(String(b31[3])).toContain('5 = Rất hài lòng');
    const csv = await agent.request({ url: `/api/rounds/${ROUND}/import-template?format=csv` });
    expect(csv.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(csv.body).toContain('serial,locality,sex,age_group');
  });
});

describe('importing paper forms', () => {
  it('stores returned forms as verified paper responses, audited per form, and re-importing the file adds nothing', async () => {
    const agent = await manager();
    await returnedForms(agent, '101-103');
    // Form 102 left the sex question blank: a fact of the paper, kept as missing.
    const file = writeCsv(header, [
      row(101),
      row(102, { sex: '' }),
      row(103, {
        had_procedure: 'yes',
        made_feedback: 'no',
        B1_1: '5',
        B1_2: '',
        B1_3: '3',
        B2_1: '4',
        B2_2: '4',
        B2_3: '4',
        B2_4: '4',
        B3_1: '4',
        B3_2: '4',
        B3_3: '4',
        B3_4: '4',
        B3_5: '4',
        B4_1: '4',
        B4_2: '4',
        B4_3: '4',
      }),
    ]);
    const first = await post(agent, file);
    expect(first.json()).toEqual({ imported: 3, unchanged: 0 });
    expect(await formStatuses([101, 102, 103])).toEqual({ 101: 'verified', 102: 'verified', 103: 'verified' });
    expect(await count('audit_log', sql`action = 'verify_by_import'`)).toBe(3);
    const again = await post(agent, file);
    expect(again.json()).toEqual({ imported: 0, unchanged: 3 });
    expect(await paperCount()).toBe(3);
    const stored = rowsOf<{ comment: string; channels: string[]; ratings: number[] }>(
      await database().db.execute(
        sql`select answers->>'comment' as comment, answers->'info_channels' as channels, ratings from responses order by answers->>'had_procedure'`,
      ),
    );
    expect(stored[0]).toMatchObject({ comment: 'Cán bộ xã nhiệt tình', channels: ['loa_xa', 'internet'] });
    expect(stored[0].ratings.slice(15)).toEqual(Array(18).fill(-1));
    expect(stored[2].ratings.slice(15, 18)).toEqual([5, 0, 3]);
  });

  it('follows the round’s keying window: after closing only forms issued within the period, and nothing once keying is closed', async () => {
    const agent = await manager();
    await returnedForms(agent, '201-202');
    await database().db.execute(sql`update paper_forms set issued_at = '2025-03-01T08:00:00+07:00' where serial = 201`);
    await agent.request({ method: 'POST', url: `/api/rounds/${ROUND}/close` });
    // Form 202 was handed out today, after the demo round's last day (30/06/2025).
    const late = await post(agent, writeCsv(header, [row(201), row(202)]));
    expect(late.statusCode).toBe(400);
    expect(late.json().problems).toEqual([
      expect.objectContaining({ row: 3, column: 'serial', reason: `Đợt ${ROUND} đã đóng; phiếu số 202 được cấp sau khi đợt kết thúc nên không nhập được` }),
    ]);
    expect((await post(agent, writeCsv(header, [row(201)]))).statusCode).toBe(200);
    await agent.request({ method: 'POST', url: `/api/rounds/${ROUND}/close-keying` });
    await database().db.execute(sql`update paper_forms set issued_at = '2025-03-01T08:00:00+07:00' where serial = 202`);
    const closed = await post(agent, writeCsv(header, [row(202)]));
    expect(closed.json().problems[0].reason).toMatch(/đã kết thúc nhập phiếu giấy/);
    expect(await paperCount()).toBe(1);
  });

  it('refuses serials never issued in the round, and creates no paper form for them', async () => {
    const agent = await manager();
    await returnedForms(agent, '150');
    const res = await post(agent, writeCsv(header, [row(150), row(151), row(999_999)]));
    expect(res.statusCode).toBe(400);
    expect(where(res)).toEqual([
      [3, 'serial', '151'],
      [4, 'serial', '999999'],
    ]);
    expect(res.json().problems[0].reason).toBe(`số sê-ri 151 chưa được cấp trong đợt ${ROUND}`);
    expect(await paperCount()).toBe(0);
    expect(await count('paper_forms')).toBe(1);
    expect(await formStatuses([150])).toEqual({ 150: 'returned' });
  });

  it('refuses a serial issued in another round only', async () => {
    const agent = await manager();
    const round = (await findRoundByCode(database().db, ROUND))!;
    await insertRoundIfAbsent(database().db, {
      code: 'DN-2025-H2',
      name: 'Đợt thử',
      provinceCodes: round.provinceCodes,
      periodStart: '2025-07-01',
      periodEnd: '2025-12-31',
      questionnaires: round.questionnaires,
      status: 'open',
    });
    await returnedForms(agent, '160', '661', 'DN-2025-H2');
    const res = await post(agent, writeCsv(header, [row(160)]));
    expect(where(res)).toEqual([[2, 'serial', '160']]);
    expect(await paperCount()).toBe(0);
  });

  it('refuses forms not returned, spoiled, never returned, in a keyers’ batch or being keyed — each named, nothing stored', async () => {
    const agent = await manager();
    expect(
      (await agent.request({ method: 'POST', url: `/api/rounds/${ROUND}/paper-forms`, payload: { localityCode: '661', serials: '201-207' } })).statusCode,
    ).toBe(201);
    await agent.request({ method: 'POST', url: `/api/rounds/${ROUND}/paper-forms/status`, payload: { serials: '202', status: 'spoiled' } });
    await agent.request({ method: 'POST', url: `/api/rounds/${ROUND}/paper-forms/status`, payload: { serials: '203', status: 'unreturned' } });
    await agent.request({ method: 'POST', url: `/api/rounds/${ROUND}/paper-forms/status`, payload: { serials: '204-207', status: 'returned' } });
    const [first, second] = [await addStaff(database().db, 'keyer', 'minh'), await addStaff(database().db, 'keyer', 'hoa')];
    expect(
      (
        await agent.request({
          method: 'POST',
          url: `/api/rounds/${ROUND}/batches`,
          payload: { code: 'L01', serials: '204-206', firstKeyerId: first.id, secondKeyerId: second.id },
        })
      ).statusCode,
    ).toBe(201);
    const round = (await findRoundByCode(database().db, ROUND))!;
    await setFormsStatus(database().db, round.id, [205], { status: 'keyed_once' });
    await setFormsStatus(database().db, round.id, [206], { status: 'keyed_twice' });

    const res = await post(agent, writeCsv(header, [row(201), row(202), row(203), row(204), row(205), row(206), row(207)]));
    expect(res.statusCode).toBe(400);
    const reasons = res.json().problems.map((p: { row: number; reason: string }) => [p.row, p.reason]);
    expect(reasons).toEqual([
      [2, 'phiếu số 201 chưa được đánh dấu đã thu về; đánh dấu "đã thu về" trước khi nhập'],
      [3, 'phiếu số 202 đã bị đánh dấu hỏng'],
      [4, 'phiếu số 203 đã bị đánh dấu không thu về'],
      [5, 'phiếu số 204 đã được giao cho lô L01 để nhập liệu hai lần; nhập tại đó hoặc bỏ phiếu khỏi tệp'],
      [6, 'phiếu số 205 đang được nhập liệu hai lần (lô L01)'],
      [7, 'phiếu số 206 đang được nhập liệu hai lần (lô L01)'],
    ]);
    // Form 207 was fine, but the file is imported whole or not at all.
    expect(await paperCount()).toBe(0);
    expect(await formStatuses([201, 204, 205, 207])).toEqual({ 201: 'issued', 204: 'returned', 205: 'keyed_once', 207: 'returned' });
  });

  it('refuses a row that names another locality than the form was issued to', async () => {
    const agent = await manager();
    await returnedForms(agent, '301', '661');
    const res = await post(agent, writeCsv(header, [row(301, { locality: '662' })]));
    expect(res.json().problems).toEqual([{ row: 2, column: 'locality', value: '662', reason: 'phiếu số 301 được phát cho đơn vị 661' }]);
    expect(await paperCount()).toBe(0);
  });

  it('refuses a verified form with other content, rolling back the whole file', async () => {
    const agent = await manager();
    await returnedForms(agent, '401-402');
    expect((await post(agent, writeCsv(header, [row(401)]))).json()).toEqual({ imported: 1, unchanged: 0 });
    const res = await post(agent, writeCsv(header, [row(402), row(401, { A1_1: '1' })]));
    expect(res.statusCode).toBe(400);
    expect(where(res)).toEqual([[3, 'serial', '401']]);
    expect(res.json().problems[0].reason).toContain('đã được xác nhận với nội dung khác');
    expect(await paperCount()).toBe(1);
    expect(await formStatuses([402])).toEqual({ 402: 'returned' });
  });

  it('reports every problem of the file in one answer — values, repeated serials, lifecycle — with reasons in English on request', async () => {
    const agent = await manager();
    await returnedForms(agent, '501-505');
    const file = writeCsv(
      [...header, 'ghi_chu'],
      [
        [...row(501), ''],
        [...row(502, { A1_1: '6' }), ''],
        [...row(503, { sex: 'x' }), ''],
        [...row(501), ''],
        [...row(504, { A2_1: 'NA' }), ''],
        [...row(777), ''],
        [...row(505, { serial: 'abc' }), ''],
      ],
    );
    const res = await post(agent, file);
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('import_rejected');
    expect(where(res)).toEqual([
      [1, 'ghi_chu', 'ghi_chu'],
      [3, 'A1_1', '6'],
      [4, 'sex', 'x'],
      [5, 'serial', '501'],
      [6, 'A2_1', 'NA'],
      [7, 'serial', '777'],
      [8, 'serial', 'abc'],
    ]);
    expect(res.json().problems[1].reason).toContain('Tùy chọn không hợp lệ');
    const english = await post(agent, file, '?lang=en');
    expect(english.json().message).toContain('Nothing imported: 7 problem(s)');
    expect(english.json().problems[5].reason).toBe(`serial 777 was not issued in round ${ROUND}`);
    expect(await paperCount()).toBe(0);
  });

  it('reads the XLSX template too, under the same rules', async () => {
    const agent = await manager();
    await returnedForms(agent, '601-602');
    const file = await writeXlsx([{ name: 'Dữ liệu', header, rows: [row(601), row(602)] }]);
    const xlsx = { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };
    expect((await agent.request({ method: 'POST', url: URL_IMPORT, payload: file, headers: xlsx })).json()).toEqual({ imported: 2, unchanged: 0 });
    const unissued = await writeXlsx([{ name: 'Dữ liệu', header, rows: [row(603)] }]);
    expect(where(await agent.request({ method: 'POST', url: URL_IMPORT, payload: unissued, headers: xlsx }))).toEqual([[2, 'serial', '603']]);
  });

  it('stores each form once when the same file is imported twice at the same moment', async () => {
    const agent = await manager();
    await returnedForms(agent, '701-720');
    const file = writeCsv(
      header,
      Array.from({ length: 20 }, (_, i) => row(701 + i)),
    );
    const replies = await Promise.all([post(agent, file), post(agent, file)]);
    expect(replies.map((r) => r.statusCode)).toEqual([200, 200]);
    expect(replies.map((r) => r.json().imported).sort()).toEqual([0, 20]);
    expect(await paperCount()).toBe(20);
  });

  it('answers a request without a file with a worded 400, never a server error', async () => {
    const agent = await manager();
    for (const payload of [{}, '']) {
      const res = await agent.request({
        method: 'POST',
        url: URL_IMPORT,
        payload,
        headers: { 'content-type': typeof payload === 'string' ? 'text/csv' : 'application/json' },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().message).toContain('Chưa có tệp');
    }
  });
});

describe('npx sipas import-responses', () => {
  it('goes through the same rules: a serial never issued is refused and nothing stored', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sipas-import-'));
    try {
      const env = { ...process.env, DATABASE_URL: '', SIPAS_DATA_DIR: join(dir, 'data') };
      const sipas = (...args: string[]) => promisify(execFile)('node', ['bin/sipas.mjs', ...args], { env });
      const file = join(dir, 'phieu.csv');
      await writeFile(file, writeCsv(header, [row(801)]));
      const failed = await sipas('import-responses', file, '--round', ROUND).then(
        () => undefined,
        (error: { code: number; stderr: string }) => error,
      );
      expect(failed?.code).toBe(1);
      expect(failed?.stderr).toContain(`dòng 2, cột serial, giá trị "801": số sê-ri 801 chưa được cấp trong đợt ${ROUND}`);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
