/** How a keyed value reads on screen: the key the keyer types and the option's label. */
import type { AnswerValue } from '../api/types.ts';
import { textOf, type Field, type FormState } from './form-state.ts';

export function formatValue(field: Field, value: AnswerValue | null | undefined, blank: string): string {
  if (value === null || value === undefined) return blank;
  const one = (v: string | number) => {
    const option = field.options.find((o) => o.value === v);
    return option ? `${option.key} · ${option.label}` : String(v);
  };
  return Array.isArray(value) ? value.map(one).join('; ') : one(value);
}

/** "1 Nam · 2 Nữ": the options as the keyer types them. */
export function optionLegend(field: Field): string {
  return field.options.map((o) => `${o.key} ${o.label}`).join(' · ');
}

/**
 * What a field's box shows: `value` is its content, `placeholder` the grey hint in an empty box.
 * A text box holds only text the keyer typed, so that what it shows is what is saved; "not
 * applicable" and "blank" are hints there, never content. Option boxes are read-only and show the
 * chosen options, or those words.
 */
export function fieldDisplay(
  fields: Field[],
  state: FormState,
  field: Field,
  words: { notApplicable: string; blank: string },
): { value: string; placeholder: string } {
  const cell = state.values[field.code];
  const hint = cell?.kind === 'na' ? words.notApplicable : cell?.kind === 'blank' ? words.blank : '';
  if (field.question.type === 'text') return { value: cell?.kind === 'na' ? '' : textOf(fields, state, field), placeholder: hint };
  return { value: cell?.kind === 'value' ? formatValue(field, cell.value, '') : hint, placeholder: '' };
}
