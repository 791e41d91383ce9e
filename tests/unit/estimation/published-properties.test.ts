/**
 * Invariants of the published figures: national weighting, year-on-year differences, rank
 * intervals, the reliability marking and composites with empty components.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeMicrodata } from '../../../analysis/estimation/analyze.ts';
import { differenceOf } from '../../../analysis/estimation/comparison.ts';
import { readMicrodata } from '../../../analysis/estimation/microdata.ts';
import { rankUnits } from '../../../analysis/estimation/ranking.ts';
import type { GroupResult } from '../../../analysis/estimation/results.ts';
import { estimationPlan } from '../../../analysis/estimation/variables.ts';
import { def2024, itemCodes } from './support.ts';

interface Row {
  province: string;
  stratum: string;
  psu: string;
  weight: number;
  a: number | 'NA';
  b: number | 'NA';
}
const rowArbitrary: fc.Arbitrary<Row> = fc.record({
  province: fc.constantFrom('60', '67', '68'),
  stratum: fc.constantFrom('s1', 's2'),
  psu: fc.constantFrom('a', 'b', 'c'),
  weight: fc.double({ min: 0.5, max: 20, noNaN: true }),
  a: fc.constantFrom(1, 2, 3, 4, 5, 'NA' as const),
  b: fc.constantFrom(2, 4, 5, 'NA' as const),
});

/** Rows → microdata; strata and PSUs are nested in their province. A1_1 = a, B5_1 = b, everything else 4. */
function data(rows: Row[]) {
  const header = ['response_id', 'province', 'stratum', 'psu', 'weight', ...itemCodes];
  const body = rows.map((r, i) => [
    `r${i}`,
    r.province,
    `${r.province}-${r.stratum}`,
    `${r.province}-${r.stratum}-${r.psu}`,
    String(r.weight),
    ...itemCodes.map((code) => String(code === 'A1_1' ? r.a : code.startsWith('B5') ? r.b : 4)),
  ]);
  return readMicrodata(header, body, estimationPlan(def2024)).data;
}
const index = (g: GroupResult, code: string) => g.indices.find((i) => i.index === code)!;

describe('the national figure', () => {
  it("is the population-weighted mean of the provinces' figures, with SE² = Σ W² SE²", () => {
    fc.assert(
      fc.property(fc.array(rowArbitrary, { minLength: 4, maxLength: 60 }), (rows) => {
        const result = analyzeMicrodata(def2024, data(rows), { levels: ['all', 'province'] });
        const national = result.groups.find((g) => g.level === 'all')!;
        const provinces = result.groups.filter((g) => g.level === 'province');
        for (const code of ['A1_1', 'B5_1', 'SIPAS']) {
          const parts = provinces.filter((p) => index(p, code).estimate !== null);
          const figure = index(national, code);
          if (parts.length === 0) {
            expect(figure.estimate).toBeNull();
            continue;
          }
          const population = (p: GroupResult) => rows.filter((r) => r.province === p.code).reduce((s, r) => s + r.weight, 0);
          const total = parts.reduce((s, p) => s + population(p), 0);
          const expected = parts.reduce((s, p) => s + (population(p) / total) * index(p, code).estimate!, 0);
          expect(figure.estimate!).toBeCloseTo(expected, 9);
          if (parts.length > 1 && parts.every((p) => index(p, code).se !== null) && figure.se !== null) {
            expect(figure.se ** 2).toBeCloseTo(
              parts.reduce((s, p) => s + (population(p) / total) ** 2 * index(p, code).se! ** 2, 0),
              9,
            );
          }
          if (parts.length > 1) expect(figure.missing_provinces).toEqual(provinces.filter((p) => index(p, code).estimate === null).map((p) => p.code));
        }
      }),
      { numRuns: 40 },
    );
  });

  it("leaves each province's figures unchanged when other provinces' responses are added or their weights change", () => {
    fc.assert(
      fc.property(fc.array(rowArbitrary, { minLength: 2, maxLength: 50 }), fc.double({ min: 0.1, max: 10, noNaN: true }), (rows, factor) => {
        const alone = analyzeMicrodata(def2024, data(rows.filter((r) => r.province === '60')), { levels: ['province'] }).groups;
        const together = analyzeMicrodata(def2024, data(rows.map((r) => (r.province === '60' ? r : { ...r, weight: r.weight * factor }))), {
          levels: ['province'],
        }).groups;
        for (const group of alone) {
          const same = together.find((g) => g.code === group.code)!;
          group.indices.forEach((i, k) => {
            expect(same.indices[k].estimate).toBe(i.estimate);
            expect(same.indices[k].se).toBe(i.se);
            expect(same.indices[k].reliable).toBe(i.reliable);
          });
        }
      }),
      { numRuns: 40 },
    );
  });
});

describe('reliability marking and composites', () => {
  it('marks a figure reliable exactly when it has no issue, and publishes no SE where none can be estimated', () => {
    fc.assert(
      fc.property(fc.array(rowArbitrary, { minLength: 1, maxLength: 80 }), (rows) => {
        for (const group of analyzeMicrodata(def2024, data(rows), { levels: ['all', 'province', 'psu'] }).groups) {
          for (const figure of [...group.indices, ...group.items.map((i) => i.mean)]) {
            expect(figure.reliable).toBe(figure.issues.length === 0);
            if (figure.estimate === null) expect(figure.issues).toEqual(['no_estimate']);
            else {
              expect(figure.se === null).toBe(!figure.variance_estimable);
              if (figure.psus < 2) expect(figure.variance_estimable).toBe(false);
              if (figure.n < 30) expect(figure.issues).toContain('few_respondents');
            }
          }
        }
      }),
      { numRuns: 40 },
    );
  });

  it('re-weights a composite over its components with answers, and lists the ones left out', () => {
    fc.assert(
      fc.property(fc.array(rowArbitrary, { minLength: 1, maxLength: 40 }), (rows) => {
        const g = analyzeMicrodata(def2024, data(rows.map((r) => ({ ...r, province: '60' }))), { levels: ['all'] }).groups[0];
        const service = ['B1', 'B2', 'B3', 'B4', 'B5'].filter((e) => index(g, e).estimate !== null);
        expect(index(g, 'service').estimate!).toBeCloseTo(service.reduce((s, e) => s + index(g, e).estimate!, 0) / service.length, 9);
        expect(index(g, 'service').missing_components).toEqual(index(g, 'B5').estimate === null ? ['B5'] : []);
        const a1 = ['A1_1', 'A1_2'].filter((code) => index(g, code).estimate !== null);
        expect(index(g, 'A1').estimate!).toBeCloseTo(a1.reduce((s, c) => s + index(g, c).estimate!, 0) / a1.length, 9);
      }),
      { numRuns: 40 },
    );
  });
});

describe('year-on-year differences', () => {
  const figure = fc.record({
    estimate: fc.double({ min: 0, max: 100, noNaN: true }),
    se: fc.option(fc.double({ min: 0, max: 10, noNaN: true }), { nil: null }),
  });
  it('has the SE of independent samples, changes sign with the order of the rounds, and is significant exactly when its interval excludes 0', () => {
    fc.assert(
      fc.property(figure, figure, (now, before) => {
        const d = differenceOf(now, before);
        const back = differenceOf(before, now);
        expect(d.difference).toBeCloseTo(now.estimate - before.estimate, 12);
        expect(back.difference).toBeCloseTo(-d.difference!, 12);
        if (now.se === null || before.se === null) {
          expect([d.se, d.significant]).toEqual([null, null]);
          return;
        }
        expect(d.se!).toBeCloseTo(Math.hypot(now.se, before.se), 12);
        expect(back.significant).toBe(d.significant);
        if (d.z !== null) expect(d.significant).toBe(d.ci_low! > 0 || d.ci_high! < 0);
      }),
    );
  });

  it('takes rounding noise for no change: the same 100 % summed in another order is not a difference to test', () => {
    const d = differenceOf({ estimate: 100, se: 0 }, { estimate: 99.99999999999999, se: 1.4864153794244375e-14 });
    expect([d.z, d.p_value, d.significant]).toEqual([null, null, false]);
    expect(differenceOf({ estimate: 80, se: 0 }, { estimate: 70, se: 0 }).significant).toBe(true);
    expect(differenceOf({ estimate: 80, se: 1e-6 }, { estimate: 80 - 1e-5, se: 1e-6 }).z).toBeCloseTo(7.0710678, 5);
  });
});

describe('rank intervals', () => {
  const units = fc
    .array(
      fc.record({ estimate: fc.double({ min: 0, max: 100, noNaN: true }), variance: fc.option(fc.double({ min: 0, max: 50, noNaN: true }), { nil: null }) }),
      { minLength: 2, maxLength: 12 },
    )
    .map((list) => list.map((u, k) => ({ code: `u${k}`, ...u })));

  it('contain the point rank, widen from individual to joint coverage, and do not depend on the order of the units', () => {
    fc.assert(
      fc.property(units, (list) => {
        const individual = rankUnits(list, () => 0);
        const joint = rankUnits(list, () => 0, 'joint');
        const reversed = rankUnits([...list].reverse(), () => 0);
        for (const u of individual.units) {
          expect(u.rank_low).toBeLessThanOrEqual(u.rank);
          expect(u.rank).toBeLessThanOrEqual(u.rank_high);
          const j = joint.units.find((x) => x.code === u.code)!;
          expect(j.rank_low).toBeLessThanOrEqual(u.rank_low);
          expect(j.rank_high).toBeGreaterThanOrEqual(u.rank_high);
          expect(reversed.units.find((x) => x.code === u.code)).toEqual(u);
          const own = list.find((x) => x.code === u.code)!;
          if (own.variance === null) expect([u.rank_low, u.rank_high]).toEqual([1, list.length]);
        }
      }),
    );
  });

  it('collapse onto the ranks when every estimate is exact and distinct, and span every rank when nothing can be told apart', () => {
    const exact = rankUnits(
      [
        { code: 'a', estimate: 80, variance: 0 },
        { code: 'b', estimate: 70, variance: 0 },
        { code: 'c', estimate: 90, variance: 0 },
      ],
      () => 0,
    );
    expect(exact.units.map((u) => [u.code, u.rank, u.rank_low, u.rank_high])).toEqual([
      ['c', 1, 1, 1],
      ['a', 2, 2, 2],
      ['b', 3, 3, 3],
    ]);
    const vague = rankUnits(
      [
        { code: 'a', estimate: 80, variance: 1e6 },
        { code: 'b', estimate: 70, variance: 1e6 },
      ],
      () => 0,
    );
    expect(vague.units.map((u) => [u.rank_low, u.rank_high])).toEqual([
      [1, 2],
      [1, 2],
    ]);
  });
});
