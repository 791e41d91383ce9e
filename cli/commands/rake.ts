import { parseArgs } from 'node:util';
import { frameWeights, strataWithoutRespondents } from '../../analysis/estimation/design-weights.ts';
import { textColumn } from '../../analysis/estimation/microdata.ts';
import { marginVariables, rake, type RakingReport } from '../../analysis/estimation/raking.ts';
import { csvText } from '../../server/files/tables.ts';
import { UsageError, type Command } from '../command.ts';
import { InvalidFileError, readFrameFile, readMarginsFile, readMicrodataFile } from '../microdata-file.ts';
import { rakingOptions, RAKING_HELP } from './raking-options.ts';

function describe(report: RakingReport): string {
  const fmt = (x: number) => (Math.abs(x) >= 1e4 || Math.abs(x) < 1e-3 ? x.toExponential(4) : x.toFixed(4));
  return [
    `raking ${report.converged ? 'converged' : 'did NOT converge'} after ${report.iterations} iteration(s)`,
    `  largest margin gap: ${report.maxMarginGap.toExponential(2)} (relative); largest weight change in the last iteration: ${report.maxChange.toExponential(2)}`,
    `  weights before: ${fmt(report.weightRange.before[0])} – ${fmt(report.weightRange.before[1])}; after: ${fmt(report.weightRange.after[0])} – ${fmt(report.weightRange.after[1])}`,
    `  adjustment (raked / starting weight): ${fmt(report.adjustmentRange[0])} – ${fmt(report.adjustmentRange[1])}${report.atBounds ? `; ${report.atBounds} weight(s) held at a bound` : ''}`,
    `  Kish effective n: ${report.effectiveN.before.toFixed(1)} before, ${report.effectiveN.after.toFixed(1)} after`,
    '  margin                          target        before         after',
    ...report.margins.map(
      (m) => `  ${`${m.variable}=${m.category}`.padEnd(28)} ${fmt(m.total).padStart(12)} ${fmt(m.before).padStart(13)} ${fmt(m.after).padStart(13)}`,
    ),
  ].join('\n');
}

export const rakeCommand: Command = {
  help: `Usage: sipas rake FILE.csv --margins MARGINS.csv [--frame FRAME.csv] [--tolerance T]
                 [--max-iterations N] [--bounds LO,HI]

Prints the raked weights as CSV (response_id,weight) on standard output and a report on standard
error: iterations, convergence, weight range before and after, Kish effective n before and after,
and every margin's target and achieved total.

FILE.csv is microdata (see sipas analyze --help); its weight column, or the design weights from
--frame (stratum,population: N_h / n_h), are the starting weights. MARGINS.csv has the columns
variable,category,total — a variable is a column of FILE.csv (e.g. sex, age_group, district);
every category present in the data needs a total, and each variable's totals add up to the same
population. Margins that the sample cannot meet (a category without respondents, two margins in
conflict, a target outside what --bounds allow) are refused before raking; raking that does not
meet every margin within --tolerance in --max-iterations is an error printing the largest margin
gap, and no weights are written. Frame strata without respondents are reported.
${RAKING_HELP}

Example:
  sipas rake microdata.csv --margins census.csv > weights.csv`,
  async run(argv) {
    const { positionals, values } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        margins: { type: 'string' },
        frame: { type: 'string' },
        tolerance: { type: 'string' },
        'max-iterations': { type: 'string' },
        bounds: { type: 'string' },
      },
    });
    if (positionals.length !== 1 || !values.margins) throw new UsageError('give one microdata CSV file and --margins MARGINS.csv');
    const data = await readMicrodataFile(positionals[0], { variables: [], itemCount: 0, composites: [], emptyComponents: 'reweight' });
    const frame = values.frame ? await readFrameFile(values.frame) : undefined;
    const start = frame ? frameWeights(textColumn(data, 'stratum'), frame) : data.weights;
    const unsampled = frame ? strataWithoutRespondents(textColumn(data, 'stratum'), frame) : [];
    if (unsampled.length > 0) console.error(`sipas rake: the frame's strata ${unsampled.join(', ')} have no respondent`);
    const missing = start.findIndex((w) => Number.isNaN(w));
    if (missing >= 0) throw new InvalidFileError(`row ${missing + 2} has no weight (give the weight column, or --frame)`);
    const { weights, report } = rake(start, marginVariables(data.text, await readMarginsFile(values.margins), data.size), rakingOptions(values));
    process.stdout.write(csvText([['response_id', 'weight'], ...data.responseIds.map((id, i) => [id, weights[i]])]));
    console.error(describe(report));
    return 0;
  },
};
