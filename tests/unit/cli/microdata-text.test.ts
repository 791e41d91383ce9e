import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { estimationPlan } from '../../../analysis/estimation/variables.ts';
import { parseMicrodataText } from '../../../cli/microdata-file.ts';
import { isPlainCsv, readPlainLines } from '../../../cli/plain-csv.ts';
import { def2024, itemCodes } from '../estimation/support.ts';

const plan = estimationPlan(def2024);
const fullHeader = ['response_id', 'province', 'district', 'stratum', 'psu', 'weight', 'sex', ...itemCodes, 'harassment', 'info_channels'];

/** Values of each kind of column, good and bad: commas and quotes that change a row's fields, blanks, NFD text. */
const cells: Record<string, fc.Arbitrary<string>> = {
  response_id: fc.constantFrom('r1', 'r2', 'r3', 'r4', 'r5', 'r6', 'r7', 'r8', ''),
  province: fc.constantFrom('67', '67', ' 67', ''),
  district: fc.constantFrom('660', '661', 'Hoà', 'Hoa\u0300', '"66,0"'),
  stratum: fc.constantFrom('S1', 'S2', ' S1 ', ''),
  psu: fc.constantFrom('p1', 'p2', 'p3', ''),
  weight: fc.constantFrom('1.5', '12', '', ' 2 ', '0x1A', '1,5', '"1,5"', '-2', '1e400'),
  sex: fc.constantFrom('nu', 'nam', ''),
  harassment: fc.constantFrom('khong_co', 'co', '2', '', 'NA'),
  info_channels: fc.constantFrom('loa_xa;internet', 'loa_xa', ' loa_xa ; internet', 'tivi', '', '"loa_xa;internet"'),
};
const answer = fc.oneof(
  { weight: 80, arbitrary: fc.constantFrom('1', '2', '3', '4', '5', '', 'NA') },
  { weight: 1, arbitrary: fc.constantFrom('6', '0', 'x', ' 4', '4 ', ' ', 'N', 'na', '4.0', '"4"', '4,5', 'a"b', '"4', '\u00e9') },
);
const cell = (column: string) => cells[column] ?? answer;

/** Headers: the full one, or with an item or design column missing, named twice or unnamed, or a semicolon file. */
const headers = fc.constantFrom(
  fullHeader,
  fullHeader,
  fullHeader,
  fullHeader.filter((c) => c !== 'A3_9'),
  fullHeader.filter((c) => c !== 'psu'),
  fullHeader.filter((c) => c !== 'weight' && c !== 'province'),
  [...fullHeader, 'sex'],
  [...fullHeader, ''],
  ['response_id;stratum;psu'],
);

const files = headers.chain((header) =>
  fc.record({
    header: fc.constant(header),
    rows: fc.array(
      fc.record({
        fields: fc.tuple(...header.map((c) => cell(c))),
        shape: fc.oneof({ weight: 20, arbitrary: fc.constant('row') }, { weight: 1, arbitrary: fc.constantFrom('empty line', 'extra field', 'missing field') }),
      }),
      { maxLength: 6 },
    ),
    end: fc.constantFrom('\n', '\n', '\r\n', '\r'),
    last: fc.boolean(),
    quotes: fc.boolean(),
  }),
);

/** The file's text; without `quotes`, its quote characters left out (so that many files are plain). */
function text({
  header,
  rows,
  end,
  last,
  quotes,
}: {
  header: string[];
  rows: Array<{ fields: string[]; shape: string }>;
  end: string;
  last: boolean;
  quotes: boolean;
}): string {
  const lines = [
    header.join(','),
    ...rows
      .map(({ fields: quoted, shape }) => ({ fields: quotes ? quoted : quoted.map((f) => f.replaceAll('"', '')), shape }))
      .map(({ fields, shape }) =>
        shape === 'empty line'
          ? ''
          : shape === 'extra field'
            ? `${fields.join(',')},4`
            : shape === 'missing field'
              ? fields.slice(1).join(',')
              : fields.join(','),
      ),
  ];
  return lines.join(end) + (last ? end : '');
}

/** Whether the text is read without csv-parse (plain, every row as long as the header). */
function readsPlain(source: string): boolean {
  let width = 0;
  const header = (fields: string[]) => {
    width = fields.length;
  };
  return isPlainCsv(source) && readPlainLines(source, header, (text, start, end) => text.slice(start, end).split(',').length === width);
}

/** Everything the reader gives, or the error it throws. */
function outcome(source: string, reader: 'fastest' | 'csv-parse', textColumns?: ReadonlySet<string>) {
  try {
    return parseMicrodataText('microdata.csv', source, plan, { reader, textColumns });
  } catch (error) {
    return { error: `${(error as Error).constructor.name}: ${(error as Error).message}` };
  }
}

describe('reading a microdata text', () => {
  it('gives the same microdata, problems, warnings and errors whether a plain file is read directly or by csv-parse', () => {
    let plainFiles = 0;
    fc.assert(
      fc.property(files, fc.option(fc.constant(new Set(['district', 'stratum', 'psu']))), (file, textColumns) => {
        const source = text(file);
        if (readsPlain(source)) plainFiles++;
        expect(outcome(source, 'fastest', textColumns ?? undefined)).toEqual(outcome(source, 'csv-parse', textColumns ?? undefined));
      }),
      { numRuns: 300 },
    );
    expect(plainFiles).toBeGreaterThan(20);
  });

  it('reads a plain file with CRLF line ends, blank lines and NFD names into the same microdata as csv-parse', () => {
    const row = (id: string, district: string) =>
      fullHeader
        .map(
          (c) =>
            ({
              response_id: id,
              province: '67',
              district,
              stratum: 'S1',
              psu: 'p1',
              weight: '2.5',
              sex: 'nu',
              harassment: 'co',
              info_channels: 'loa_xa;internet',
            })[c] ?? '4',
        )
        .join(',');
    const source = `${fullHeader.join(',')}\r\n${row('r1', 'Hoa\u0300')}\r\n\r\n${row('r2', '660')}\r\n`;
    const fastest = parseMicrodataText('microdata.csv', source, plan);
    expect(fastest).toEqual(parseMicrodataText('microdata.csv', source, plan, { reader: 'csv-parse' }));
    expect(fastest.problems).toEqual([]);
    expect(fastest.data.text.get('district')).toEqual(['Hoà', '660']);
    expect([...fastest.data.weights]).toEqual([2.5, 2.5]);
  });

  it('tells apart values whose characters hash alike ("Aa" and "BB"), and a value seen before with blanks around it', () => {
    const row = (id: string, district: string, harassment: string) =>
      fullHeader
        .map(
          (c) =>
            ({ response_id: id, province: '67', district, stratum: 'S1', psu: 'p1', weight: '1', sex: 'nu', harassment, info_channels: 'loa_xa' })[c] ?? '4',
        )
        .join(',');
    const source = [
      fullHeader.join(','),
      row('r1', 'Aa', 'khong_co'),
      row('r2', 'BB', ' khong_co'),
      row('r3', ' Aa', 'khong_co '),
      row('r4', 'BB', 'mot_so'),
    ].join('\n');
    const fastest = parseMicrodataText('microdata.csv', source, plan);
    expect(fastest).toEqual(parseMicrodataText('microdata.csv', source, plan, { reader: 'csv-parse' }));
    expect(fastest.data.text.get('district')).toEqual(['Aa', 'BB', 'Aa', 'BB']);
    const harassment = plan.variables.findIndex((v) => v.code === 'harassment');
    expect([...fastest.data.codes[harassment]]).toEqual([0, 0, 0, 1]);
    expect(fastest.warnings).toEqual([]);
  });

  it('reads every decimal weight to the same number, to the last bit, as strictNumber through csv-parse', () => {
    const decimal = fc
      .tuple(fc.stringMatching(/^[0-9]{0,18}$/), fc.option(fc.stringMatching(/^[0-9]{0,18}$/)), fc.constantFrom('', '', '', 'e3', '.', '+', ' '))
      .map(([whole, fraction, odd]) => `${whole}${fraction === null ? '' : `.${fraction}`}${odd}`);
    fc.assert(
      fc.property(fc.array(decimal, { minLength: 1, maxLength: 20 }), (weights) => {
        const lines = weights.map((weight, i) =>
          fullHeader.map((c) => ({ response_id: `r${i}`, province: '67', stratum: 'S1', psu: 'p1', weight, info_channels: 'loa_xa' })[c] ?? '4').join(','),
        );
        const source = [fullHeader.join(','), ...lines].join('\n');
        const fastest = outcome(source, 'fastest');
        expect(fastest).toEqual(outcome(source, 'csv-parse'));
        if (!('data' in fastest)) return;
        weights.forEach((weight, i) => {
          if (/^[0-9]+(\.[0-9]+)?$/.test(weight) && Number(weight) > 0) expect(fastest.data.weights[i]).toBe(Number(weight));
        });
      }),
      { numRuns: 300 },
    );
  });

  it('keeps only the text columns asked for (and response_id), and still checks stratum, PSU and province on every row', () => {
    const row = (id: string, stratum: string) =>
      fullHeader
        .map((c) => ({ response_id: id, province: '67', district: '660', stratum, psu: 'p1', weight: '1', sex: 'nu', info_channels: 'loa_xa' })[c] ?? '4')
        .join(',');
    const source = [fullHeader.join(','), row('r1', 'S1'), row('r2', '')].join('\n');
    for (const reader of ['fastest', 'csv-parse'] as const) {
      const { data, problems } = parseMicrodataText('microdata.csv', source, plan, { reader, textColumns: new Set(['district']) });
      expect([...data.text.keys()]).toEqual(['response_id', 'district']);
      expect(problems).toEqual([expect.objectContaining({ row: 3, column: 'stratum' })]);
    }
  });

  it('names the line and column of an unclosed quote as csv-parse does', () => {
    const source = `${fullHeader.join(',')}\n${fullHeader.map((c) => (c === 'district' ? '"660' : '4')).join(',')}\n`;
    expect(() => parseMicrodataText('microdata.csv', source, plan)).toThrow(
      /microdata\.csv: Quote Not Closed: the parsing is finished with an opening quote at line 2/,
    );
  });
});
