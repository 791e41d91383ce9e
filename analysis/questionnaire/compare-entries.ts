/**
 * Double entry: two keyers' entries of one paper form compared field by field. A field is either
 * a value or absent (blank on paper, or not applicable by skip logic); absent equals absent.
 */
import type { AnswerMap } from './answers-schema.ts';
import { canonicalJson } from './canonical.ts';

export interface KeyedForm {
  profile: AnswerMap;
  answers: AnswerMap;
}

export interface FieldDifference {
  /** `profile.sex` or `answers.A1_1`. */
  field: string;
  first: AnswerMap[string] | null;
  second: AnswerMap[string] | null;
}

export function compareEntries(first: KeyedForm, second: KeyedForm): FieldDifference[] {
  const differences: FieldDifference[] = [];
  for (const group of ['profile', 'answers'] as const) {
    const codes = [...new Set([...Object.keys(first[group]), ...Object.keys(second[group])])].sort();
    for (const code of codes) {
      const a = first[group][code] ?? null;
      const b = second[group][code] ?? null;
      if (canonicalJson(a) !== canonicalJson(b)) differences.push({ field: `${group}.${code}`, first: a, second: b });
    }
  }
  return differences;
}

/** Share of compared fields on which the two entries agree (fields present in either entry). */
export function fieldAgreement(first: KeyedForm, second: KeyedForm): { fields: number; agreeing: number } {
  let fields = 0;
  for (const group of ['profile', 'answers'] as const) {
    fields += new Set([...Object.keys(first[group]), ...Object.keys(second[group])]).size;
  }
  return { fields, agreeing: fields - compareEntries(first, second).length };
}
