/**
 * Reconciling two entries of a paper form: where the keyers agree the value stands; where they
 * differ the reconciler picks one of them or types the right value from the paper. Skip logic
 * follows the decisions: a field that the decided screening answers exclude is not applicable
 * and needs no decision.
 */
import { applicableQuestions } from '../../../../analysis/questionnaire/skip.ts';
import type { AnswerValue, KeyedForm } from '../api/types.ts';
import type { Field, KeyingQuestionnaire } from '../keying/form-state.ts';

export type Choice = { pick: 'first' } | { pick: 'second' } | { pick: 'other'; value: AnswerValue | null };
export type Choices = Record<string, Choice>;

export interface ReconcileRow {
  field: Field;
  first: AnswerValue | null;
  second: AnswerValue | null;
  differs: boolean;
  applicable: boolean;
  decided: AnswerValue | null;
}

const same = (a: AnswerValue | null, b: AnswerValue | null) => JSON.stringify(a) === JSON.stringify(b);

function valueOf(form: KeyedForm | null, field: Field): AnswerValue | null {
  return form?.[field.group][field.code] ?? null;
}

function chosen(row: BaseRow, choice: Choice | undefined): AnswerValue | null | undefined {
  if (!row.differs) return row.first;
  if (!choice) return undefined;
  if (choice.pick === 'first') return row.first;
  if (choice.pick === 'second') return row.second;
  return choice.value;
}

type BaseRow = { field: Field; first: AnswerValue | null; second: AnswerValue | null; differs: boolean };

/** The applicable fields given the decisions, reading undecided fields as one keyer's value (skip logic settles chains itself). */
function settle(q: KeyingQuestionnaire, rows: BaseRow[], choices: Choices, pending: 'first' | 'second'): Set<string> {
  const answers: Record<string, AnswerValue> = {};
  for (const row of rows) {
    const decision = chosen(row, choices[row.field.code]);
    const value = decision === undefined ? row[pending] : decision;
    if (value !== null) answers[row.field.code] = value;
  }
  return applicableQuestions(q, answers);
}

export function reconcileRows(q: KeyingQuestionnaire, fields: Field[], first: KeyedForm | null, second: KeyedForm | null, choices: Choices): ReconcileRow[] {
  const base = fields.map((field) => {
    const a = valueOf(first, field);
    const b = valueOf(second, field);
    return { field, first: a, second: b, differs: !same(a, b) };
  });
  // While a differing screening answer is undecided, the fields either keyer's value would open
  // stay open: the reconciler sees them until the decision closes them.
  const applicable = new Set([...settle(q, base, choices, 'first'), ...settle(q, base, choices, 'second')]);
  return base.map((row) => {
    const isApplicable = applicable.has(row.field.code);
    const value = isApplicable ? chosen(row, choices[row.field.code]) : null;
    return { ...row, applicable: isApplicable, decided: value ?? null };
  });
}

/** Differing fields that apply and still wait for a decision. */
export function undecided(rows: ReconcileRow[], choices: Choices): ReconcileRow[] {
  return rows.filter((r) => r.differs && r.applicable && !choices[r.field.code]);
}

/** The final form to send: decided values of applicable fields; blanks and skipped fields absent. */
export function decidedForm(rows: ReconcileRow[]): KeyedForm {
  const form: KeyedForm = { profile: {}, answers: {} };
  for (const row of rows) if (row.applicable && row.decided !== null) form[row.field.group][row.field.code] = row.decided;
  return form;
}
