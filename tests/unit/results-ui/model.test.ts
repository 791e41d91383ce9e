import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Estimate, ResultGroup } from '../../../survey-ui/src/results/api/types.ts';
import { indexColumns, policyRows } from '../../../survey-ui/src/results/model/columns.ts';
import { numberFormats } from '../../../survey-ui/src/results/model/format.ts';
import { byName, parPoints, ranking } from '../../../survey-ui/src/results/model/localities.ts';
import { isReliable, marginOfError, reliabilityProblem, reliabilityProblems } from '../../../survey-ui/src/results/model/reliability.ts';
import { QuestionnaireDefinition } from '../../../analysis/questionnaire/definition.ts';
import { localizeQuestionnaire } from '../../../analysis/questionnaire/localize.ts';
import { sipas2024 } from '../../../db/seed/questionnaires/sipas-2024.ts';

const estimate = (value: number | null, extra: Partial<Estimate> = {}): Estimate => ({
  estimate: value,
  se: 1,
  ci_low: value === null ? null : value - 2,
  ci_high: value === null ? null : value + 2,
  ci_logit_low: null,
  ci_logit_high: null,
  n: 100,
  weight_sum: 100,
  deff: null,
  n_eff: 100,
  reliable: true,
  psus: 10,
  variance_estimable: true,
  issues: [],
  ...extra,
});
const group = (code: string, name: string, sipas: number | null): ResultGroup => ({
  level: 'district',
  code,
  name,
  indices: [{ index: 'SIPAS', ...estimate(sipas) }],
  items: [],
  options: [],
});

describe('the results pages’ model', () => {
  it('sorts localities in Vietnamese order, Đ after D and tones after the base letter', () => {
    const names = ['Đắk Song', 'Cư Jút', 'Tuy Đức', 'Đắk Mil', 'Dương Minh Châu', 'Krông Nô', 'Gia Nghĩa'];
    expect(byName(names.map((name) => ({ name }))).map((r) => r.name)).toEqual([
      'Cư Jút',
      'Dương Minh Châu',
      'Đắk Mil',
      'Đắk Song',
      'Gia Nghĩa',
      'Krông Nô',
      'Tuy Đức',
    ]);
  });

  it('ranks from the highest figure, ties sharing a rank, localities without a figure left out', () => {
    const ranked = ranking([group('1', 'A', 80), group('2', 'B', 90), group('3', 'C', 80), group('4', 'D', null), group('5', 'E', 70)], 'SIPAS');
    expect(ranked.map((r) => [r.group.code, r.rank])).toEqual([
      ['2', 1],
      ['1', 2],
      ['3', 2],
      ['5', 4],
    ]);
  });

  it('gives every ranked locality a rank no better than those with a higher figure', () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }), { maxLength: 30 }), (values) => {
        const ranked = ranking(
          values.map((v, i) => group(String(i), `X${i}`, v)),
          'SIPAS',
        );
        expect(ranked).toHaveLength(values.filter((v) => v !== null).length);
        for (const r of ranked) expect(r.rank).toBe(1 + ranked.filter((o) => o.estimate.estimate! > r.estimate.estimate!).length);
      }),
    );
  });

  it('turns SIPAS into criterion 8.1 points out of 10 (Đắk Nông 2023: 81.7 % → 8.17)', () => {
    expect(parPoints(81.7)).toBeCloseTo(8.17, 10);
    expect(parPoints(100)).toBe(10);
  });

  it('reads why a figure is unreliable from its own issues, never from n alone', () => {
    expect(reliabilityProblem(estimate(80))).toBeNull();
    expect(reliabilityProblem(estimate(null, { reliable: false, issues: ['no_estimate'] }))).toBe('noData');
    // 300 respondents, yet a single PSU: the server says the variance cannot be estimated, and so does the page.
    expect(reliabilityProblems(estimate(80, { reliable: false, n: 300, variance_estimable: false, issues: ['variance_not_estimable'] }))).toEqual([
      'varianceNotEstimable',
    ]);
    expect(reliabilityProblems(estimate(80, { reliable: false, n: 12, issues: ['few_respondents', 'low_effective_n'] }))).toEqual([
      'fewRespondents',
      'lowEffectiveN',
    ]);
    expect(reliabilityProblem(estimate(80, { reliable: false, n: 300, issues: ['wide_interval'] }))).toBe('wideInterval');
    expect(marginOfError(estimate(80, { ci_low: 75, ci_high: 86 }))).toBe(5.5);
    // The logit interval of a percentage is the one shown (the rule judges its width).
    expect(marginOfError(estimate(80, { ci_low: 75, ci_high: 86, ci_logit_low: 74, ci_logit_high: 84 }))).toBe(5);
  });

  it('never shows a figure whose variance cannot be estimated as reliable, whatever else it says', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.integer({ min: 0, max: 5000 }), (reliable, n) => {
        expect(isReliable(estimate(70, { reliable, n, variance_estimable: false, se: null }))).toBe(false);
      }),
    );
  });

  it('formats percentages the Vietnamese way, with a decimal comma', () => {
    const vi = numberFormats('vi-VN');
    expect(vi.percent(83.94)).toBe('83,9');
    expect(vi.points(8.394)).toBe('8,39');
    expect(vi.count(36525)).toBe('36.525');
    expect(vi.percent(null)).toBe('—');
  });

  it('takes the indices and the nine policies from the questionnaire, in its language', () => {
    const q = localizeQuestionnaire(QuestionnaireDefinition.parse(sipas2024), 'vi');
    const columns = indexColumns(q, { SIPAS: 'SIPAS', policy: 'Chỉ số chính sách', service: 'Chỉ số dịch vụ' });
    expect(columns.map((c) => c.code)).toEqual(['SIPAS', 'policy', 'service', 'A1', 'A2', 'A3', 'A4', 'B1', 'B2', 'B3', 'B4', 'B5']);
    const policies = policyRows(q);
    expect(policies).toHaveLength(9);
    expect(policies[1]).toEqual({ item: 'A3_2', label: 'Chính sách về khám chữa bệnh', interestQuestion: 'interest_A3_2' });
  });
});
