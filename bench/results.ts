/**
 * npm run bench:results — a national round of stored responses, the server running as its own
 * process, timed from the API:
 *  - the results of every level the API offers (`by=` each level, then all of them at once): the first
 *    request (computed) and the warm ones (the same data version: the results cache), target ≤ 0.5 s warm;
 *  - the microdata download, streamed: target ≤ 3 s for 1,000,000 rows, with flat memory (the
 *    server's resident memory is sampled while it streams; its growth is printed): the first
 *    download (exported from the database) and the next (the file kept for the data version).
 *
 * The round: the 34 provinces, 8 districts each and 12 communes per district (synthetic units), 4
 * offices per district; 10,000 synthetic responses (valid answers with their answer bits) made in
 * Node and multiplied in one SQL statement with generate_series; a share comes online (each its
 * own PSU). On PostgreSQL (DATABASE_URL or --database-url) in a database of its own, dropped
 * afterwards unless --keep-database; otherwise on PGlite in a temporary data folder.
 * Options: --responses N (1,000,000 on PostgreSQL, 100,000 on PGlite), --online-share F (0.03),
 * --runs N (warm requests per level, 5), --only microdata|results (one part).
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { get as httpGet } from 'node:http';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { processCpuMs, startServer } from '../checks/support/server-process.ts';
import { openDatabase, type Database } from '../db/client.ts';
import { recordFact } from '../db/queries/installation.ts';
import { demoAnswers, seededRandom } from '../db/seed/demo-answers.ts';
import { seedDatabase } from '../db/seed/index.ts';
import { referenceProvinces } from '../db/seed/provinces.ts';
import { seededQuestionnaire } from '../db/seed/questionnaires/index.ts';
import { RESULT_LEVELS } from '../contract/results.ts';
import { createUser } from '../server/domain/accounts/auth.ts';
import { responseRow, sha256Json } from '../server/domain/responses/response-row.ts';
import { createPostgresDatabase } from '../tests/support/database.ts';

const { values } = parseArgs({
  options: {
    'database-url': { type: 'string', default: process.env.DATABASE_URL || undefined },
    responses: { type: 'string' },
    'online-share': { type: 'string', default: '0.03' },
    'keep-database': { type: 'boolean', default: false },
    runs: { type: 'string', default: '5' },
    only: { type: 'string' },
  },
});
const onPostgres = Boolean(values['database-url']);
const total = Number(values.responses ?? (onPostgres ? 1_000_000 : 100_000));
const onlineShare = Number(values['online-share']);
const runs = Number(values.runs);
/** `--only microdata` or `--only results`: one part of the benchmark. */
const only = values.only;
if (only !== undefined && only !== 'microdata' && only !== 'results') throw new Error('--only takes microdata or results');
const ROUND = 'BENCH-QG';
const TEMPLATES = 10_000;
const DISTRICTS_PER_PROVINCE = 8;
const COMMUNES_PER_DISTRICT = 12;
const OFFICES_PER_DISTRICT = 4;
const PASSWORD = 'bench-results-password';
const WARM_TARGET_MS = 500;
const MICRODATA_TARGET_MS = 3000 * (total / 1_000_000);

const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const verdict = (met: boolean) => (met ? 'met' : 'NOT met');

function rssMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmRSS'));
  return Number(line?.match(/(\d+)/)?.[1] ?? 0) / 1024;
}

/** The driver's own client (pg's pool or PGlite): parameters and arrays as they are. */
type RawClient = { query(text: string, params?: unknown[]): Promise<{ rows: Array<Record<string, unknown>> }> };
const rawClient = (db: Database) => (db as unknown as { $client: RawClient }).$client;

async function loadRound(db: Database): Promise<void> {
  await seedDatabase(db);
  // Only the benchmark's responses: no demo responses on the server's first start.
  await recordFact(db, 'demo_responses_loaded', { skipped: 'bench:results' });
  const client = rawClient(db);
  const provinces = referenceProvinces.map((p) => p.code);
  const districts = provinces.flatMap((p) =>
    Array.from({ length: DISTRICTS_PER_PROVINCE }, (_, k) => ({ province: p, code: `${p}${String(k + 1).padStart(2, '0')}` })),
  );
  await client.query(
    `insert into localities (code, name, level, parent_code, valid_from, valid_to)
     select d, 'Huyện ' || d, 'district', p, date '2004-01-01', null::date from unnest($1::text[], $2::text[]) as u(d, p)
     union all
     select d || lpad(c::text, 2, '0'), 'Xã ' || d || lpad(c::text, 2, '0'), 'commune', d, date '2004-01-01', null::date
     from unnest($1::text[]) as d, generate_series(1, ${COMMUNES_PER_DISTRICT}) c`,
    [districts.map((d) => d.code), districts.map((d) => d.province)],
  );
  await client.query(
    `insert into offices (code, name, locality_code)
     select 'BQ-' || d || '-' || k, 'Điểm khảo sát ' || k || ' (' || d || ')', d from unnest($1::text[]) as d, generate_series(1, ${OFFICES_PER_DISTRICT}) k`,
    [districts.map((d) => d.code)],
  );
  const [round] = (
    await client.query(
      `insert into survey_rounds (code, name, year, period_start, period_end, status, closed_at)
       values ($1, 'SIPAS 2026 — toàn quốc (benchmark)', 2026, '2026-01-01', '2026-06-30', 'closed', now()) returning id`,
      [ROUND],
    )
  ).rows;
  const roundId = Number(round.id);
  await client.query(`insert into round_provinces (round_id, province_code) select $1, p from unnest($2::text[]) p`, [roundId, provinces]);
  await client.query(`insert into round_questionnaires (round_id, respondent_type, questionnaire_version) values ($1, 'citizen', '2024')`, [roundId]);

  const def = seededQuestionnaire('2024')!;
  const next = seededRandom(2025);
  const roundRow = { id: roundId, code: ROUND } as Parameters<typeof responseRow>[1]['round'];
  const templates = Array.from({ length: TEMPLATES }, (_, k) => {
    const { profile, answers } = demoAnswers(def, next, { mood: (next() - 0.5) * 1.2, procedureRate: 0.75 });
    const row = responseRow(def, {
      id: '00000000-0000-4000-8000-000000000000',
      round: roundRow,
      channel: 'paper',
      locality: { province: provinces[0], district: districts[0].code, commune: null },
      profile,
      answers,
      contentHash: sha256Json({ k, profile, answers }),
    });
    return {
      profile,
      answers,
      ratings: `{${row.ratings.join(',')}}`,
      bits: row.answerBits!.toString('hex'),
      hash: row.contentHash,
      fingerprint: row.answersFingerprint,
    };
  });
  await client.query(
    'create table bench_templates (k int primary key, profile jsonb, answers jsonb, ratings smallint[], answer_bits bytea, content_hash text, fingerprint text)',
  );
  await client.query(
    `insert into bench_templates select k - 1, p::jsonb, a::jsonb, r::smallint[], decode(b, 'hex'), h, f
     from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[]) with ordinality as u(p, a, r, b, h, f, k)`,
    [
      templates.map((t) => JSON.stringify(t.profile)),
      templates.map((t) => JSON.stringify(t.answers)),
      templates.map((t) => t.ratings),
      templates.map((t) => t.bits),
      templates.map((t) => t.hash),
      templates.map((t) => t.fingerprint),
    ],
  );
  const offices = (await client.query(`select id, locality_code as d from offices where code like 'BQ-%' order by locality_code, code`)).rows;
  // Deterministic pseudo-random placement from g: channel, district, then office (office channel) or commune.
  await client.query(
    `
    insert into responses (id, round_id, questionnaire_version, channel, office_id, province_code, district_code, commune_code,
      profile, answers, ratings, answer_bits, content_hash, answers_fingerprint, submitted_at)
    select gen_random_uuid(), $1, '2024', p.channel,
      case when p.channel = 'office' then ($2::int[])[1 + p.district * ${OFFICES_PER_DISTRICT} + ((g / ${districts.length}) * 7 % ${OFFICES_PER_DISTRICT})] end,
      ($3::text[])[1 + p.district], ($4::text[])[1 + p.district],
      case when p.channel <> 'office' then ($4::text[])[1 + p.district] || lpad((1 + (g / ${districts.length}) % ${COMMUNES_PER_DISTRICT})::text, 2, '0') end,
      t.profile, t.answers, t.ratings, t.answer_bits, t.content_hash, t.fingerprint, now()
    from generate_series(0, $5 - 1) g
    cross join lateral (select
      case when (g * 2654435761::int8) % 1000 < $6::float8 * 1000 then 'online' when (g * 40503::int8) % 100 < 60 then 'office' else 'paper' end as channel,
      (g * 97 % ${districts.length})::int as district) p
    join bench_templates t on t.k = g % ${TEMPLATES}`,
    [roundId, offices.map((o) => Number(o.id)), districts.map((d) => d.province), districts.map((d) => d.code), total, onlineShare],
  );
  await client.query('drop table bench_templates');
  await client.query('vacuum analyze responses');
  await createUser(db, { username: 'bench.analyst', displayName: 'Bench', role: 'analyst', password: PASSWORD });
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

/**
 * The microdata read as an analyst's machine would read it: by curl where installed (its lines
 * counted by `wc -l`), else by Node's http client. The client shares this machine's cores with the
 * server and PostgreSQL; curl takes a fraction of the CPU a Node client spends on 400 MB.
 */
const downloader = spawnSync('curl', ['--version']).status === 0 ? 'curl' : "Node's http client";
function downloadMicrodata(url: string, cookie: string): Promise<{ bytes: number; lines: number }> {
  return new Promise((resolve, reject) => {
    if (downloader === 'curl') {
      const curl = spawn('curl', ['-sS', '--fail', '-H', '@-', '-w', '%{stderr}%{size_download}', url], { stdio: ['pipe', 'pipe', 'pipe'] });
      const wc = spawn('wc', ['-l'], { stdio: [curl.stdout, 'pipe', 'inherit'] });
      curl.stdin.end(`cookie: ${cookie}\n`);
      let size = '';
      let count = '';
      curl.stderr.on('data', (chunk: Buffer) => (size += chunk.toString('utf8')));
      wc.stdout.on('data', (chunk: Buffer) => (count += chunk.toString('utf8')));
      // curl's exit code and the end of what it wrote to stderr; wc's output read to its end.
      let curlCode: number | null | undefined;
      let sized = false;
      let counted = false;
      const finish = () => {
        if (curlCode === undefined || !sized || !counted) return;
        if (curlCode !== 0) reject(new Error(`microdata: curl ${size.trim()}`));
        else resolve({ bytes: Number(size.trim()), lines: Number(count.trim()) });
      };
      curl.on('exit', (code) => {
        curlCode = code;
        finish();
      });
      curl.stderr.on('end', () => {
        sized = true;
        finish();
      });
      wc.on('close', () => {
        counted = true;
        finish();
      });
      curl.on('error', reject);
      return;
    }
    httpGet(url, { headers: { cookie } }, (res) => {
      if (res.statusCode !== 200) reject(new Error(`microdata: ${res.statusCode}`));
      let bytes = 0;
      let lines = 0;
      res.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        for (let at = chunk.indexOf(10); at >= 0; at = chunk.indexOf(10, at + 1)) lines++;
      });
      res.on('end', () => resolve({ bytes, lines }));
      res.on('error', reject);
    }).on('error', reject);
  });
}

const created = onPostgres ? await createPostgresDatabase(values['database-url']!, 'sipas_bench_results') : undefined;
const dataDir = onPostgres ? undefined : mkdtempSync(join(tmpdir(), 'sipas-bench-results-'));
try {
  console.log(
    `bench:results — a national round of ${total.toLocaleString('en')} stored responses on ${onPostgres ? 'PostgreSQL' : 'PGlite'} (load average ${load()})`,
  );
  let started = performance.now();
  const database = await openDatabase(created ? { url: created.url } : { dataDir: join(dataDir!, 'data') });
  await database.migrate();
  await loadRound(database.db);
  const mix = (await rawClient(database.db).query('select channel, count(*)::int as n from responses group by channel order by channel')).rows;
  await database.close();
  console.log(
    `  loaded in ${seconds(performance.now() - started)}: ${mix.map((r) => `${r.channel} ${Number(r.n).toLocaleString('en')}`).join(', ')}; ` +
      `${referenceProvinces.length} provinces, ${referenceProvinces.length * DISTRICTS_PER_PROVINCE} districts, ` +
      `${referenceProvinces.length * DISTRICTS_PER_PROVINCE * COMMUNES_PER_DISTRICT} communes, ${referenceProvinces.length * DISTRICTS_PER_PROVINCE * OFFICES_PER_DISTRICT} offices`,
  );

  const env = created
    ? { DATABASE_URL: created.url }
    : { DATABASE_URL: '', SIPAS_DATA_DIR: join(dataDir!, 'data'), SIPAS_SECRET: 'b'.repeat(40), SIPAS_SECRET_FILE: join(dataDir!, 'secret') };
  const server = await startServer({ env, timeoutMs: 300_000 });
  try {
    const cookie = await logIn(server.url);
    /** Time to the last byte as sent (gzip, as browsers ask), then the JSON read outside the timing. */
    const timedResults = async (by: string) => {
      const at = performance.now();
      const { status, body, encoding } = await new Promise<{ status: number; body: Buffer; encoding: string }>((resolve, reject) => {
        httpGet(`${server.url}/api/rounds/${ROUND}/results?by=${by}`, { headers: { cookie, 'accept-encoding': 'gzip' } }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks), encoding: String(res.headers['content-encoding'] ?? '') }));
          res.on('error', reject);
        }).on('error', reject);
      });
      const ms = performance.now() - at;
      const json = encoding === 'gzip' ? gunzipSync(body) : encoding === 'br' ? brotliDecompressSync(body) : body;
      if (status !== 200) throw new Error(`results by ${by}: ${status} ${json.toString('utf8').slice(0, 300)}`);
      return { ms, sent: body.length, bytes: json.length, groups: () => (JSON.parse(json.toString('utf8')) as { groups: unknown[] }).groups.length };
    };

    if (only !== 'microdata') console.log(`  GET /api/rounds/${ROUND}/results?by=LEVEL (every index with SE, CIs, deff, item details, option shares):`);
    let worstWarm = 0;
    for (const by of only === 'microdata' ? [] : [...RESULT_LEVELS, RESULT_LEVELS.join(',')]) {
      const first = await timedResults(by);
      const warm: number[] = [];
      for (let run = 0; run < runs; run++) warm.push((await timedResults(by)).ms);
      const median = [...warm].sort((a, b) => a - b)[Math.floor(warm.length / 2)];
      worstWarm = Math.max(worstWarm, median);
      console.log(
        `    by=${by}: ${first.groups().toLocaleString('en')} groups, ${(first.bytes / 1e6).toFixed(1)} MB of JSON (${(first.sent / 1e6).toFixed(1)} MB sent) — first ${seconds(first.ms)}; warm median ${seconds(median)} (${warm.map(seconds).join(', ')})`,
      );
    }
    if (only !== 'microdata')
      console.log(`    slowest warm median ${seconds(worstWarm)} — target ≤ ${seconds(WARM_TARGET_MS)}: ${verdict(worstWarm <= WARM_TARGET_MS)}`);

    if (only !== 'results') {
      // The first download exports from the database (and keeps the file as it goes); the next ones,
      // the data unchanged, are the kept file.
      for (const which of ['first (exported)', 'again (kept file)']) {
        const baseline = rssMb(server.pid);
        let peak = baseline;
        const sampler = setInterval(() => (peak = Math.max(peak, rssMb(server.pid))), 20);
        started = performance.now();
        const cpuBefore = processCpuMs(server.pid) ?? 0;
        const { bytes, lines } = await downloadMicrodata(`${server.url}/api/rounds/${ROUND}/microdata.csv`, cookie);
        const elapsed = performance.now() - started;
        const cpu = (processCpuMs(server.pid) ?? 0) - cpuBefore;
        clearInterval(sampler);
        peak = Math.max(peak, rssMb(server.pid));
        console.log(
          `  GET /api/rounds/${ROUND}/microdata.csv, ${which}: ${(lines - 1).toLocaleString('en')} rows, ${(bytes / 1e6).toFixed(0)} MB in ${seconds(elapsed)} (server CPU ${seconds(cpu)}; read by ${downloader}) — target ≤ ${seconds(MICRODATA_TARGET_MS)} (3 s a million rows): ${verdict(elapsed <= MICRODATA_TARGET_MS)}`,
        );
        console.log(
          `    server memory (RSS): ${baseline.toFixed(0)} MB before, peak ${peak.toFixed(0)} MB while streaming (+${(peak - baseline).toFixed(0)} MB for a ${(bytes / 1e6).toFixed(0)} MB file)`,
        );
      }
    }
    console.log(`  load average at the end: ${load()} (on a shared machine the figures are noisy)`);
  } finally {
    await server.stop();
  }
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  if (values['keep-database'] && created) console.log(`  database kept: ${created.url}`);
  else await created?.drop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}
