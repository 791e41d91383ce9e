import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { QuestionnaireDefinition } from '../../../analysis/questionnaire/definition.ts';
import { localizeQuestionnaire } from '../../../analysis/questionnaire/localize.ts';
import type { Estimate, ResultGroup } from '../../../survey-ui/src/results/api/types.ts';
import { answeredOf, questionPanels, shareOf } from '../../../survey-ui/src/results/model/question-panels.ts';
import { targetStanding } from '../../../survey-ui/src/results/model/target.ts';
import { sipas2024 } from '../../../db/seed/questionnaires/sipas-2024.ts';

const labels = localizeQuestionnaire(QuestionnaireDefinition.parse(sipas2024), 'vi');

const figure = (value: number | null, low: number | null, high: number | null, n = 100): Estimate => ({
  estimate: value,
  se: null,
  ci_low: low,
  ci_high: high,
  ci_logit_low: null,
  ci_logit_high: null,
  n,
  weight_sum: n,
  deff: null,
  n_eff: n,
  reliable: true,
  psus: 10,
  variance_estimable: true,
  issues: [],
});

/** A group with shares for the given questions (each option 1 / k of the answers). */
function groupWith(codes: string[]): ResultGroup {
  return {
    level: 'province',
    code: '67',
    name: 'Tỉnh Đắk Nông',
    indices: [],
    items: [],
    options: codes.map((code) => {
      const q = labels.questions.find((x) => x.code === code)!;
      const options = labels.scales.find((s) => s.code === q.scale)!.options;
      return {
        question: code,
        kind: q.type === 'multi' ? ('multi' as const) : ('single' as const),
        shares: options.map((o) => ({ ...figure(100 / options.length, 0, 100, 42), option: o.value, display: 100 / options.length })),
      };
    }),
  };
}

describe('the questionnaire panels', () => {
  it('group the estimated choice questions by the section of the form, in its order, worded from the version', () => {
    const group = groupWith(['sex', 'age_group', 'harassment', 'overpay', 'prefer_submit', 'E1', 'E2', 'E3', 'E4']);
    const panels = questionPanels(labels, [group]);
    expect(panels.map((p) => p.code)).toEqual(['profile', 'service_opinion', 'expectations']);
    const [profile, service, expectations] = panels;
    expect(profile.questions.map((q) => q.code)).toEqual(['sex', 'age_group']);
    expect(profile.questions[0]).toMatchObject({
      number: 'I.1',
      text: 'Giới tính',
      options: [
        { value: 'nam', label: 'Nam' },
        { value: 'nu', label: 'Nữ' },
      ],
    });
    expect(service.questions.map((q) => q.code)).toEqual(['harassment', 'overpay', 'prefer_submit']);
    expect(service.matrix).toBe(false); // three questions, but on two scales
    expect(expectations.matrix).toBe(true);
    expect(expectations.questions[3].text).toBe('Cải thiện thái độ phục vụ');
    expect(answeredOf(group, 'overpay')).toBe(42);
    expect(shareOf(group, 'overpay', 'nhieu')?.display).toBeCloseTo(100 / 3, 10);
    expect(shareOf(group, 'E5', 'it')).toBeUndefined();
  });

  it('leave out sections with no estimated question, and free text', () => {
    expect(questionPanels(labels, [groupWith([])])).toEqual([]);
    const panels = questionPanels(labels, [groupWith(['info_channels'])]);
    expect(panels.map((p) => p.questions.map((q) => q.code))).toEqual([['info_channels']]);
    expect(panels[0].questions[0].kind).toBe('multi');
  });
});

describe('standing against the target', () => {
  it('is above exactly when the estimate reaches the target, and certain exactly when the 95 % interval lies on that side', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 100, noNaN: true }),
        fc.double({ min: 0, max: 20, noNaN: true }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        (value, half, target) => {
          const standing = targetStanding(figure(value, value - half, value + half), target)!;
          expect(standing.status).toBe(value >= target ? 'above' : 'below');
          expect(standing.certain).toBe(value >= target ? value - half >= target : value + half < target);
        },
      ),
    );
    expect(targetStanding(figure(null, null, null), 85)).toBeNull();
    expect(targetStanding(undefined, 85)).toBeNull();
    expect(targetStanding(figure(90, null, null), 85)).toEqual({ status: 'above', certain: false });
  });
});
