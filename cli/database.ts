import { configuredDatabaseOptions, openDatabase, type DatabaseHandle } from '../db/client.ts';

/** Runs `work` on the configured database (DATABASE_URL or SIPAS_DATA_DIR), migrated, then closes it. */
export async function withDatabase<T>(work: (database: DatabaseHandle) => Promise<T>): Promise<T> {
  const database = await openDatabase(configuredDatabaseOptions());
  try {
    await database.migrate();
    return await work(database);
  } finally {
    await database.close();
  }
}

export const DATABASE_HELP = `Database: PostgreSQL when DATABASE_URL=postgres://… is set, otherwise the embedded
PGlite in SIPAS_DATA_DIR (default ./data) — the same one \`npm start\` uses. Stop the server
first when using PGlite: its folder can be opened by one process at a time.`;
