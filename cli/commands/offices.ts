import { parseArgs } from 'node:util';
import { ensureLink, ensureOnlineLink } from '../../db/queries/links.ts';
import { findRoundByCode, listOffices, listRounds } from '../../db/queries/rounds.ts';
import { csvText } from '../../server/files/tables.ts';
import { configuredPublicUrl, publicUrlWarning } from '../../server/public-url.ts';
import { surveyUrl } from '../../server/domain/links/poster.ts';
import { UsageError, type Command } from '../command.ts';
import { DATABASE_HELP, withDatabase } from '../database.ts';

export const officesCommand: Command = {
  help: `Usage: sipas offices [--round CODE] [--base-url URL]

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
    const { values } = parseArgs({ args: argv, options: { round: { type: 'string' }, 'base-url': { type: 'string' } } });
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
