/**
 * Spreadsheet injection, at the source: the one cell rule, the writers that apply it, and a check
 * that no other module writes CSV or XLSX by itself (a new writer must go through server/files).
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvText, escapedField, escapedRecords, escapedText, writeCsv, writeXlsx } from '../../../server/files/tables.ts';
import { spreadsheetCell } from '../../../server/files/spreadsheet-cells.ts';

const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const runnable = (text: string) => /^[=+\-@\t\r\n]/.test(text) && !PLAIN_NUMBER.test(text);
const anyText = fc.string({
  unit: fc.oneof(fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\n', '"', ',', "'", '1', '.', 'e', 'đ'), fc.string({ minLength: 1, maxLength: 1 })),
});

describe('the spreadsheet cell rule', () => {
  it('quotes text a spreadsheet would run, and leaves everything else as it was', () => {
    expect(spreadsheetCell('=1+1')).toBe("'=1+1");
    expect(spreadsheetCell("=cmd|' /C calc'!A0")).toBe("'=cmd|' /C calc'!A0");
    expect(spreadsheetCell('+84 912 345 678')).toBe("'+84 912 345 678");
    expect(spreadsheetCell('-Huyện')).toBe("'-Huyện");
    expect(spreadsheetCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(spreadsheetCell('\t=1')).toBe("'\t=1");
    expect(spreadsheetCell('\r=1')).toBe("'\r=1");
    expect(spreadsheetCell('Cán bộ = nhiệt tình')).toBe('Cán bộ = nhiệt tình');
    expect(spreadsheetCell("'=already")).toBe("'=already");
    expect(spreadsheetCell(null)).toBeNull();
  });

  it('keeps numbers numbers: negative figures and numeric text alike', () => {
    expect(spreadsheetCell(-3.5)).toBe(-3.5);
    expect(spreadsheetCell('-3.5')).toBe('-3.5');
    expect(spreadsheetCell('+2')).toBe('+2');
    expect(spreadsheetCell('-1e-7')).toBe('-1e-7');
    expect(spreadsheetCell(0)).toBe(0);
  });

  it('never lets text start like a formula, and changes text only by a leading apostrophe', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const cell = spreadsheetCell(text) as string;
        expect(runnable(cell)).toBe(false);
        expect(cell === text || cell === `'${text}`).toBe(true);
      }),
    );
  });
});

describe('the writers', () => {
  it('write CSV whose cells read back neutralised, numbers unquoted', () => {
    const file = writeCsv(
      ['name', 'estimate'],
      [
        ['=1+1', -3.5],
        ['@x', 12],
        ['Đắk Nông', null],
      ],
    ).toString('utf8');
    expect(file).toBe("\uFEFFname,estimate\n'=1+1,-3.5\n'@x,12\nĐắk Nông,\n");
    expect(csvText([['-a', '\tb']], { delimiter: '\t' })).toBe('\'-a\t"\'\tb"\n');
    expect(escapedRecords([['=a', 'b,c']])).toEqual(['\'=a,"b,c"']);
    fc.assert(
      fc.property(fc.array(fc.array(anyText, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 8 }), (rows) => {
        const read = parse(writeCsv(['a', 'b', 'c', 'd'].slice(0, rows[0].length), rows), { bom: true, relax_column_count: true }) as string[][];
        for (const cell of read.flat()) expect(runnable(cell)).toBe(false);
      }),
    );
  });

  it('escape a free answer the same way whether it takes the short way (plain text) or the library', () => {
    for (const text of ['', 'Tốt', 'a,b', 'say "hi"', 'line\nbreak', '\r', '=1', '-3.5', '-x', '＝1', '\u0000', "'=x", ' lead'])
      expect(escapedText(text)).toBe(escapedField(text));
    fc.assert(
      fc.property(anyText, (text) => escapedText(text) === escapedField(text)),
      { numRuns: 2000 },
    );
  });

  it('write XLSX with text cells neutralised and figures as numeric cells', async () => {
    const bytes = await writeXlsx([
      {
        name: 'Chỉ số',
        header: ['name', 'estimate'],
        rows: [
          ['=HYPERLINK("x")', -3.5],
          ['+1 cmd', 0.25],
        ],
      },
    ]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.getCell('A2').value).toBe('\'=HYPERLINK("x")');
    expect(sheet.getCell('A3').value).toBe("'+1 cmd");
    expect(sheet.getCell('B2').type).toBe(ExcelJS.ValueType.Number);
    expect(sheet.getCell('B2').value).toBe(-3.5);
  });
});

/** Every source file of the platform (not tests, benchmarks or checks, which may read files their own way). */
async function sources(dir: string): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...(await sources(path)));
    else if (/\.(ts|tsx|mjs)$/.test(entry.name)) found.push(path);
  }
  return found;
}

describe('one way to write a table', () => {
  it('no module outside server/files uses the CSV or XLSX writing libraries', async () => {
    const root = join(import.meta.dirname, '../../..');
    const offenders: string[] = [];
    for (const folder of ['server', 'cli', 'db', 'analysis', 'survey-ui/src', 'bin']) {
      for (const file of await sources(join(root, folder))) {
        const path = relative(root, file);
        if (path.startsWith('server/files/')) continue;
        const text = await readFile(file, 'utf8');
        if (/from ['"](csv-stringify|exceljs|yazl|yauzl|xlsx|papaparse|fast-csv)[/'"]/.test(text)) offenders.push(path);
      }
    }
    expect(offenders, 'write CSV and XLSX through server/files (tables.ts), which neutralises every cell').toEqual([]);
  });
});
