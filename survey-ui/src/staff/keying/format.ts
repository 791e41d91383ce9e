/** How a keyed value reads on screen: the key the keyer types and the option's label. */
import type { AnswerValue } from '../api/types.ts';
import type { Field } from './form-state.ts';

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
