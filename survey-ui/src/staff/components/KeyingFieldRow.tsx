import type { Ref } from 'preact';
import { textLimit } from '../../../../analysis/questionnaire/answer-rules.ts';
import { fieldDisplay, optionLegend } from '../keying/format.ts';
import type { Field, FormState } from '../keying/form-state.ts';
import { printedNumber } from '../keying/printed-number.ts';
import { useMessages } from '../messages/catalogue.ts';

/**
 * One question of the paper form: the number printed beside it on the paper and its text, the keys of its options, and what was keyed.
 * Option fields show the value in a read-only box that takes the keys; text fields are typed, and
 * their box always shows the form's own text for them (a controlled input), never a stale label.
 */
export function KeyingFieldRow({
  fields,
  state,
  field,
  index,
  words,
  inputRef,
  onFocusField,
  onText,
}: {
  fields: Field[];
  state: FormState;
  field: Field;
  index: number;
  words: { notApplicable: string; blank: string };
  inputRef: Ref<HTMLInputElement>;
  onFocusField: (index: number) => void;
  onText: (text: string) => void;
}) {
  const t = useMessages();
  const id = `field-${field.code}`;
  const cell = state.values[field.code];
  const skipped = cell?.kind === 'na';
  const current = index === state.cursor;
  const shown = fieldDisplay(fields, state, field, words);
  const isText = field.question.type === 'text';
  const hint = isText ? t.textField : field.question.type === 'multi' ? `${optionLegend(field)} — ${t.multiField}` : optionLegend(field);
  return (
    <div class={`keying-row${current ? ' current' : ''}${skipped ? ' skipped' : ''}`} data-field={field.code} data-state={cell?.kind ?? 'empty'}>
      <label for={id} class="keying-question">
        <span class="code">{printedNumber(field)}</span> {field.question.text}
      </label>
      <span id={`${id}-keys`} class="keying-keys">
        {hint}
      </span>
      <input
        id={id}
        ref={inputRef}
        class="keying-value"
        readOnly={!isText || skipped}
        tabIndex={skipped ? -1 : 0}
        value={shown.value}
        placeholder={shown.placeholder || undefined}
        maxLength={isText ? textLimit(field.question) : undefined}
        autocomplete="off"
        aria-describedby={`${id}-keys`}
        aria-disabled={skipped || undefined}
        onFocus={() => onFocusField(index)}
        onInput={isText ? (event) => onText(event.currentTarget.value) : undefined}
      />
    </div>
  );
}
