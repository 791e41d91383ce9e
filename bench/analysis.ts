/**
 * npm run bench:analysis — the estimation of a national round: by default 1,000,000 synthetic
 * responses to the 2024 questionnaire in 34 provinces of 100 communes each (two-tier government:
 * strata are province × channel), paper forms clustered by commune, one office per commune (office
 * responses clustered by office), 3 % online (each response its own PSU).
 *
 * It prints two times, best of --runs:
 *  - from cell statistics (what the results API has after its GROUP BY, or a cache keeps): every
 *    figure of every level — national (population-weighted provinces), province, commune, office —
 *    with SE, intervals, design effect, reliability and composites; target ≤ 0.5 s, and well under;
 *  - from the rows (sipas analyze on a file already read): reducing a million rows to cells, then
 *    the same estimation; target ≤ 2 s.
 * Options: --responses N, --provinces N, --communes N (per province), --online-share F, --runs N,
 * --rank (also rank provinces, and communes and offices inside their province, by every index).
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import { analyzeMicrodata, estimateFromStatistics, microdataStatistics, type AnalysisOptions } from '../analysis/estimation/analyze.ts';
import { UNANSWERED, type Microdata } from '../analysis/estimation/microdata.ts';
import { estimationPlan } from '../analysis/estimation/variables.ts';
import { satisfactionItems } from '../analysis/questionnaire/structure.ts';
import { seededQuestionnaire } from '../db/seed/questionnaires/index.ts';
import { random } from '../tests/support/synthetic-microdata.ts';

const { values } = parseArgs({
  options: {
    responses: { type: 'string', default: '1000000' },
    provinces: { type: 'string', default: '34' },
    communes: { type: 'string', default: '100' },
    'online-share': { type: 'string', default: '0.03' },
    runs: { type: 'string', default: '3' },
    rank: { type: 'boolean', default: false },
  },
});
const size = Number(values.responses);
const provinces = Number(values.provinces);
const communes = Number(values.communes);
const onlineShare = Number(values['online-share']);
const def = seededQuestionnaire('2024')!;
const plan = estimationPlan(def);
const items = satisfactionItems(def);

// Build the columns directly: a million CSV rows would measure the parser, not the estimation.
const generating = performance.now();
const columns = ['response_id', 'province', 'commune', 'office', 'stratum', 'psu'] as const;
const text = new Map<string, string[]>(columns.map((c) => [c, new Array<string>(size)]));
const weights = new Float64Array(size);
const codes = plan.variables.map(() => new Int32Array(size).fill(UNANSWERED));
const next = random(2025);
const effects = Float64Array.from({ length: provinces * communes * 2 }, () => (next() - 0.5) * 1.4);
for (let i = 0; i < size; i++) {
  const p = Math.floor(next() * provinces);
  const c = Math.floor(next() * communes);
  const province = String(10 + p);
  const commune = `${province}${String(c).padStart(3, '0')}`;
  const u = next();
  const channel = u < onlineShare ? 'online' : u < onlineShare + 0.5 ? 'office' : 'paper';
  const office = channel === 'office' ? `MC-${commune}` : '';
  text.get('response_id')![i] = `R${i}`;
  text.get('province')![i] = province;
  text.get('commune')![i] = commune;
  text.get('office')![i] = office;
  text.get('stratum')![i] = `${province}-${channel}`;
  text.get('psu')![i] = channel === 'online' ? `R${i}` : channel === 'office' ? office : commune;
  weights[i] = channel === 'office' ? 2 + (p % 5) : 40 + (p % 7) * 10;
  const effect = effects[(p * communes + c) * 2 + (channel === 'office' ? 1 : 0)];
  const hadProcedure = channel !== 'paper' || next() < 0.7;
  const complained = hadProcedure && next() < 0.2;
  for (let j = 0; j < plan.itemCount; j++) {
    const item = items[j];
    if ((item.part === 'service' && !hadProcedure) || (item.element === 'B5' && !complained) || next() < 0.03) continue;
    codes[j][i] = Math.min(4, Math.max(0, Math.round(2.7 + effect + (next() - 0.5) * 2.4)));
  }
}
let data: Microdata | undefined = {
  size,
  responseIds: text.get('response_id')!,
  text,
  weights,
  codes,
  present: plan.variables.map((_, j) => j < plan.itemCount),
};
const generated = performance.now() - generating;

const levels = ['all', 'province', 'commune', 'office'];
const options: AnalysisOptions = { levels, ...(values.rank ? { rank: { levels: ['province', 'commune', 'office'] } } : {}) };
const { statistics } = microdataStatistics(def, data, options);
// CPU time of this process (user + system), in ms: on a shared machine the wall clock mostly measures the others.
const wall: number[] = [];
const time = (f: () => unknown) => {
  const started = performance.now();
  const cpu = process.cpuUsage();
  f();
  const used = process.cpuUsage(cpu);
  wall.push(performance.now() - started);
  return (used.user + used.system) / 1000;
};
const runs = Number(values.runs);
const fromRows: number[] = [];
for (let r = 0; r < runs; r++) fromRows.push(time(() => analyzeMicrodata(def, data!, options)));
// The results API holds cell statistics, not a million rows of strings: let the rows go before
// timing the estimation from cells, or every garbage collection would walk them.
data = undefined;
text.clear();
let groups = 0;
let figures = 0;
const fromCells: number[] = [];
for (let r = 0; r < runs; r++) {
  fromCells.push(
    time(() => {
      const result = estimateFromStatistics(def, statistics, options);
      groups = result.groups.length;
      figures = result.groups.reduce((s, g) => s + g.indices.length + g.items.reduce((t, i) => t + 1 + i.distribution.length, 0), 0);
    }),
  );
}
const indicesOnly: number[] = [];
let indexFigures = 0;
for (let r = 0; r < runs; r++) {
  indicesOnly.push(
    time(() => {
      const result = estimateFromStatistics(def, statistics, { ...options, figures: 'indices' });
      indexFigures = result.groups.reduce((s, g) => s + g.indices.length, 0);
    }),
  );
}
const best = (list: number[]) => Math.min(...list);
const seconds = (ms: number) => `${(ms / 1000).toFixed(3)} s`;
console.log(
  `bench:analysis — ${size.toLocaleString('en')} responses, ${provinces} provinces × ${communes} communes, ${statistics.design.psuCount.toLocaleString('en')} PSUs in ${statistics.design.strata.length} strata, ${statistics.cells.length.toLocaleString('en')} cells, questionnaire 2024${values.rank ? ', with rankings' : ''}`,
);
console.log(`  synthetic data built in ${(generated / 1000).toFixed(1)} s (not counted)`);
console.log(
  `  every level (national, province, commune, office): ${groups.toLocaleString('en')} groups, ${figures.toLocaleString('en')} figures with SE, CIs, deff, n_eff, reliability`,
);
console.log(
  `  every figure, from cell statistics: CPU ${fromCells.map(seconds).join(', ')}; best ${seconds(best(fromCells))} — target ≤ 0.5 s: ${best(fromCells) <= 500 ? 'met' : 'NOT met'}`,
);
console.log(
  `  indices only (${indexFigures.toLocaleString('en')} figures), from cell statistics: CPU ${indicesOnly.map(seconds).join(', ')}; best ${seconds(best(indicesOnly))} — target ≤ 0.5 s: ${best(indicesOnly) <= 500 ? 'met' : 'NOT met'}`,
);
console.log(
  `  from rows:            CPU ${fromRows.map(seconds).join(', ')}; best ${seconds(best(fromRows))} — target ≤ 2 s: ${best(fromRows) <= 2000 ? 'met' : 'NOT met'}`,
);
console.log(
  `  wall clock of the same runs: ${wall.map(seconds).join(', ')}; load average ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')} on ${os.cpus().length} cores`,
);
