/**
 * Reading microdata, frame, margin, population and mapping files for `sipas analyze` and
 * `sipas rake`. Every file is refused with a message naming what is wrong — never read into a
 * silent result:
 *  - not UTF-8 (the line of the first bad byte), empty, or a header with no row under it;
 *  - separated by semicolons or tabs (what a spreadsheet in a Vietnamese locale often saves):
 *    SIPAS files are comma-separated;
 *  - a column named twice, or without a name; a required column missing;
 *  - a malformed row (unclosed quote, wrong number of fields): its line;
 *  - numbers that are not plain decimals (analysis/estimation/numbers.ts): line and column.
 * CSV is parsed by csv-parse, never by hand; a large microdata file without quotes is split on its
 * commas and line ends, which is what csv-parse would make of it (plain-csv.ts).
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { MicrodataReader, type Microdata, type ParsedMicrodata } from '../analysis/estimation/microdata.ts';
import { strictNumber, type NumberKind } from '../analysis/estimation/numbers.ts';
import type { MarginTotal } from '../analysis/estimation/raking.ts';
import type { EstimationPlan } from '../analysis/estimation/variables.ts';
import { UsageError } from './command.ts';
import { isPlainCsv, readPlainLines } from './plain-csv.ts';

export class InvalidFileError extends Error {}

/**
 * csv-parse, loaded when first needed: a plain microdata file (the common large one) never needs it,
 * and `sipas analyze` starts sooner without it. Its single-file CommonJS build, loaded synchronously,
 * so that parsing stays synchronous.
 */
let csvParse: typeof import('csv-parse/sync') | undefined;
const csvParser = () => (csvParse ??= createRequire(import.meta.url)('csv-parse/sync') as typeof import('csv-parse/sync'));

/** The file as UTF-8 text; a byte sequence that is not UTF-8 is an error naming its line. */
async function readUtf8(file: string): Promise<string> {
  const bytes = await readFile(file).catch((error: NodeJS.ErrnoException) => {
    throw new UsageError(`cannot read ${file}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`);
  });
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    let line = 1;
    let start = 0;
    for (let i = 0; i <= bytes.length; i++) {
      if (i < bytes.length && bytes[i] !== 0x0a) continue;
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(start, i));
      } catch {
        break;
      }
      line++;
      start = i + 1;
    }
    throw new InvalidFileError(`${file}, line ${line}: not UTF-8 text (save the file as "CSV UTF-8")`);
  }
}

export interface CsvTable {
  header: string[];
  rows: string[][];
  /** Each row's line in the file. */
  lines: number[];
}

/** The header row, trimmed and in NFC, refused when it cannot be a SIPAS file's. */
function checkedHeader(file: string, record: string[]): string[] {
  const header = record.map((h) => h.trim().normalize('NFC'));
  if (header.length === 1 && /[;\t]/.test(header[0])) {
    throw new InvalidFileError(
      `${file}: the header is one field holding "${header[0].includes(';') ? ';' : 'tab'}": the file is not comma-separated (save it as "CSV UTF-8 (comma delimited)")`,
    );
  }
  const names = new Map<string, number>();
  header.forEach((h) => names.set(h, (names.get(h) ?? 0) + 1));
  const repeated = [...names].filter(([name, count]) => name !== '' && count > 1).map(([name]) => `"${name}"`);
  if (repeated.length > 0) throw new InvalidFileError(`${file}, line 1: column ${repeated.join(', ')} appears more than once`);
  if (names.has('')) throw new InvalidFileError(`${file}, line 1: column ${header.indexOf('') + 1} has no name`);
  return header;
}

/**
 * Parses a comma-separated file with a header row and at least one row under it, handing each row
 * and its line to `row` as it is parsed (csv-parse keeps none of them).
 */
function parseCsv(file: string, text: string, row: (record: string[], line: number, header: string[]) => void): string[] {
  let header: string[] | undefined;
  let rows = 0;
  const { CsvError, parse } = csvParser();
  try {
    parse(text, {
      bom: true,
      skip_empty_lines: true,
      relax_column_count: true,
      on_record: (record: string[], { lines }) => {
        if (header === undefined) header = checkedHeader(file, record);
        else {
          rows++;
          row(record, lines, header);
        }
        return null;
      },
    });
  } catch (error) {
    if (error instanceof CsvError) throw new InvalidFileError(`${file}: ${error.message}`);
    throw error;
  }
  if (header === undefined) throw new InvalidFileError(`${file} is empty`);
  if (rows === 0) throw new InvalidFileError(`${file} has a header but no rows`);
  return header;
}

/** A comma-separated file with a header row and at least one row under it. */
export async function readCsvTable(file: string): Promise<CsvTable> {
  const rows: string[][] = [];
  const lines: number[] = [];
  const header = parseCsv(file, await readUtf8(file), (record, line) => {
    rows.push(record);
    lines.push(line);
  });
  return { header, rows, lines };
}

/** Lines in the text: at least its rows, so the columns are made the right size at once. */
function countLines(text: string): number {
  let count = 1;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) count++;
  return count;
}

/**
 * The microdata CSV, checked row by row as it is read; every problem is printed before giving up.
 * `textColumns`: the columns besides answers and weight that the caller uses (all when not given).
 */
export async function readMicrodataFile(file: string, plan: EstimationPlan, textColumns?: ReadonlySet<string>): Promise<Microdata> {
  const { data, problems, warnings } = parseMicrodataText(file, await readUtf8(file), plan, { textColumns });
  for (const warning of warnings) console.error(warning);
  if (problems.length > 0) {
    // Loaded only here: cli/csv.ts brings the upload readers and writers, which reading microdata does not need.
    (await import('./csv.ts')).printRowProblems(problems);
    throw new InvalidFileError(`${file}: ${problems.length} problem(s) in the data`);
  }
  return data;
}

/**
 * The microdata in a file's text. A plain file (plain-csv.ts: no quotes, one kind of line end, every
 * row as long as the header) is read from the text directly; any other, or with `reader`
 * 'csv-parse', by csv-parse. The same microdata, problems and errors either way
 * (tests/unit/cli/microdata-text.test.ts), five times sooner for the plain file.
 */
export function parseMicrodataText(
  file: string,
  text: string,
  plan: EstimationPlan,
  { reader = 'fastest', textColumns }: { reader?: 'fastest' | 'csv-parse'; textColumns?: ReadonlySet<string> } = {},
): ParsedMicrodata {
  return (reader === 'fastest' && isPlainCsv(text) && readPlainMicrodata(file, text, plan, textColumns)) || readParsedMicrodata(file, text, plan, textColumns);
}

function readParsedMicrodata(file: string, text: string, plan: EstimationPlan, textColumns: ReadonlySet<string> | undefined): ParsedMicrodata {
  let reader: MicrodataReader | undefined;
  parseCsv(file, text, (record, line, header) => {
    reader ??= new MicrodataReader(header, plan, countLines(text), textColumns);
    reader.add(record, line);
  });
  return reader!.finish();
}

/** The plain file's microdata, or undefined where it turns out not to be plain (read it with csv-parse). */
function readPlainMicrodata(file: string, text: string, plan: EstimationPlan, textColumns: ReadonlySet<string> | undefined): ParsedMicrodata | undefined {
  let reader: MicrodataReader | undefined;
  const read = readPlainLines(
    text,
    (fields) => {
      reader = new MicrodataReader(checkedHeader(file, fields), plan, countLines(text), textColumns);
    },
    (text, start, end, line) => reader!.addLine(text, start, end, line),
  );
  return read ? reader!.finish() : undefined;
}

/** Records of a small file with the given columns (others are refused as likely mistakes). */
async function readRecords(file: string, columns: readonly string[]): Promise<Array<{ line: number; values: Record<string, string> }>> {
  const { header, rows, lines } = await readCsvTable(file);
  const missing = columns.filter((c) => !header.includes(c));
  if (missing.length > 0) throw new InvalidFileError(`${file} lacks column(s): ${missing.join(', ')} (its columns are ${columns.join(',')})`);
  return rows.map((row, r) => {
    if (row.length !== header.length) throw new InvalidFileError(`${file}, line ${lines[r]}: ${row.length} fields where the header has ${header.length}`);
    return { line: lines[r], values: Object.fromEntries(header.map((h, i) => [h, row[i].trim().normalize('NFC')])) };
  });
}

function number(file: string, line: number, column: string, text: string, kind: NumberKind): number {
  const parsed = strictNumber(text, kind);
  if ('reason' in parsed) throw new InvalidFileError(`${file}, line ${line}, column ${column}: "${text}" — ${parsed.reason}`);
  return parsed.value;
}

/** A file of `key,value` rows: each key once, every value a number of the kind. */
async function readKeyedNumbers(file: string, key: string, value: string, kind: NumberKind): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const { line, values } of await readRecords(file, [key, value])) {
    if (values[key] === '') throw new InvalidFileError(`${file}, line ${line}: ${key} is empty`);
    if (out.has(values[key])) throw new InvalidFileError(`${file}, line ${line}: ${key} "${values[key]}" appears twice`);
    out.set(values[key], number(file, line, value, values[value], kind));
  }
  return out;
}

/** FRAME.csv: `stratum,population`, populations whole numbers. */
export const readFrameFile = (file: string) => readKeyedNumbers(file, 'stratum', 'population', 'count');

/** POPULATIONS.csv: `province,population`. */
export const readProvincePopulationsFile = (file: string) => readKeyedNumbers(file, 'province', 'population', 'count');

/** MARGINS.csv: `variable,category,total`. */
export async function readMarginsFile(file: string): Promise<MarginTotal[]> {
  return (await readRecords(file, ['variable', 'category', 'total'])).map(({ line, values }) => {
    if (values.variable === '') throw new InvalidFileError(`${file}, line ${line}: variable is empty`);
    return { variable: values.variable, category: values.category, total: number(file, line, 'total', values.total, 'positive') };
  });
}

/** MAP.csv: `old_code,new_code[,effective_from]` — the unit each old unit became. */
export async function readMappingsFile(file: string): Promise<Map<string, string>> {
  const next = new Map<string, string>();
  for (const { line, values } of await readRecords(file, ['old_code', 'new_code'])) {
    if (values.old_code === '' || values.new_code === '') throw new InvalidFileError(`${file}, line ${line}: old_code and new_code are both needed`);
    if (next.has(values.old_code) && next.get(values.old_code) !== values.new_code) {
      throw new InvalidFileError(`${file}, line ${line}: ${values.old_code} is mapped to two units (a split cannot carry a unit's figures into one of them)`);
    }
    next.set(values.old_code, values.new_code);
  }
  return next;
}
