/**
 * The one reader of uploaded tables: what every upload (imports, frames, units) gets. Limits hold
 * while reading, and every malformed file is a 4xx naming its row and column.
 */
import { describe, expect, it } from 'vitest';
import { Problem, type RowProblem } from '../../../server/errors.ts';
import { readTable, uploadLimits, writeXlsx, type TableFormat, type TableLimits } from '../../../server/files/tables.ts';
import { giantCellCsv, lyingXlsxBomb, manyRowsCsv, xlsxBomb, xlsxOf } from '../../support/files/hostile-files.ts';

const frame = { limits: uploadLimits.frame, required: ['stratum', 'population'] };

async function refusal(bytes: Buffer, format: TableFormat = 'csv', spec: { limits: TableLimits; required?: string[] } = frame) {
  const error = await readTable(bytes, format, spec).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof Problem)) throw new Error(`expected a refusal, got ${String(error)}`);
  const problems = (error.extra.problems ?? []) as RowProblem[];
  return {
    status: error.status,
    slug: error.slug,
    message: error.worded.vi,
    problems: problems.map((p) => ({ row: p.row, column: p.column, value: p.value, reason: p.reason.vi })),
  };
}

describe('reading a CSV upload', () => {
  it('gives each row the number a spreadsheet shows, cells trimmed and in NFC, the BOM dropped', async () => {
    const table = await readTable(Buffer.from('\uFEFFstratum,population\n 660-office , 12500\n\n660-paper,"5800"\nTie\u0302\u0301ng,1\n'), 'csv', frame);
    expect(table.header).toEqual(['stratum', 'population']);
    expect(table.rows).toEqual([
      { row: 2, cells: { stratum: '660-office', population: '12500' } },
      { row: 4, cells: { stratum: '660-paper', population: '5800' } },
      { row: 5, cells: { stratum: 'Tiếng', population: '1' } },
    ]);
  });

  it('refuses semicolons or tabs for commas, saying to use commas', async () => {
    for (const text of ['stratum;population\n660-office;5\n', 'stratum\tpopulation\n660-office\t5\n']) {
      const refused = await refusal(Buffer.from(text));
      expect(refused.status).toBe(400);
      expect(refused.problems[0].reason).toContain('hãy dùng dấu phẩy (,)');
    }
  });

  it('refuses text that is not UTF-8, naming the line, and UTF-16', async () => {
    const windows1258 = Buffer.concat([Buffer.from('stratum,population\n660-office,5\nx'), Buffer.from([0xd0, 0xe3, 0x20]), Buffer.from(',6\n')]);
    expect(await refusal(windows1258)).toMatchObject({ status: 400, slug: 'malformed_file', problems: [{ row: 3 }] });
    expect((await refusal(windows1258)).problems[0].reason).toContain('không phải văn bản UTF-8');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('stratum,population\n', 'utf16le')]);
    expect((await refusal(utf16)).problems[0].reason).toContain('UTF-16');
  });

  it('refuses NUL and other control characters, naming row and column', async () => {
    const refused = await refusal(Buffer.from('stratum,population\n660-office,5\n660-pa\u0000per,6\n660-x,7\u0007\n'));
    expect(refused.status).toBe(400);
    expect(refused.problems.map((p) => [p.row, p.column])).toEqual([
      [3, 'stratum'],
      [4, 'population'],
    ]);
  });

  it('lists every problem of the header at once: duplicated, overlong, unnamed with data, missing', async () => {
    const long = 'c'.repeat(65);
    const refused = await refusal(Buffer.from(`stratum,stratum,${long},\n660-office,1,2,3\n`));
    expect(refused.problems.map((p) => [p.row, p.column, p.reason.split(' (')[0]])).toEqual([
      [1, 'stratum', 'tên cột lặp lại'],
      [1, 'C', 'tên cột dài quá 64 ký tự'],
      [1, 'D', 'cột D có dữ liệu nhưng không có tên'],
      [1, 'population', 'thiếu cột bắt buộc "population"'],
    ]);
  });

  it('refuses an empty file, a header without rows, cells past the header and a broken quote', async () => {
    expect((await refusal(Buffer.from('\n\n'))).problems[0].reason).toBe('tệp không có dòng tiêu đề');
    expect((await refusal(Buffer.from('stratum,population\n'))).problems).toEqual([
      { row: 2, column: '', value: '', reason: 'tệp chỉ có dòng tiêu đề, không có dòng dữ liệu' },
    ]);
    expect((await refusal(Buffer.from('stratum,population\n660-office,5,extra\n'))).problems[0]).toMatchObject({ row: 2, column: 'C', value: 'extra' });
    expect((await refusal(Buffer.from('stratum,population\n660-office,"5\n'))).problems[0].reason).toContain('dấu ngoặc kép mở mà không đóng');
  });

  it('stops a hundred thousand rows at the row limit with 413, before reading them all', async () => {
    const many = manyRowsCsv(['stratum', 'population'], 100_000, (i) => `s${i},1`);
    const refused = await refusal(many, 'csv', { limits: { ...uploadLimits.frame, bytes: 50 * 1024 * 1024 } });
    expect(refused).toMatchObject({ status: 413, slug: 'file_too_large' });
    expect(refused.message).toContain('hơn 5.000 dòng dữ liệu');
  });

  it('refuses a giant cell, too many columns and too many bytes with 413', async () => {
    expect(await refusal(giantCellCsv(['stratum', 'population'], 1_000_000))).toMatchObject({ status: 413 });
    const cell = await refusal(giantCellCsv(['stratum', 'population'], 300));
    expect(cell).toMatchObject({ status: 413, problems: [{ row: 2, column: 'stratum', reason: 'ô quá dài' }] });
    const wide = Buffer.from(`${Array.from({ length: 21 }, (_, i) => `c${i}`).join(',')}\n1\n`);
    expect((await refusal(wide)).status).toBe(413);
    expect((await refusal(Buffer.alloc(3 * 1024 * 1024, 0x61))).status).toBe(413);
  });
});

describe('reading an XLSX upload', () => {
  it('reads the first sheet as the platform writes it, with spreadsheet row numbers', async () => {
    const bytes = await writeXlsx([
      {
        name: 'Khung',
        header: ['stratum', 'population'],
        rows: [
          ['660-office', 12500],
          ['660-paper', 5800],
        ],
      },
      { name: 'Khác', header: ['x'], rows: [['y']] },
    ]);
    expect(await readTable(bytes, 'xlsx', frame)).toEqual({
      header: ['stratum', 'population'],
      rows: [
        { row: 2, cells: { stratum: '660-office', population: '12500' } },
        { row: 3, cells: { stratum: '660-paper', population: '5800' } },
      ],
    });
  });

  it('reads a workbook without shared strings (inline text)', async () => {
    const table = await readTable(
      await xlsxOf([
        ['stratum', 'population'],
        ['660-office', '7'],
      ]),
      'xlsx',
      frame,
    );
    expect(table.rows).toEqual([{ row: 2, cells: { stratum: '660-office', population: '7' } }]);
  });

  it('refuses an archive that would unzip past the limit before inflating it, with 413', async () => {
    const bomb = await xlsxBomb(64 * 1024 * 1024);
    expect(bomb.length).toBeLessThan(uploadLimits.frame.bytes);
    expect(await refusal(bomb, 'xlsx')).toMatchObject({ status: 413, slug: 'file_too_large' });
  });

  it('refuses an archive that lies about its sizes, while inflating it', async () => {
    const liar = await lyingXlsxBomb(64 * 1024 * 1024);
    const refused = await refusal(liar, 'xlsx');
    expect([400, 413]).toContain(refused.status);
  });

  it('refuses what only looks like an XLSX, and a sheet past the row limit', async () => {
    expect(await refusal(Buffer.from('PK\u0003\u0004garbage that is no archive'), 'xlsx')).toMatchObject({ status: 400, slug: 'malformed_file' });
    expect((await refusal(Buffer.from('stratum,population\n'), 'xlsx')).problems[0].reason).toContain('không phải tệp XLSX hợp lệ');
    const long = await xlsxOf([['stratum', 'population'], ...Array.from({ length: 5_001 }, (_, i) => [`s${i}`, '1'])]);
    expect((await refusal(long, 'xlsx')).status).toBe(413);
  });
});
