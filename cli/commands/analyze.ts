import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { ALL_LEVEL, analyzeMicrodata, type AnalysisOptions } from '../../analysis/estimation/analyze.ts';
import type { AnalysisResult } from '../../analysis/estimation/results.ts';
import { resultTables, type TableCell } from '../../analysis/estimation/results-table.ts';
import { estimationPlan } from '../../analysis/estimation/variables.ts';
import { parseQuestionnaire } from '../../analysis/questionnaire/structure.ts';
import type { QuestionnaireDefinition } from '../../analysis/questionnaire/definition.ts';
import { demoLocalityName } from '../../db/seed/localities.ts';
import { seededQuestionnaire } from '../../db/seed/questionnaires/index.ts';
import { writeCsv, writeXlsx } from '../../server/files/tables.ts';
import { UsageError, type Command } from '../command.ts';
import { readFrameFile, readMarginsFile, readMicrodataFile } from '../microdata-file.ts';
import { rakingOptions, RAKING_HELP } from './raking-options.ts';

const LOCALITY_LEVELS = new Set(['province', 'district', 'commune']);

export async function questionnaireFor(version: string): Promise<QuestionnaireDefinition> {
  const seeded = seededQuestionnaire(version);
  if (seeded) return seeded;
  if (version.endsWith('.json')) {
    const text = await readFile(version, 'utf8').catch(() => {
      throw new UsageError(`cannot read ${version}`);
    });
    return parseQuestionnaire(JSON.parse(text));
  }
  throw new UsageError(`no questionnaire version ${version} (give 2022, 2024 or a definition file .json)`);
}

const cellText = (cell: TableCell) => (typeof cell === 'boolean' ? String(cell) : cell);

async function render(result: AnalysisResult, format: string): Promise<string | Buffer> {
  if (format === 'json') return `${JSON.stringify(result, null, 2)}\n`;
  const tables = resultTables(result);
  if (format === 'csv') return writeCsv(tables[0].header, tables[0].rows.map((row) => row.map(cellText)));
  return writeXlsx(tables.map((t) => ({ name: t.name, header: t.header, rows: t.rows.map((row) => row.map(cellText)) })));
}

export const analyzeCommand: Command = {
  name: 'analyze',
  summary: 'Weighted SIPAS indices with standard errors from a microdata CSV',
  help: `Usage: sipas analyze FILE.csv --questionnaire 2024 --by all|province|district|commune
                    [--frame FRAME.csv] [--rake MARGINS.csv] [--format json|csv|xlsx] [--out FILE]

FILE.csv is microdata (the platform's microdata export): columns response_id, round, province,
district, commune, stratum, psu, weight, profile columns (sex, age_group, …), then one column per
item code A1_1 … B5_3 with 1–5, empty = missing, NA = not applicable. Columns named after an
opinion or expectation question (e.g. harassment) give the weighted share of each option.

Estimates: item indices (% answering 4 or 5 among valid answers), element indices, policy,
service and SIPAS, each with SE, 95 % Wald and logit intervals, n, sum of weights, design effect,
Kish effective n and a reliability flag; per item the mean score and the distribution of answers.
Hájek estimators, Taylor linearisation for the stratified PSU design (as R's
svydesign(ids=~psu, strata=~stratum, weights=~weight, nest=TRUE)); a stratum with one PSU is
centred at the grand mean (survey.lonely.psu = "adjust").

Options:
  --questionnaire V   questionnaire version (2022, 2024) or a definition file (.json)
  --by LEVEL          all, province, district, commune, or any other column (sex, …);
                      several levels separated by commas (all,district)
  --frame FRAME.csv   stratum,population: weights become N_h / n_h (the weight column is ignored)
  --rake MARGINS.csv  variable,category,total: rake the weights to these margins; the standard
                      errors then account for the calibration
${RAKING_HELP}
  --min-n N           fewest respondents for a reliable figure (default 30)
  --max-half-width P  widest reliable 95 % half-width in points (default 10)
  --format F          json (default), csv (the indices) or xlsx (indices, items, options)
  --out FILE          write there instead of standard output

Example:
  sipas analyze microdata.csv --questionnaire 2024 --by district --format json`,
  async run(argv) {
    const { positionals, values } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        questionnaire: { type: 'string' }, by: { type: 'string', default: ALL_LEVEL }, frame: { type: 'string' }, rake: { type: 'string' },
        format: { type: 'string', default: 'json' }, out: { type: 'string' }, tolerance: { type: 'string' }, 'max-iterations': { type: 'string' },
        bounds: { type: 'string' }, 'min-n': { type: 'string' }, 'max-half-width': { type: 'string' },
      },
    });
    if (positionals.length !== 1) throw new UsageError('give exactly one microdata CSV file');
    if (!values.questionnaire) throw new UsageError('give --questionnaire (2022 or 2024)');
    if (!['json', 'csv', 'xlsx'].includes(values.format!)) throw new UsageError('--format is json, csv or xlsx');
    if (values.format === 'xlsx' && !values.out && process.stdout.isTTY) throw new UsageError('xlsx output needs --out FILE');
    const def = await questionnaireFor(values.questionnaire);
    const levels = values.by!.split(',').map((l) => l.trim()).filter(Boolean);
    const reliability = {
      minN: values['min-n'] ? Number(values['min-n']) : 30,
      maxHalfWidth: values['max-half-width'] ? Number(values['max-half-width']) : 10,
    };
    if (!(reliability.minN >= 0) || !(reliability.maxHalfWidth > 0)) throw new UsageError('--min-n and --max-half-width take positive numbers');

    const data = await readMicrodataFile(positionals[0], estimationPlan(def));
    const options: AnalysisOptions = {
      levels,
      reliability,
      frame: values.frame ? await readFrameFile(values.frame) : undefined,
      margins: values.rake ? await readMarginsFile(values.rake) : undefined,
      raking: rakingOptions(values),
      nameOf: (level, code) => (LOCALITY_LEVELS.has(level) ? demoLocalityName(code) : undefined),
    };
    const result = analyzeMicrodata(def, data, options);
    if (result.raking && !result.raking.converged) {
      console.error(`sipas analyze: warning: raking did not converge (largest margin gap ${result.raking.maxMarginGap.toExponential(2)} after ${result.raking.iterations} iterations)`);
    }
    const output = await render(result, values.format!);
    if (values.out) await writeFile(values.out, output);
    else process.stdout.write(output);
    return 0;
  },
};
