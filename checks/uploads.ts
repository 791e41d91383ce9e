/**
 * npm run check:uploads — the worst uploads sent to a running server (its own process, on PGlite
 * in a temporary folder, or on a fresh database at --database-url), each while a health request
 * is timed every 25 ms: an XLSX that unzips to 1 GB, one that lies about its sizes, a million-row
 * CSV, one 19 MB cell, 10,000 columns, a body over the limit, and a few at once. For each it
 * prints the answer, how long it took, the slowest health reply meanwhile and the server's memory
 * (resident now, and its peak so far); then the largest sound import the limits allow. It fails
 * when a bad upload is not refused with a 4xx, the sound one is not stored, or a health request
 * fails or takes over 30 s.
 * Options: --database-url URL (a PostgreSQL server to make a database on; default PGlite).
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '../db/client.ts';
import { seedDatabase } from '../db/seed/index.ts';
import { satisfactionItems } from '../analysis/questionnaire/structure.ts';
import { seededQuestionnaire } from '../db/seed/questionnaires/index.ts';
import { createUser } from '../server/domain/accounts/auth.ts';
import { csvText, uploadLimits } from '../server/files/tables.ts';
import { createPostgresDatabase } from '../tests/support/database.ts';
import { giantCellCsv, lyingXlsxBomb, manyRowsCsv, xlsxBomb } from '../tests/support/files/hostile-files.ts';
import { startServer } from './support/server-process.ts';

const { values } = parseArgs({ options: { 'database-url': { type: 'string' } } });
const MB = 1024 * 1024;
const PASSWORD = 'check-uploads-password';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const ROUND = 'DN-2025-H1';

function memoryMb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith(field));
  return Number(line?.match(/(\d+)/)?.[1] ?? 0) / 1024;
}

/** Rows of the 2024 template that every round accepts once their serials are issued and returned. */
function soundImport(rows: number): Buffer {
  const def = seededQuestionnaire('2024')!;
  const items = satisfactionItems(def).map((i) => i.code);
  const header = ['serial', 'locality', 'sex', 'age_group', 'had_procedure', ...items, 'comment'];
  return Buffer.from(
    csvText([
      header,
      ...Array.from({ length: rows }, (_, i) => [
        String(i + 1),
        '661',
        i % 2 ? 'nam' : 'nu',
        '35_49',
        'no',
        ...items.map((code) => (code.startsWith('B') ? 'NA' : String(1 + (i % 5)))),
        `Ý kiến số ${i + 1}`,
      ]),
    ]),
  );
}

const dir = await mkdtemp(join(tmpdir(), 'sipas-uploads-'));
const postgres = values['database-url'] ? await createPostgresDatabase(values['database-url'], 'sipas_uploads') : undefined;
const env = postgres ? { DATABASE_URL: postgres.url } : { DATABASE_URL: '', SIPAS_DATA_DIR: join(dir, 'data') };
let failed = false;
try {
  const database = await openDatabase(postgres ? { url: postgres.url } : { dataDir: env.SIPAS_DATA_DIR });
  await database.migrate();
  await seedDatabase(database.db);
  await createUser(database.db, { username: 'check.manager', displayName: 'check', role: 'manager', password: PASSWORD });
  await database.close();

  console.log('check:uploads — making the files …');
  const header = ['serial', 'locality', 'A1_1'];
  const cases: Array<{ what: string; url: string; type: string; body: Buffer }> = [
    { what: 'XLSX unzipping to 1 GB', url: `/api/rounds/${ROUND}/imports`, type: XLSX, body: await xlsxBomb(1024 * MB) },
    { what: 'XLSX lying: 1 GB declared as 1 KB', url: `/api/rounds/${ROUND}/imports`, type: XLSX, body: await lyingXlsxBomb(1024 * MB) },
    { what: 'frame XLSX unzipping to 1 GB', url: `/api/rounds/${ROUND}/frame`, type: XLSX, body: await xlsxBomb(1024 * MB) },
    { what: 'CSV of 1,000,000 rows', url: `/api/rounds/${ROUND}/imports`, type: 'text/csv', body: manyRowsCsv(header, 1_000_000, (i) => `${i + 1},661,4`) },
    { what: 'CSV with one 19 MB cell', url: `/api/rounds/${ROUND}/imports`, type: 'text/csv', body: giantCellCsv(header, 19 * MB) },
    {
      what: 'CSV of 10,000 columns',
      url: `/api/rounds/${ROUND}/imports`,
      type: 'text/csv',
      body: Buffer.from(`${Array.from({ length: 10_000 }, (_, i) => `c${i}`).join(',')}\n1\n`),
    },
    { what: 'body of 25 MB (over the limit)', url: `/api/rounds/${ROUND}/imports`, type: 'text/csv', body: Buffer.alloc(25 * MB, 0x61) },
  ];

  const server = await startServer({ env: { ...env, SIPAS_SECRET: 'x'.repeat(40) } });
  try {
    const login = await fetch(`${server.url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'check.manager', password: PASSWORD }),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const upload = (c: (typeof cases)[number]) =>
      fetch(`${server.url}${c.url}`, {
        method: c.url.endsWith('frame') ? 'PUT' : 'POST',
        headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': c.type },
        body: new Uint8Array(c.body),
      })
        .then(async (res) => ({ status: res.status, body: await res.text() }))
        .catch((error: Error) => ({ status: 0, body: error.message }));

    /** Runs `work` while timing a health request every 25 ms and sampling the server's memory. */
    const watched = async <T>(work: () => Promise<T>) => {
      let slowest = 0;
      let peakRss = 0;
      let healthFailures = 0;
      let running = true;
      const probe = (async () => {
        while (running) {
          const started = performance.now();
          const ok = await fetch(`${server.url}/api/health`, { signal: AbortSignal.timeout(30_000) }).then(
            (r) => r.ok,
            () => false,
          );
          if (!ok) healthFailures++;
          slowest = Math.max(slowest, performance.now() - started);
          peakRss = Math.max(peakRss, memoryMb(server.pid, 'VmRSS'));
          await new Promise((r) => setTimeout(r, 25));
        }
      })();
      const started = performance.now();
      const result = await work();
      const elapsed = performance.now() - started;
      running = false;
      await probe;
      return { result, elapsed, slowest, peakRss, healthFailures };
    };

    console.log(
      `server pid ${server.pid} on ${postgres ? 'PostgreSQL' : 'PGlite'}; resident ${memoryMb(server.pid, 'VmRSS').toFixed(0)} MB after start; load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}\n`,
    );
    console.log(
      `${'upload'.padEnd(38)} ${'size'.padStart(9)}  answer  ${'time'.padStart(8)}  ${'health max'.padStart(10)}  ${'RSS peak'.padStart(9)}  server peak (VmHWM)`,
    );
    const line = (what: string, bytes: number, status: string, r: { elapsed: number; slowest: number; peakRss: number }) =>
      console.log(
        `${what.padEnd(38)} ${`${(bytes / MB).toFixed(2)} MB`.padStart(9)}  ${status.padEnd(6)}  ${`${r.elapsed.toFixed(0)} ms`.padStart(8)}  ${`${r.slowest.toFixed(0)} ms`.padStart(10)}  ${`${r.peakRss.toFixed(0)} MB`.padStart(9)}  ${memoryMb(server.pid, 'VmHWM').toFixed(0)} MB`,
      );
    for (const c of cases) {
      const r = await watched(() => upload(c));
      line(c.what, c.body.length, String(r.result.status), r);
      const message = (() => {
        try {
          return (JSON.parse(r.result.body) as { message?: string }).message;
        } catch {
          return undefined;
        }
      })();
      console.log(`  → ${message ?? r.result.body.slice(0, 160)}`);
      if (r.result.status < 400 || r.result.status >= 500 || r.healthFailures > 0) failed = true;
    }
    // A burst: every worst case at once, twice.
    const burst = await watched(() => Promise.all([...cases, ...cases].map(upload)));
    line(
      'all of them at once, twice',
      cases.reduce((n, c) => n + 2 * c.body.length, 0),
      [...new Set(burst.result.map((r) => r.status))].join('/'),
      burst,
    );
    if (burst.result.some((r) => r.status < 400 || r.status >= 500) || burst.healthFailures > 0) failed = true;
    // The largest file the limits allow, and sound: every row stored, the server still answering.
    const json = (method: string, path: string, body: unknown) =>
      fetch(`${server.url}${path}`, { method, headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const rows = uploadLimits.responses.rows;
    for (const res of [
      await json('POST', `/api/rounds/${ROUND}/paper-forms`, { localityCode: '661', serials: `1-${rows}` }),
      await json('POST', `/api/rounds/${ROUND}/paper-forms/status`, { serials: `1-${rows}`, status: 'returned' }),
    ])
      if (!res.ok) throw new Error(`could not prepare the forms: ${res.status} ${await res.text()}`);
    const sound = { what: `sound import of ${rows.toLocaleString('en')} rows`, url: `/api/rounds/${ROUND}/imports`, type: 'text/csv', body: soundImport(rows) };
    const stored = await watched(() => upload(sound));
    line(sound.what, sound.body.length, String(stored.result.status), stored);
    console.log(`  → ${stored.result.body.slice(0, 400)}`);
    if (stored.result.status !== 200 || stored.healthFailures > 0) failed = true;
    const health = await fetch(`${server.url}/api/health`);
    console.log(
      `\nafter: health ${health.status}; server resident ${memoryMb(server.pid, 'VmRSS').toFixed(0)} MB, peak ${memoryMb(server.pid, 'VmHWM').toFixed(0)} MB; load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
    );
    if (!health.ok) failed = true;
  } finally {
    await server.stop();
  }
} finally {
  await postgres?.drop();
  await rm(dir, { recursive: true, force: true });
}
console.log(
  failed
    ? 'CHECK FAILED: an upload was not refused with a 4xx, or the server stopped answering'
    : 'CHECK PASSED: every upload refused with a worded 4xx; the server kept answering',
);
process.exit(failed ? 1 : 0);
