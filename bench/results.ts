/**
 * npm run bench:results — a round of 1,000,000 stored responses on a real PostgreSQL server, the
 * server running as its own process: the time of `GET /api/rounds/:code/results?by=district`
 * (target ≤ 3 s) and of the microdata download, streamed (target ≤ 10 s, with flat memory: the
 * server's resident memory is sampled while it streams, and its peak printed).
 *
 * Loading: 10,000 synthetic responses (valid answers, with their answer bits) are made in Node and
 * multiplied in SQL with generate_series across 200 offices, 240 communes and 8 districts; a share
 * comes online (each its own PSU). The benchmark creates its own database and drops it afterwards.
 * Options: --database-url URL (default $DATABASE_URL or postgres://postgres:postgres@localhost:5432/postgres),
 * --responses N (1000000), --online-share F (0.03), --runs N (3), --keep-database (for profiling).
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { startServer } from '../checks/support/server-process.ts';
import { openDatabase } from '../db/client.ts';
import { recordFact } from '../db/queries/installation.ts';
import { upsertLocalities } from '../db/queries/localities.ts';
import { findOfficeByCode, findRoundByCode, insertOfficeIfAbsent } from '../db/queries/rounds.ts';
import { demoAnswers, seededRandom } from '../db/seed/demo-answers.ts';
import { DEMO_ROUND_CODE, seedDatabase } from '../db/seed/index.ts';
import { seededQuestionnaire } from '../db/seed/questionnaires/index.ts';
import { createUser } from '../server/domain/accounts/auth.ts';
import { responseRow, sha256Json } from '../server/domain/responses/response-row.ts';
import { createPostgresDatabase } from '../tests/support/database.ts';

const { values } = parseArgs({
  options: {
    'database-url': { type: 'string', default: process.env.DATABASE_URL || 'postgres://postgres:postgres@localhost:5432/postgres' },
    responses: { type: 'string', default: '1000000' },
    'online-share': { type: 'string', default: '0.03' },
    'keep-database': { type: 'boolean', default: false },
    runs: { type: 'string', default: '3' },
  },
});
const total = Number(values.responses);
const onlineShare = Number(values['online-share']);
const TEMPLATES = 10_000;
const DISTRICTS = ['660', '661', '662', '663', '664', '665', '666', '667'];
const OFFICES_PER_DISTRICT = 25;
const COMMUNES_PER_DISTRICT = 30;
const PASSWORD = 'bench-results-password';
const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

function rssMb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith(field));
  return Number(line?.match(/(\d+)/)?.[1] ?? 0) / 1024;
}

async function loadRound(url: string): Promise<void> {
  const database = await openDatabase({ url });
  const { db } = database;
  await database.migrate();
  await seedDatabase(db);
  // Only the benchmark's responses: no demo responses on the server's first start.
  await recordFact(db, 'demo_responses_loaded', { skipped: 'bench:results' });
  await upsertLocalities(
    db,
    DISTRICTS.flatMap((d) =>
      Array.from({ length: COMMUNES_PER_DISTRICT }, (_, k) => ({
        code: `${d}${String(k + 1).padStart(2, '0')}`,
        name: `Xã ${k + 1} (${d})`,
        level: 'commune' as const,
        parentCode: d,
        validFrom: '2004-01-01',
        validTo: null,
      })),
    ),
  );
  const officeIds: number[] = [];
  for (const d of DISTRICTS) {
    for (let k = 1; k <= OFFICES_PER_DISTRICT; k++) {
      await insertOfficeIfAbsent(db, { code: `BM-${d}-${k}`, name: `Điểm khảo sát ${k} (${d})`, localityCode: d });
      officeIds.push((await findOfficeByCode(db, `BM-${d}-${k}`))!.id);
    }
  }
  const round = (await findRoundByCode(db, DEMO_ROUND_CODE))!;
  const def = seededQuestionnaire('2024')!;
  const next = seededRandom(2025);
  const templates = Array.from({ length: TEMPLATES }, (_, k) => {
    const { profile, answers } = demoAnswers(def, next, { mood: (next() - 0.5) * 1.2, procedureRate: 0.75 });
    const row = responseRow(def, {
      id: '00000000-0000-4000-8000-000000000000',
      round,
      channel: 'paper',
      locality: { province: '67', district: '660', commune: null },
      profile,
      answers,
      contentHash: sha256Json({ k, profile, answers }),
    });
    return {
      k,
      profile: JSON.stringify(profile),
      answers: JSON.stringify(answers),
      ratings: `{${row.ratings.join(',')}}`,
      bits: row.answerBits!.toString('hex'),
      hash: row.contentHash,
      fingerprint: row.answersFingerprint,
    };
  });
  await database.close();

  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(
    'create unlogged table bench_templates (k int primary key, profile jsonb, answers jsonb, ratings smallint[], answer_bits bytea, content_hash text, fingerprint text)',
  );
  await client.query(
    `insert into bench_templates select k, p::jsonb, a::jsonb, r::smallint[], decode(b, 'hex'), h, f
     from unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[]) as u(k, p, a, r, b, h, f)`,
    [
      templates.map((t) => t.k),
      templates.map((t) => t.profile),
      templates.map((t) => t.answers),
      templates.map((t) => t.ratings),
      templates.map((t) => t.bits),
      templates.map((t) => t.hash),
      templates.map((t) => t.fingerprint),
    ],
  );
  // Deterministic pseudo-random placement: channel, district, office or commune from g.
  await client.query(
    `
    insert into responses (id, round_id, questionnaire_version, channel, office_id, province_code, district_code, commune_code,
      profile, answers, ratings, answer_bits, content_hash, answers_fingerprint, submitted_at)
    select gen_random_uuid(), $1, '2024', p.channel,
      case when p.channel = 'office' then ($2::int[])[1 + p.district * ${OFFICES_PER_DISTRICT} + (g * 7 % ${OFFICES_PER_DISTRICT})] end,
      '67', ($3::text[])[1 + p.district],
      case when p.channel <> 'office' then ($3::text[])[1 + p.district] || lpad((1 + (g * 13 % ${COMMUNES_PER_DISTRICT}))::text, 2, '0') end,
      t.profile, t.answers, t.ratings, t.answer_bits, t.content_hash, t.fingerprint, now()
    from generate_series(0, $4 - 1) g
    cross join lateral (select
      case when (g * 2654435761::int8) % 1000 < $5::float8 * 1000 then 'online' when (g * 40503::int8) % 100 < 60 then 'office' else 'paper' end as channel,
      (g * 97 % 8)::int as district) p
    join bench_templates t on t.k = g % ${TEMPLATES}`,
    [round.id, officeIds, DISTRICTS, total, onlineShare],
  );
  await client.query('drop table bench_templates');
  await client.query('vacuum analyze responses');
  await client.end();
}

async function logIn(url: string): Promise<string> {
  const res = await fetch(`${url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'bench.analyst', password: PASSWORD }),
  });
  if (!res.ok) throw new Error(`log-in failed: ${res.status}`);
  return res.headers.get('set-cookie')!.split(';')[0];
}

const created = await createPostgresDatabase(values['database-url']!, 'sipas_bench_results');
try {
  console.log(`bench:results — ${total.toLocaleString('en')} stored responses on PostgreSQL (load average ${load()})`);
  let started = performance.now();
  await loadRound(created.url);
  const account = await openDatabase({ url: created.url });
  await createUser(account.db, { username: 'bench.analyst', displayName: 'Bench', role: 'analyst', password: PASSWORD });
  const mix = await account.db.execute(sql`select channel, count(*)::int as n from responses group by channel order by channel`);
  await account.close();
  console.log(
    `  loaded in ${seconds(performance.now() - started)}: ${(mix as unknown as { rows: Array<{ channel: string; n: number }> }).rows.map((r) => `${r.channel} ${r.n.toLocaleString('en')}`).join(', ')}; ${DISTRICTS.length} districts, ${DISTRICTS.length * OFFICES_PER_DISTRICT} offices, ${DISTRICTS.length * COMMUNES_PER_DISTRICT} communes`,
  );

  const server = await startServer({ env: { DATABASE_URL: created.url } });
  try {
    const cookie = await logIn(server.url);
    const get = (path: string) => fetch(`${server.url}${path}`, { headers: { cookie } });

    const times: number[] = [];
    let groups = 0;
    for (let run = 0; run < Number(values.runs); run++) {
      started = performance.now();
      const res = await get(`/api/rounds/${DEMO_ROUND_CODE}/results?by=district`);
      const body = (await res.json()) as { groups: Array<{ indices: unknown[] }> };
      times.push(performance.now() - started);
      if (!res.ok) throw new Error(`results: ${res.status} ${JSON.stringify(body).slice(0, 300)}`);
      groups = body.groups.length;
    }
    const best = Math.min(...times);
    console.log(`  GET /api/rounds/${DEMO_ROUND_CODE}/results?by=district (${groups} districts, every index with SE, CIs, deff, item details, option shares)`);
    console.log(`    runs: ${times.map(seconds).join(', ')}; best ${seconds(best)} — target ≤ 3 s: ${best <= 3000 ? 'met' : 'NOT met'}`);

    const baseline = rssMb(server.pid, 'VmRSS');
    let peak = baseline;
    const sampler = setInterval(() => (peak = Math.max(peak, rssMb(server.pid, 'VmRSS'))), 50);
    started = performance.now();
    const res = await get(`/api/rounds/${DEMO_ROUND_CODE}/microdata.csv`);
    if (!res.ok || !res.body) throw new Error(`microdata: ${res.status}`);
    let bytes = 0;
    let lines = 0;
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      bytes += chunk.length;
      const view = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length);
      for (let at = view.indexOf(10); at >= 0; at = view.indexOf(10, at + 1)) lines++;
    }
    const elapsed = performance.now() - started;
    clearInterval(sampler);
    peak = Math.max(peak, rssMb(server.pid, 'VmRSS'));
    console.log(
      `  GET /api/rounds/${DEMO_ROUND_CODE}/microdata.csv: ${(lines - 1).toLocaleString('en')} rows, ${(bytes / 1e6).toFixed(0)} MB in ${seconds(elapsed)} — target ≤ 10 s: ${elapsed <= 10_000 ? 'met' : 'NOT met'}`,
    );
    console.log(
      `    server memory (RSS): ${baseline.toFixed(0)} MB before, peak ${peak.toFixed(0)} MB while streaming (+${(peak - baseline).toFixed(0)} MB for a ${(bytes / 1e6).toFixed(0)} MB file)`,
    );
    console.log(`  load average at the end: ${load()} (the machine may be shared: figures are noisy)`);
  } finally {
    await server.stop();
  }
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  if (values['keep-database']) console.log(`  database kept: ${created.url}`);
  else await created.drop();
}
