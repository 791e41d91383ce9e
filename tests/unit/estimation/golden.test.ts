/**
 * Agreement with R's survey package (version 4.1) on synthetic data with strata, clustered answers,
 * unequal weights, skip logic, missing answers and a stratum with a single PSU. The reference was
 * produced by tests/golden/reference.R (svydesign + svymean / svytotal + svycontrast, calibrate
 * with calfun = "raking", survey.lonely.psu = "adjust") and is compared to 1e-9 relative.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { analyzeMicrodata, type AnalysisOptions } from '../../../analysis/estimation/analyze.ts';
import { readMicrodata } from '../../../analysis/estimation/microdata.ts';
import type { AnalysisResult } from '../../../analysis/estimation/results.ts';
import { estimationPlan } from '../../../analysis/estimation/variables.ts';
import { seededQuestionnaire } from '../../../db/seed/questionnaires/index.ts';

interface Reference {
  group: string;
  index: string;
  estimate: number;
  se: number;
  deff?: number;
  mean?: number;
  mean_se?: number;
  mean_deff?: number;
}

const folder = new URL('../../golden/', import.meta.url);
const read = (name: string) => readFileSync(new URL(name, folder), 'utf8');
const reference = JSON.parse(read('reference.json')) as Record<'column' | 'frame' | 'raked', Reference[]> & { raked_weights: number[] };
const def = seededQuestionnaire('2024')!;
const [header, ...rows] = parse(read('microdata.csv')) as string[][];
const { data } = readMicrodata(header, rows, estimationPlan(def));
const csvRecords = (name: string) => parse(read(name), { columns: true }) as Array<Record<string, string>>;

function ours(options: Partial<AnalysisOptions>): AnalysisResult {
  return analyzeMicrodata(def, data, { levels: ['all', 'district', 'sex'], ...options });
}

function expectClose(actual: number | null | undefined, expected: number, what: string) {
  expect(actual, what).not.toBeNull();
  // A share raked to its margin (age group raked to age margins) is fixed: its SE is zero up to
  // rounding (1e-15 of a point) on both sides, so tiny figures are compared on an absolute scale.
  const scale = Math.max(Math.abs(expected), 1e-6);
  expect(Math.abs(actual! - expected) / scale, `${what}: ${actual} vs R ${expected}`).toBeLessThan(1e-9);
}

function compare(result: AnalysisResult, expected: Reference[]) {
  for (const ref of expected) {
    const [level, code] = ref.group.startsWith('sex:') ? ['sex', ref.group.slice(4)] : [ref.group === 'all' ? 'all' : 'district', ref.group];
    const group = result.groups.find((g) => g.level === level && g.code === code)!;
    const what = `${ref.group} ${ref.index}`;
    if (ref.index.includes('=')) {
      const [question, option] = ref.index.split('=');
      const share = group.options.find((o) => o.question === question)!.shares.find((s) => s.option === option)!;
      expectClose(share.estimate, ref.estimate, `${what} share`);
      expectClose(share.se, ref.se, `${what} share se`);
      continue;
    }
    const index = group.indices.find((i) => i.index === ref.index)!;
    expectClose(index.estimate, ref.estimate, what);
    expectClose(index.se, ref.se, `${what} se`);
    if (ref.deff !== undefined) expectClose(index.deff, ref.deff, `${what} deff`);
    if (ref.mean !== undefined) {
      const item = group.items.find((i) => i.item === ref.index)!;
      expectClose(item.mean.estimate, ref.mean, `${what} mean`);
      expectClose(item.mean.se, ref.mean_se!, `${what} mean se`);
      expectClose(item.mean.deff, ref.mean_deff!, `${what} mean deff`);
    }
  }
}

describe('estimates agree with R survey to 1e-9', () => {
  it('compares every figure R produced, for domains that nest PSUs and domains that cut across them', () => {
    expect(reference.column.filter((r) => r.group.startsWith('sex:')).length).toBeGreaterThan(40);
    expect(new Set(reference.column.map((r) => r.group)).size).toBe(11);
  });

  it('with the weight column: items, means, design effects, composites and option shares, overall, per district and per sex', () => {
    compare(ours({}), reference.column);
  });

  it('with design weights N_h / n_h from a frame', () => {
    const frame = new Map(csvRecords('frame.csv').map((r) => [r.stratum, Number(r.population)]));
    compare(ours({ frame }), reference.frame);
  });

  it('with weights raked to sex and age margins, standard errors accounting for the calibration', () => {
    const margins = csvRecords('margins.csv').map((r) => ({ variable: r.variable, category: r.category, total: Number(r.total) }));
    const result = ours({ margins, raking: { tolerance: 1e-13, maxIterations: 1000 } });
    expect(result.raking?.converged).toBe(true);
    compare(result, reference.raked);
  });
});
