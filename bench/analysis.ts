/**
 * npm run bench:analysis — estimation on 1,000,000 synthetic responses to the 2024 questionnaire
 * in about 600 PSUs and 8 districts: every index with its standard error, design effect and
 * intervals, overall, per province, per district and per commune. Target: ≤ 2 s for the estimation.
 * Options: --responses N (default 1000000), --psus N (default 600), --rake (also rake to sex × age margins).
 */
import { parseArgs } from 'node:util';
import { analyzeMicrodata } from '../analysis/estimation/analyze.ts';
import { UNANSWERED, type Microdata } from '../analysis/estimation/microdata.ts';
import { estimationPlan } from '../analysis/estimation/variables.ts';
import { seededQuestionnaire } from '../db/seed/questionnaires/index.ts';
import { AGE_GROUPS, generateResponses } from '../tests/support/synthetic-microdata.ts';

const { values } = parseArgs({ options: { responses: { type: 'string', default: '1000000' }, psus: { type: 'string', default: '600' }, rake: { type: 'boolean', default: false } } });
const size = Number(values.responses);
const def = seededQuestionnaire('2024')!;
const plan = estimationPlan(def);

// Build the columns directly: a million CSV rows would measure the parser, not the estimation.
const generating = performance.now();
const text = new Map<string, string[]>(['response_id', 'province', 'district', 'commune', 'stratum', 'psu', 'sex', 'age_group'].map((c) => [c, new Array<string>(size)]));
const weights = new Float64Array(size);
const codes = plan.variables.map(() => new Int32Array(size).fill(UNANSWERED));
const harassmentAt = plan.variables.findIndex((v) => v.code === 'harassment');
const channelsAt = plan.variables.findIndex((v) => v.code === 'info_channels');
const channelIndex = new Map(plan.variables[channelsAt].categories.map((c, k) => [String(c), k]));
generateResponses(def, { responses: size, psus: Number(values.psus), districts: 8, seed: 2025 }, (x, i) => {
  text.get('response_id')![i] = `R${i}`;
  text.get('province')![i] = '67';
  text.get('district')![i] = x.psu.district;
  text.get('commune')![i] = x.psu.commune;
  text.get('stratum')![i] = x.psu.stratum;
  text.get('psu')![i] = x.psu.code;
  text.get('sex')![i] = x.sex;
  text.get('age_group')![i] = x.age;
  weights[i] = x.weight;
  for (let j = 0; j < plan.itemCount; j++) {
    const a = x.answers[j];
    if (a !== '' && a !== 'NA') codes[j][i] = Number(a) - 1;
  }
  if (x.harassment !== 'NA') codes[harassmentAt][i] = ['khong_co', 'mot_so', 'nhieu'].indexOf(x.harassment);
  codes[channelsAt][i] = x.infoChannels.reduce((mask, c) => mask | (1 << channelIndex.get(c)!), 0);
});
const data: Microdata = { size, responseIds: text.get('response_id')!, text, weights, codes, present: plan.variables.map((_, j) => j < plan.itemCount || j === harassmentAt || j === channelsAt) };
const generated = performance.now() - generating;

const margins = values.rake
  ? [
      { variable: 'sex', category: 'nam', total: 0.49e6 }, { variable: 'sex', category: 'nu', total: 0.51e6 },
      ...AGE_GROUPS.map((category, k) => ({ variable: 'age_group', category, total: [0.18, 0.2, 0.3, 0.17, 0.15][k] * 1e6 })),
    ]
  : undefined;

const runs: number[] = [];
let groups = 0;
let indices = 0;
for (let run = 0; run < 3; run++) {
  const started = performance.now();
  const result = analyzeMicrodata(def, data, { levels: ['all', 'province', 'district', 'commune'], margins });
  runs.push(performance.now() - started);
  groups = result.groups.length;
  indices = result.groups.reduce((s, g) => s + g.indices.length, 0);
}
const best = Math.min(...runs);
const psuCount = new Set(text.get('psu')).size;
console.log(`bench:analysis — ${size.toLocaleString('en')} responses, ${psuCount} PSUs, 8 districts, questionnaire 2024${values.rake ? ', raked to sex and age margins' : ''}`);
console.log(`  synthetic data built in ${(generated / 1000).toFixed(1)} s (not counted)`);
console.log(`  estimation (all, province, district, commune: ${groups} domains, ${indices.toLocaleString('en')} indices with SE, CIs, deff, n_eff; plus item means, distributions, option shares)`);
console.log(`  runs: ${runs.map((ms) => `${(ms / 1000).toFixed(2)} s`).join(', ')}; best ${(best / 1000).toFixed(2)} s — target ≤ 2 s: ${best <= 2000 ? 'met' : 'NOT met'}`);
