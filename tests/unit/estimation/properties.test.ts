import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeMicrodata } from '../../../analysis/estimation/analyze.ts';
import type { AnalysisResult } from '../../../analysis/estimation/results.ts';
import { def2024, microdata, type Row } from './support.ts';

const rowArbitrary: fc.Arbitrary<Row> = fc.record({
  stratum: fc.constantFrom('s1', 's2', 's3'),
  psu: fc.constantFrom('a', 'b', 'c'),
  weight: fc.double({ min: 0.1, max: 50, noNaN: true }),
  district: fc.constantFrom('660', '661'),
  answers: fc.record({
    A1_1: fc.constantFrom(1, 2, 3, 4, 5, '', 'NA'),
    A1_2: fc.constantFrom(1, 2, 3, 4, 5, ''),
    B2_1: fc.constantFrom(1, 4, 5, 'NA'),
  }),
  all: fc.constantFrom(2, 4, 5),
});
const sample = fc.array(rowArbitrary, { minLength: 2, maxLength: 40 });
const analyse = (rows: Row[]) => analyzeMicrodata(def2024, microdata(rows), { levels: ['all', 'district'] });
const figures = (result: AnalysisResult) =>
  result.groups.flatMap((g) => g.indices.map((i) => ({ group: g.code, index: i.index, estimate: i.estimate, se: i.se })));

function expectSameFigures(a: AnalysisResult, b: AnalysisResult) {
  const [fa, fb] = [figures(a), figures(b)];
  expect(fb.length).toBe(fa.length);
  fa.forEach((x, k) => {
    const y = fb[k];
    expect(y.estimate === null).toBe(x.estimate === null);
    if (x.estimate !== null) expect(y.estimate!).toBeCloseTo(x.estimate, 8);
    if (x.se !== null) expect(y.se!).toBeCloseTo(x.se, 8);
  });
}

describe('invariants of the estimators', () => {
  it('keeps every index within 0–100 with a non-negative standard error and an interval around it, or no standard error where none can be estimated', () => {
    fc.assert(
      fc.property(sample, (rows) => {
        for (const g of analyse(rows).groups) {
          for (const i of g.indices) {
            if (i.estimate === null) continue;
            expect(i.estimate).toBeGreaterThanOrEqual(-1e-9);
            expect(i.estimate).toBeLessThanOrEqual(100 + 1e-9);
            if (!i.variance_estimable) {
              expect(i.psus < 2 || i.se === null).toBe(true);
              expect([i.se, i.ci_low, i.ci_logit_low, i.deff]).toEqual([null, null, null, null]);
              expect(i.reliable).toBe(false);
              continue;
            }
            expect(i.se).toBeGreaterThanOrEqual(0);
            expect(i.ci_logit_low!).toBeLessThanOrEqual(i.estimate + 1e-9);
            expect(i.ci_logit_high!).toBeGreaterThanOrEqual(i.estimate - 1e-9);
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it('does not change when every weight is multiplied by the same number', () => {
    fc.assert(
      fc.property(sample, fc.double({ min: 0.01, max: 1000, noNaN: true }), (rows, factor) => {
        expectSameFigures(analyse(rows), analyse(rows.map((r) => ({ ...r, weight: r.weight! * factor }))));
      }),
      { numRuns: 40 },
    );
  });

  it('does not depend on the order of the rows', () => {
    fc.assert(
      fc.property(sample, fc.integer(), (rows, seed) => {
        const shuffled = rows
          .map((r, i) => ({ r, key: (i * 7919 + seed) % 104729 }))
          .sort((a, b) => a.key - b.key)
          .map((x) => x.r);
        expectSameFigures(analyse(rows), analyse(shuffled));
      }),
      { numRuns: 40 },
    );
  });

  it('gives the same estimate to a domain as to its subset analysed alone', () => {
    fc.assert(
      fc.property(sample, (rows) => {
        const inDomain = rows.filter((r) => r.district === '660');
        fc.pre(inDomain.length > 0);
        const domain = analyse(rows).groups.find((g) => g.code === '660')!;
        const alone = analyzeMicrodata(def2024, microdata(inDomain), { levels: ['all'] }).groups[0];
        domain.indices.forEach((x, k) => {
          const y = alone.indices[k];
          if (x.estimate === null) expect(y.estimate).toBeNull();
          else expect(y.estimate!).toBeCloseTo(x.estimate, 8);
        });
      }),
      { numRuns: 40 },
    );
  });
});
