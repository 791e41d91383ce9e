/**
 * A paper form's audit trail in words: each change names the question as the paper prints it and
 * its values as the options read ("4 · Hài lòng → 2 · Không hài lòng"), never a field path or JSON.
 */
import type { AnswerValue, AuditEvent } from '../api/types.ts';
import type { Messages } from '../messages/catalogue.ts';
import { formatValue } from './format.ts';
import type { Field } from './form-state.ts';
import { questionLabel } from './printed-number.ts';

export interface ChangeLine {
  /** The question changed, as printed on the form; absent for changes of the whole form. */
  question?: string;
  /** "from → to" in words, or a summary of the whole form keyed. */
  detail?: string;
}

const isAnswer = (v: unknown): v is AnswerValue =>
  typeof v === 'string' || typeof v === 'number' || (Array.isArray(v) && v.every((x) => typeof x === 'string' || typeof x === 'number'));

/** "answers.A1_1" or "profile.sex" → the field of the questionnaire. */
function fieldOf(fields: Field[], path: string | null): Field | undefined {
  const code = path?.split('.').pop();
  return code ? fields.find((f) => f.code === code) : undefined;
}

function valueWords(t: Messages, field: Field | undefined, value: unknown): string {
  if (value === null || value === undefined) return t.blank;
  if (field && isAnswer(value)) return formatValue(field, value, t.blank);
  if (typeof value === 'string') return (t.statuses as Record<string, string>)[value] ?? value;
  return String(value);
}

function answeredCount(value: unknown): number {
  if (!value || typeof value !== 'object') return 0;
  const { profile, answers } = value as { profile?: object; answers?: object };
  return Object.keys(profile ?? {}).length + Object.keys(answers ?? {}).length;
}

/** Anything else the trail holds, read out as "name: value" pairs rather than JSON. */
function plainWords(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'object') return String(value);
  if (Array.isArray(value)) return value.map(plainWords).join(', ');
  return Object.entries(value)
    .map(([k, v]) => `${k}: ${plainWords(v)}`)
    .join('; ');
}

export function changeLine(t: Messages, fields: Field[], event: AuditEvent): ChangeLine {
  const field = fieldOf(fields, event.field);
  const question = field ? questionLabel(field) : undefined;
  const words = (v: unknown) => valueWords(t, field, v);
  switch (event.action) {
    case 'key':
      return { detail: t.changeKeyed(answeredCount(event.newValue)) };
    case 'reconcile': {
      const both = (event.oldValue ?? {}) as { first?: unknown; second?: unknown };
      return { question, detail: t.changeReconciled(words(both.first), words(both.second), words(event.newValue)) };
    }
    case 'reconcile_override': {
      const both = (event.oldValue ?? {}) as { first?: unknown };
      return { question, detail: `${words(both.first)} → ${words(event.newValue)}` };
    }
    default:
      if (event.oldValue === null && event.newValue === null) return { question };
      if (event.field === 'status' || field) return { question, detail: `${words(event.oldValue)} → ${words(event.newValue)}` };
      return { question, detail: plainWords(event.newValue) };
  }
}
