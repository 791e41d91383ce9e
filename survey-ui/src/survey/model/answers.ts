/** Answers as the respondent gives them on the phone; the rules are the questionnaire core's. */
import { isNoAnswer, requiredUnanswered, toggleChoice } from '../../../../analysis/questionnaire/answer-rules.ts';
import type { OptionValue } from '../../../../analysis/questionnaire/definition.ts';
import type { LocalizedQuestionnaire } from '../../../../analysis/questionnaire/localize.ts';
import type { AnswerValue } from '../../../../analysis/questionnaire/skip.ts';
import type { Field } from './fields.ts';
import type { Screen } from './screens.ts';

export type AnswerMap = Record<string, AnswerValue>;

/**
 * A new answer map with `code` set; an empty answer (no choice, blank text) removes it. Text is
 * kept as typed (the box shows it so); it is cleaned when the response is finished.
 */
export function withAnswer(answers: AnswerMap, code: string, value: AnswerValue | undefined): AnswerMap {
  const next = { ...answers };
  if (value === undefined || isNoAnswer(value)) delete next[code];
  else next[code] = value;
  return next;
}

/** Ticks or unticks one choice of a multiple-choice question, keeping the scale's order. */
export function toggledChoice(field: Field, current: AnswerValue | undefined, value: OptionValue): OptionValue[] {
  return toggleChoice(
    field.options.map((o) => o.value),
    current,
    value,
  );
}

/** Required questions of a screen still unanswered. */
export function missingRequired(questionnaire: LocalizedQuestionnaire, screen: Screen, answers: AnswerMap): Field[] {
  const missing = new Set(requiredUnanswered(questionnaire, answers));
  return screen.fields.filter((f) => missing.has(f.code));
}
