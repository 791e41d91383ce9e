/**
 * Starts the platform: opens the configured database (PGlite in ./data by default, PostgreSQL when
 * DATABASE_URL is set), applies migrations, loads seeds once, and listens on all interfaces so that
 * phones on the office network can reach it.
 */
import { networkInterfaces } from 'node:os';
import { configuredDatabaseOptions, openDatabase } from '../db/client.ts';
import { countUsers } from '../db/queries/users.ts';
import { seedDatabase } from '../db/seed/index.ts';
import { buildApp } from './app.ts';
import { loadSecret } from './secrets.ts';
import { seedDemoResponses } from './domain/demo-responses.ts';

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '0.0.0.0';

const { secret, source: secretSource } = loadSecret();
const database = await openDatabase(configuredDatabaseOptions());
await database.migrate();
const seeded = await seedDatabase(database.db);
const demoResponses = await seedDemoResponses(database.db);
const app = await buildApp({ database, secret, logger: { level: process.env.LOG_LEVEL ?? 'info' } });

let closing = false;
async function shutdown(signal: string) {
  if (closing) return;
  closing = true;
  app.log.info(`${signal}: closing`);
  await app.close();
  await database.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));

await app.listen({ port, host });

const lanAddresses = Object.values(networkInterfaces())
  .flat()
  .filter((a) => a && a.family === 'IPv4' && !a.internal)
  .map((a) => `http://${a!.address}:${port}`);
const where = database.kind === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${configuredDatabaseOptions().dataDir}`;
console.log(
  [
    '',
    `SIPAS platform is running on ${where}.`,
    `  This computer: http://localhost:${port}`,
    ...lanAddresses.map((a) => `  Office network: ${a}`),
    `  Secret keying stored device hashes: ${secretSource}.`,
    seeded.demoLoaded ? '  Demo data loaded: Đắk Nông localities, round DN-2025-H1, office MC-660.' : '',
    demoResponses ? '  Demo responses loaded into the demo rounds DN-2024 (published) and DN-2025-H1: results at /results' : '',
    (await countUsers(database.db)) === 0
      ? '  No staff account yet. Create the first admin (stop the server first when using PGlite):\n' +
        '    npx sipas user add admin --role admin --name "Quản trị viên"'
      : '',
    '',
  ].filter((l) => l !== '').join('\n'),
);
