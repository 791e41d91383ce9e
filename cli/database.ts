import { configuredDatabaseOptions, openDatabase, type DatabaseHandle } from '../db/client.ts';
import { secureBackups } from '../db/owner-only.ts';
import { seedDatabase } from '../db/seed/index.ts';

/**
 * Runs `work` on the configured database (DATABASE_URL or SIPAS_DATA_DIR), then closes it. The
 * database is first brought to where `npm start` would bring it: migrated, and seeded once.
 */
export async function withDatabase<T>(work: (database: DatabaseHandle) => Promise<T>, options: { seed: boolean } = { seed: true }): Promise<T> {
  secureBackups(configuredDatabaseOptions().dataDir);
  const database = await openDatabase(configuredDatabaseOptions());
  try {
    await database.migrate();
    if (options.seed) await seedDatabase(database.db);
    return await work(database);
  } finally {
    await database.close();
  }
}

export const DATABASE_HELP = `Database: PostgreSQL when DATABASE_URL=postgres://… is set, otherwise the embedded
PGlite in SIPAS_DATA_DIR (default ./data) — the same one \`npm start\` uses. Stop the server
first when using PGlite: its folder can be opened by one process at a time.`;
