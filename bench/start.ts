/**
 * npm run bench:start — how soon the platform answers, run as an administrator runs it (compiled;
 * build/compile.mjs compiles first when a source changed):
 *  - `sipas --help` until it has printed (target ≤ 0.3 s), beside Node's own start (`node -e 0`);
 *  - `npm start` on a data folder that already holds the database (migrated, seeded, demo
 *    responses loaded by a first start that is not counted) until GET /api/health answers 200
 *    (target ≤ 3 s);
 *  - `sipas analyze FILE --questionnaire 2024 --by district` on a CSV of 200,000 synthetic responses,
 *    the whole command, beside R's survey package computing the same figures or fewer from the
 *    same file (bench/analyze-reference.R; where Rscript and survey are installed): target ours at
 *    least 100 times faster.
 * Wall clock and CPU time (user + system) are printed: on a shared machine the wall clock mostly
 * measures the others, so the ratio is taken on CPU time.
 * Options: --runs N (5), --responses N (200000), --no-r (skip R, which takes a minute or two).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { stringify } from 'csv-stringify/sync';
import { compile, isCurrent } from '../build/compile.mjs';
import { freePort, repositoryRoot } from '../checks/support/server-process.ts';
import { seededQuestionnaire } from '../db/seed/questionnaires/index.ts';
import { syntheticMicrodata } from '../tests/support/synthetic-microdata.ts';

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '5' }, responses: { type: 'string', default: '200000' }, 'no-r': { type: 'boolean', default: false } },
});
const runs = Number(values.runs);
const responses = Number(values.responses);
const work = mkdtempSync(join(tmpdir(), 'sipas-bench-start-'));

interface Timed {
  wallMs: number;
  cpuMs: number;
  status: number | null;
  stderr: string;
}

/** Runs a command to its end under /usr/bin/time (GNU time), which reports its CPU time and its children's. */
function timed(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Timed {
  const report = join(work, 'time.txt');
  const started = performance.now();
  const run = spawnSync('/usr/bin/time', ['-f', '%U %S', '-o', report, command, ...args], {
    cwd: repositoryRoot,
    env,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  const wallMs = performance.now() - started;
  const [user, system] = spawnSync('tail', ['-n', '1', report], { encoding: 'utf8' }).stdout.trim().split(' ').map(Number);
  return { wallMs, cpuMs: (user + system) * 1000, status: run.status, stderr: run.stderr };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const best = (list: number[]) => Math.min(...list);
const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
const summary = (list: Timed[]) =>
  `wall best ${seconds(best(list.map((t) => t.wallMs)))}, median ${seconds(median(list.map((t) => t.wallMs)))}; CPU best ${seconds(best(list.map((t) => t.cpuMs)))}, median ${seconds(median(list.map((t) => t.cpuMs)))}`;
const verdict = (met: boolean) => (met ? 'met' : 'NOT met');

if (!existsSync('/usr/bin/time')) throw new Error('bench:start needs /usr/bin/time (Debian: apt-get install time)');
if (!isCurrent()) await compile();
console.log(
  `bench:start — load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')} on ${cpus().length} cores`,
);

// 1. The command line.
const node = Array.from({ length: runs }, () => timed(process.execPath, ['-e', '0']));
const help = Array.from({ length: runs }, () => timed(process.execPath, ['bin/sipas.mjs', '--help']));
console.log(`  node -e 0 (Node's own start): ${summary(node)}`);
console.log(`  sipas --help: ${summary(help)} — target ≤ 0.3 s: ${verdict(best(help.map((t) => t.wallMs)) <= 300)}`);

// 2. npm start on an existing data folder.
/** CPU time (ms) used so far by the processes of a process group: npm, the shell, the server (Linux /proc; clock ticks of 10 ms). */
function groupCpuMs(group: number): number {
  let ticks = 0;
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      if (Number(fields[2]) === group) ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // gone meanwhile
    }
  }
  return ticks * 10;
}

async function startUntilHealthy(env: NodeJS.ProcessEnv): Promise<{ wallMs: number; cpuMs: number }> {
  const port = await freePort();
  const started = performance.now();
  const log = join(work, 'server.log');
  const child = spawn('sh', ['-c', `exec npm start >>'${log}' 2>&1`], {
    cwd: repositoryRoot,
    env: { ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: 'ignore',
    detached: true,
  });
  let running = true;
  const exited = new Promise((resolve) => child.once('exit', resolve)).then(() => (running = false));
  try {
    for (;;) {
      const answer = await fetch(`http://127.0.0.1:${port}/api/health`).catch(() => undefined);
      if (answer?.status === 200) return { wallMs: performance.now() - started, cpuMs: groupCpuMs(child.pid!) };
      if (!running || performance.now() - started > 120_000) throw new Error(`npm start: no healthy answer (${log}):\n${readFileSync(log, 'utf8')}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  } finally {
    if (running) process.kill(-child.pid!, 'SIGTERM');
    await exited;
    // npm may end before the server it started has closed the data folder: wait for the whole group.
    const alive = () => {
      try {
        process.kill(-child.pid!, 0);
        return true;
      } catch {
        return false;
      }
    };
    while (alive()) await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
const serverEnv = {
  ...process.env,
  DATABASE_URL: '',
  SIPAS_DATA_DIR: join(work, 'data'),
  SIPAS_SECRET: 'b'.repeat(40),
  SIPAS_SECRET_FILE: join(work, 'secret'),
  LOG_LEVEL: 'warn',
};
const first = await startUntilHealthy(serverEnv);
const starts: Array<{ wallMs: number; cpuMs: number }> = [];
for (let r = 0; r < Math.min(runs, 3); r++) starts.push(await startUntilHealthy(serverEnv));
const startWall = starts.map((s) => s.wallMs);
console.log(`  npm start, first start (migrations, seeds, demo responses; not counted): ${seconds(first.wallMs)}`);
console.log(
  `  npm start on that data folder until GET /api/health is 200: wall ${startWall.map(seconds).join(', ')}; CPU (npm and server) ${starts.map((s) => seconds(s.cpuMs)).join(', ')} — target ≤ 3 s: ${verdict(best(startWall) <= 3000)}`,
);

// 3. sipas analyze beside R.
const file = join(work, 'microdata.csv');
const { header, rows } = syntheticMicrodata(seededQuestionnaire('2024')!, { responses, psus: 400, districts: 8, seed: 2025 });
writeFileSync(file, stringify([header, ...rows]));
const analyze = Array.from({ length: Math.min(runs, 3) }, () => {
  const run = timed(process.execPath, [
    'bin/sipas.mjs',
    'analyze',
    file,
    '--questionnaire',
    '2024',
    '--by',
    'district',
    '--format',
    'json',
    '--out',
    join(work, 'result.json'),
  ]);
  if (run.status !== 0) throw new Error(`sipas analyze failed: ${run.stderr}`);
  return run;
});
console.log(`  sipas analyze, ${responses.toLocaleString('en')} responses by district (whole command): ${summary(analyze)}`);
const withR = !values['no-r'] && spawnSync('Rscript', ['-e', 'library(survey)'], { stdio: 'ignore' }).status === 0;
if (withR) {
  const r = timed('Rscript', ['bench/analyze-reference.R', file]);
  if (r.status !== 0) throw new Error(`R failed: ${r.stderr}`);
  const ratio = r.cpuMs / best(analyze.map((t) => t.cpuMs));
  console.log(`  R survey (bench/analyze-reference.R, the same figures or fewer): wall ${seconds(r.wallMs)}, CPU ${seconds(r.cpuMs)}`);
  console.log(
    `  sipas analyze is ${ratio.toFixed(0)}× faster than R on CPU time (wall: ${(r.wallMs / best(analyze.map((t) => t.wallMs))).toFixed(0)}×) — target ≥ 100×: ${verdict(ratio >= 100)}`,
  );
} else {
  console.log('  R survey: not run (--no-r, or Rscript with the survey package not installed)');
}
rmSync(work, { recursive: true, force: true });
