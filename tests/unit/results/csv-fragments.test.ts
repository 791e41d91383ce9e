import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { LineWriter, utf8 } from '../../../server/files/csv-fragments.ts';
import { csvText, escapedField, escapedRecords } from '../../../server/files/csv-writer.ts';
import { neutralisedText } from '../../../server/files/spreadsheet-cells.ts';

// Any text a database field can hold: everything but NUL, quotes, commas and line breaks included.
const fieldText = fc
  .string({ unit: fc.oneof(fc.constantFrom('"', ',', '\n', '\r', ';', 'đ', 'Ư', ' ', '=', '-', '+', '@', '\t'), fc.string({ minLength: 1, maxLength: 1 })) })
  .filter((s) => !s.includes('\u0000'));

describe('CSV written in fragments', () => {
  it('is what the CSV writer writes for the whole record, and reads back as the same (neutralised) fields', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fieldText, { minLength: 2, maxLength: 6 }), { minLength: 1, maxLength: 20 }), (rows) => {
        const writer = new LineWriter();
        const heads = escapedRecords(rows.map((r) => r.slice(0, 1)));
        rows.forEach((row, i) => {
          writer.text(heads[i]);
          for (const value of row.slice(1)) writer.bytes(utf8.encode(`,${escapedField(value)}`));
          writer.bytes(utf8.encode('\n'));
        });
        const written = writer.take().toString('utf8');
        expect(written).toBe(csvText(rows));
        expect(parse(written, { relax_column_count: true })).toEqual(rows.map((row) => row.map(neutralisedText)));
      }),
    );
  });
});
