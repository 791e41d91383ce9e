import { parseArgs } from 'node:util';
import { frameOverview, readFrameTable, removeFrame, saveFrame } from '../../server/domain/results/frames.ts';
import { roundOrFail } from '../../server/domain/paper-forms/paper-forms.ts';
import { Problem } from '../../server/errors.ts';
import { UsageError, type Command } from '../command.ts';
import { printProblem, readUpload } from '../csv.ts';
import { csvText, uploadLimits } from '../../server/files/tables.ts';
import { DATABASE_HELP, withDatabase } from '../database.ts';

export const frameCommand: Command = {
  help: `Usage: sipas frame ROUND                 list the round's strata: responses, and the frame's population
       sipas frame ROUND FILE.csv|.xlsx   replace the frame (columns stratum,population)
       sipas frame ROUND --remove         remove it: the round's results become unweighted

A stratum is a locality × channel: the district (or the province, where the round has no
districts) and office, paper or online, e.g. 660-office, 660-paper, 660-online. Give each
stratum's population N_h — adults for paper and online, files processed at the offices for
office strata; each response then weighs N_h / n_h. Every stratum with responses needs one.
The change is recorded in the audit log.

${DATABASE_HELP}`,
  async run(argv) {
    const { positionals, values } = parseArgs({ args: argv, allowPositionals: true, options: { remove: { type: 'boolean', default: false } } });
    const [code, file] = positionals;
    if (!code || positionals.length > 2 || (file && values.remove)) throw new UsageError('give a round code, and either a frame file or --remove');
    const bytes = file ? await readUpload(file, uploadLimits.frame) : undefined;
    return withDatabase(async (database) => {
      const round = await roundOrFail(database.db, code).catch((error: unknown) => {
        throw error instanceof Problem ? new UsageError(error.worded.en) : error;
      });
      if (values.remove) {
        await removeFrame(database.db, null, round);
        console.log(`round ${code}: frame removed; results are unweighted`);
        return 0;
      }
      if (bytes) {
        try {
          const saved = await saveFrame(database.db, null, round, await readFrameTable(bytes, file!));
          console.log(`round ${code}: frame of ${saved.strata} strata saved (total population ${saved.population.toLocaleString('en')})`);
          return 0;
        } catch (error) {
          if (!(error instanceof Problem)) throw error;
          printProblem(error);
          return 1;
        }
      }
      const overview = await frameOverview(database, round);
      console.log(`round ${code}: ${overview.weighted ? 'weighted by its frame' : 'no frame (unweighted)'}`);
      process.stdout.write(
        csvText([['stratum', 'responses', 'population'], ...overview.strata.map((s) => [s.stratum, s.responses, s.population])], { delimiter: '\t' }),
      );
      return 0;
    });
  },
};
