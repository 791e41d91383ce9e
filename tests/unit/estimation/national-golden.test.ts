/**
 * The published figures over several provinces against R's survey package (4.1), from
 * tests/golden/national/reference.R on the synthetic rounds of tests/golden/national/generate.ts:
 * national and cross-province figures weighted by province populations, every level under each
 * lonely-PSU option, the reliability marking, composites with empty components, year-on-year
 * differences with a locality mapping, rank intervals, composites over the items two versions
 * share, and margins no raking can meet. Numbers agree to 1e-9 (relative, with a floor of 1, so
 * that a standard error that is 0 up to rounding — everyone agrees — matches); counts, flags,
 * reasons and ranks exactly.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { analyzeMicrodata } from '../../../analysis/estimation/analyze.ts';
import { compareRounds } from '../../../analysis/estimation/comparison.ts';
import { DesignError, type LonelyPsu } from '../../../analysis/estimation/design.ts';
import { readMicrodata } from '../../../analysis/estimation/microdata.ts';
import { InfeasibleMarginsError } from '../../../analysis/estimation/raking-feasibility.ts';
import { marginVariables, rake } from '../../../analysis/estimation/raking.ts';
import type { AnalysisResult, EstimateFields } from '../../../analysis/estimation/results.ts';
import { estimationPlan } from '../../../analysis/estimation/variables.ts';
import { compareVersions, restrictToItems } from '../../../analysis/questionnaire/version-comparison.ts';
import { seededQuestionnaire } from '../../../db/seed/questionnaires/index.ts';
import { def2024 } from './support.ts';

interface RFigure {
  level: string;
  code: string;
  index: string;
  estimate: number | null;
  se: number | null;
  se_r: number | null;
  n: number;
  n_eff: number;
  psus: number;
  variance_estimable: boolean;
  reliable: boolean;
  issues: string[];
  missing_components?: string[];
  missing_provinces?: string[];
}
interface RYoy {
  level: string;
  code: string;
  index: string;
  difference: number;
  se: number | null;
  ci_low: number | null;
  ci_high: number | null;
  z: number | null;
  p_value: number | null;
  significant: boolean | null;
}
interface RRanking {
  level: string;
  index: string;
  within: string | null;
  round?: string;
  units: Array<{ code: string; estimate: number; rank: number; rank_low: number; rank_high: number }>;
}
interface Reference {
  options: Record<Exclude<LonelyPsu, 'fail'>, RFigure[]>;
  fail: string;
  yoy: RYoy[];
  rankings: RRanking[];
  common: Array<{ level: string; code: string; index: string; estimate: number; se: number }>;
  raking_bounds: string;
}

const folder = new URL('../../golden/national/', import.meta.url);
const read = (name: string) => readFileSync(new URL(name, folder), 'utf8');
const reference = JSON.parse(read('reference.json')) as Reference;
const load = (name: string) => {
  const [header, ...rows] = parse(read(name)) as string[][];
  const { data, problems } = readMicrodata(header, rows, estimationPlan(def2024));
  expect(problems).toEqual([]);
  return data;
};
const current = load('current.csv');
const previous = load('previous.csv');
const LEVELS = ['all', 'province', 'district', 'commune', 'office'];

function close(actual: number | null | undefined, expected: number | null, what: string) {
  if (expected === null) {
    expect(actual ?? null, what).toBeNull();
    return;
  }
  expect(actual, what).not.toBeNull();
  expect(Math.abs(actual! - expected) / Math.max(Math.abs(expected), 1), `${what}: ${actual} vs R ${expected}`).toBeLessThan(1e-9);
}

function figure(result: AnalysisResult, level: string, code: string, index: string): EstimateFields & { missing_components?: string[] } {
  const group = result.groups.find((g) => g.level === level && g.code === code);
  expect(group, `${level} ${code}`).toBeDefined();
  return group!.indices.find((i) => i.index === index)!;
}

function compareFigures(result: AnalysisResult, expected: RFigure[], option: string) {
  for (const r of expected) {
    const what = `${option} ${r.level} ${r.code} ${r.index}`;
    const ours = figure(result, r.level, r.code, r.index);
    close(ours.estimate, r.estimate, what);
    close(ours.se, r.se, `${what} se`);
    expect(ours.n, `${what} n`).toBe(r.n);
    expect(ours.psus, `${what} psus`).toBe(r.psus);
    close(ours.n_eff, r.n_eff, `${what} n_eff`);
    expect(ours.variance_estimable, `${what} variance estimable`).toBe(r.variance_estimable);
    expect(ours.issues, `${what} issues`).toEqual(r.issues);
    expect(ours.reliable, `${what} reliable`).toBe(r.reliable);
    // Where no variance can be estimated, R says 0 up to rounding (one PSU: ~1e-15 for a mean, ~1e-6
    // points for a contrast, whose delta method cancels large totals) or NaN (no stratum with two).
    if (!r.variance_estimable && r.estimate !== null) expect(r.se_r === null || Math.abs(r.se_r) < 1e-4, `${what}: R's se ${r.se_r}`).toBe(true);
    if (r.missing_components) expect(ours.missing_components, `${what} missing components`).toEqual(r.missing_components);
    if (r.missing_provinces) expect(ours.missing_provinces, `${what} missing provinces`).toEqual(r.missing_provinces);
  }
}

describe('figures over several provinces agree with R survey', () => {
  it('holds the degenerate cases the fixture was built for', () => {
    const adjust = reference.options.adjust;
    expect(adjust.find((f) => f.level === 'all' && f.index === 'B5')!.missing_provinces).toEqual(['60']);
    expect(adjust.find((f) => f.level === 'province' && f.code === '60' && f.index === 'SIPAS')!.missing_components).toEqual(['B5']);
    expect(adjust.find((f) => f.level === 'commune' && f.code === '60102' && f.index === 'B2')!.missing_components).toEqual(['B2_3']);
    expect(adjust.filter((f) => !f.variance_estimable && f.estimate !== null).length).toBeGreaterThan(40);
    expect(reference.options.remove.filter((f) => !f.variance_estimable && f.estimate !== null).length).toBeGreaterThanOrEqual(
      adjust.filter((f) => !f.variance_estimable && f.estimate !== null).length,
    );
  });

  for (const option of ['adjust', 'average', 'remove', 'certainty'] as const) {
    it(`gives R's figures at every level, national included, with lonely PSUs "${option}"`, () => {
      const result = analyzeMicrodata(def2024, current, { levels: LEVELS, lonelyPsu: option });
      compareFigures(result, reference.options[option], option);
    });
  }

  it('refuses a design with a single-PSU stratum under "fail", naming the stratum as R does', () => {
    expect(reference.fail).toContain('603-paper');
    expect(() => analyzeMicrodata(def2024, current, { levels: ['all'], lonelyPsu: 'fail' })).toThrow(DesignError);
    expect(() => analyzeMicrodata(def2024, current, { levels: ['all'], lonelyPsu: 'fail' })).toThrow(/"603-paper"/);
  });

  it("keeps a province's figures the same with or without the other provinces in the data", () => {
    const alone = analyzeMicrodata(def2024, load('current.csv'), { levels: ['province', 'commune'] });
    const rows68 = parse(read('current.csv')) as string[][];
    const [header, ...rows] = rows68;
    const only = readMicrodata(
      header,
      rows.filter((r) => r[2] === '68'),
      estimationPlan(def2024),
    ).data;
    const separate = analyzeMicrodata(def2024, only, { levels: ['province', 'commune'] });
    for (const group of separate.groups) {
      group.indices.forEach((i) => {
        const together = figure(alone, group.level, group.code, i.index);
        expect(together.estimate).toBe(i.estimate);
        expect(together.se).toBe(i.se);
      });
    }
  });

  it("gives R's year-on-year differences, the previous round counted by the units in force now", () => {
    const levels = ['all', 'province', 'district'];
    const now = analyzeMicrodata(def2024, current, { levels });
    const before = analyzeMicrodata(def2024, previous, { levels, unitOf: (_, code) => (code === '67' ? '68' : code) });
    const comparison = compareRounds(now, before, { current: 'NAT-2025', previous: 'NAT-2024', versions: compareVersions(def2024, def2024) });
    expect(comparison.differences.length).toBe(reference.yoy.length);
    for (const r of reference.yoy) {
      const ours = comparison.differences.find((d) => d.level === r.level && d.code === r.code && d.index === r.index)!;
      const what = `${r.level} ${r.code} ${r.index}`;
      close(ours.difference, r.difference, what);
      close(ours.se, r.se, `${what} se`);
      close(ours.ci_low, r.ci_low, `${what} ci_low`);
      close(ours.ci_high, r.ci_high, `${what} ci_high`);
      close(ours.z, r.z, `${what} z`);
      if (r.p_value !== null && r.p_value > 1e-12) close(ours.p_value, r.p_value, `${what} p`);
      expect(ours.significant, `${what} significant`).toBe(r.significant);
    }
  });

  it("gives R's rank intervals: communes and offices inside a province, provinces across the country", () => {
    const now = analyzeMicrodata(def2024, current, { levels: ['commune', 'office'], rank: { levels: ['commune', 'office'] } });
    const before = analyzeMicrodata(def2024, previous, { levels: ['province'], rank: { levels: ['province'] } });
    for (const r of reference.rankings) {
      const source = r.round === 'previous' ? before : now;
      const ranking = source.rankings!.find((x) => x.level === r.level && x.index === r.index && x.within === (r.within ?? null))!;
      expect(ranking, `${r.level} ${r.index} ${r.within}`).toBeDefined();
      const ours = new Map(ranking.units.map((u) => [u.code, u]));
      expect(ranking.units.length, `${r.level} ${r.index}`).toBe(r.units.length);
      for (const unit of r.units) {
        const mine = ours.get(unit.code)!;
        close(mine.estimate, unit.estimate, `${r.level} ${r.index} ${unit.code}`);
        expect([mine.rank, mine.rank_low, mine.rank_high], `${r.level} ${r.index} ${unit.code}`).toEqual([unit.rank, unit.rank_low, unit.rank_high]);
      }
    }
  });

  it("gives R's composites over the items two questionnaire versions word alike", () => {
    const common = new Set(compareVersions(def2024, seededQuestionnaire('2022')!).commonItems);
    const result = analyzeMicrodata(restrictToItems(def2024, common), current, { levels: ['province'] });
    expect(reference.common.some((r) => r.index === 'B1')).toBe(false);
    for (const r of reference.common) {
      close(figure(result, r.level, r.code, r.index).estimate, r.estimate, `${r.code} ${r.index}`);
      close(figure(result, r.level, r.code, r.index).se, r.se, `${r.code} ${r.index} se`);
    }
  });

  it("refuses before raking margins that R's calibrate cannot meet either", () => {
    expect(reference.raking_bounds).toMatch(/Failed to converge/);
    const rows = current.text
      .get('province')!
      .map((p, i) => (p === '60' ? i : -1))
      .filter((i) => i >= 0);
    const weights = Float64Array.from(rows, (i) => current.weights[i]);
    const sex = new Map([['sex', rows.map((i) => current.text.get('sex')![i])]]);
    const total = weights.reduce((s, w) => s + w, 0);
    const margins = [
      { variable: 'sex', category: 'nam', total: 0.05 * total },
      { variable: 'sex', category: 'nu', total: 0.95 * total },
    ];
    expect(() => rake(weights, marginVariables(sex, margins, rows.length), { tolerance: 1e-10, maxIterations: 200, bounds: { lower: 0.5, upper: 2 } })).toThrow(
      InfeasibleMarginsError,
    );
  });
});
