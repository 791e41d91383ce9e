import type { Ref } from 'preact';
import { formatValue, optionLegend } from '../keying/format.ts';
import type { Cell, Field } from '../keying/form-state.ts';
import { useMessages } from '../messages/catalogue.ts';

/**
 * One question of the paper form: its code and text, the keys of its options, and what was keyed.
 * Option fields show the value in a read-only box that takes the keys; text fields are typed.
 */
export function KeyingFieldRow({ field, index, cell, current, inputRef, onFocusField }: {
  field: Field;
  index: number;
  cell: Cell | undefined;
  current: boolean;
  inputRef: Ref<HTMLInputElement>;
  onFocusField: (index: number) => void;
}) {
  const t = useMessages();
  const id = `field-${field.code}`;
  const skipped = cell?.kind === 'na';
  const shown = skipped ? t.cellNotApplicable : cell?.kind === 'blank' ? t.cellBlank : cell?.kind === 'value' ? formatValue(field, cell.value, '') : '';
  const isText = field.question.type === 'text';
  const hint = isText ? t.textField : field.question.type === 'multi' ? `${optionLegend(field)} — ${t.multiField}` : optionLegend(field);
  return (
    <div class={`keying-row${current ? ' current' : ''}${skipped ? ' skipped' : ''}`} data-field={field.code} data-state={cell?.kind ?? 'empty'}>
      <label for={id} class="keying-question">
        <span class="code">{field.code}</span> {field.question.text}
      </label>
      <span id={`${id}-keys`} class="keying-keys">{hint}</span>
      <input
        id={id}
        ref={inputRef}
        class="keying-value"
        readOnly={!isText || skipped}
        tabIndex={skipped ? -1 : 0}
        defaultValue={isText && cell?.kind === 'value' ? String(cell.value) : undefined}
        value={isText && !skipped ? undefined : shown}
        maxLength={field.question.maxLength}
        autocomplete="off"
        aria-describedby={`${id}-keys`}
        aria-disabled={skipped || undefined}
        onFocus={() => onFocusField(index)}
      />
    </div>
  );
}
