import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { writeCsv, writeXlsx } from '../../server/files/tables.ts';
import { useTestApp } from '../support/app.ts';
import { addStaff, logInAs } from '../support/staff.ts';

const { app, database } = useTestApp();
const URL_IMPORT = '/api/rounds/DN-2025-H1/imports';

async function manager() {
  await addStaff(database().db, 'manager', 'manager');
  return logInAs(app(), 'manager');
}

async function paperCount(): Promise<number> {
  const rows = await database().db.execute(sql`select count(*)::int as n from responses where channel = 'paper'`);
  return Number(((Array.isArray(rows) ? rows : (rows as { rows: unknown[] }).rows) as Array<{ n: number }>)[0].n);
}

const items2024 = ['A1_1', 'A1_2', 'A2_1', 'A2_2', ...Array.from({ length: 9 }, (_, i) => `A3_${i + 1}`), 'A4_1', 'A4_2', 'B1_1', 'B1_2', 'B1_3', 'B2_1', 'B2_2', 'B2_3', 'B2_4', 'B3_1', 'B3_2', 'B3_3', 'B3_4', 'B3_5', 'B4_1', 'B4_2', 'B4_3', 'B5_1', 'B5_2', 'B5_3'];
const header = ['serial', 'locality', 'sex', 'age_group', 'had_procedure', 'made_feedback', 'info_channels', 'comment', ...items2024];
/** A form of someone with no procedure: the service part is marked NA, as keyers do on paper. */
const row = (serial: number, overrides: Record<string, string> = {}) => {
  const values: Record<string, string> = { serial: String(serial), locality: '661', sex: 'nam', age_group: '50_60', had_procedure: 'no', made_feedback: '', info_channels: 'loa_xa|internet', comment: 'Cán bộ xã nhiệt tình' };
  for (const code of items2024) values[code] = code.startsWith('B') ? 'NA' : '4';
  return header.map((h) => ({ ...values, ...overrides })[h] ?? '');
};

describe('import template', () => {
  it('comes as XLSX with a codebook sheet and as CSV with a BOM', async () => {
    const agent = await manager();
    const xlsx = await agent.request({ url: '/api/rounds/DN-2025-H1/import-template?format=xlsx' });
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Dữ liệu', 'Mã hóa', 'Thông tin']);
    const codebookRows = workbook.getWorksheet('Mã hóa')!.getSheetValues().filter(Boolean) as unknown[][];
    const b31 = codebookRows.find((r) => r[1] === 'B3_1')!;
    expect(b31[2]).toBe('Công chức có thái độ giao tiếp lịch sự, tôn trọng đối với người dân');
    expect(String(b31[3])).toContain('5 = Rất hài lòng');
    const csv = await agent.request({ url: '/api/rounds/DN-2025-H1/import-template?format=csv' });
    expect(csv.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(csv.body).toContain('serial,locality,sex,age_group');
  });
});

describe('importing paper forms', () => {
  it('stores a good CSV as verified paper responses, and re-importing it adds nothing', async () => {
    const agent = await manager();
    // Form 102 left the sex question blank: a fact of the paper, kept as missing.
    const file = writeCsv(header, [row(101), row(102, { sex: '' }), row(103, { had_procedure: 'yes', made_feedback: 'no', B1_1: '5', B1_2: '', B1_3: '3', B2_1: '4', B2_2: '4', B2_3: '4', B2_4: '4', B3_1: '4', B3_2: '4', B3_3: '4', B3_4: '4', B3_5: '4', B4_1: '4', B4_2: '4', B4_3: '4' })]);
    const first = await agent.request({ method: 'POST', url: URL_IMPORT, payload: file, headers: { 'content-type': 'text/csv' } });
    expect(first.json()).toEqual({ imported: 3, unchanged: 0 });
    const again = await agent.request({ method: 'POST', url: URL_IMPORT, payload: file, headers: { 'content-type': 'text/csv' } });
    expect(again.json()).toEqual({ imported: 0, unchanged: 3 });
    expect(await paperCount()).toBe(3);
    const rows = await database().db.execute(sql`select answers->>'comment' as comment, answers->'info_channels' as channels, ratings from responses order by answers->>'had_procedure'`);
    const list = (Array.isArray(rows) ? rows : (rows as { rows: unknown[] }).rows) as Array<{ comment: string; channels: string[]; ratings: number[] }>;
    expect(list[0]).toMatchObject({ comment: 'Cán bộ xã nhiệt tình', channels: ['loa_xa', 'internet'] });
    expect(list[0].ratings.slice(15)).toEqual(Array(18).fill(-1));
    expect(list[2].ratings.slice(15, 18)).toEqual([5, 0, 3]);
  });

  it('reports every bad row with row, column, value and reason, and stores nothing', async () => {
    const agent = await manager();
    const file = writeCsv(header, [row(201), row(202, { A1_1: '6' }), row(203, { sex: 'x', locality: '999' }), row(201), row(204, { A2_1: 'NA' })]);
    const res = await agent.request({ method: 'POST', url: URL_IMPORT, payload: file, headers: { 'content-type': 'text/csv' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('import_rejected');
    const problems = res.json().problems.map((p: { row: number; column: string; value: string }) => [p.row, p.column, p.value]);
    expect(problems).toEqual([[3, 'A1_1', '6'], [4, 'sex', 'x'], [5, 'serial', '201'], [6, 'A2_1', 'NA']]);
    expect(res.json().problems[0].reason).toContain('Tùy chọn không hợp lệ');
    expect(await paperCount()).toBe(0);
  });

  it('reads the XLSX template too', async () => {
    const agent = await manager();
    const file = await writeXlsx([{ name: 'Dữ liệu', header, rows: [row(301), row(302)] }]);
    const res = await agent.request({ method: 'POST', url: URL_IMPORT, payload: file, headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } });
    expect(res.json()).toEqual({ imported: 2, unchanged: 0 });
  });

  it('refuses a changed form under a stored serial, rolling back the whole file', async () => {
    const agent = await manager();
    await agent.request({ method: 'POST', url: URL_IMPORT, payload: writeCsv(header, [row(401)]), headers: { 'content-type': 'text/csv' } });
    const res = await agent.request({ method: 'POST', url: URL_IMPORT, payload: writeCsv(header, [row(402), row(401, { A1_1: '1' })]), headers: { 'content-type': 'text/csv' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().problems).toEqual([{ row: 3, column: 'serial', value: '401', reason: 'phiếu số này đã được lưu với nội dung khác' }]);
    expect(await paperCount()).toBe(1);
  });

  it('answers a request without a file with a worded 400, never a server error', async () => {
    const agent = await manager();
    for (const payload of [{}, '']) {
      const res = await agent.request({ method: 'POST', url: URL_IMPORT, payload, headers: { 'content-type': typeof payload === 'string' ? 'text/csv' : 'application/json' } });
      expect(res.statusCode).toBe(400);
      expect(res.json().message).toContain('Chưa có tệp');
    }
  });
});
