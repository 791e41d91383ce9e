import { describe, expect, it } from 'vitest';
import { analyzeMicrodata } from '../../../analysis/estimation/analyze.ts';
import type { GroupResult } from '../../../analysis/estimation/results.ts';
import { def2024, itemCodes, microdata, type Row } from './support.ts';

const index = (group: GroupResult, code: string) => group.indices.find((i) => i.index === code)!;
const overall = (rows: Row[]) => analyzeMicrodata(def2024, microdata(rows), { levels: ['all'] }).groups[0];

describe('item index: weighted share answering 4 or 5 among valid answers', () => {
  it('computes a small example by hand, design and all', () => {
    // Stratum S, two PSUs. A1_1 answers (weight): PSU a: 5 (1), 2 (1); PSU b: 4 (2), missing (2), NA (1).
    const rows: Row[] = [
      { psu: 'a', weight: 1, answers: { A1_1: 5 } },
      { psu: 'a', weight: 1, answers: { A1_1: 2 } },
      { psu: 'b', weight: 2, answers: { A1_1: 4 } },
      { psu: 'b', weight: 2, answers: { A1_1: '' } },
      { psu: 'b', weight: 1 },
    ];
    const a11 = index(overall(rows), 'A1_1');
    // Valid answers: 5, 2, 4 with weights 1, 1, 2 → D = 4, N = 1 + 2 = 3, p = 0.75.
    expect(a11.estimate).toBeCloseTo(75, 12);
    expect(a11.n).toBe(3);
    expect(a11.weight_sum).toBe(4);
    // z_i = w (s − p v) / D: PSU a: (1·0.25 + 1·(−0.75)) / 4 = −0.125; PSU b: 2·0.25 / 4 = 0.125.
    // V = 2/(2−1) · ((−0.125 − 0)² + (0.125 − 0)²) = 0.0625 → se = 0.25 → 25 points.
    expect(a11.se).toBeCloseTo(25, 10);
    expect(a11.ci_low).toBeCloseTo(75 - 1.959963984540054 * 25, 10);
    // Kish n_eff = (1 + 1 + 2)² / (1 + 1 + 4) = 16/6.
    expect(a11.n_eff).toBeCloseTo(16 / 6, 12);
    // SRS variance p(1−p)/(n−1) = 0.1875/2 → deff = 0.0625 / 0.09375.
    expect(a11.deff).toBeCloseTo(0.0625 / 0.09375, 12);
    expect(a11.reliable).toBe(false);
  });

  it('has standard error 0 when everyone answers 4 or 5', () => {
    const rows: Row[] = Array.from({ length: 40 }, (_, i) => ({ psu: `p${i % 7}`, stratum: `s${i % 2}`, weight: 1 + (i % 5), all: 4 + (i % 2) }));
    const result = overall(rows);
    for (const code of itemCodes) {
      expect(index(result, code).estimate).toBe(100);
      expect(index(result, code).se).toBe(0);
    }
    const sipas = index(result, 'SIPAS');
    expect(sipas.estimate).toBeCloseTo(100, 12);
    expect(sipas.se).toBe(0);
    expect(sipas.ci_logit_high).toBeCloseTo(100, 12);
  });

  it('reduces to the simple random sampling formula with the n/(n−1) factor when weights are equal and each respondent is a PSU', () => {
    const answers = [5, 4, 4, 3, 2, 5, 1, 4, 3, 5, 4, 2];
    const rows: Row[] = answers.map((a) => ({ weight: 3, answers: { A2_1: a } }));
    const a21 = index(overall(rows), 'A2_1');
    const n = answers.length;
    const p = answers.filter((a) => a >= 4).length / n;
    expect(a21.estimate! / 100).toBeCloseTo(p, 14);
    expect((a21.se! / 100) ** 2).toBeCloseTo((p * (1 - p)) / (n - 1), 14);
    expect(a21.deff).toBeCloseTo(1, 12);
  });

  it('leaves not applicable and missing answers out of the denominator', () => {
    const rows: Row[] = [{ answers: { B1_1: 5 } }, { answers: { B1_1: 1 } }, { answers: { B1_1: '' } }, {}];
    expect(index(overall(rows), 'B1_1')).toMatchObject({ estimate: 50, n: 2 });
  });
});

describe('composite indices', () => {
  const rows: Row[] = Array.from({ length: 60 }, (_, i) => ({
    psu: `p${i % 6}`,
    stratum: `s${i % 3}`,
    weight: 1 + (i % 4),
    all: 1 + ((i * 7) % 5),
    answers: { A1_2: (i % 3) + 3, ...Object.fromEntries(['B5_1', 'B5_2', 'B5_3'].map((code) => [code, i % 2 === 0 ? 5 : 'NA'])) },
  }));
  const result = overall(rows);

  it('averages items into elements, elements into parts, and weights the parts 0.6 / 0.4 into SIPAS', () => {
    const value = (code: string) => index(result, code).estimate!;
    expect(value('A1')).toBeCloseTo((value('A1_1') + value('A1_2')) / 2, 12);
    expect(value('policy')).toBeCloseTo((value('A1') + value('A2') + value('A3') + value('A4')) / 4, 12);
    expect(value('service')).toBeCloseTo(['B1', 'B2', 'B3', 'B4', 'B5'].reduce((s, e) => s + value(e), 0) / 5, 12);
    expect(value('SIPAS')).toBeCloseTo(0.6 * value('policy') + 0.4 * value('service'), 12);
  });

  it('counts as n the respondents who answered at least one of its items', () => {
    expect(index(result, 'B5').n).toBe(30);
    expect(index(result, 'SIPAS').n).toBe(60);
  });

  it('re-weights over the components with a valid answer where one is empty, and says which were left out', () => {
    const noFeedback = overall(rows.map((r) => ({ ...r, answers: { ...r.answers, B5_1: 'NA', B5_2: 'NA', B5_3: 'NA' } })));
    expect(index(noFeedback, 'B5')).toMatchObject({
      estimate: null,
      se: null,
      reliable: false,
      issues: ['no_estimate'],
      missing_components: ['B5_1', 'B5_2', 'B5_3'],
    });
    const value = (code: string) => index(noFeedback, code).estimate!;
    expect(value('service')).toBeCloseTo(['B1', 'B2', 'B3', 'B4'].reduce((s, e) => s + value(e), 0) / 4, 12);
    expect(index(noFeedback, 'service').missing_components).toEqual(['B5']);
    expect(value('SIPAS')).toBeCloseTo(0.6 * value('policy') + 0.4 * value('service'), 12);
    expect(index(noFeedback, 'SIPAS').missing_components).toEqual(['B5']);
    expect(index(noFeedback, 'policy').missing_components).toEqual([]);
    expect(index(noFeedback, 'SIPAS').se).toBeGreaterThan(0);
  });

  it('re-weights by the remaining weights: one empty item of an element leaves the mean of the others', () => {
    const oneEmpty = overall(rows.map((r) => ({ ...r, answers: { ...r.answers, B5_2: 'NA' } })));
    const value = (code: string) => index(oneEmpty, code).estimate!;
    expect(value('B5')).toBeCloseTo((value('B5_1') + value('B5_3')) / 2, 12);
    expect(index(oneEmpty, 'B5').missing_components).toEqual(['B5_2']);
    expect(index(oneEmpty, 'SIPAS').missing_components).toEqual(['B5_2']);
  });

  it('leaves the composite empty under the rule "require" of a questionnaire version', () => {
    const strict = { ...def2024, aggregation: { ...def2024.aggregation, emptyComponents: 'require' as const } };
    const noFeedback = analyzeMicrodata(
      strict,
      microdata(
        rows.map((r) => ({ ...r, answers: { ...r.answers, B5_1: 'NA', B5_2: 'NA', B5_3: 'NA' } })),
        strict,
      ),
      { levels: ['all'] },
    ).groups[0];
    expect(index(noFeedback, 'service').estimate).toBeNull();
    expect(index(noFeedback, 'SIPAS').estimate).toBeNull();
    expect(index(noFeedback, 'policy').estimate).not.toBeNull();
  });
});

describe('domains', () => {
  // Two strata of two PSUs each; district 661 has members in only one PSU of stratum S1.
  const rows: Row[] = [
    ...[5, 4, 2, 5].map((a): Row => ({ stratum: 'S1', psu: 'a', district: '660', answers: { A1_1: a } })),
    ...[4, 4, 1].map((a): Row => ({ stratum: 'S1', psu: 'b', district: '661', answers: { A1_1: a } })),
    ...[3, 5, 4].map((a): Row => ({ stratum: 'S2', psu: 'c', district: '660', weight: 2, answers: { A1_1: a } })),
    ...[2, 5].map((a): Row => ({ stratum: 'S2', psu: 'd', district: '661', weight: 2, answers: { A1_1: a } })),
  ];
  const data = microdata(rows);
  const byDistrict = analyzeMicrodata(def2024, data, { levels: ['district'] }).groups;

  it('estimates a domain over the full design: PSUs without members keep their place with zero totals', () => {
    const d661 = index(byDistrict.find((g) => g.code === '661')!, 'A1_1');
    // By hand: D = 3 + 2·2 = 7, N = 2 + 2 = 4 (4, 4 in b; 5 in d, weight 2), p = 4/7.
    // PSU totals: b: (2 − (4/7)·3)/7 = (2/7)/7; d: (2 − (4/7)·4)/7 = (−2/7)/7; a, c: 0.
    // V = 2·[(2/49 − 1/49)² + (0 − 1/49)²] + 2·[(−2/49 + 1/49)² + (0 + 1/49)²] = 8/49².
    expect(d661.estimate! / 100).toBeCloseTo(4 / 7, 14);
    expect((d661.se! / 100) ** 2).toBeCloseTo(8 / 49 ** 2, 14);
  });

  it('differs from re-running the analysis on the subset as if it were the whole sample', () => {
    // District 661 has two of the three PSUs of stratum S1: alone, the subset would have two.
    const moved: Row[] = [...rows, ...[5, 1, 4].map((a): Row => ({ stratum: 'S1', psu: 'e', district: '661', answers: { A1_1: a } }))];
    const domain = index(analyzeMicrodata(def2024, microdata(moved), { levels: ['district'] }).groups.find((g) => g.code === '661')!, 'A1_1');
    const subsetOnly = index(overall(moved.filter((r) => r.district === '661')), 'A1_1');
    expect(domain.estimate).toBeCloseTo(subsetOnly.estimate!, 12);
    expect(Math.abs(domain.se! - subsetOnly.se!)).toBeGreaterThan(0.01);
  });

  it('gives the overall figures for a domain that holds everyone', () => {
    const all = index(analyzeMicrodata(def2024, data, { levels: ['all'] }).groups[0], 'A1_1');
    const province = index(analyzeMicrodata(def2024, data, { levels: ['province'] }).groups[0], 'A1_1');
    expect(province).toEqual(all);
  });

  it('treats a stratum with a single PSU as centred at the grand mean', () => {
    const lonely: Row[] = [
      { stratum: 'S1', psu: 'a', answers: { A1_1: 5 } },
      { stratum: 'S1', psu: 'b', answers: { A1_1: 1 } },
      { stratum: 'S2', psu: 'c', answers: { A1_1: 4 } },
    ];
    // p = 2/3; PSU totals z = (s − p)/3: a: 1/9, b: −2/9, c: 1/9. S1: 2·((1/9 + 1/18)² + (−2/9 + 1/18)²) = 2·(1/36 + 1/36);
    // S2 (lonely): (1/9)². V = 1/9 + 1/81 = 10/81.
    const a11 = index(overall(lonely), 'A1_1');
    expect((a11.se! / 100) ** 2).toBeCloseTo(10 / 81, 14);
  });
});

describe('per item detail', () => {
  it('gives the weighted mean score and a distribution whose displayed shares add up to 100', () => {
    const rows: Row[] = [1, 2, 3, 3, 4, 5, 5].map((a, i) => ({ weight: 1 + (i % 2), answers: { A1_1: a } }));
    const item = overall(rows).items.find((i) => i.item === 'A1_1')!;
    // Weights 1,2,1,2,1,2,1 → Σw = 10, Σ w·x = 1 + 4 + 3 + 6 + 4 + 10 + 5 = 33.
    expect(item.mean.estimate).toBeCloseTo(3.3, 12);
    expect(item.distribution.map((d) => d.estimate)).toEqual([10, 20, 30, 10, 30].map((x) => expect.closeTo(x, 12)));
    expect(item.distribution.reduce((s, d) => s + d.display!, 0)).toBeCloseTo(100, 10);
  });
});
