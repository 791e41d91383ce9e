/**
 * What the survey shows for a question, derived from the questionnaire data alone: the same code
 * renders any version, so a new official wording is entered, never coded.
 */
import { textLimit } from '../../../../analysis/questionnaire/answer-rules.ts';
import type { OptionValue } from '../../../../analysis/questionnaire/definition.ts';
import type { LocalizedQuestionnaire } from '../../../../analysis/questionnaire/localize.ts';

export type LocalizedQuestion = LocalizedQuestionnaire['questions'][number];

export interface FieldOption {
  value: OptionValue;
  label: string;
}

export interface Field {
  code: string;
  /** rating: a point of an ordered scale (the 5-point satisfaction scale); single/multi: choices. */
  kind: 'rating' | 'single' | 'multi' | 'text';
  text: string;
  hint?: string;
  required: boolean;
  options: FieldOption[];
  maxLength?: number;
}

export function fieldOf(questionnaire: LocalizedQuestionnaire, question: LocalizedQuestion): Field {
  const scale = question.scale === undefined ? undefined : questionnaire.scales.find((s) => s.code === question.scale);
  return {
    code: question.code,
    kind: question.type,
    text: question.text,
    ...(question.hint ? { hint: question.hint } : {}),
    required: question.required ?? false,
    options: (scale?.options ?? []).map((o) => ({ value: o.value, label: o.label })),
    // The box stops where the server would refuse, a limit the questionnaire names or not.
    ...(question.type === 'text' ? { maxLength: textLimit(question) } : {}),
  };
}

/** The words for an answer, as the respondent saw them (review screen). */
export function answerLabel(field: Field, answer: OptionValue | OptionValue[] | undefined): string | undefined {
  if (answer === undefined) return undefined;
  if (field.kind === 'text') return String(answer);
  const values = Array.isArray(answer) ? answer : [answer];
  return values.map((v) => field.options.find((o) => o.value === v)?.label ?? String(v)).join('; ');
}

/**
 * How a single-choice question is laid out: `scale` (a rating: numbered cells in a row), `row`
 * (up to three choices side by side, e.g. Có / Không), `list` (a grid of choices).
 */
export function choiceLayout(field: Field): 'scale' | 'row' | 'list' {
  if (field.kind === 'rating') return 'scale';
  if (field.kind === 'single' && field.options.length <= 3) return 'row';
  return 'list';
}

/**
 * The words of the rating scale over a block of items, when the block's ratings share one scale;
 * undefined when it has none (or scales that differ, each then named in its choices alone).
 */
export function scaleHead(fields: Field[]): string[] | undefined {
  const ratings = fields.filter((f) => f.kind === 'rating');
  if (ratings.length === 0) return undefined;
  const words = ratings[0].options.map((o) => o.label);
  const same = ratings.every((f) => f.options.length === words.length && f.options.every((o, i) => o.label === words[i]));
  return same ? words : undefined;
}
