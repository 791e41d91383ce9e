import { parseArgs } from 'node:util';
import { setLinksActive } from '../../db/queries/links.ts';
import { findRoundByCode, listRounds, setRoundStatus } from '../../db/queries/rounds.ts';
import { publishRound, withdrawRound } from '../../server/domain/rounds/publication.ts';
import { Problem } from '../../server/errors.ts';
import { UsageError, type Command } from '../command.ts';
import { DATABASE_HELP, withDatabase } from '../database.ts';

const actions = { open: 'open', close: 'closed' } as const;

export const roundsCommand: Command = {
  help: `Usage: sipas rounds [list]
       sipas rounds open CODE
       sipas rounds close CODE
       sipas rounds publish CODE      publish the results: the public page shows the indices
       sipas rounds unpublish CODE    withdraw them (the round stays closed)

Closing a round disables its office links: a citizen who scans an old QR code is told politely
that the survey has ended, and new responses are refused. Responses already sent are kept, and a
phone resending one it had already delivered is still acknowledged. Opening re-enables the links.
Publishing also ends data collection. Publishing and withdrawing are recorded in the audit log.

${DATABASE_HELP}`,
  async run(argv) {
    const { positionals } = parseArgs({ args: argv, allowPositionals: true, options: {} });
    const [action = 'list', code] = positionals;
    if (action === 'list') {
      const rounds = await withDatabase(({ db }) => listRounds(db));
      for (const r of rounds) {
        console.log([r.code, r.status, r.questionnaireVersion, `${r.periodStart}…${r.periodEnd}`, r.name + (r.demo ? ' [demo]' : '')].join('\t'));
      }
      return 0;
    }
    if ((action === 'publish' || action === 'unpublish') && code) {
      return withDatabase(async ({ db }) => {
        const round = await findRoundByCode(db, code);
        if (!round) throw new UsageError(`no round has code ${code}`);
        try {
          const changed = action === 'publish' ? await publishRound(db, null, round) : await withdrawRound(db, null, round);
          console.log(`round ${code}: ${changed.status}`);
          return 0;
        } catch (error) {
          if (!(error instanceof Problem)) throw error;
          console.error(error.worded.vi);
          return 1;
        }
      });
    }
    if (!(action in actions) || !code) throw new UsageError('expected: list | open CODE | close CODE | publish CODE | unpublish CODE');
    const status = actions[action as keyof typeof actions];
    await withDatabase(async ({ db }) => {
      await db.transaction(async (tx) => {
        const round = await findRoundByCode(tx, code);
        if (!round) throw new UsageError(`no round has code ${code}`);
        await setRoundStatus(tx, code, status);
        const links = await setLinksActive(tx, round.id, status === 'open');
        console.log(`round ${code}: ${status}; ${links} office link(s) ${status === 'open' ? 'enabled' : 'disabled'}`);
      });
    });
    return 0;
  },
};
