/**
 * What an answer must be, whichever way it comes in: typed on a phone, keyed from paper, picked by
 * a reconciler, imported from a file or posted to the API. The phone and the keying screen offer
 * only what these rules accept; the server refuses what they refuse (answers-schema.ts words it).
 *
 * Pure and small, with no runtime import of zod, so the phone's bundle carries it at little cost.
 */
import type { Condition, OptionValue } from './definition.ts';
import { applicableQuestions, type Answers, type AnswerValue, type SkipStructure } from './skip.ts';

export type AnswerGroup = 'profile' | 'answers';
export type AnswerMap = Record<string, AnswerValue>;
export interface GroupedAnswers {
  profile: AnswerMap;
  answers: AnswerMap;
}

/** What the rules need of a question; the definition, its localized form and the keying form's all have it. */
export interface RuleQuestion {
  code: string;
  role: string;
  type: 'rating' | 'single' | 'multi' | 'text';
  scale?: string;
  required?: boolean;
  maxLength?: number;
  showIf?: Condition;
}

export interface RuleQuestionnaire extends SkipStructure {
  questions: readonly RuleQuestion[];
  scales: ReadonlyArray<{ code: string; options: ReadonlyArray<{ value: OptionValue }> }>;
}

/** Free text has a limit even where the questionnaire names none: a comment box is not a file store. */
export const DEFAULT_TEXT_LIMIT = 2000;

/** Profile questions describe the respondent and are stored apart from the answers. */
export function answerGroup(question: { role: string }): AnswerGroup {
  return question.role === 'profile' ? 'profile' : 'answers';
}

export function textLimit(question: { maxLength?: number }): number {
  return question.maxLength ?? DEFAULT_TEXT_LIMIT;
}

/** The values a choice or rating question accepts, in the order of its scale. */
export function choiceValues(def: Pick<RuleQuestionnaire, 'scales'>, question: { scale?: string }): OptionValue[] {
  const scale = question.scale === undefined ? undefined : def.scales.find((s) => s.code === question.scale);
  return (scale?.options ?? []).map((o) => o.value);
}

/** No answer: nothing, no choice ticked, or only spaces typed. */
export function isNoAnswer(value: AnswerValue | undefined): boolean {
  return value === undefined || (Array.isArray(value) && value.length === 0) || (typeof value === 'string' && value.trim() === '');
}

/**
 * An answer as it is stored: text in NFC without surrounding spaces. No text and no choice are no
 * answer (undefined), never an empty string or list.
 */
export function cleanAnswer(question: { type: RuleQuestion['type'] }, value: AnswerValue | undefined): AnswerValue | undefined {
  if (value === undefined || isNoAnswer(value)) return undefined;
  return typeof value === 'string' && question.type === 'text' ? value.normalize('NFC').trim() : value;
}

/**
 * Ticks or unticks one choice of a multiple-choice question. The chosen values stay in the order
 * of the scale, so the same ticks make the same answer whatever order they were made in (two keyers
 * of one paper form agree).
 */
export function toggleChoice(order: readonly OptionValue[], current: AnswerValue | undefined, value: OptionValue): OptionValue[] {
  const chosen = new Set(Array.isArray(current) ? current : current === undefined ? [] : [current]);
  if (chosen.has(value)) chosen.delete(value);
  else chosen.add(value);
  return order.filter((v) => chosen.has(v));
}

/** Why one answer cannot be stored; answers-schema.ts words each in the reader's language. */
export type AnswerProblem =
  | { kind: 'not_text'; input: unknown }
  | { kind: 'not_a_list'; input: unknown }
  | { kind: 'off_scale'; values: OptionValue[]; input: unknown; index?: number }
  | { kind: 'empty'; origin: 'string' | 'array'; input: unknown }
  | { kind: 'too_long'; maximum: number; input: string }
  | { kind: 'duplicate_choice'; input: unknown };

/** Checks one answer, reporting each problem; returns what is stored (text cleaned). */
export type AnswerCheck = (answer: unknown, report: (problem: AnswerProblem) => void) => unknown;

/** The check of one question's answers, made once per questionnaire version (it runs for every answer received). */
export function answerCheck(def: Pick<RuleQuestionnaire, 'scales'>, question: RuleQuestion): AnswerCheck {
  if (question.type === 'text') {
    const maximum = textLimit(question);
    return (answer, report) => {
      if (typeof answer !== 'string') return report({ kind: 'not_text', input: answer });
      const text = answer.normalize('NFC').trim();
      if (text.length < 1) report({ kind: 'empty', origin: 'string', input: text });
      if (text.length > maximum) report({ kind: 'too_long', maximum, input: text });
      return text;
    };
  }
  const values = choiceValues(def, question);
  const allowed = new Set<unknown>(values);
  if (question.type !== 'multi') {
    return (answer, report) => {
      if (!allowed.has(answer)) report({ kind: 'off_scale', values, input: answer });
      return answer;
    };
  }
  return (answer, report) => {
    if (!Array.isArray(answer)) return report({ kind: 'not_a_list', input: answer });
    for (let k = 0; k < answer.length; k++) if (!allowed.has(answer[k])) report({ kind: 'off_scale', values, input: answer[k], index: k });
    if (answer.length < 1) report({ kind: 'empty', origin: 'array', input: answer });
    else if (new Set(answer).size !== answer.length) report({ kind: 'duplicate_choice', input: answer });
    return answer;
  };
}

/** Whether an answer to this question can be stored as it is given (applicability aside). */
export function isValidAnswer(def: Pick<RuleQuestionnaire, 'scales'>, question: RuleQuestion, answer: unknown): boolean {
  let valid = true;
  answerCheck(def, question)(answer, () => (valid = false));
  return valid;
}

/** Required questions that apply to these answers and are still unanswered, in questionnaire order. */
export function requiredUnanswered(def: RuleQuestionnaire, answers: Answers, applicable: ReadonlySet<string> = applicableQuestions(def, answers)): string[] {
  return def.questions.filter((q) => q.required && applicable.has(q.code) && answers[q.code] === undefined).map((q) => q.code);
}

/**
 * The answers a finished response holds: each cleaned, only those to questions that apply (an
 * answer given before the respondent changed a screening answer is dropped, as skip logic says),
 * split into profile and answers, in questionnaire order.
 */
export function finishedAnswers(def: RuleQuestionnaire, given: Answers): GroupedAnswers {
  const clean: Record<string, AnswerValue> = {};
  for (const question of def.questions) {
    const value = cleanAnswer(question, given[question.code]);
    if (value !== undefined) clean[question.code] = value;
  }
  const applicable = applicableQuestions(def, clean);
  const grouped: GroupedAnswers = { profile: {}, answers: {} };
  for (const question of def.questions) {
    if (clean[question.code] !== undefined && applicable.has(question.code)) grouped[answerGroup(question)][question.code] = clean[question.code];
  }
  return grouped;
}
