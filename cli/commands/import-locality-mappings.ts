import { parseArgs } from 'node:util';
import { importLocalityMappings, MAPPING_COLUMNS } from '../../server/domain/localities/locality-import.ts';
import { UsageError, type Command } from '../command.ts';
import { printRowProblems, readTableFile } from '../csv.ts';
import { uploadLimits } from '../../server/files/tables.ts';
import { DATABASE_HELP, withDatabase } from '../database.ts';

export const importLocalityMappingsCommand: Command = {
  help: `Usage: sipas import-locality-mappings FILE.csv

FILE.csv (UTF-8, header row) has the columns old_code,new_code,effective_from (YYYY-MM-DD).
Both units must already be imported. A unit split in two has two rows; re-importing is harmless.

${DATABASE_HELP}`,
  async run(argv) {
    const { positionals } = parseArgs({ args: argv, allowPositionals: true, options: {} });
    if (positionals.length !== 1) throw new UsageError('give exactly one CSV file');
    const records = (await readTableFile(positionals[0], { limits: uploadLimits.localities, required: MAPPING_COLUMNS })).rows;
    const result = await withDatabase((database) => importLocalityMappings(database.db, records));
    if (result.problems.length > 0) {
      printRowProblems(result.problems);
      return 1;
    }
    console.log(`${result.stored} mappings stored (existing ones kept).`);
    return 0;
  },
};
