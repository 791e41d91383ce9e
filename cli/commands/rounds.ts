import { parseArgs } from 'node:util';
import { setLinksActive } from '../../db/queries/links.ts';
import { findRoundByCode, listRounds, setRoundStatus } from '../../db/queries/rounds.ts';
import { UsageError, type Command } from '../command.ts';
import { DATABASE_HELP, withDatabase } from '../database.ts';

const actions = { open: 'open', close: 'closed' } as const;

export const roundsCommand: Command = {
  name: 'rounds',
  summary: 'List survey rounds, or open or close one',
  help: `Usage: sipas rounds [list]
       sipas rounds open CODE
       sipas rounds close CODE

Closing a round disables its office links: a citizen who scans an old QR code is told politely
that the survey has ended, and new responses are refused. Responses already sent are kept, and a
phone resending one it had already delivered is still acknowledged. Opening re-enables the links.

${DATABASE_HELP}`,
  async run(argv) {
    const { positionals } = parseArgs({ args: argv, allowPositionals: true, options: {} });
    const [action = 'list', code] = positionals;
    if (action === 'list') {
      const rounds = await withDatabase(({ db }) => listRounds(db));
      for (const r of rounds) {
        console.log([r.code, r.status, r.questionnaireVersion, `${r.periodStart}…${r.periodEnd}`, r.name].join('\t'));
      }
      return 0;
    }
    if (!(action in actions) || !code) throw new UsageError('expected: list | open CODE | close CODE');
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
