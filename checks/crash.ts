/**
 * npm run crash:postgres | crash:pglite — phones send 20,000 distinct responses, retrying until
 * each is acknowledged, while the server is killed with SIGKILL at least 5 times and restarted
 * (and, on PostgreSQL, the database server is restarted once in immediate mode, as after a power
 * cut). Then the server is stopped with SIGTERM and the database is read directly: every
 * acknowledged response must be stored, none twice, and their number must equal the number of
 * distinct acknowledged UUIDs. Exit code 1 when anything is off.
 *
 * Options: --db postgres|pglite; --responses N (20000); --kills N (5); --concurrency N (24);
 * --short (2,000 responses, 2 kills: what CI runs). PostgreSQL runs privately in a temporary
 * folder (initdb/pg_ctl, so restarting it disturbs nobody) unless --database-url URL is given,
 * with --pg-restart "command" (found for a Debian cluster on that port when omitted).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { DatabaseOptions } from '../db/client.ts';
import { seededQuestionnaire } from '../db/seed/questionnaires/index.ts';
import { contentHash } from '../server/domain/responses/responses.ts';
import type { ResponseSubmission } from '../contract/responses.ts';
import { createPostgresDatabase } from '../tests/support/database.ts';
import { randomLinkSubmission } from '../tests/support/random-responses.ts';
import { prepareDatabase } from './support/fixture.ts';
import { existingPostgres, privatePostgres, type PostgresServer } from './support/postgres.ts';
import { deliverAll, newTally } from './support/sender.ts';
import { freePort, startServer, type ServerProcess } from './support/server-process.ts';
import { checkStored, printCheck } from './support/verify.ts';

const { values } = parseArgs({
  options: {
    db: { type: 'string', default: 'postgres' },
    responses: { type: 'string' },
    kills: { type: 'string' },
    concurrency: { type: 'string', default: '24' },
    short: { type: 'boolean', default: false },
    'database-url': { type: 'string' },
    'pg-restart': { type: 'string' },
  },
});
if (values.db !== 'postgres' && values.db !== 'pglite') throw new Error('--db must be postgres or pglite');
const onPostgres = values.db === 'postgres';
const total = Number(values.responses ?? (values.short ? 2000 : 20000));
const kills = Number(values.kills ?? (values.short ? 2 : 5));
const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(0)} s`;
const log = (message: string) => console.log(`[${elapsed().padStart(5)}] ${message}`);

let postgres: PostgresServer | undefined;
let dropDatabase: (() => Promise<void>) | undefined;
let folder: string | undefined;
let server: ServerProcess | undefined;
let failed = true;
try {
  let options: DatabaseOptions;
  let env: Record<string, string>;
  if (onPostgres) {
    postgres = values['database-url'] ? existingPostgres(values['database-url'], values['pg-restart']) : await privatePostgres();
    const database = await createPostgresDatabase(postgres.url, 'sipas_crash');
    dropDatabase = database.drop;
    options = { url: database.url };
    env = { DATABASE_URL: database.url };
  } else {
    folder = mkdtempSync(join(tmpdir(), 'sipas-crash-'));
    options = { dataDir: join(folder, 'data') };
    env = { SIPAS_DATA_DIR: options.dataDir!, DATABASE_URL: '' };
  }
  console.log(
    `crash check on ${onPostgres ? postgres!.describe : `PGlite in ${options.dataDir}`}: ${total} responses, ${kills} SIGKILLs${onPostgres ? ', 1 immediate PostgreSQL restart' : ''}; load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );

  const { tokens, baseline } = await prepareDatabase(options, 100);
  const def = seededQuestionnaire('2024')!;
  const submissions = Array.from({ length: total }, (_, i) => randomLinkSubmission(def, tokens[i % tokens.length]));
  const sentHashes = new Map(submissions.map((s) => [s.id, contentHash(s as ResponseSubmission)]));
  const deliveries = submissions.map((s) => ({ id: s.id, body: JSON.stringify(s) }));

  const port = await freePort();
  const serverEnv = { ...env, SIPAS_SECRET: 'crash-check-secret-0123456789abcdef0123456789' };
  server = await startServer({ env: serverEnv, port });
  const url = server.url;
  const tally = newTally();

  // Kills and the PostgreSQL restart happen at even steps of progress, while phones keep sending.
  const killAt = Array.from({ length: kills }, (_, k) => Math.floor((total * (k + 1)) / (kills + 1.5)));
  const pgRestartAt = onPostgres ? Math.floor(total * 0.45) : Infinity;
  let killsDone = 0;
  let pgRestarted = false;
  let disrupting = false;
  const restarts: number[] = [];
  const disrupt = async () => {
    if (disrupting) return;
    const acked = tally.acknowledged.size;
    if (killsDone < kills && acked >= killAt[killsDone]) {
      disrupting = true;
      const signal = await server!.kill();
      killsDone++;
      log(`SIGKILL ${killsDone}/${kills} after ${acked} acknowledged (exit: ${signal})`);
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 500));
      const restarting = Date.now();
      server = await startServer({ env: serverEnv, port });
      restarts.push(Date.now() - restarting);
      log(`server restarted in ${Date.now() - restarting} ms`);
      disrupting = false;
    } else if (!pgRestarted && acked >= pgRestartAt) {
      disrupting = true;
      pgRestarted = true;
      log(`PostgreSQL: immediate restart after ${acked} acknowledged`);
      postgres!.restartImmediately();
      log('PostgreSQL is back');
      disrupting = false;
    }
  };
  const watcher = setInterval(
    () =>
      void disrupt().catch((error) => {
        console.error(error);
        process.exit(1);
      }),
    50,
  );
  await deliverAll(deliveries, () => url, tally, { concurrency: Number(values.concurrency) });
  clearInterval(watcher);
  while (disrupting) await new Promise((resolve) => setTimeout(resolve, 100));
  if (killsDone < kills) log(`only ${killsDone} kills happened before everything was acknowledged`);

  log('all acknowledged; stopping the server with SIGTERM');
  const exit = await server.stop();
  server = undefined;
  log(`server exited with ${exit}`);

  const check = await checkStored(options, sentHashes, tally.acknowledged, baseline);
  console.log('\nSending');
  const row = (label: string, value: number | string) => console.log(`  ${label.padEnd(44)} ${value}`);
  row('SIGKILLs of the server (each restarted)', killsDone);
  if (onPostgres) row('immediate PostgreSQL restarts', pgRestarted ? 1 : 0);
  row('server restart times (ms)', restarts.join(', '));
  row('POST attempts', tally.attempts);
  row('201 created', tally.created);
  row('200 resend of a stored response (ack lost)', tally.resent);
  row('network errors (retried)', tally.networkErrors);
  row('5xx answers (retried)', tally.serverErrors);
  row('429 answers (retried)', tally.rateLimited);
  row('other answers (must be 0)', tally.unexpected.length);
  for (const u of tally.unexpected.slice(0, 5)) console.log(`    ${u.status} ${u.id}: ${u.body}`);
  row('graceful stop exit code', String(exit));
  console.log('\nStored');
  printCheck(check);
  failed = !check.ok || tally.unexpected.length > 0 || killsDone < kills || exit !== 0 || (onPostgres && !pgRestarted);
  console.log(
    `\n${failed ? 'CRASH CHECK FAILED' : 'CRASH CHECK PASSED'} in ${elapsed()}; load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
} finally {
  if (server) await server.kill();
  await dropDatabase?.().catch(() => undefined);
  postgres?.dispose();
  if (folder) rmSync(folder, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
