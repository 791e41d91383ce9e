/**
 * npm run check:two-servers — two server processes on one PostgreSQL behind this script's own
 * round-robin, with the same guarantees as one:
 *   1. 10,000 distinct responses spread over both (each attempt goes to the next server, so a
 *      retry lands on the other one); server A is SIGKILLed once midway and restarted;
 *   2. 1,000 responses posted to both servers at the same moment: one 201 and one 200 each;
 *   3. 500 UUIDs posted to both at the same moment with different content: one 201, one 409.
 * Then the database is read: every acknowledged response stored once, with the winner's content.
 *
 * Options: --responses N, --pairs N, --conflicts N, --short (1,000 / 200 / 100), --concurrency N (24),
 * --database-url URL (default: a private PostgreSQL in a temporary folder).
 */
import { loadavg } from 'node:os';
import { isDeepStrictEqual } from 'node:util';
import { parseArgs } from 'node:util';
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
    responses: { type: 'string' },
    pairs: { type: 'string' },
    conflicts: { type: 'string' },
    short: { type: 'boolean', default: false },
    concurrency: { type: 'string', default: '24' },
    'database-url': { type: 'string' },
  },
});
const total = Number(values.responses ?? (values.short ? 1000 : 10000));
const pairCount = Number(values.pairs ?? (values.short ? 200 : 1000));
const conflictCount = Number(values.conflicts ?? (values.short ? 100 : 500));
const started = Date.now();
const log = (message: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${message}`);
const row = (label: string, value: number | string) => console.log(`  ${label.padEnd(44)} ${value}`);

let postgres: PostgresServer | undefined;
let dropDatabase: (() => Promise<void>) | undefined;
const servers: ServerProcess[] = [];
let failed = true;
try {
  postgres = values['database-url'] ? existingPostgres(values['database-url'], undefined) : await privatePostgres();
  const database = await createPostgresDatabase(postgres.url, 'sipas_two');
  dropDatabase = database.drop;
  console.log(
    `two servers on ${postgres.describe}: ${total} spread, ${pairCount} simultaneous duplicates, ${conflictCount} simultaneous conflicts; load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  const { tokens, baseline } = await prepareDatabase({ url: database.url }, 100);
  const def = seededQuestionnaire('2024')!;
  const env = { DATABASE_URL: database.url, SIPAS_SECRET: 'two-servers-share-one-secret-0123456789ab' };
  const ports = [await freePort(), await freePort()];
  servers.push(await startServer({ env, port: ports[0] }), await startServer({ env, port: ports[1] }));
  const urls = servers.map((s) => s.url);
  log(`servers A ${urls[0]} and B ${urls[1]} are up`);

  const sentHashes = new Map<string, string>();
  const make = (i: number) => {
    const s = randomLinkSubmission(def, tokens[i % tokens.length]);
    sentHashes.set(s.id, contentHash(s as ResponseSubmission));
    return s;
  };

  // 1. Spread, with a failover.
  const spread = Array.from({ length: total }, (_, i) => make(i));
  const tally = newTally();
  let turn = 0;
  let killed = false;
  let failover: Promise<void> = Promise.resolve();
  const watcher = setInterval(() => {
    if (killed || tally.acknowledged.size < total / 2) return;
    killed = true;
    failover = (async () => {
      await servers[0].kill();
      log(`server A SIGKILLed after ${tally.acknowledged.size} acknowledged; its share goes to B until it is back`);
      servers[0] = await startServer({ env, port: ports[0] });
      log('server A restarted');
    })();
  }, 50);
  await deliverAll(
    spread.map((s) => ({ id: s.id, body: JSON.stringify(s) })),
    () => urls[turn++ % 2],
    tally,
    { concurrency: Number(values.concurrency) },
  );
  clearInterval(watcher);
  await failover;
  log(`spread: ${tally.acknowledged.size} acknowledged`);

  // 2 and 3. The same UUID at both servers at the same moment.
  const post = (url: string, body: unknown) =>
    fetch(`${url}/api/responses`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then(async (r) => ({
      status: r.status,
      body: (await r.json()) as { id?: string; answers?: Record<string, unknown> },
    }));
  const outcomes = { duplicatesOk: 0, duplicatesWrong: [] as string[], conflictsOk: 0, conflictsWrong: [] as string[] };
  const acknowledged = new Set(tally.acknowledged);
  const runPairs = async <T>(items: T[], one: (item: T) => Promise<void>) => {
    let next = 0;
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        while (next < items.length) await one(items[next++]);
      }),
    );
  };
  await runPairs(
    Array.from({ length: pairCount }, (_, i) => make(i)),
    async (s) => {
      const [a, b] = await Promise.all([post(urls[0], s), post(urls[1], s)]);
      const statuses = [a.status, b.status].sort().join('+');
      if (statuses === '200+201' && isDeepStrictEqual(a.body, b.body)) outcomes.duplicatesOk++;
      else outcomes.duplicatesWrong.push(`${s.id}: ${statuses}`);
      if (a.status < 300 || b.status < 300) acknowledged.add(s.id);
    },
  );
  log(`simultaneous duplicates: ${outcomes.duplicatesOk} of ${pairCount} answered 201 + 200`);
  await runPairs(
    Array.from({ length: conflictCount }, (_, i) => make(i)),
    async (s) => {
      const other = { ...s, answers: { ...s.answers, A1_1: s.answers.A1_1 === 1 ? 2 : 1 } };
      const [a, b] = await Promise.all([post(urls[0], s), post(urls[1], other)]);
      const statuses = [a.status, b.status].sort().join('+');
      if (statuses === '201+409') outcomes.conflictsOk++;
      else outcomes.conflictsWrong.push(`${s.id}: ${statuses}`);
      // The stored content must be the winner's.
      if (b.status === 201) sentHashes.set(s.id, contentHash(other as ResponseSubmission));
      if (a.status === 201 || b.status === 201) acknowledged.add(s.id);
    },
  );
  log(`simultaneous conflicts: ${outcomes.conflictsOk} of ${conflictCount} answered 201 + 409`);

  if (outcomes.conflictsWrong.length > 0 || outcomes.duplicatesWrong.length > 0) {
    for (const [k, s] of servers.entries()) {
      const errors = s
        .output()
        .split('\n')
        .filter((l) => l.includes('"level":50'))
        .slice(-3);
      for (const e of errors) {
        const j = JSON.parse(e);
        console.log(`  server ${'AB'[k]} logged: ${JSON.stringify({ msg: j.msg, cause: j.err?.cause ?? j.err?.message?.slice(-300), code: j.err?.code })}`);
      }
    }
  }
  const exits = await Promise.all(servers.splice(0).map((s) => s.stop()));
  const check = await checkStored({ url: database.url }, sentHashes, acknowledged, baseline);
  console.log('\nSending');
  row('spread over A and B: POST attempts', tally.attempts);
  row('  201 / 200 (ack lost in the kill)', `${tally.created} / ${tally.resent}`);
  row('  network errors, 5xx (retried on the other)', `${tally.networkErrors}, ${tally.serverErrors}`);
  row('  other answers (must be 0)', tally.unexpected.length);
  row('server A SIGKILLed and restarted', killed ? 1 : 0);
  row('same UUID at both at once: 201 + 200', `${outcomes.duplicatesOk} of ${pairCount}`);
  for (const w of outcomes.duplicatesWrong.slice(0, 5)) console.log(`    ${w}`);
  row('same UUID, other content, at both: 201 + 409', `${outcomes.conflictsOk} of ${conflictCount}`);
  for (const w of outcomes.conflictsWrong.slice(0, 5)) console.log(`    ${w}`);
  row('graceful stops (exit codes)', exits.join(', '));
  console.log('\nStored');
  printCheck(check);
  failed =
    !check.ok ||
    tally.unexpected.length > 0 ||
    outcomes.duplicatesWrong.length > 0 ||
    outcomes.conflictsWrong.length > 0 ||
    !killed ||
    exits.some((e) => e !== 0);
  console.log(
    `\n${failed ? 'TWO-SERVER CHECK FAILED' : 'TWO-SERVER CHECK PASSED'} in ${((Date.now() - started) / 1000).toFixed(0)} s; load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
} finally {
  for (const s of servers) await s.kill();
  await dropDatabase?.().catch(() => undefined);
  postgres?.dispose();
}
process.exit(failed ? 1 : 0);
