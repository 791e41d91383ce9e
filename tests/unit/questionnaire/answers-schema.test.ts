import { describe, expect, it } from 'vitest';
import { answersSchema } from '../../../analysis/questionnaire/answers-schema.ts';
import { formatIssue, issuePath } from '../../../analysis/questionnaire/issue-messages.ts';
import { localizeQuestionnaire } from '../../../analysis/questionnaire/localize.ts';
import { parseQuestionnaire } from '../../../analysis/questionnaire/structure.ts';
import { canonicalJson } from '../../../analysis/questionnaire/canonical.ts';
import { seededQuestionnaire } from '../../../db/seed/questionnaires/index.ts';

const def = seededQuestionnaire('2022')!;
const schema = answersSchema(def);
const issuesOf = (value: unknown) => {
  const result = schema.safeParse(value, { reportInput: true });
  return result.success ? [] : result.error.issues.map((i) => ({ path: issuePath(i), vi: formatIssue(i, 'vi'), en: formatIssue(i, 'en') }));
};
const profile = { sex: 'nam', age_group: 'over_60' };

describe('answers schema derived from a questionnaire version', () => {
  it('accepts a response that follows the form', () => {
    expect(issuesOf({ profile, answers: { had_procedure: 'no', A1_1: 3, B1_4: undefined, info_channels: ['loa_xa', 'internet'] } })).toEqual([]);
  });

  it('refuses items of another version (A3_9 exists only from 2024)', () => {
    expect(issuesOf({ profile, answers: { had_procedure: 'no', A3_9: 3 } }).map((i) => i.path)).toEqual(['answers.A3_9']);
  });

  it('refuses values of the wrong kind or off the scale, naming each field', () => {
    const issues = issuesOf({ profile: { sex: 'x', age_group: 'over_60' }, answers: { had_procedure: 'maybe', A1_1: 0, A1_2: '4', info_channels: [] } });
    expect(issues.map((i) => i.path).sort()).toEqual(['answers.A1_1', 'answers.A1_2', 'answers.had_procedure', 'answers.info_channels', 'profile.sex']);
    expect(issues.find((i) => i.path === 'profile.sex')?.vi).toContain('Tùy chọn không hợp lệ');
  });

  it('refuses a profile question placed among the answers', () => {
    expect(issuesOf({ profile, answers: { had_procedure: 'no', terrain: 'mien_nui' } })[0]).toMatchObject({ path: 'answers.terrain' });
  });

  it('requires a shown required question but not a hidden one', () => {
    expect(issuesOf({ profile, answers: {} }).map((i) => i.path)).toEqual(['answers.had_procedure']);
    expect(issuesOf({ profile, answers: { had_procedure: 'yes' } }).map((i) => i.path)).toEqual(['answers.made_feedback']);
  });

  it('normalises free text to NFC and bounds its length', () => {
    const parsed = schema.parse({ profile, answers: { had_procedure: 'no', comment: '  Cảm ơn '.normalize('NFD') } });
    expect(parsed.answers.comment).toBe('Cảm ơn'.normalize('NFC'));
    expect(issuesOf({ profile, answers: { had_procedure: 'no', comment: 'x'.repeat(2001) } })[0].path).toBe('answers.comment');
  });
});

describe('questionnaire definitions', () => {
  it('are checked for references that do not resolve', () => {
    const broken = structuredClone(seededQuestionnaire('2024')!);
    broken.elements[0].items.push('Z9_9');
    broken.sections[0].questions.push('nowhere');
    expect(() => parseQuestionnaire(broken)).toThrow(/section profile: unknown question nowhere/);
    expect(() => parseQuestionnaire(broken)).toThrow(/element A1: Z9_9 is not a satisfaction item/);
  });

  it('localize every text to one language, falling back to Vietnamese', () => {
    const en = localizeQuestionnaire(def, 'en');
    expect(en.title).toBe('SIPAS questionnaire 2022');
    const vi = localizeQuestionnaire(def, 'vi');
    expect(vi.scales[0].options[0].label).toBe('Rất không hài lòng');
  });

  it('compare equal whatever their key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: 'ữ' } })).toBe('{"a":{"c":"ữ","d":[1,{"x":1,"y":2}]},"b":1}');
  });
});
