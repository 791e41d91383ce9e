import { parseArgs } from 'node:util';
import { findRoundByCode, listRounds } from '../../db/queries/rounds.ts';
import { changeRound, type RoundTransition } from '../../server/domain/rounds/lifecycle.ts';
import { publishRound } from '../../server/domain/rounds/publication.ts';
import { publishChecklist } from '../../server/domain/rounds/publish-checklist.ts';
import { createRound } from '../../server/domain/rounds/round-settings.ts';
import { Problem } from '../../server/errors.ts';
import { UsageError, type Command } from '../command.ts';
import { DATABASE_HELP, withDatabase } from '../database.ts';

const transitions: Record<string, RoundTransition> = {
  open: 'open',
  close: 'close',
  reopen: 'reopen',
  publish: 'publish',
  unpublish: 'withdraw',
  'close-keying': 'close-keying',
  'reopen-keying': 'reopen-keying',
};

/** A refusal of the domain (a Problem) printed in Vietnamese with its fields; anything else is a bug and is thrown. */
function printProblem(error: unknown): number {
  if (!(error instanceof Problem)) throw error;
  console.error(error.worded.vi);
  for (const issue of error.issues) console.error(`  ${issue.path}: ${issue.worded.vi}`);
  return 1;
}

async function create(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      code: { type: 'string' },
      name: { type: 'string' },
      year: { type: 'string' },
      provinces: { type: 'string' },
      start: { type: 'string' },
      end: { type: 'string' },
      citizen: { type: 'string' },
      organisation: { type: 'string' },
      target: { type: 'string' },
    },
  });
  const { code, name, provinces, start, end, citizen } = values;
  if (!code || !name || !provinces || !start || !end || !citizen) {
    throw new UsageError('create needs --code --name --provinces --start --end --citizen');
  }
  return withDatabase(async ({ db }) => {
    try {
      const round = await createRound(db, null, {
        code,
        name,
        year: values.year ? Number(values.year) : Number(start.slice(0, 4)),
        provinces: provinces === 'all' ? 'all' : provinces.split(',').map((p) => p.trim()),
        periodStart: start,
        periodEnd: end,
        questionnaires: { citizen, ...(values.organisation ? { organisation: values.organisation } : {}) },
        target: values.target === undefined ? null : Number(values.target),
      });
      console.log(`round ${round.code}: draft, provinces ${round.provinceCodes.join(',')}`);
      return 0;
    } catch (error) {
      return printProblem(error);
    }
  });
}

export const roundsCommand: Command = {
  help: `Usage: sipas rounds [list]
       sipas rounds create --code CODE --name NAME --provinces 67,68|all --start YYYY-MM-DD --end YYYY-MM-DD
                           --citizen VERSION [--organisation VERSION] [--year YYYY] [--target PERCENT]
       sipas rounds open CODE            a draft starts taking responses within its days
       sipas rounds close CODE           collection stops; paper forms issued within the period may still be keyed
       sipas rounds reopen CODE          a closed round takes responses again
       sipas rounds close-keying CODE    no more paper forms are keyed (reopen-keying undoes it)
       sipas rounds publish CODE [--acknowledge]
                                         publish the results of a closed round: the public page shows the indices;
                                         prints the checklist's warnings and publishes only with --acknowledge
       sipas rounds unpublish CODE       withdraw them (the round stays closed)

A round's life is draft → open → closed → published. Closing a round closes its survey links: a
citizen who scans an old QR code is told politely that the survey has ended, and new responses are
refused. Responses already sent are kept, and a phone resending one it had already delivered is
still acknowledged. Reopening opens again the links the closing closed. Publishing is refused
unless the round is closed. Every change is recorded in the audit log.

${DATABASE_HELP}`,
  async run(argv) {
    const { positionals, values } = parseArgs({ args: argv, allowPositionals: true, strict: false, options: { acknowledge: { type: 'boolean' } } });
    const [action = 'list', code] = positionals;
    if (action === 'list') {
      const rounds = await withDatabase(({ db }) => listRounds(db));
      for (const r of rounds) {
        console.log(
          [
            r.code,
            r.status,
            Object.values(r.questionnaires).join('+'),
            r.provinceCodes.join(','),
            `${r.periodStart}…${r.periodEnd}`,
            r.name + (r.demo ? ' [demo]' : ''),
          ].join('\t'),
        );
      }
      return 0;
    }
    if (action === 'create') return create(argv.slice(1));
    const transition = transitions[action];
    if (!transition || !code) throw new UsageError(`expected: list | create … | ${Object.keys(transitions).join(' CODE | ')} CODE`);
    return withDatabase(async (database) => {
      const { db } = database;
      const round = await findRoundByCode(db, code);
      if (!round) throw new UsageError(`no round has code ${code}`);
      try {
        if (transition === 'publish' && round.status === 'closed') {
          // The same checklist as the publish screen: read it, then acknowledge it to publish.
          const warnings = await publishChecklist(database, round);
          if (warnings.length > 0 && values.acknowledge !== true) {
            console.error(`Đợt ${code} có ${warnings.length} cảnh báo trước khi công bố:`);
            for (const w of warnings) console.error(`  - ${w.vi}`);
            console.error('Đọc kỹ rồi chạy lại với --acknowledge để công bố.');
            return 1;
          }
          for (const w of warnings) console.log(`cảnh báo đã xác nhận: ${w.vi}`);
          const published = await publishRound(
            database,
            null,
            round,
            warnings.map((w) => w.key),
          );
          console.log(`round ${code}: ${published.status}`);
          return 0;
        }
        const changed = await changeRound(db, null, round, transition);
        console.log(`round ${code}: ${changed.status}${changed.keyingClosedAt ? ', keying closed' : ''}`);
        return 0;
      } catch (error) {
        return printProblem(error);
      }
    });
  },
};
