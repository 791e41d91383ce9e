/**
 * npm run bench:ingest — how many finished responses the server acknowledges per second over
 * loopback on a real PostgreSQL server, its latency at a steady 500 responses/s, and PostgreSQL's
 * own limit for the same statement on this machine (pgbench running the server's own storing
 * statement, one response per statement and transaction).
 * Targets: ≥ 1,500 acknowledged responses/s on 2 cores, p99 ≤ 50 ms at 500/s, ≥ 50 % of pgbench.
 *
 * Every request is a new, valid response (its own UUID and device) through one of many office
 * links. Answers are drawn from a pool made before the runs start: making a realistic response
 * costs about as much CPU as the server spends storing it, and that time, spent in the process
 * that measures, would count as latency and take a core from the server. Link and answers are
 * paired so that no pair repeats within a run (a repeat would be flagged as an identical burst).
 * CPU time per response is printed for the server, for PostgreSQL's backends serving it and for
 * this process: on a shared machine these move far less than throughput does.
 * The benchmark creates its own database on the server and drops it afterwards.
 * Options: --database-url URL (default $DATABASE_URL or postgres://postgres:postgres@localhost:5432/postgres),
 * --duration S (20), --connections N (64), --rate R (500), --offices N (400), --pgbench-clients N (16).
 */
import autocannon from 'autocannon';
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { groupInsertStatement, groupRecords } from '../db/queries/responses.ts';
import { findRoundByCode } from '../db/queries/rounds.ts';
import { seededQuestionnaire } from '../db/seed/questionnaires/index.ts';
import { DEMO_ROUND_CODE } from '../db/seed/index.ts';
import { prepareDatabase } from '../checks/support/fixture.ts';
import { startServer, type ServerProcess } from '../checks/support/server-process.ts';
import { openDatabase } from '../db/client.ts';
import { burstCheck, ownFlags } from '../server/domain/response-flags.ts';
import { responseRow } from '../server/domain/response-row.ts';
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

/** CPU time (user + system) a local process has used so far, in ms; undefined where /proc does not show it. */
function processCpuMs(pid: number): number | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}

/** The PostgreSQL backends serving the bench database (the server's pool), to count their CPU time. */
async function backendPids(url: string): Promise<number[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ pid: number }>('select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()');
    return rows.map((r) => r.pid);
  } finally {
    await client.end();
  }
}

/** Transactions committed in the bench database so far: per response, it shows how large the server's groups were. */
async function commits(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: [row] } = await client.query<{ n: string }>('select xact_commit as n from pg_stat_database where datname = current_database()');
    return Number(row.n);
  } finally {
    await client.end();
  }
}

const sum = (values: Array<number | undefined>) => (values.every((v) => v !== undefined) ? (values as number[]).reduce((a, b) => a + b, 0) : undefined);
const perResponse = (before: number | undefined, after: number | undefined, count: number) =>
  before !== undefined && after !== undefined && count > 0 ? (after - before) / count : undefined;

/**
 * Request bodies without the cost of making them during the run: a pool of answer sets, each
 * body that set with a new id and device id spliced in. The k-th body goes through link
 * k mod L with answer set ⌊k / L⌋ mod A, so a (link, answers) pair comes round only every L·A bodies.
 */
function bodyMaker(tokens: string[], answerSets: number): () => string {
  const pool = Array.from({ length: answerSets }, () => {
    const { id: _id, clientId: _clientId, link: _link, ...rest } = randomLinkSubmission(def, tokens[0]);
    return JSON.stringify(rest).slice(1);
  });
  const links = tokens.map((t) => JSON.stringify(t));
  let k = 0;
  return () => {
    const n = k++;
    return `{"id":"${randomUUID()}","clientId":"device-${randomUUID()}","link":${links[n % links.length]},${pool[Math.floor(n / links.length) % pool.length]}`;
  };
}

interface RunFigures {
  /** Server CPU time per acknowledged response, in ms (load-independent, unlike throughput). */
  cpuPerResponse?: number;
  /** CPU time of PostgreSQL's backends serving the server, per acknowledged response, in ms. */
  databaseCpuPerResponse?: number;
  /** CPU time of this process (autocannon), per acknowledged response, in ms. */
  clientCpuPerResponse?: number;
  /** Acknowledged responses per committed transaction: the server's average group. */
  perCommit?: number;
  acknowledged: number;
  perSecond: number;
  statuses: Record<string, number>;
  errors: number;
  latency: { p50: number; p90: number; p99: number; max: number };
}

async function drive(server: ServerProcess, databaseUrl: string, nextBody: () => string, options: { connections: number; rate?: number }): Promise<RunFigures> {
  const url = server.url;
  const backends = await backendPids(databaseUrl);
  const commitsBefore = await commits(databaseUrl);
  const databaseBefore = sum(backends.map(processCpuMs));
  const clientBefore = process.cpuUsage();
  const cpuBefore = server.cpuMs();
  const result = await autocannon({
    url,
    connections: options.connections,
    duration,
    ...(options.rate ? { overallRate: options.rate } : {}),
    requests: [{
      method: 'POST',
      path: '/api/responses',
      headers: { 'content-type': 'application/json' },
      setupRequest: (request) => ({ ...request, body: nextBody() }),
    }],
  });
  const cpuAfter = server.cpuMs();
  const client = process.cpuUsage(clientBefore);
  const databaseAfter = sum(backends.map(processCpuMs));
  const committed = (await commits(databaseUrl)) - commitsBefore;
  const statuses = Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([code, s]) => [code, Number(s.count)]));
  const acknowledged = (statuses['201'] ?? 0) + (statuses['200'] ?? 0);
  return {
    cpuPerResponse: perResponse(cpuBefore, cpuAfter, acknowledged),
    databaseCpuPerResponse: perResponse(databaseBefore, databaseAfter, acknowledged),
    clientCpuPerResponse: perResponse(0, (client.user + client.system) / 1000, acknowledged),
    perCommit: committed > 0 ? acknowledged / committed : undefined,
    acknowledged,
    perSecond: acknowledged / result.duration,
    statuses,
    errors: result.errors + result.timeouts,
    latency: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max },
  };
}

/**
 * PostgreSQL's own rate for the server's work per response: the statement the server stores a
 * group with (db/queries/responses.ts: burst counts, then INSERT … ON CONFLICT DO NOTHING), run
 * by pgbench with one response per statement and transaction — the server runs nothing else per
 * response. The one row is a real accepted response made by the server's own code, given a new
 * id, device hash and answers fingerprint in SQL on each run.
 */
async function pgbenchInsert(url: string, link: { id: number; officeId: number }, clients: number): Promise<number> {
  const { profile, answers } = randomAnswers(def);
  const database = await openDatabase({ url });
  let round;
  try {
    round = (await findRoundByCode(database.db, DEMO_ROUND_CODE))!;
  } finally {
    await database.close();
  }
  const submitted = new Date();
  const started = new Date(submitted.getTime() - 7 * 60_000);
  const row = responseRow(def, {
    id: randomUUID(), round, channel: 'office', officeId: link.officeId, linkId: link.id, deviceHash: 'd', locality: { province: '67', district: '660', commune: null },
    profile, answers, contentHash: 'c'.repeat(64), startedAt: started, submittedAt: submitted,
  });
  const template = groupRecords([{ ...row, flags: ownFlags({ startedAt: started, submittedAt: submitted, answeredCount: Object.keys(profile).length + Object.keys(answers).length }) }]);
  const literal = (v: unknown) => `'${String(v).replaceAll("'", "''")}'`;
  const fresh = (path: string, value: string) => (json: string) => `jsonb_set(${json}, '{0,${path}}', to_jsonb(${value}))`;
  const record = [fresh('id', 'gen_random_uuid()'), fresh('device_hash', "encode(sha256((random()::text || 'd')::bytea), 'hex')"),
    fresh('answers_fingerprint', "encode(sha256((random()::text || 'f')::bytea), 'hex')")]
    .reduce((json, set) => set(json), `${literal(template)}::jsonb`);
  const { sql: text, params } = new PgDialect().sqlToQuery(groupInsertStatement(sql.raw(`(${record})::text`), burstCheck()));
  const script = text.replace(/\$(\d+)/g, (_, n: string) => literal(params[Number(n) - 1])).replace(/\s+/g, ' ').trim();
  const dir = mkdtempSync(join(tmpdir(), 'sipas-pgbench-'));
  try {
    const file = join(dir, 'insert.sql');
    writeFileSync(file, script + ';\n');
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
  if (run.databaseCpuPerResponse !== undefined) row('PostgreSQL CPU per response', `${run.databaseCpuPerResponse.toFixed(2)} ms`);
  if (run.clientCpuPerResponse !== undefined) row('load generator CPU per response', `${run.clientCpuPerResponse.toFixed(2)} ms`);
  if (run.perCommit !== undefined) row('responses per commit (group size)', run.perCommit.toFixed(1));
}

const database = await createPostgresDatabase(values['database-url']!, 'sipas_bench');
const secret = 'bench-secret-0123456789abcdef0123456789abcdef';
try {
  console.log(`bench:ingest — ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), load average ${load()}`);
  const { tokens } = await prepareDatabase({ url: database.url }, Number(values.offices));
  const nextBody = bodyMaker(tokens, 2000);
  const server = await startServer({ env: { DATABASE_URL: database.url, SIPAS_SECRET: secret } });
  let saturated: RunFigures, steady: RunFigures;
  try {
    // Warm-up: JIT, connection pool, caches.
    await drive(server, database.url, nextBody, { connections: 16, rate: 300 }).catch(() => undefined);
    console.log(`load average before the throughput run: ${load()}`);
    saturated = await drive(server, database.url, nextBody, { connections: Number(values.connections) });
    console.log(`load average before the fixed-rate run: ${load()}`);
    steady = await drive(server, database.url, nextBody, { connections: 64, rate: Number(values.rate) });
  } finally {
    await server.stop();
  }

  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  const { rows: [link] } = await client.query<{ id: number; officeId: number }>(
    `select l.id, l.office_id as "officeId" from survey_links l order by l.id desc limit 1`,
  );
  await client.end();
  console.log(`load average before pgbench: ${load()}`);
  const pgbenchTps = await pgbenchInsert(database.url, link, Number(values['pgbench-clients']));

  printRun(`Throughput: ${values.connections} connections, ${duration} s, as fast as the server answers`, saturated);
  printRun(`Fixed rate: ${values.rate} responses/s, ${duration} s`, steady);
  console.log(`\nPostgreSQL alone: pgbench runs the server's own storing statement (burst counts + INSERT … ON CONFLICT),`);
  console.log(`one response per statement and transaction, ${values['pgbench-clients']} clients, ${duration} s; the server runs nothing else per response`);
  row('responses stored/s', pgbenchTps.toFixed(0));
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
