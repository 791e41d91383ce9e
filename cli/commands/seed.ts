import { parseArgs } from 'node:util';
import { seedDatabase } from '../../db/seed/index.ts';
import { seedDemoResponses } from '../../server/domain/responses/demo-responses.ts';
import type { Command } from '../command.ts';
import { DATABASE_HELP, withDatabase } from '../database.ts';

export const seedCommand: Command = {
  help: `Usage: sipas seed [--no-demo]

Stores the questionnaire versions shipped with the platform (2022, 2024) and, the first time,
the demo data: Đắk Nông's localities, round DN-2025-H1 and office MC-660, then synthetic demo
responses in the demo rounds (DN-2024, published, and DN-2025-H1). Safe to repeat.
A version that a round already uses is never changed.

Options:
  --no-demo   only the questionnaire versions

${DATABASE_HELP}`,
  async run(argv) {
    const { values } = parseArgs({ args: argv, options: { 'no-demo': { type: 'boolean', default: false } } });
    const { report, demoResponses } = await withDatabase(
      async (database) => {
        const seeded = await seedDatabase(database.db, { demo: !values['no-demo'] });
        return { report: seeded, demoResponses: !values['no-demo'] && (await seedDemoResponses(database.db)) };
      },
      { seed: false },
    );
    for (const [version, outcome] of Object.entries(report.questionnaires)) {
      const note = outcome === 'locked' ? ' (in use by a round: kept as stored)' : '';
      console.log(`questionnaire ${version}: ${outcome}${note}`);
    }
    console.log(report.demoLoaded ? 'demo data: loaded' : 'demo data: already loaded earlier (or --no-demo)');
    if (demoResponses) console.log('demo responses: loaded into DN-2024 and DN-2025-H1');
    return 0;
  },
};
