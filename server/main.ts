/**
 * Starts the platform: opens the configured database (PGlite in ./data by default, PostgreSQL when
 * DATABASE_URL is set), applies migrations, loads seeds once, and listens on all interfaces so that
 * phones on the office network can reach it.
 */
import { networkInterfaces } from 'node:os';
import { configuredDatabaseOptions, openDatabase } from '../db/client.ts';
import { OWNER_ONLY_UMASK, secureBackups } from '../db/owner-only.ts';
import { DataFolderError } from '../db/pglite-folder.ts';
import { seedDatabase } from '../db/seed/index.ts';
import { buildApp, trustedProxies } from './app.ts';
import { closeGracefully, shutdownTimes } from './connections.ts';
import { configuredPublicUrl, PublicUrlError, publicUrlWarning } from './public-url.ts';
import { loadSecret } from './secrets.ts';
import { seedDemoResponses } from './domain/responses/demo-responses.ts';

// Whatever this process writes — the data folder's files, the secret, backups — is born owner-only (db/owner-only.ts).
process.umask(OWNER_ONLY_UMASK);

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '0.0.0.0';

/** A start-up that cannot go on says why in words, without a stack trace, and exits non-zero. */
function refuseToStart(error: unknown): never {
  const known =
    error instanceof DataFolderError ||
    error instanceof PublicUrlError ||
    (error instanceof Error && /SIPAS_SECRET|ECONNREFUSED|password authentication/.test(error.message));
  console.error(`\nSIPAS cannot start: ${error instanceof Error ? error.message : String(error)}\n`);
  if (!known) console.error(error);
  process.exit(1);
}

const { secret, source: secretSource } = (() => {
  try {
    return loadSecret();
  } catch (error) {
    return refuseToStart(error);
  }
})();
const publicUrl = (() => {
  try {
    return configuredPublicUrl();
  } catch (error) {
    return refuseToStart(error);
  }
})();
secureBackups(configuredDatabaseOptions().dataDir);
const database = await openDatabase(configuredDatabaseOptions()).catch(refuseToStart);
await database.migrate();
const seeded = await seedDatabase(database.db);
const demoResponses = await seedDemoResponses(database.db);
const app = await buildApp({ database, secret, publicUrl, logger: { level: process.env.LOG_LEVEL ?? 'info' } });

let closing = false;
/**
 * Stops taking requests, lets those under way finish (a few seconds), closes what clients still
 * hold open, stores every response under way, closes (and for PGlite flushes) the database — and
 * exits within 10 s whatever the clients or the database do (server/connections.ts).
 */
async function shutdown(signal: string) {
  if (closing) return;
  closing = true;
  app.log.info(`${signal}: closing`);
  setTimeout(() => {
    console.error(`${signal}: still closing after ${shutdownTimes.deadlineMs / 1000} s; exiting now (every acknowledged response is already committed).`);
    process.exit(1);
  }, shutdownTimes.deadlineMs).unref();
  try {
    await closeGracefully(app, database);
  } finally {
    process.exit(0);
  }
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));

await app.listen({ port, host });
const setupLink = (await app.firstAdminSetup.open(database.db)) && (await app.firstAdminSetup.link(database.db));

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
    `  Posters, QR codes and links print: ${publicUrl.base}${publicUrl.configured ? ' (SIPAS_PUBLIC_URL)' : ''}`,
    `  Secret keying stored device hashes: ${secretSource}.`,
    seeded.demoLoaded ? '  Demo data loaded: Đắk Nông localities, round DN-2025-H1, office MC-660.' : '',
    demoResponses ? '  Demo responses loaded into the demo rounds DN-2024 (published) and DN-2025-H1: results at /results' : '',
    setupLink
      ? '  No active administrator yet. Create the first one in a browser, with this one-time link (valid until used or the server restarts):\n' +
        `    http://localhost:${port}${setupLink}`
      : '',
    '',
  ]
    .filter((l) => l !== '')
    .join('\n'),
);
const notPublic = publicUrlWarning(publicUrl);
if (notPublic) console.warn(`\nWarning: ${notPublic}\n`);
if (publicUrl.base.startsWith('https:') && !trustedProxies()) {
  console.warn(
    '\nWarning: SIPAS_PUBLIC_URL is https:// but SIPAS_TRUST_PROXY is not set, so no X-Forwarded-* header is believed: ' +
      'behind a TLS proxy, set SIPAS_TRUST_PROXY to its address (127.0.0.1 when it runs on this machine) so that session ' +
      'cookies are marked Secure and limits count each client rather than the proxy.\n',
  );
}
