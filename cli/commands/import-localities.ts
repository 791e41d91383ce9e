import { parseArgs } from 'node:util';
import { importLocalities, REQUIRED_LOCALITY_COLUMNS } from '../../server/domain/localities/locality-import.ts';
import { UsageError, type Command } from '../command.ts';
import { printRowProblems, readTableFile } from '../csv.ts';
import { uploadLimits } from '../../server/files/tables.ts';
import { DATABASE_HELP, withDatabase } from '../database.ts';

export const importLocalitiesCommand: Command = {
  help: `Usage: sipas import-localities FILE.csv

FILE.csv (UTF-8, header row) has the columns:
  code,name,level,parent_code,valid_from,valid_to
level is province, district, commune or village; dates are YYYY-MM-DD; valid_to is empty for
units still in force; parent_code is empty only for provinces. Names are stored in Unicode NFC.

Every row is checked first and all problems are listed; nothing is stored unless all rows are
sound. Re-importing the same file changes nothing; a changed row updates that unit.

Example:
  code,name,level,parent_code,valid_from,valid_to
  67,Tỉnh Đắk Nông,province,,2004-01-01,2025-06-30
  660,Thành phố Gia Nghĩa,district,67,2004-01-01,2025-06-30

${DATABASE_HELP}`,
  async run(argv) {
    const { positionals } = parseArgs({ args: argv, allowPositionals: true, options: {} });
    if (positionals.length !== 1) throw new UsageError('give exactly one CSV file');
    const records = (await readTableFile(positionals[0], { limits: uploadLimits.localities, required: REQUIRED_LOCALITY_COLUMNS })).rows;
    const result = await withDatabase((database) => importLocalities(database.db, records));
    if (result.problems.length > 0) {
      printRowProblems(result.problems);
      return 1;
    }
    console.log(
      `${records.length} units read: ${result.inserted} added, ${result.updated} updated, ${records.length - result.inserted - result.updated} unchanged.`,
    );
    return 0;
  },
};
