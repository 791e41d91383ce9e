import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { importResponses } from '../../server/domain/response-import.ts';
import { detectFormat, readTable } from '../../server/files/tables.ts';
import { UsageError, type Command } from '../command.ts';
import { printRowProblems } from '../csv.ts';
import { DATABASE_HELP, withDatabase } from '../database.ts';

export const importResponsesCommand: Command = {
  name: 'import-responses',
  summary: 'Import paper forms keyed elsewhere (CSV or XLSX in the platform template)',
  help: `Usage: sipas import-responses FILE.csv|FILE.xlsx --round CODE

The file follows the round's template (download it from the staff pages, or
GET /api/rounds/CODE/import-template?format=xlsx): columns serial, locality, then one column
per question code. Ratings 1–5; empty = no answer; NA = not applicable (skipped section);
several choices separated by "|". Every row is checked and all problems are listed (row,
column, value, reason); nothing is stored unless every row is sound. Re-importing the same
file adds nothing. Imported forms count as verified paper responses.

${DATABASE_HELP}`,
  async run(argv) {
    const { positionals, values } = parseArgs({ args: argv, allowPositionals: true, options: { round: { type: 'string' } } });
    if (positionals.length !== 1 || !values.round) throw new UsageError('give one file and --round CODE');
    const bytes = await readFile(positionals[0]).catch(() => {
      throw new UsageError(`cannot read ${positionals[0]}`);
    });
    const records = await readTable(bytes, detectFormat(positionals[0], bytes));
    const result = await withDatabase(({ db }) => importResponses(db, null, values.round!, records));
    if (result.problems.length > 0) {
      printRowProblems(result.problems);
      return 1;
    }
    console.log(`${records.length} rows: ${result.imported} imported, ${result.unchanged} already stored.`);
    return 0;
  },
};
