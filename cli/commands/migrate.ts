import type { Command } from '../command.ts';
import { DATABASE_HELP, withDatabase } from '../database.ts';

export const migrateCommand: Command = {
  help: `Usage: sipas migrate

Applies the migrations in db/migrations that the database has not seen yet. \`npm start\`
does this too; run it by hand to prepare a PostgreSQL server before the first start.

${DATABASE_HELP}`,
  async run() {
    await withDatabase(
      async (database) => {
        console.log(`Migrations applied (${database.kind}).`);
      },
      { seed: false },
    );
    return 0;
  },
};
