/** Answers as the respondent gives them, and what a finished response sends. */
import type { OptionValue } from '../../../../analysis/questionnaire/definition.ts';
import type { LocalizedQuestionnaire } from '../../../../analysis/questionnaire/localize.ts';
import { applicableQuestions, type AnswerValue } from '../../../../analysis/questionnaire/skip.ts';
import type { Field } from './fields.ts';
import type { Screen } from './screens.ts';

export type AnswerMap = Record<string, AnswerValue>;

/** A new answer map with `code` set; an empty answer (no choice, blank text) removes it. */
export function withAnswer(answers: AnswerMap, code: string, value: AnswerValue | undefined): AnswerMap {
  const next = { ...answers };
  const empty = value === undefined || (Array.isArray(value) && value.length === 0) || (typeof value === 'string' && value.trim() === '');
  if (empty) delete next[code];
  else next[code] = value;
  return next;
}

/** Ticks or unticks one choice of a multiple-choice question, keeping the scale's order. */
export function toggledChoice(field: Field, current: AnswerValue | undefined, value: OptionValue): OptionValue[] {
  const chosen = new Set(Array.isArray(current) ? current : current === undefined ? [] : [current]);
  if (chosen.has(value)) chosen.delete(value);
  else chosen.add(value);
  return field.options.map((o) => o.value).filter((v) => chosen.has(v));
}

/** Required questions of a screen still unanswered. */
export function missingRequired(screen: Screen, answers: AnswerMap): Field[] {
  return screen.fields.filter((f) => f.required && answers[f.code] === undefined);
}

/**
 * The answers a finished response sends: only questions that apply (an answer given before the
 * respondent changed a screening answer is dropped, as the skip rule says), split into the
 * profile and the answers, text trimmed, keys in a stable order.
 */
export function responseAnswers(questionnaire: LocalizedQuestionnaire, answers: AnswerMap): { profile: AnswerMap; answers: AnswerMap } {
  const applicable = applicableQuestions(questionnaire, answers);
  const profile: AnswerMap = {};
  const rest: AnswerMap = {};
  for (const question of questionnaire.questions) {
    const value = answers[question.code];
    if (value === undefined || !applicable.has(question.code)) continue;
    const clean = typeof value === 'string' && question.type === 'text' ? value.normalize('NFC').trim() : value;
    if (clean === '') continue;
    (question.role === 'profile' ? profile : rest)[question.code] = clean;
  }
  return { profile, answers: rest };
}
