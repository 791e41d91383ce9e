/**
 * The survey as a sequence of screens: one section of the questionnaire per screen, shown only
 * when its skip rule holds and at least one of its questions applies to this respondent.
 */
import type { LocalizedQuestionnaire } from '../../../../analysis/questionnaire/localize.ts';
import { applicableQuestions, type Answers } from '../../../../analysis/questionnaire/skip.ts';
import { fieldOf, type Field } from './fields.ts';

export interface Screen {
  code: string;
  title: string;
  description?: string;
  fields: Field[];
}

/** The place of the review screen after the last section. */
export const REVIEW = 'review';

export function visibleScreens(questionnaire: LocalizedQuestionnaire, answers: Answers): Screen[] {
  const applicable = applicableQuestions(questionnaire, answers);
  const byCode = new Map(questionnaire.questions.map((q) => [q.code, q]));
  const screens: Screen[] = [];
  for (const section of questionnaire.sections) {
    const fields = section.questions.filter((code) => applicable.has(code)).map((code) => fieldOf(questionnaire, byCode.get(code)!));
    if (fields.length === 0) continue;
    screens.push({ code: section.code, title: section.title, ...(section.description ? { description: section.description } : {}), fields });
  }
  return screens;
}

/**
 * Where the respondent is, as an index into the visible screens. A screen that an answer has
 * since hidden resolves to the next visible one in questionnaire order; the review is past the end.
 */
export function screenIndex(questionnaire: LocalizedQuestionnaire, screens: Screen[], current: string): number {
  if (current === REVIEW) return screens.length;
  const exact = screens.findIndex((s) => s.code === current);
  if (exact >= 0) return exact;
  const order = questionnaire.sections.map((s) => s.code);
  const position = order.indexOf(current);
  const next = screens.findIndex((s) => order.indexOf(s.code) > position);
  return next >= 0 ? next : screens.length;
}

export function screenAt(screens: Screen[], index: number): string {
  return index >= screens.length ? REVIEW : screens[Math.max(0, index)].code;
}

/** Progress as the share of screens completed, the review counting as the last step. */
export function progressOf(screens: Screen[], index: number): { step: number; steps: number } {
  return { step: Math.min(index, screens.length) + 1, steps: screens.length + 1 };
}
