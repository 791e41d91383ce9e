import { parseArgs } from 'node:util';
import { importResponses, readResponsesTable } from '../../server/domain/imports/response-import.ts';
import { uploadLimits } from '../../server/files/tables.ts';
import { UsageError, type Command } from '../command.ts';
import { printRowProblems, readUpload } from '../csv.ts';
import { DATABASE_HELP, withDatabase } from '../database.ts';

export const importResponsesCommand: Command = {
  help: `Usage: sipas import-responses FILE.csv|FILE.xlsx --round CODE

The file follows the round's template (download it from the staff pages, or
GET /api/rounds/CODE/import-template?format=xlsx): columns serial, locality, then one column
per question code. Ratings 1–5; empty = no answer; NA = not applicable (skipped section);
several choices separated by "|". Every row is checked and all problems are listed (row,
column, value, reason); nothing is stored unless every row is sound. Re-importing the same
file adds nothing. Imported forms count as verified paper responses.

As with double entry, only forms issued in the round (for the locality the row names) and
marked returned can be imported: not a form in a keyers' batch, being keyed, spoiled, never
returned, or already verified with other content.

${DATABASE_HELP}`,
  async run(argv) {
    const { positionals, values } = parseArgs({ args: argv, allowPositionals: true, options: { round: { type: 'string' } } });
    if (positionals.length !== 1 || !values.round) throw new UsageError('give one file and --round CODE');
    const bytes = await readUpload(positionals[0], uploadLimits.responses);
    const table = await readResponsesTable(bytes, positionals[0]);
    const result = await withDatabase(({ db }) => importResponses(db, null, values.round!, table));
    if (result.problems.length > 0) {
      printRowProblems(result.problems);
      return 1;
    }
    console.log(`${table.rows.length} rows: ${result.imported} imported, ${result.unchanged} already stored.`);
    return 0;
  },
};
