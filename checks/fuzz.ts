/**
 * npm run fuzz — 10,000+ generated bad requests to every route the app serves (enumerated from
 * the app, so new routes are covered), as anonymous callers and as staff of every role: wrong
 * types, huge strings, deep JSON, invalid UTF-8, NUL and broken surrogates, SQL and script
 * injection, unknown fields (in query strings, bodies and objects inside them), numbers beyond a
 * database integer, bad content types, hostile path and query parameters. Checks: no 5xx, no stack
 * trace or SQL in a reply, no bad request succeeds (nor a read with a field its route does not take),
 * every 4xx is a worded problem, a 400 about a field names it, every JSON reply is of a status and
 * shape its route declares, and a checksum of every table is the same afterwards.
 *
 * Options: --requests N (10000), --seed N (random; printed, to repeat a run), --short (1,000).
 * Runs on in-memory PGlite, or in a fresh database on DATABASE_URL's server.
 */
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { buildApp } from '../server/app.ts';
import { unlimited } from '../tests/support/rate-limits.ts';
import { openTestDatabase } from '../tests/support/database.ts';
import { changedTables, databaseFingerprint } from '../tests/support/fuzz/fingerprint.ts';
import { fuzzEveryRoute, prepareFuzz, runsFor } from '../tests/support/fuzz/run.ts';

const { values } = parseArgs({
  options: {
    requests: { type: 'string' },
    seed: { type: 'string' },
    short: { type: 'boolean', default: false },
  },
});
const wanted = Number(values.requests ?? (values.short ? 1000 : 10000));
const seed = Number(values.seed ?? Math.floor(Math.random() * 2 ** 31));
const started = Date.now();

const database = await openTestDatabase();
const app = await buildApp({ database, rateLimits: unlimited, lookupTtlMs: 0 });
let failed = true;
try {
  const routes = app.routeCatalogue;
  const weight = routes.reduce((n, r) => n + runsFor(r, 1), 0);
  const runsPerRoute = Math.ceil(wanted / weight);
  const planned = routes.reduce((n, r) => n + runsFor(r, runsPerRoute), 0);
  console.log(
    `fuzz: ${planned} bad requests to ${routes.length} routes (${runsPerRoute} each, POST /api/responses ${runsFor({ method: 'POST', url: '/api/responses' }, runsPerRoute)}) on ${database.kind}, seed ${seed}; load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  const context = await prepareFuzz(app, database.db);
  const before = await databaseFingerprint(database.db);
  let reported = 0;
  const tally = await fuzzEveryRoute(context, {
    runsPerRoute,
    seed,
    onRequest: (t) => {
      if (t.requests - reported >= 2000) {
        reported = t.requests;
        console.log(`  ${t.requests} requests, ${t.violations.length} violations`);
      }
    },
  });
  const changed = changedTables(before, await databaseFingerprint(database.db));

  const row = (label: string, value: number | string) => console.log(`  ${label.padEnd(40)} ${value}`);
  const sorted = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]);
  console.log('\nRequests and replies by route');
  for (const [route, statuses] of [...tally.byRoute].sort((a, b) => a[0].localeCompare(b[0]))) {
    const n = [...statuses.values()].reduce((a, b) => a + b, 0);
    const spread = [...statuses]
      .sort((a, b) => a[0] - b[0])
      .map(([s, c]) => `${s}×${c}`)
      .join(' ');
    console.log(`  ${route.padEnd(52)} ${String(n).padStart(5)}  ${spread}`);
  }
  console.log('\nReplies by status');
  for (const [status, n] of [...tally.byStatus].sort((a, b) => a[0] - b[0])) row(String(status), n);
  console.log('\nRequests by kind');
  for (const [kind, n] of sorted(tally.byKind)) row(kind, n);
  console.log('\nTotals');
  row('routes covered', `${tally.byRoute.size} of ${routes.length}`);
  row('bad requests sent', tally.requests);
  row(
    '5xx replies',
    [...tally.byStatus].filter(([s]) => s >= 500).reduce((n, [, c]) => n + c, 0),
  );
  row('400s naming the spoiled field', tally.fieldsNamed);
  row('unknown or refused query fields', tally.faultyQueries);
  row('violations', tally.violations.length);
  row('tables changed', changed.length === 0 ? 'none' : changed.join(', '));
  for (const v of tally.violations.slice(0, 10)) {
    console.log(`\n  ${v.request.method} ${v.request.url.slice(0, 200)} (${v.request.kind}, as ${v.request.caller})`);
    console.log(`    ${v.problems.join('; ')}`);
    console.log(`    → ${v.reply.status} ${v.reply.body.slice(0, 200)}`);
  }
  failed = tally.violations.length > 0 || changed.length > 0 || tally.requests < wanted;
  console.log(
    `\n${failed ? 'FUZZ FAILED' : 'FUZZ PASSED'}: ${tally.requests} requests in ${((Date.now() - started) / 1000).toFixed(0)} s (seed ${seed}); load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
} finally {
  await app.close();
  await database.close();
}
process.exit(failed ? 1 : 0);
