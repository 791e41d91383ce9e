import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isPlainCsv, readPlainLines } from '../../../cli/plain-csv.ts';

type Records = Array<{ fields: string[]; line: number }>;

/** What csv-parse makes of the text with the options the microdata reader gives it. */
function viaCsvParse(text: string): { records: Records } | { error: string } {
  const records: Records = [];
  try {
    parse(text, {
      bom: true,
      skip_empty_lines: true,
      relax_column_count: true,
      on_record: (fields: string[], { lines }) => {
        records.push({ fields, line: lines });
        return null;
      },
    });
  } catch (error) {
    return { error: (error as Error).message };
  }
  return { records };
}

/** The lines readPlainLines hands over, split on their commas (a plain text has no quotes), refused when not as wide as the header. */
function viaPlain(text: string): { read: boolean; records: Records } {
  const records: Records = [];
  let width = 0;
  const read = readPlainLines(
    text,
    (fields, line) => {
      width = fields.length;
      records.push({ fields, line });
    },
    (lines, start, end, line) => {
      const fields = lines.slice(start, end).split(',');
      if (fields.length !== width) return false;
      records.push({ fields, line });
      return true;
    },
  );
  return { read, records };
}

const field = fc.oneof(
  { weight: 12, arbitrary: fc.constantFrom('', 'a', '5', ' 4 ', 'NA', 'x y', 'Hoà', 'Hoa\u0300', '\t', ';') },
  { weight: 1, arbitrary: fc.constantFrom('"', '"a,b"', 'a"b', '\r') },
);
const lineEnd = fc.constantFrom('\n', '\n', '\n', '\r\n', '\r');
/**
 * Texts of a few lines: most as wide as the first, some empty or of another width; line ends uniform
 * or mixed, with or without a last line end.
 */
const texts = fc
  .record({
    width: fc.integer({ min: 1, max: 4 }),
    lines: fc.array(
      fc.record({
        kind: fc.constantFrom('same', 'same', 'same', 'same', 'same', 'same', 'empty', 'other'),
        fields: fc.array(field, { minLength: 5, maxLength: 5 }),
        other: fc.integer({ min: 1, max: 5 }),
      }),
      { maxLength: 8 },
    ),
    ends: fc.array(lineEnd, { minLength: 8, maxLength: 8 }),
    uniform: fc.boolean(),
    last: fc.boolean(),
    bom: fc.boolean(),
  })
  .map(
    ({ width, lines, ends, uniform, last, bom }) =>
      (bom ? '\uFEFF' : '') +
      lines
        .map(({ kind, fields, other }) => (kind === 'empty' ? '' : fields.slice(0, kind === 'same' ? width : other).join(',')))
        .map((line, i) => line + (i < lines.length - 1 || last ? (uniform ? ends[0] : ends[i]) : ''))
        .join(''),
  );

describe('reading a plain CSV text (no quotes, one kind of line end) without csv-parse', () => {
  it('gives the rows and lines csv-parse gives, or declines only where a row is not as long as the header or there is no row', () => {
    let readPlain = 0;
    fc.assert(
      fc.property(texts, (text) => {
        if (!isPlainCsv(text)) {
          expect(text.includes('"') || /\r(?!\n)|[^\r]\n|^\n/.test(text)).toBe(true);
          return;
        }
        const reference = viaCsvParse(text);
        expect(reference).not.toHaveProperty('error');
        const { records } = reference as { records: Records };
        const plain = viaPlain(text);
        if (plain.read) {
          readPlain++;
          expect(plain.records).toEqual(records);
        } else {
          expect(records.length < 2 || records.some((r) => r.fields.length !== records[0].fields.length)).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
    expect(readPlain).toBeGreaterThan(25);
  });

  it('counts empty lines and CRLF line ends as csv-parse does in the line numbers', () => {
    const text = '\r\na,b\r\n\r\n1,2\r\n3,\r\n\r\n';
    expect(viaPlain(text)).toEqual({ read: true, records: (viaCsvParse(text) as { records: Records }).records });
    expect(viaPlain(text).records.map((r) => r.line)).toEqual([2, 4, 5]);
  });

  it('does not take a text with a quote, a lone CR or LF mixed with CRLF as plain', () => {
    expect(isPlainCsv('a,b\n"1",2\n')).toBe(false);
    expect(isPlainCsv('a,b\n1,"2\n')).toBe(false);
    expect(isPlainCsv('a,b\r1,2\r')).toBe(false);
    expect(isPlainCsv('a,b\r\n1,2\n')).toBe(false);
    expect(isPlainCsv('a,b\n1,2\r\n')).toBe(false);
    expect(isPlainCsv('a,b\r\n1,2\r\n')).toBe(true);
    expect(isPlainCsv('a,b\n1,2')).toBe(true);
  });

  it('declines at a row longer or shorter than the header', () => {
    expect(viaPlain('a,b\n1,2\n1,2,3\n').read).toBe(false);
    expect(viaPlain('a,b\n1,2\n1\n').read).toBe(false);
    expect(viaPlain('a,b\n\n').read).toBe(false);
    expect(viaPlain('').read).toBe(false);
  });
});
