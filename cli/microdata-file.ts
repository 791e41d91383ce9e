/** Reading microdata, frame and margin files for `sipas analyze` and `sipas rake`. */
import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { readMicrodata, type Microdata } from '../analysis/estimation/microdata.ts';
import type { MarginTotal } from '../analysis/estimation/raking.ts';
import type { EstimationPlan } from '../analysis/estimation/variables.ts';
import { UsageError } from './command.ts';
import { printRowProblems, readCsvRecords } from './csv.ts';

export class InvalidFileError extends Error {}

async function readText(file: string): Promise<string> {
  return readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new UsageError(`cannot read ${file}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`);
  });
}

/** The microdata CSV, checked row by row; every problem is printed before giving up. */
export async function readMicrodataFile(file: string, plan: EstimationPlan): Promise<Microdata> {
  const rows = parse(await readText(file), { bom: true, skip_empty_lines: true }) as string[][];
  if (rows.length === 0) throw new InvalidFileError(`${file} is empty`);
  const [header, ...body] = rows;
  const { data, problems, warnings } = readMicrodata(header.map((h) => h.normalize('NFC')), body, plan);
  for (const warning of warnings) console.error(warning);
  if (problems.length > 0) {
    printRowProblems(problems);
    throw new InvalidFileError(`${file}: ${problems.length} problem(s) in the data`);
  }
  return data;
}

function positiveNumber(file: string, line: number, column: string, text: string): number {
  const value = Number(text);
  if (!(value > 0) || !Number.isFinite(value)) throw new InvalidFileError(`${file}, line ${line}: ${column} "${text}" is not a positive number`);
  return value;
}

/** FRAME.csv: `stratum,population`. */
export async function readFrameFile(file: string): Promise<Map<string, number>> {
  const records = await readCsvRecords(file, ['stratum', 'population']);
  const frame = new Map<string, number>();
  records.forEach((r, i) => {
    const stratum = r.stratum.normalize('NFC');
    if (frame.has(stratum)) throw new InvalidFileError(`${file}, line ${i + 2}: stratum "${stratum}" appears twice`);
    frame.set(stratum, positiveNumber(file, i + 2, 'population', r.population));
  });
  return frame;
}

/** MARGINS.csv: `variable,category,total`. */
export async function readMarginsFile(file: string): Promise<MarginTotal[]> {
  const records = await readCsvRecords(file, ['variable', 'category', 'total']);
  return records.map((r, i) => ({ variable: r.variable.normalize('NFC'), category: r.category.normalize('NFC'), total: positiveNumber(file, i + 2, 'total', r.total) }));
}
