/**
 * npm run check:log-in-timing — how long a refused log-in takes, by reason, against the real
 * server process over HTTP: a wrong password, an unknown name, a deactivated account, and an
 * account held back by failed log-ins (given its right password). Each is refused with the same
 * reply; this prints whether the time tells them apart. It prints figures and asserts nothing
 * (timings depend on the machine): compare each median with the wrong password's and with the
 * spread (p10–p90) of the wrong password's own times.
 *
 * The attempts come through a trusted proxy (SIPAS_TRUST_PROXY=127.0.0.1) with a different
 * X-Forwarded-For each, so that the per-network limits measure nothing but themselves.
 *
 * Options: --rounds N (40 per reason), --database-url URL (default: PGlite in a temporary folder).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../db/client.ts';
import { reserveAttempt } from '../db/queries/log-in-throttle.ts';
import { seedDatabase } from '../db/seed/index.ts';
import { createUser } from '../server/domain/accounts/auth.ts';
import { defaultThrottle } from '../server/domain/accounts/log-in-throttle.ts';
import { createPostgresDatabase } from '../tests/support/database.ts';
import { startServer } from './support/server-process.ts';

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '40' }, 'database-url': { type: 'string' } } });
const rounds = Number(values.rounds);
const PASSWORD = 'mật-khẩu-đủ-dài-2025';

const folder = mkdtempSync(join(tmpdir(), 'sipas-timing-'));
const created = values['database-url'] ? await createPostgresDatabase(values['database-url'], 'sipas_timing') : undefined;
const options = created ? { url: created.url } : { dataDir: join(folder, 'data') };

const database = await openDatabase(options);
await database.migrate();
await seedDatabase(database.db);
for (const username of ['wrong.password', 'inactive', 'held.back']) {
  await createUser(database.db, { username, displayName: username, role: 'keyer', password: PASSWORD });
}
await database.db.execute(sql`update users set active = false where username = 'inactive'`);
// Held back everywhere: its bucket filled from as many networks as it holds.
for (let k = 0; k < defaultThrottle.accountCeiling; k++) await reserveAttempt(database.db, 'held.back', `192.0.2.${k}`, defaultThrottle);
await database.close();

const server = await startServer({
  env: {
    ...(created ? { DATABASE_URL: created.url } : { DATABASE_URL: '', SIPAS_DATA_DIR: options.dataDir }),
    SIPAS_SECRET: 'x'.repeat(40),
    SIPAS_TRUST_PROXY: '127.0.0.1',
  },
});

const reasons = {
  'wrong password': { username: 'wrong.password', password: 'sai-mat-khau-dai-2025' },
  'unknown name': { username: 'nobody.here', password: 'sai-mat-khau-dai-2025' },
  'deactivated (right password)': { username: 'inactive', password: PASSWORD },
  'held back (right password)': { username: 'held.back', password: PASSWORD },
} as const;
type Reason = keyof typeof reasons;
const times = new Map<Reason, number[]>(Object.keys(reasons).map((r) => [r as Reason, []]));
const bodies = new Map<Reason, Set<string>>(Object.keys(reasons).map((r) => [r as Reason, new Set()]));

let client = 0;
async function attempt(reason: Reason): Promise<void> {
  client++;
  const forwarded = `198.18.${client >> 8}.${client & 255}`;
  const started = process.hrtime.bigint();
  const response = await fetch(`${server.url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': forwarded },
    body: JSON.stringify(reasons[reason]),
  });
  const body = await response.text();
  times.get(reason)!.push(Number(process.hrtime.bigint() - started) / 1e6);
  bodies.get(reason)!.add(`${response.status} ${body}`);
}

try {
  // Warm-up (scrypt's first runs, the JIT), then the reasons interleaved in a shuffled order per round.
  for (const reason of Object.keys(reasons) as Reason[]) await attempt(reason);
  for (const list of times.values()) list.length = 0;
  for (let round = 0; round < rounds; round++) {
    const order = (Object.keys(reasons) as Reason[]).sort(() => Math.random() - 0.5);
    for (const reason of order) await attempt(reason);
  }
} finally {
  await server.stop();
  await created?.drop();
  rmSync(folder, { recursive: true, force: true });
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
const reference = [...times.get('wrong password')!].sort((a, b) => a - b);
console.log(`Refused log-ins, ${rounds} per reason, over HTTP to the server process (${created ? 'PostgreSQL' : 'PGlite'}); milliseconds.`);
console.log(['reason'.padEnd(30), 'median', '   p10', '   p90', '  mean', ' Δmedian'].join('  '));
for (const [reason, list] of times) {
  const sorted = [...list].sort((a, b) => a - b);
  const mean = list.reduce((a, b) => a + b, 0) / list.length;
  const cells = [quantile(sorted, 0.5), quantile(sorted, 0.1), quantile(sorted, 0.9), mean, quantile(sorted, 0.5) - quantile(reference, 0.5)];
  console.log([reason.padEnd(30), ...cells.map((v) => v.toFixed(1).padStart(6))].join('  '));
}
const distinct = new Set([...bodies.values()].flatMap((set) => [...set]));
console.log(`Distinct replies (status and body) across all reasons: ${distinct.size}${distinct.size === 1 ? ' — the same for every reason' : ''}`);
console.log(`Spread of the wrong password's own times (p90 − p10): ${(quantile(reference, 0.9) - quantile(reference, 0.1)).toFixed(1)} ms`);
