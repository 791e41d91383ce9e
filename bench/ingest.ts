/**
 * npm run bench:ingest — how many finished responses the server acknowledges per second over
 * loopback on a real PostgreSQL server, its latency at a steady 500 responses/s, and PostgreSQL's
 * own limit for the same INSERTs (pgbench, one row per transaction) on this machine.
 * Targets: ≥ 1,500 acknowledged responses/s on 2 cores, p99 ≤ 50 ms at 500/s, ≥ 50 % of pgbench.
 *
 * Every request is a new, valid response (its own UUID and device) through one of many office
 * links. The benchmark creates its own database on the server and drops it afterwards.
 * Options: --database-url URL (default $DATABASE_URL or postgres://postgres:postgres@localhost:5432/postgres),
 * --duration S (20), --connections N (64), --rate R (500), --offices N (400), --pgbench-clients N (16).
 */
import autocannon from 'autocannon';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { seededQuestionnaire } from '../db/seed/questionnaires/index.ts';
import { prepareDatabase } from '../checks/support/fixture.ts';
import { startServer, type ServerProcess } from '../checks/support/server-process.ts';
import { createPostgresDatabase } from '../tests/support/database.ts';
import { randomAnswers, randomLinkSubmission } from '../tests/support/random-responses.ts';

const { values } = parseArgs({
  options: {
    'database-url': { type: 'string', default: process.env.DATABASE_URL || 'postgres://postgres:postgres@localhost:5432/postgres' },
    duration: { type: 'string', default: '20' },
    connections: { type: 'string', default: '64' },
    rate: { type: 'string', default: '500' },
    offices: { type: 'string', default: '400' },
    'pgbench-clients': { type: 'string', default: '16' },
  },
});
const duration = Number(values.duration);
const def = seededQuestionnaire('2024')!;
const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');

interface RunFigures {
  /** Server CPU time per acknowledged response, in ms (load-independent, unlike throughput). */
  cpuPerResponse?: number;
  acknowledged: number;
  perSecond: number;
  statuses: Record<string, number>;
  errors: number;
  latency: { p50: number; p90: number; p99: number; max: number };
}

async function drive(server: ServerProcess, tokens: string[], options: { connections: number; rate?: number }): Promise<RunFigures> {
  const url = server.url;
  const cpuBefore = server.cpuMs();
  let next = 0;
  const result = await autocannon({
    url,
    connections: options.connections,
    duration,
    ...(options.rate ? { overallRate: options.rate } : {}),
    requests: [{
      method: 'POST',
      path: '/api/responses',
      headers: { 'content-type': 'application/json' },
      setupRequest: (request) => ({ ...request, body: JSON.stringify(randomLinkSubmission(def, tokens[next++ % tokens.length])) }),
    }],
  });
  const statuses = Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([code, s]) => [code, Number(s.count)]));
  const acknowledged = (statuses['201'] ?? 0) + (statuses['200'] ?? 0);
  const cpuAfter = server.cpuMs();
  return {
    cpuPerResponse: cpuBefore !== undefined && cpuAfter !== undefined && acknowledged > 0 ? (cpuAfter - cpuBefore) / acknowledged : undefined,
    acknowledged,
    perSecond: acknowledged / result.duration,
    statuses,
    errors: result.errors + result.timeouts,
    latency: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max },
  };
}

/** The same INSERT the server makes, one row per transaction, from several clients at once. */
function pgbenchInsert(url: string, ids: { round: number; office: number; link: number }, clients: number): number {
  const { profile, answers } = randomAnswers(def);
  const json = (v: unknown) => JSON.stringify(v).replaceAll("'", "''");
  const ratings = `{${def.elements.flatMap((e) => e.items).map(() => 4).join(',')}}`;
  const hex = (salt: string) => `encode(sha256((random()::text || '${salt}')::bytea), 'hex')`;
  const script = [
    'INSERT INTO responses (id, round_id, questionnaire_version, channel, office_id, province_code, district_code, commune_code,',
    ' profile, answers, ratings, content_hash, link_id, device_hash, answers_fingerprint, flags, started_at, submitted_at)',
    ` VALUES (gen_random_uuid(), ${ids.round}, '2024', 'office', ${ids.office}, '67', '660', NULL, '${json(profile)}', '${json(answers)}',`,
    ` '${ratings}', ${hex('c')}, ${ids.link}, ${hex('d')}, ${hex('f')}, '{}', now() - interval '7 minutes', now());`,
  ].join('');
  const dir = mkdtempSync(join(tmpdir(), 'sipas-pgbench-'));
  try {
    const file = join(dir, 'insert.sql');
    writeFileSync(file, script + '\n');
    const run = spawnSync('pgbench', ['-n', '-f', file, '-c', String(clients), '-j', String(Math.min(clients, cpus().length)), '-T', String(duration), url], { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`pgbench failed:\n${run.stdout}${run.stderr}`);
    const tps = /tps = ([\d.]+) \(without initial connection time\)/.exec(run.stdout);
    if (!tps) throw new Error(`pgbench printed no tps:\n${run.stdout}`);
    return Number(tps[1]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const row = (label: string, value: string) => console.log(`  ${label.padEnd(34)} ${value}`);
const ms = (v: number) => `${v.toFixed(1)} ms`;

function printRun(title: string, run: RunFigures) {
  console.log(`\n${title}`);
  row('acknowledged responses/s', run.perSecond.toFixed(0));
  row('acknowledged (200/201)', String(run.acknowledged));
  row('replies by status', Object.entries(run.statuses).map(([c, n]) => `${c}: ${n}`).join(', '));
  row('socket errors and timeouts', String(run.errors));
  row('latency p50 / p90 / p99 / max', `${ms(run.latency.p50)} / ${ms(run.latency.p90)} / ${ms(run.latency.p99)} / ${ms(run.latency.max)}`);
  if (run.cpuPerResponse !== undefined) row('server CPU per response', `${run.cpuPerResponse.toFixed(2)} ms`);
}

const database = await createPostgresDatabase(values['database-url']!, 'sipas_bench');
const secret = 'bench-secret-0123456789abcdef0123456789abcdef';
try {
  console.log(`bench:ingest — ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), load average ${load()}`);
  const { tokens } = await prepareDatabase({ url: database.url }, Number(values.offices));
  const server = await startServer({ env: { DATABASE_URL: database.url, SIPAS_SECRET: secret } });
  let saturated: RunFigures, steady: RunFigures;
  try {
    // Warm-up: JIT, connection pool, caches.
    await drive(server, tokens, { connections: 16, rate: 300 }).catch(() => undefined);
    console.log(`load average before the throughput run: ${load()}`);
    saturated = await drive(server, tokens, { connections: Number(values.connections) });
    console.log(`load average before the fixed-rate run: ${load()}`);
    steady = await drive(server, tokens, { connections: 64, rate: Number(values.rate) });
  } finally {
    await server.stop();
  }

  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  const { rows: [ids] } = await client.query<{ round: number; office: number; link: number }>(
    `select l.round_id as round, l.office_id as office, l.id as link from survey_links l order by l.id desc limit 1`,
  );
  await client.end();
  console.log(`load average before pgbench: ${load()}`);
  const pgbenchTps = pgbenchInsert(database.url, ids, Number(values['pgbench-clients']));

  printRun(`Throughput: ${values.connections} connections, ${duration} s, as fast as the server answers`, saturated);
  printRun(`Fixed rate: ${values.rate} responses/s, ${duration} s`, steady);
  console.log(`\nPostgreSQL alone (pgbench, the same INSERT, one row per transaction, ${values['pgbench-clients']} clients, ${duration} s)`);
  row('INSERTs/s', pgbenchTps.toFixed(0));
  const ratio = saturated.perSecond / pgbenchTps;
  row('server / pgbench', `${(ratio * 100).toFixed(0)} %`);
  console.log('\nTargets');
  row('≥ 1,500 acknowledged/s', `${saturated.perSecond.toFixed(0)} ${saturated.perSecond >= 1500 ? 'met' : 'NOT met'}`);
  row('p99 ≤ 50 ms at 500/s', `${ms(steady.latency.p99)} ${steady.latency.p99 <= 50 ? 'met' : 'NOT met'}`);
  row('≥ 50 % of pgbench', `${(ratio * 100).toFixed(0)} % ${ratio >= 0.5 ? 'met' : 'NOT met'}`);
  console.log(`\nload average at the end: ${load()} (the machine may be shared: figures are as measured)`);
} finally {
  await database.drop();
}
