import { parseArgs } from 'node:util';
import { findRoundByCode } from '../../db/queries/rounds.ts';
import { DEMO_ROUND_CODE } from '../../db/seed/index.ts';
import { ensureDemoRounds, loadDemoResponses } from '../../server/domain/responses/demo-responses.ts';
import { Problem } from '../../server/errors.ts';
import { UsageError, type Command } from '../command.ts';
import { DATABASE_HELP, withDatabase } from '../database.ts';

export const demoResponsesCommand: Command = {
  help: `Usage: sipas demo-responses [--round CODE] [--count N] [--seed S]

Loads N synthetic responses (default 2000) into a round marked as a demo round (default
${DEMO_ROUND_CODE}; the demo rounds are DN-2024 and ${DEMO_ROUND_CODE}), with the demo offices they
need. A round that is not marked demo is refused: demo data never mixes into real rounds.
The same seed gives the same responses, so loading twice adds nothing; another seed adds more.
A new installation loads the demo responses once by itself.

${DATABASE_HELP}`,
  async run(argv) {
    const { values } = parseArgs({
      args: argv,
      options: { round: { type: 'string', default: DEMO_ROUND_CODE }, count: { type: 'string', default: '2000' }, seed: { type: 'string', default: '1' } },
    });
    const count = Number(values.count);
    const seed = Number(values.seed);
    if (!Number.isInteger(count) || count < 1 || count > 1_000_000) throw new UsageError('--count takes a whole number from 1 to 1000000');
    if (!Number.isInteger(seed)) throw new UsageError('--seed takes a whole number');
    return withDatabase(async ({ db }) => {
      await ensureDemoRounds(db);
      const round = await findRoundByCode(db, values.round!);
      if (!round) throw new UsageError(`no round has code ${values.round}`);
      try {
        const added = await loadDemoResponses(db, round, count, seed);
        console.log(`round ${round.code}: ${added} demo responses added (${count - added} were there already)`);
        return 0;
      } catch (error) {
        if (error instanceof Problem) {
          console.error(error.worded.vi);
          return 1;
        }
        throw error;
      }
    });
  },
};
