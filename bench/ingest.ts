/**
 * npm run bench:ingest — how many finished responses the server acknowledges per second over
 * loopback on a real PostgreSQL server (autocannon, closed loop), its latency when responses
 * arrive independently at 500/s on average (bench/paced.ts: Poisson arrivals, open loop, timed
 * from the scheduled send), and PostgreSQL's own limit on this machine (pgbench running the
 * server's own storing statement, and a plain INSERT of the same row, one per transaction).
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
 * --duration S (20), --connections N (64), --rate R (500), --offices N (400), --pgbench-clients N (16),
 * --sockets N (128, keep-alive sockets of the paced run), --seed N (42, the paced run's arrivals).
 */
import autocannon from 'autocannon';
import { randomUUID } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { seededQuestionnaire } from '../db/seed/questionnaires/index.ts';
import { prepareDatabase } from '../checks/support/fixture.ts';
import { processCpuMs, startServer, type ServerProcess } from '../checks/support/server-process.ts';
import { createPostgresDatabase } from '../tests/support/database.ts';
import { randomLinkSubmission } from '../tests/support/random-responses.ts';
import { pacedRun } from './paced.ts';
import { pgbenchRates } from './pgbench-insert.ts';

const { values } = parseArgs({
  options: {
    'database-url': { type: 'string', default: process.env.DATABASE_URL || 'postgres://postgres:postgres@localhost:5432/postgres' },
    duration: { type: 'string', default: '20' },
    connections: { type: 'string', default: '64' },
    rate: { type: 'string', default: '500' },
    offices: { type: 'string', default: '400' },
    'pgbench-clients': { type: 'string', default: '16' },
    sockets: { type: 'string', default: '128' },
    seed: { type: 'string', default: '42' },
  },
});
const duration = Number(values.duration);
const def = seededQuestionnaire('2024')!;
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

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
    const {
      rows: [row],
    } = await client.query<{ n: string }>('select xact_commit as n from pg_stat_database where datname = current_database()');
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

/** What a load generator reports of one run. */
interface LoadFigures {
  seconds: number;
  statuses: Record<string, number>;
  errors: number;
  latency: { p50: number; p90: number; p99: number; max: number };
  /** The paced run only: how late requests left this process, and most awaiting replies at once. */
  sendLag?: { p99: number; max: number };
  maxInFlight?: number;
}

interface RunFigures extends LoadFigures {
  /** Server CPU time per acknowledged response, in ms (load-independent, unlike throughput). */
  cpuPerResponse?: number;
  /** CPU time of PostgreSQL's backends serving the server, per acknowledged response, in ms. */
  databaseCpuPerResponse?: number;
  /** CPU time of this process (the load generator), per acknowledged response, in ms. */
  clientCpuPerResponse?: number;
  /** Acknowledged responses per committed transaction: the server's average group. */
  perCommit?: number;
  acknowledged: number;
  perSecond: number;
}

/** Runs a load and adds what it cost each party per acknowledged response. */
async function measure(databaseUrl: string, server: ServerProcess, load: () => Promise<LoadFigures>): Promise<RunFigures> {
  const backends = await backendPids(databaseUrl);
  const commitsBefore = await commits(databaseUrl);
  const databaseBefore = sum(backends.map(processCpuMs));
  const clientBefore = process.cpuUsage();
  const cpuBefore = server.cpuMs();
  const figures = await load();
  const cpuAfter = server.cpuMs();
  const client = process.cpuUsage(clientBefore);
  // Backends the pool opened during the run count from zero; one that ended leaves the figure unknown.
  const opened = (await backendPids(databaseUrl)).filter((pid) => !backends.includes(pid));
  const databaseAfter = sum([...backends.map(processCpuMs), ...opened.map(processCpuMs)]);
  const committed = (await commits(databaseUrl)) - commitsBefore;
  const acknowledged = (figures.statuses['201'] ?? 0) + (figures.statuses['200'] ?? 0);
  return {
    ...figures,
    cpuPerResponse: perResponse(cpuBefore, cpuAfter, acknowledged),
    databaseCpuPerResponse: perResponse(databaseBefore, databaseAfter, acknowledged),
    clientCpuPerResponse: perResponse(0, (client.user + client.system) / 1000, acknowledged),
    perCommit: committed > 0 ? acknowledged / committed : undefined,
    acknowledged,
    perSecond: acknowledged / figures.seconds,
  };
}

/** Closed loop, for throughput: each of `connections` sends its next request as soon as the last is answered. */
async function saturate(url: string, nextBody: () => string, connections: number, seconds: number): Promise<LoadFigures> {
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    requests: [
      {
        method: 'POST',
        path: '/api/responses',
        headers: { 'content-type': 'application/json' },
        setupRequest: (request) => ({ ...request, body: nextBody() }),
      },
    ],
  });
  return {
    seconds: result.duration,
    statuses: Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([code, s]) => [code, Number(s.count)])),
    errors: result.errors + result.timeouts,
    latency: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max },
  };
}

const row = (label: string, value: string) => console.log(`  ${label.padEnd(34)} ${value}`);
const ms = (v: number) => `${v.toFixed(1)} ms`;

function printRun(title: string, run: RunFigures) {
  console.log(`\n${title}`);
  row('acknowledged responses/s', run.perSecond.toFixed(0));
  row('acknowledged (200/201)', String(run.acknowledged));
  row(
    'replies by status',
    Object.entries(run.statuses)
      .map(([c, n]) => `${c}: ${n}`)
      .join(', '),
  );
  row('socket errors and timeouts', String(run.errors));
  row('latency p50 / p90 / p99 / max', `${ms(run.latency.p50)} / ${ms(run.latency.p90)} / ${ms(run.latency.p99)} / ${ms(run.latency.max)}`);
  if (run.sendLag) row('send lag behind schedule p99 / max', `${ms(run.sendLag.p99)} / ${ms(run.sendLag.max)} (this process's timers, counted in latency)`);
  if (run.maxInFlight !== undefined) row('most requests awaiting a reply', String(run.maxInFlight));
  if (run.cpuPerResponse !== undefined) row('server CPU per response', `${run.cpuPerResponse.toFixed(2)} ms`);
  if (run.databaseCpuPerResponse !== undefined) row('PostgreSQL CPU per response', `${run.databaseCpuPerResponse.toFixed(2)} ms`);
  if (run.clientCpuPerResponse !== undefined) row('load generator CPU per response', `${run.clientCpuPerResponse.toFixed(2)} ms`);
  if (run.perCommit !== undefined) row('responses per commit (group size)', run.perCommit.toFixed(1));
}

const rate = Number(values.rate);
const sockets = Number(values.sockets);
const database = await createPostgresDatabase(values['database-url']!, 'sipas_bench');
const secret = 'bench-secret-0123456789abcdef0123456789abcdef';
try {
  console.log(`bench:ingest — ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), load average ${load()}`);
  const { tokens } = await prepareDatabase({ url: database.url }, Number(values.offices));
  const nextBody = bodyMaker(tokens, 2000);
  const server = await startServer({ env: { DATABASE_URL: database.url, SIPAS_SECRET: secret } });
  const paced = (perSecond: number, seconds: number, seed: number) => () =>
    pacedRun({ url: server.url, path: '/api/responses', rate: perSecond, seconds, seed, sockets, body: nextBody });
  let saturated: RunFigures, steady: RunFigures;
  try {
    // Warm-up: JIT, connection pool, caches.
    await paced(300, Math.min(duration, 10), 1)().catch(() => undefined);
    console.log(`load average before the throughput run: ${load()}`);
    saturated = await measure(database.url, server, () => saturate(server.url, nextBody, Number(values.connections), duration));
    console.log(`load average before the paced run: ${load()}`);
    steady = await measure(database.url, server, paced(rate, duration, Number(values.seed)));
  } finally {
    await server.stop();
  }

  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  const {
    rows: [link],
  } = await client.query<{ id: number; officeId: number }>(`select l.id, l.office_id as "officeId" from survey_links l order by l.id desc limit 1`);
  await client.end();
  console.log(`load average before pgbench: ${load()}`);
  const pgbenchTps = await pgbenchRates(database.url, link, Number(values['pgbench-clients']), duration);

  printRun(
    `Throughput (autocannon, closed loop): ${values.connections} connections, each sending its next request when the last is answered, ${duration} s`,
    saturated,
  );
  printRun(
    `Paced (open loop): Poisson arrivals at ${rate} responses/s (seed ${values.seed}), each sent at its time whether or not earlier ones` +
      ` were answered, over up to ${sockets} keep-alive sockets; latency from the scheduled send time, exact percentiles over every reply, ${duration} s`,
    steady,
  );
  console.log(`\nPostgreSQL alone: pgbench, one response per statement and transaction, statements prepared once per client (-M prepared,`);
  console.log(`as the server's storing statement is), ${values['pgbench-clients']} clients, ${duration} s each`);
  const ofServer = saturated.perSecond / pgbenchTps.serverStatement;
  const ofPlain = saturated.perSecond / pgbenchTps.plainInsert;
  row("server's storing statement/s", `${pgbenchTps.serverStatement.toFixed(0)} (burst counts + INSERT … ON CONFLICT: what the server runs per response)`);
  row('plain single-row INSERT/s', `${pgbenchTps.plainInsert.toFixed(0)} (the same row, no burst counts, no ON CONFLICT)`);
  row('server / storing statement', `${(ofServer * 100).toFixed(0)} %`);
  row('server / plain INSERT', `${(ofPlain * 100).toFixed(0)} %`);
  console.log('\nTargets');
  row('≥ 1,500 acknowledged/s', `${saturated.perSecond.toFixed(0)} ${saturated.perSecond >= 1500 ? 'met' : 'NOT met'}`);
  row(`p99 ≤ 50 ms at ${rate}/s (paced)`, `${ms(steady.latency.p99)} ${steady.latency.p99 <= 50 ? 'met' : 'NOT met'}`);
  row(
    '≥ 50 % of pgbench',
    `${(ofServer * 100).toFixed(0)} % of the storing statement ${ofServer >= 0.5 ? 'met' : 'NOT met'}` +
      ` (judged against the insert the server does; ${(ofPlain * 100).toFixed(0)} % of a plain INSERT)`,
  );
  console.log(`\nload average at the end: ${load()} (the machine may be shared: figures are as measured)`);
} finally {
  await database.drop();
}
