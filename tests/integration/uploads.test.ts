/**
 * Every upload route of the real app under hostile and malformed files: archives that unzip to
 * far more than they weigh (honest about it or lying), too many rows, columns or characters, the
 * wrong delimiter or encoding, NUL bytes, broken headers. Each is a worded 4xx naming the row and
 * column where there is one (413 for what is too big, 400 for what is malformed), nothing is
 * stored, and the server keeps answering other requests meanwhile.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { uploadLimits } from '../../server/files/tables.ts';
import { useTestApp } from '../support/app.ts';
import { changedTables, databaseFingerprint } from '../support/fuzz/fingerprint.ts';
import { giantCellCsv, lyingXlsxBomb, manyRowsCsv, xlsxBomb } from '../support/files/hostile-files.ts';
import { addStaff, logInAs, type Agent } from '../support/staff.ts';

const { app, database } = useTestApp();
const MB = 1024 * 1024;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface Upload {
  name: string;
  method: 'POST' | 'PUT';
  url: string;
  header: string[];
  row: string[];
}
const uploads: Upload[] = [
  { name: 'import of paper forms', method: 'POST', url: '/api/rounds/DN-2025-H1/imports', header: ['serial', 'locality', 'A1_1'], row: ['1', '661', '4'] },
  { name: 'frame', method: 'PUT', url: '/api/rounds/DN-2025-H1/frame', header: ['stratum', 'population'], row: ['660-office', '5000'] },
];

let manager: Agent;
beforeEach(async () => {
  await addStaff(database().db, 'manager', 'manager');
  manager = await logInAs(app(), 'manager');
});

const send = (upload: Upload, payload: Buffer, type = 'text/csv', query = '') =>
  manager.request({ method: upload.method, url: upload.url + query, payload, headers: { 'content-type': type } });

const csv = (lines: string[]) => Buffer.from(`${lines.join('\n')}\n`);

describe.each(uploads)('the $name upload', (upload) => {
  it('refuses archives that unzip past the limit — honest or lying about their size — while the server keeps answering', async () => {
    const before = await databaseFingerprint(database().db);
    const bomb = await xlsxBomb(256 * MB);
    const liar = await lyingXlsxBomb(128 * MB);
    expect(bomb.length).toBeLessThan(MB);
    const [honest, health, lying] = await Promise.all([send(upload, bomb, XLSX), app().inject({ url: '/api/health' }), send(upload, liar, XLSX)]);
    expect(honest.statusCode).toBe(413);
    expect(honest.json().message).toMatch(/quá lớn: nội dung giải nén vượt \d+ MB/);
    expect(health.statusCode).toBe(200);
    expect([400, 413]).toContain(lying.statusCode);
    expect(lying.json().message.length).toBeGreaterThan(10);
    // A bomb sent as CSV is still read as what it is.
    expect((await send(upload, bomb, 'text/csv')).statusCode).toBe(413);
    expect(changedTables(before, await databaseFingerprint(database().db))).toEqual([]);
  });

  it('refuses too many rows, columns, characters or bytes with 413, naming the limit', async () => {
    const rows = await send(
      upload,
      manyRowsCsv(upload.header, 100_000, () => upload.row.join(',')),
    );
    expect(rows.statusCode).toBe(413);
    expect(rows.json().message).toMatch(/hơn [\d.]+ dòng dữ liệu/);
    const cell = await send(upload, giantCellCsv(upload.header, 300_000));
    expect(cell.statusCode).toBe(413);
    expect(cell.json().problems[0]).toMatchObject({ row: 2, column: upload.header[0] });
    const columns = await send(upload, csv([Array.from({ length: 1000 }, (_, i) => `c${i}`).join(','), '1']));
    expect(columns.statusCode).toBe(413);
    const english = await send(upload, csv([Array.from({ length: 1000 }, (_, i) => `c${i}`).join(','), '1']), 'text/csv', '?lang=en');
    expect(english.json().message).toMatch(/too large: 1,000 columns/);
    const body = await send(upload, Buffer.alloc(uploadLimits.responses.bytes + 1, 0x61));
    expect(body.statusCode).toBe(413);
    expect(body.json().message).toBeTruthy();
  });

  it('refuses malformed files with 400, each naming the row and column at fault', async () => {
    const header = upload.header.join(',');
    const data = upload.row.join(',');
    const cases: Array<[string, Buffer, RegExp, number?, string?]> = [
      ['semicolons', csv([upload.header.join(';'), upload.row.join(';')]), /dấu phẩy/, 1],
      ['Windows code page', Buffer.concat([csv([header]), Buffer.from([0xd0, 0xe3, 0x2c, 0x31, 0x0a])]), /không phải văn bản UTF-8/, 2],
      ['UTF-16', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${header}\n${data}\n`, 'utf16le')]), /UTF-16/],
      ['a NUL byte', csv([header, `${upload.row[0]}\u0000,${upload.row.slice(1).join(',')}`]), /ký tự điều khiển/, 2, upload.header[0]],
      ['a missing column', csv([upload.header.slice(1).join(','), upload.row.slice(1).join(',')]), /thiếu cột bắt buộc/, 1, upload.header[0]],
      ['a duplicated column', csv([`${header},${upload.header[0]}`, `${data},x`]), /tên cột lặp lại/, 1, upload.header[0]],
      ['an overlong column name', csv([`${header},${'x'.repeat(200)}`, `${data},1`]), /tên cột dài quá/, 1],
      ['a header alone', csv([header]), /chỉ có dòng tiêu đề/, 2],
      ['an unclosed quote', csv([header, `"${data}`]), /dấu ngoặc kép/],
      ['cells past the header', csv([header, `${data},extra`]), /tiêu đề chỉ có/, 2],
      ['a ZIP that is no XLSX', Buffer.from('PK\u0003\u0004 broken'), /không phải tệp XLSX hợp lệ/],
    ];
    const before = await databaseFingerprint(database().db);
    for (const [what, file, reason, row, column] of cases) {
      const res = await send(upload, file, what.includes('ZIP') ? XLSX : 'text/csv');
      expect(res.statusCode, what).toBe(400);
      expect(res.json().message, what).toBeTruthy();
      const problem = res.json().problems.find((p: { reason: string }) => reason.test(p.reason));
      expect(problem, `${what}: ${JSON.stringify(res.json().problems)}`).toBeDefined();
      if (row !== undefined) expect(problem.row, what).toBe(row);
      if (column !== undefined) expect(problem.column, what).toBe(column);
    }
    const english = await send(upload, csv([upload.header.join(';'), upload.row.join(';')]), 'text/csv', '?lang=en');
    expect(english.json().problems[0].reason).toContain('use commas');
    expect(changedTables(before, await databaseFingerprint(database().db))).toEqual([]);
  });
});
