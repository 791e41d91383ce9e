import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { beforeEach, describe, expect, it } from 'vitest';
import { useTestApp } from '../support/app.ts';
import { loadDemo } from '../support/results.ts';
import { addStaff, logInAs, type Agent } from '../support/staff.ts';
import { officeSubmission } from '../support/submissions.ts';

const { app, database } = useTestApp();
const ROUND = '/api/rounds/DN-2025-H1';
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const COMMENT = 'Phòng chờ chật, mong được mở rộng thêm ghế ngồi. Liên hệ chị Lan 0912 345 678';
const MASKED_COMMENT = 'Phòng chờ chật, mong được mở rộng thêm ghế ngồi. Liên hệ chị [HỌ TÊN] [SĐT]';

let analyst: Agent;
beforeEach(async () => {
  const db = database().db;
  await loadDemo(db, 150);
  const answers = { ...officeSubmission().answers, comment: COMMENT };
  expect((await app().inject({ method: 'POST', url: '/api/responses', payload: officeSubmission({ answers }) })).statusCode).toBe(201);
  await addStaff(db, 'analyst', 'analyst');
  analyst = await logInAs(app(), 'analyst');
});

const csvRows = (bytes: Buffer) => parse(bytes.toString('utf8'), { bom: true }) as string[][];

describe('downloads of results', () => {
  it('give the indices as CSV in UTF-8 with a BOM, Vietnamese names intact', async () => {
    const res = await analyst.request({ url: `${ROUND}/results.csv?by=district` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toContain('sipas-ket-qua-DN-2025-H1-district.csv');
    expect(res.rawPayload.subarray(0, 3)).toEqual(BOM);
    const [header, ...rows] = csvRows(res.rawPayload);
    expect(header.slice(0, 5)).toEqual(['level', 'code', 'name', 'index', 'estimate']);
    expect(rows.find((r) => r[1] === '666')![2]).toBe("Huyện Đắk R'Lấp".normalize('NFC'));
    expect(res.rawPayload.includes(Buffer.from('Đắk Glong', 'utf8'))).toBe(true);
  });

  it('give an XLSX whose first sheet describes round, questionnaire, method and date', async () => {
    const res = await analyst.request({ url: `${ROUND}/results.xlsx?by=province,district` });
    expect(res.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Thông tin', 'indices', 'items', 'options']);
    const info = workbook
      .getWorksheet('Thông tin')!
      .getSheetValues()
      .filter(Boolean)
      .map((r) => (r as unknown[]).slice(1).join(' | '));
    expect(info.some((line) => line.includes('Khảo sát SIPAS 6 tháng đầu năm 2025'))).toBe(true);
    expect(info.some((line) => line.startsWith('Phiếu khảo sát / questionnaire') && line.includes('2024'))).toBe(true);
    expect(info.some((line) => line.includes('Không trọng số'))).toBe(true);
    expect(info.some((line) => line.startsWith('Ngày lập / generated') && /\d{4}-\d\d-\d\dT/.test(line))).toBe(true);
    const indices = workbook.getWorksheet('indices')!.getSheetValues().filter(Boolean) as unknown[][];
    expect(indices.find((r) => r[2] === '660')![3]).toBe('Thành phố Gia Nghĩa');
    expect(indices.find((r) => r[2] === '67')![3]).toBe('Tỉnh Đắk Nông');
  });

  it('give microdata in the exchange format, free text with personal data masked for an analyst who is not cleared', async () => {
    const res = await analyst.request({ url: `${ROUND}/microdata.csv` });
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.subarray(0, 3)).toEqual(BOM);
    const [header, ...rows] = csvRows(res.rawPayload);
    expect(header.slice(0, 10)).toEqual(['response_id', 'round', 'province', 'district', 'commune', 'stratum', 'psu', 'weight', 'sex', 'age_group']);
    expect(header.indexOf('A1_1')).toBeLessThan(header.indexOf('B5_3'));
    expect(header.indexOf('B5_3')).toBeLessThan(header.indexOf('harassment'));
    expect(header.at(-1)).toBe('comment');
    expect(rows.map((r) => r.at(-1))).toContain(MASKED_COMMENT);
    // Every text a reader gets, but the random response ids (a UUID may hold `0912` by chance).
    const texts = [header, ...rows].flatMap((r) => r.slice(1)).join('\n');
    expect(texts).not.toContain('0912');
    expect(texts).not.toContain('Lan');
    expect(rows).toHaveLength(151);
    // An office response's PSU is its office and survey week; its office is a column of its own.
    const posted = rows.find((r) => r[header.indexOf('office')] === 'MC-660' && r[header.indexOf('B5_1')] === 'NA' && r[header.indexOf('A1_1')] === '4');
    expect(posted).toBeDefined();
    expect(posted![header.indexOf('psu')]).toMatch(/^MC-660@\d{4}-W\d{2}$/);
    expect(posted![header.indexOf('stratum')]).toBe('660-office');
    expect(rows.every((r) => /^(1|2|3|4|5|NA|)$/.test(r[header.indexOf('A3_9')]))).toBe(true);
    expect(rows.some((r) => r[header.indexOf('info_channels')].includes(';'))).toBe(true);
    const audit = await database().db.execute(sql`select action from audit_log where action = 'download_microdata'`);
    expect(((audit as unknown as { rows: unknown[] }).rows ?? audit).length).toBe(1);
  });

  it('include free text as written for a manager, and for an analyst once cleared', async () => {
    const db = database().db;
    await addStaff(db, 'manager', 'manager');
    const manager = await logInAs(app(), 'manager');
    for (const agent of [manager]) {
      const [header, ...rows] = csvRows((await agent.request({ url: `${ROUND}/microdata.csv` })).rawPayload);
      expect(header.at(-1)).toBe('comment');
      expect(rows.map((r) => r.at(-1))).toContain(COMMENT);
    }
    await db.execute(sql`update users set can_read_comments = true where username = 'analyst'`);
    const [header, ...rows] = csvRows((await analyst.request({ url: `${ROUND}/microdata.csv` })).rawPayload);
    expect(header).toContain('comment');
    expect(rows.map((r) => r.at(-1))).toContain(COMMENT);
  });

  it('give a codebook naming every microdata column with its meaning and values', async () => {
    const res = await analyst.request({ url: `${ROUND}/codebook.csv` });
    expect(res.rawPayload.subarray(0, 3)).toEqual(BOM);
    const [, ...rows] = csvRows(res.rawPayload);
    const microdataHeader = csvRows((await analyst.request({ url: `${ROUND}/microdata.csv` })).rawPayload)[0];
    expect(rows.map((r) => r[0])).toEqual(microdataHeader);
    const b31 = rows.find((r) => r[0] === 'B3_1')!;
    expect(b31[1]).toBe('Công chức có thái độ giao tiếp lịch sự, tôn trọng đối với người dân');
    expect(b31[3]).toContain('5 = Rất hài lòng');
    expect(b31[3]).toContain('NA = không áp dụng');
  });
});
