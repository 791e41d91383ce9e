import { parseArgs } from 'node:util';
import { ensureLink, ensureOnlineLink } from '../../db/queries/links.ts';
import { findRoundByCode, listOffices, listRounds } from '../../db/queries/rounds.ts';
import { csvText, uploadLimits } from '../../server/files/tables.ts';
import { configuredPublicUrl, publicUrlWarning } from '../../server/public-url.ts';
import { surveyUrl } from '../../server/domain/links/poster.ts';
import { importOffices } from '../../server/domain/offices/offices.ts';
import { OFFICE_COLUMNS } from '../../server/domain/offices/office-rows.ts';
import { UsageError, type Command } from '../command.ts';
import { printRowProblems, readTableFile } from '../csv.ts';
import { DATABASE_HELP, withDatabase } from '../database.ts';

/** `sipas offices import FILE`: the list of offices, all rows or none, as the managers' screen imports it. */
async function importOfficesFile(file: string): Promise<number> {
  const table = await readTableFile(file, { limits: uploadLimits.offices, required: OFFICE_COLUMNS });
  const result = await withDatabase((database) => importOffices(database.db, null, table));
  if (result.problems.length > 0) {
    printRowProblems(result.problems);
    return 1;
  }
  console.log(`${table.rows.length} offices read: ${result.added} added, ${result.updated} updated, ${result.unchanged} unchanged.`);
  return 0;
}

export const officesCommand: Command = {
  help: `Usage: sipas offices [--round CODE] [--base-url URL]
       sipas offices import FILE

import FILE (CSV in UTF-8 or XLSX, header row) adds or updates offices; its columns:
  code,name,locality,level
level is province (Trung tâm Phục vụ hành chính công cấp tỉnh), commune (Bộ phận Một cửa cấp
xã) or district (cấp huyện, before 1 July 2025); locality is the code of the unit of that level
the office serves. Every row is checked first and every problem listed (row, column, value,
reason); nothing is stored unless all rows are sound. A code already stored gets the file's name,
locality and level (each change in the audit log); offices the file does not name are left as
they are. The managers' screen (Điểm khảo sát) does the same and offers a template.

Without import:

Prints one line per active office: code, name and survey URL, separated by tabs. The URL opens
the survey with office, locality and round fixed; its poster with the QR code is the same URL
with /s/ replaced by /poster/. A link is made for offices that have none in the round yet.
The last line is the round's online link (code "online"), for the public-service portal, Zalo
or text messages: the respondent chooses their locality.

Options:
  --round CODE     the round (default: the open round; required when several are open)
  --base-url URL   the address phones reach (default: SIPAS_PUBLIC_URL, else this computer's own
                   address on the office network, with a warning)

${DATABASE_HELP}`,
  async run(argv) {
    const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { round: { type: 'string' }, 'base-url': { type: 'string' } } });
    if (positionals[0] === 'import') {
      if (positionals.length !== 2) throw new UsageError('give exactly one file: sipas offices import FILE');
      return importOfficesFile(positionals[1]);
    }
    if (positionals.length > 0) throw new UsageError(`unknown: ${positionals.join(' ')} (sipas offices import FILE, or sipas offices --round CODE)`);
    const publicUrl = configuredPublicUrl(values['base-url'] ? { ...process.env, SIPAS_PUBLIC_URL: values['base-url'] } : process.env);
    const warning = publicUrlWarning(publicUrl);
    if (warning) console.error(warning);
    const base = publicUrl.base;
    const lines = await withDatabase(async ({ db }) => {
      let round = values.round ? await findRoundByCode(db, values.round) : undefined;
      if (values.round && !round) throw new UsageError(`no round has code ${values.round}`);
      if (!round) {
        const open = (await listRounds(db)).filter((r) => r.status === 'open');
        if (open.length !== 1) throw new UsageError(`${open.length} rounds are open; choose one with --round`);
        round = open[0];
      }
      const rows: string[][] = [];
      for (const office of (await listOffices(db)).filter((o) => o.active)) {
        rows.push([office.code, office.name, surveyUrl(base, await ensureLink(db, office.id, round.id))]);
      }
      rows.push(['online', 'Khảo sát trực tuyến', surveyUrl(base, await ensureOnlineLink(db, round.id))]);
      return rows;
    });
    // Tab-separated text is pasted into spreadsheets: written like every other table (no formulas).
    if (lines.length > 0) process.stdout.write(csvText(lines, { delimiter: '\t' }));
    return 0;
  },
};
