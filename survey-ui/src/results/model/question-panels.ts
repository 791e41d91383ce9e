/**
 * The questionnaire's choice questions that have estimated shares — profile, interest, policy
 * information, harassment, informal payments, preferred channels, expectations — grouped by the
 * section of the form they are asked in, worded as the questionnaire words them (so a new version
 * needs no code).
 */
import type { QuestionnaireLabels, ResultGroup } from '../api/types.ts';

export type Share = ResultGroup['options'][number]['shares'][number];

export interface ChoiceOption {
  value: string | number;
  label: string;
}

export interface ChoiceQuestion {
  code: string;
  /** The number printed on the paper form (Câu 5), when it has one. */
  number: string | undefined;
  text: string;
  kind: 'single' | 'multi';
  options: ChoiceOption[];
}

export interface QuestionPanel {
  /** The questionnaire section's code (profile, service_opinion, expectations…). */
  code: string;
  title: string;
  questions: ChoiceQuestion[];
  /** Several questions on one scale (expectations, interest): one table, a row per question. */
  matrix: boolean;
}

/** Sections of the form with at least one choice question whose shares the results hold. */
export function questionPanels(q: QuestionnaireLabels, groups: readonly ResultGroup[]): QuestionPanel[] {
  const estimated = new Set(groups.flatMap((g) => g.options.map((o) => o.question)));
  const scales = new Map(q.scales.map((s) => [s.code, s.options]));
  const questions = new Map(q.questions.map((x) => [x.code, x]));
  return q.sections.flatMap((section) => {
    const choice: ChoiceQuestion[] = section.questions.flatMap((code) => {
      const x = questions.get(code);
      if (!x || !estimated.has(code) || (x.type !== 'single' && x.type !== 'multi')) return [];
      return [{ code, number: x.number, text: x.text, kind: x.type, options: x.scale ? (scales.get(x.scale) ?? []) : [] }];
    });
    if (choice.length === 0) return [];
    const oneScale = new Set(choice.map((c) => questions.get(c.code)?.scale)).size === 1;
    return [
      { code: section.code, title: section.title, questions: choice, matrix: choice.length >= 3 && oneScale && choice.every((c) => c.kind === 'single') },
    ];
  });
}

/** A group's share of one option of a question (undefined: no figure). */
export function shareOf(group: ResultGroup, question: string, option: string | number): Share | undefined {
  return group.options.find((o) => o.question === question)?.shares.find((s) => s.option === option);
}

/** How many answered the question in the group (the shares' denominator). */
export function answeredOf(group: ResultGroup, question: string): number | undefined {
  return group.options.find((o) => o.question === question)?.shares[0]?.n;
}
