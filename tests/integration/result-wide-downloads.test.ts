import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { beforeEach, describe, expect, it } from 'vitest';
import type { AnalysisResultView } from '../../contract/results.ts';
import { useTestApp } from '../support/app.ts';
import { loadDemo } from '../support/results.ts';
import { addStaff, logInAs, type Agent } from '../support/staff.ts';

const { app, database } = useTestApp();
const ROUND = '/api/rounds/DN-2025-H1';
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

let analyst: Agent;
beforeEach(async () => {
  const db = database().db;
  await loadDemo(db, 400);
  await addStaff(db, 'analyst', 'analyst');
  analyst = await logInAs(app(), 'analyst');
});

const csvRows = (bytes: Buffer) => parse(bytes.toString('utf8'), { bom: true }) as string[][];
const round2 = (x: number | null) => (x === null ? null : Math.round(x * 100) / 100);

async function resultsJson(by: string): Promise<AnalysisResultView> {
  const res = await analyst.request({ url: `${ROUND}/results?by=${by}` });
  expect(res.statusCode).toBe(200);
  return res.json() as AnalysisResultView;
}

async function workbookOf(url: string): Promise<ExcelJS.Workbook> {
  const res = await analyst.request({ url });
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toContain('spreadsheetml');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  return workbook;
}

describe('the report tables (layout=wide)', () => {
  it('give an XLSX with a sheet per level, the indicators legend and the microdata codebook', async () => {
    const workbook = await workbookOf(`${ROUND}/results.xlsx?by=province,district&layout=wide`);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Thông tin', 'Tỉnh', 'Huyện', 'Chú giải', 'Mã hóa dữ liệu vi mô']);
    const legend = workbook.getWorksheet('Chú giải')!;
    const legendCodes = legend.getColumn(2).values.slice(3);
    expect(legendCodes.slice(0, 4)).toEqual(['SIPAS', 'policy', 'A1', 'A2']);
    expect(legendCodes).toContain('B5_3');
    expect(legendCodes).toContain('*');
    const codebook = workbook.getWorksheet('Mã hóa dữ liệu vi mô')!;
    expect(codebook.getColumn(1).values).toContain('A1_1');
    expect(codebook.getColumn(1).values).not.toContain('comment');
  });

  it('lay out units × indicators with Vietnamese headers, frozen, figures rounded as published and formatted 0.00', async () => {
    const json = await resultsJson('province,district');
    const workbook = await workbookOf(`${ROUND}/results.xlsx?by=province,district&layout=wide`);
    const sheet = workbook.getWorksheet('Huyện')!;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', xSplit: 3, ySplit: 5 });
    expect(sheet.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9, printTitlesRow: '3:5', printTitlesColumn: 'A:C' });
    expect(String(sheet.getCell('A1').value)).toContain('theo huyện');
    const groupHeader = sheet.getRow(3).values as unknown[];
    const subHeader = sheet.getRow(4).values as unknown[];
    expect(subHeader.slice(1, 5)).toEqual(['STT', 'Mã', 'Đơn vị', 'Số phiếu']);
    expect(groupHeader[5]).toBe('Chỉ số SIPAS');
    expect(subHeader.slice(5, 9)).toEqual(['Chỉ số (%)', 'KTC 95 %: cận dưới', 'KTC 95 %: cận trên', 'Độ tin cậy']);
    expect(groupHeader[9]).toBe('Chỉ số hài lòng về xây dựng, tổ chức thực hiện chính sách');
    expect(groupHeader[13]).toBe('A1. Trách nhiệm giải trình của chính quyền');
    expect(sheet.getRow(5).values).toContain('(5)');
    // The group heading spans its four columns.
    expect(sheet.getCell('F3').isMerged).toBe(true);

    const districts = json.groups.filter((g) => g.level === 'district');
    expect(sheet.rowCount).toBeGreaterThanOrEqual(5 + districts.length);
    districts.forEach((group, k) => {
      const row = sheet.getRow(6 + k);
      expect(row.getCell(1).value).toBe(k + 1);
      expect(row.getCell(2).value).toBe(group.code);
      expect(row.getCell(3).value).toBe(group.name);
      const sipas = group.indices.find((i) => i.index === 'SIPAS')!;
      expect(row.getCell(4).value).toBe(sipas.n);
      expect(row.getCell(5).value).toBe(round2(sipas.estimate));
      expect(row.getCell(5).numFmt).toBe('0.00');
      expect(row.getCell(6).value).toBe(round2(sipas.ci_low));
      expect(row.getCell(7).value).toBe(round2(sipas.ci_high));
      const mark = String(row.getCell(8).value ?? '');
      expect(mark === '').toBe(sipas.reliable);
      if (!sipas.reliable) expect(row.getCell(5).font?.italic).toBe(true);
    });
  });

  it('mark every figure by its own issues, and print what the marks mean under the table', async () => {
    // A stricter rule than the method's own leaves some figures of the districts short.
    const json = await resultsJson('district&minN=60');
    const workbook = await workbookOf(`${ROUND}/results.xlsx?by=district&minN=60&layout=wide`);
    const sheet = workbook.getWorksheet('Huyện')!;
    // The legend lists the indicators in the order of the column groups, which start at column 5.
    const codes = workbook.getWorksheet('Chú giải')!.getColumn(2).values.slice(3);
    const columnOf = (code: string) => codes.indexOf(code) * 4 + 5;
    const districts = json.groups.filter((g) => g.level === 'district');
    let unreliable = 0;
    let checked = 0;
    districts.forEach((group, k) => {
      const row = sheet.getRow(6 + k);
      for (const index of group.indices) {
        if (!codes.includes(index.index)) continue;
        checked++;
        expect(row.getCell(columnOf(index.index)).value).toBe(round2(index.estimate));
        const mark = String(row.getCell(columnOf(index.index) + 3).value ?? '');
        if (index.estimate === null) expect(mark).toBe('—');
        else if (index.issues.includes('variance_not_estimable')) expect(mark).toContain('†');
        if (index.issues.some((i) => ['few_respondents', 'low_effective_n', 'wide_interval'].includes(i)) && index.estimate !== null)
          expect(mark).toContain('*');
        if (index.reliable) expect(mark).toBe('');
        else unreliable++;
      }
    });
    expect(checked).toBe(districts.length * districts[0].indices.length);
    expect(unreliable).toBeGreaterThan(0);
    const notes = sheet
      .getColumn(1)
      .values.map((v) => String(v ?? ''))
      .filter((v) => /^[*†—] /.test(v));
    expect(notes).toHaveLength(3);
  });

  it('give the same table as CSV: one header line in Vietnamese, a row per unit, UTF-8 with a BOM', async () => {
    const json = await resultsJson('province,district');
    const res = await analyst.request({ url: `${ROUND}/results.csv?by=province,district&layout=wide` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('sipas-bang-ket-qua-DN-2025-H1-province-district.csv');
    expect(res.rawPayload.subarray(0, 3)).toEqual(BOM);
    const [header, ...rows] = csvRows(res.rawPayload);
    expect(header.slice(0, 9)).toEqual([
      'Cấp',
      'STT',
      'Mã',
      'Đơn vị',
      'Số phiếu',
      'SIPAS (%)',
      'SIPAS: KTC 95 % cận dưới',
      'SIPAS: KTC 95 % cận trên',
      'SIPAS: độ tin cậy',
    ]);
    expect(header).toContain('B5_3 (%)');
    expect(rows).toHaveLength(json.groups.filter((g) => g.level !== 'all').length);
    const gia = rows.find((r) => r[2] === '660')!;
    expect(gia[0]).toBe('Huyện');
    expect(gia[3]).toBe('Thành phố Gia Nghĩa');
    const expected = json.groups.find((g) => g.code === '660')!.indices.find((i) => i.index === 'B3')!;
    expect(Number(gia[header.indexOf('B3. Công chức trực tiếp giải quyết công việc (%)')])).toBe(round2(expected.estimate));
  });

  it('keep the long tables as they were when no layout is asked for', async () => {
    const [header] = csvRows((await analyst.request({ url: `${ROUND}/results.csv?by=district` })).rawPayload);
    expect(header.slice(0, 5)).toEqual(['level', 'code', 'name', 'index', 'estimate']);
    const refused = await analyst.request({ url: `${ROUND}/results.csv?by=district&layout=tall` });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('layout');
  });
});
