/**
 * Keying a paper form by keyboard, as pure state transitions: the fields in the order of the
 * paper form, digits choosing options, distinct keys for "left blank" and "not applicable", and
 * skip logic applied as the keyer types (skipped fields are filled as not applicable).
 */
import { answerGroup, cleanAnswer, toggleChoice } from '../../../../analysis/questionnaire/answer-rules.ts';
import type { Condition, OptionValue } from '../../../../analysis/questionnaire/definition.ts';
import { applicableQuestions, type AnswerValue } from '../../../../analysis/questionnaire/skip.ts';

export interface KeyingQuestion {
  code: string;
  role: string;
  type: 'rating' | 'single' | 'multi' | 'text';
  scale?: string;
  text: string;
  /** The number printed beside the question on the paper form ("Câu 4", "A1_1"), where the version gives it. */
  number?: string;
  showIf?: Condition;
  required?: boolean;
  maxLength?: number;
}

export interface KeyingQuestionnaire {
  version: string;
  scales: Array<{ code: string; options: Array<{ value: OptionValue; label: string }> }>;
  questions: KeyingQuestion[];
  sections: Array<{ code: string; title: string; questions: string[]; showIf?: Condition }>;
}

export interface Field {
  code: string;
  group: 'profile' | 'answers';
  section: string;
  question: KeyingQuestion;
  /** Options in the order printed on the form; the keyer types their position (1, 2, …). */
  options: Array<{ key: string; value: OptionValue; label: string }>;
}

export type Cell = { kind: 'value'; value: AnswerValue } | { kind: 'blank' } | { kind: 'na' };

export interface FormState {
  values: Record<string, Cell>;
  cursor: number;
  /**
   * What stands in the current text field while the keyer types, before it is taken (Tab, Enter,
   * ↑, ↓, a click elsewhere, saving). The text box shows this and nothing else: a label such as
   * "not applicable" is never part of what can be typed into and stored.
   */
  draft?: string;
}

export const KEYS = { blank: '0', notApplicable: '.' } as const;

export function keyingFields(q: KeyingQuestionnaire): Field[] {
  const byCode = new Map(q.questions.map((x) => [x.code, x]));
  return q.sections.flatMap((section) =>
    section.questions.map((code) => {
      const question = byCode.get(code)!;
      const scale = q.scales.find((s) => s.code === question.scale);
      return {
        code,
        group: answerGroup(question),
        section: section.title,
        question,
        options: (scale?.options ?? []).map((o, i) => ({ key: String(i + 1), value: o.value, label: o.label })),
      };
    }),
  );
}

function answersOf(values: Record<string, Cell>): Record<string, AnswerValue> {
  const out: Record<string, AnswerValue> = {};
  for (const [code, cell] of Object.entries(values)) if (cell.kind === 'value') out[code] = cell.value;
  return out;
}

/**
 * Fields that skip logic excludes become "not applicable"; fields that apply again start blank.
 * Skip logic settles chained conditions itself, so one pass is enough.
 */
function withSkips(q: KeyingQuestionnaire, fields: Field[], values: Record<string, Cell>): Record<string, Cell> {
  const applicable = applicableQuestions(q, answersOf(values));
  const next: Record<string, Cell> = {};
  for (const f of fields) {
    const cell = values[f.code];
    if (!applicable.has(f.code)) next[f.code] = { kind: 'na' };
    else if (cell && cell.kind !== 'na') next[f.code] = cell;
  }
  return next;
}

export function isApplicable(state: FormState, field: Field): boolean {
  return state.values[field.code]?.kind !== 'na';
}

/**
 * The next field the keyer types into, from `from` in direction `step`. Forward past the last
 * field is the end of the form (`fields.length`, where Enter saves); backward past the first
 * applicable field stays where it is (`stay`).
 */
function nextApplicable(fields: Field[], state: FormState, from: number, step: 1 | -1, stay = state.cursor): number {
  for (let i = from; i >= 0 && i < fields.length; i += step) if (isApplicable(state, fields[i])) return i;
  return step === 1 ? fields.length : stay;
}

export function initialState(q: KeyingQuestionnaire, fields: Field[]): FormState {
  const values = withSkips(q, fields, {});
  return { values, cursor: nextApplicable(fields, { values, cursor: 0 }, 0, 1) };
}

/** Why a key did not change the form: a refused key, or Enter asking to save. */
export type KeyOutcome = { state: FormState; error?: 'not_an_option' | 'field_applies' | 'save' };

function setCell(q: KeyingQuestionnaire, fields: Field[], state: FormState, cell: Cell, advance: boolean): FormState {
  const field = fields[state.cursor];
  const values = withSkips(q, fields, { ...state.values, [field.code]: cell });
  const moved = { values, cursor: state.cursor };
  return advance ? { values, cursor: nextApplicable(fields, moved, state.cursor + 1, 1) } : moved;
}

/** The text a text field holds: what is being typed into it, else what was taken. */
export function textOf(fields: Field[], state: FormState, field: Field): string {
  if (state.draft !== undefined && fields[state.cursor] === field) return state.draft;
  const cell = state.values[field.code];
  return cell?.kind === 'value' ? String(cell.value) : '';
}

/** What the keyer typed into the current text field, kept as typed until it is taken. */
export function editText(fields: Field[], state: FormState, text: string): FormState {
  const field = fields[state.cursor];
  if (field?.question.type !== 'text' || !isApplicable(state, field)) return state;
  return { ...state, draft: text };
}

/** Takes what is being typed into the current text field as its value (see typeText). */
export function commitDraft(q: KeyingQuestionnaire, fields: Field[], state: FormState): FormState {
  if (state.draft === undefined) return state;
  return typeText(q, fields, state, state.draft, false);
}

/**
 * One key press on a non-text field. Digits choose (or, for multiple choice, toggle) an option and
 * move on; 0 leaves it blank; "." marks not applicable, which only a skipped field can be; Tab or
 * ArrowDown move on; Backspace or ArrowUp go back; Enter asks to save the form.
 */
export function pressKey(q: KeyingQuestionnaire, fields: Field[], typed: FormState, key: string): KeyOutcome {
  // Whatever the key, text being typed is taken first: it never follows the cursor to another field.
  const state = commitDraft(q, fields, typed);
  const field = fields[state.cursor];
  if (key === 'Enter') return { state, error: 'save' };
  if (key === 'Backspace' || key === 'ArrowUp') return { state: { ...state, cursor: nextApplicable(fields, state, state.cursor - 1, -1) } };
  if (!field) return { state };
  if (key === 'Tab' || key === 'ArrowDown') return { state: { ...state, cursor: nextApplicable(fields, state, state.cursor + 1, 1) } };
  if (key === KEYS.blank) return { state: setCell(q, fields, state, { kind: 'blank' }, true) };
  if (key === KEYS.notApplicable) return { state, error: 'field_applies' };
  const option = field.options.find((o) => o.key === key);
  if (!option || field.question.type === 'text') return { state, error: 'not_an_option' };
  if (field.question.type === 'multi') {
    const cell = state.values[field.code];
    const chosen = cell?.kind === 'value' ? cell.value : undefined;
    // In the scale's order, as the phone keeps them: two keyers ticking alike agree, whatever their order.
    const toggled = toggleChoice(
      field.options.map((o) => o.value),
      chosen,
      option.value,
    );
    return { state: setCell(q, fields, state, toggled.length > 0 ? { kind: 'value', value: toggled } : { kind: 'blank' }, false) };
  }
  return { state: setCell(q, fields, state, { kind: 'value', value: option.value }, true) };
}

/** Free text typed into a text field (NFC, trimmed; empty means blank). */
export function typeText(q: KeyingQuestionnaire, fields: Field[], state: FormState, text: string, advance: boolean): FormState {
  if (!fields[state.cursor]) return state;
  const clean = cleanAnswer(fields[state.cursor].question, text);
  return setCell(q, fields, state, clean === undefined ? { kind: 'blank' } : { kind: 'value', value: clean }, advance);
}

/**
 * Required fields that apply and were never keyed: the form cannot be saved without them. A field
 * the paper leaves blank is keyed as blank (0) and saved as missing, so a skipped key is told
 * apart from a blank on the paper.
 */
export function missingRequired(fields: Field[], state: FormState): Field[] {
  return fields.filter((f) => f.question.required && isApplicable(state, f) && state.values[f.code] === undefined);
}

/** Moves the cursor to a field (a click, or a required field to fill), taking any text being typed first. */
export function goTo(q: KeyingQuestionnaire, fields: Field[], state: FormState, index: number): FormState {
  return { ...commitDraft(q, fields, state), cursor: Math.min(Math.max(0, index), fields.length) };
}

/** The entry as the API takes it: blank and not-applicable fields are simply absent. */
export function entryPayload(fields: Field[], state: FormState): { profile: Record<string, AnswerValue>; answers: Record<string, AnswerValue> } {
  const payload = { profile: {} as Record<string, AnswerValue>, answers: {} as Record<string, AnswerValue> };
  for (const f of fields) {
    const cell = state.values[f.code];
    if (cell?.kind === 'value') payload[f.group][f.code] = cell.value;
  }
  return payload;
}

/** A draft kept on this computer back on screen, with skip logic settled again over its cells. */
export function restoredState(q: KeyingQuestionnaire, fields: Field[], draft: FormState): FormState {
  const values = withSkips(q, fields, draft.values);
  return { ...draft, values };
}

/** A stored entry (or a reconciled form) back into cells, for correcting it. */
export function stateFromEntry(
  q: KeyingQuestionnaire,
  fields: Field[],
  entry: { profile: Record<string, AnswerValue>; answers: Record<string, AnswerValue> },
): FormState {
  const values: Record<string, Cell> = {};
  for (const f of fields) {
    const value = entry[f.group][f.code];
    values[f.code] = value === undefined ? { kind: 'blank' } : { kind: 'value', value };
  }
  const settled = withSkips(q, fields, values);
  return { values: settled, cursor: nextApplicable(fields, { values: settled, cursor: 0 }, 0, 1) };
}
