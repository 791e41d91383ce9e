import { useMessages } from '../messages/catalogue.ts';
import type { Field } from '../model/fields.ts';

/** A question's text as its fieldset's legend, with its hint and any error under it. */
export function QuestionLegend({ field, invalid }: { field: Field; invalid: boolean }) {
  const t = useMessages();
  return (
    <>
      <legend>
        {field.text}
        {field.required && (
          <span class="required">
            {' '}
            <span aria-hidden="true">*</span>
            <span class="visually-hidden">{t.required}</span>
          </span>
        )}
      </legend>
      <div id={`${field.code}-note`}>
        {field.hint && <p class="hint">{field.hint}</p>}
        {field.kind === 'multi' && <p class="hint">{t.chooseAny}</p>}
        {invalid && <p class="field-error">{t.chooseOne}</p>}
      </div>
    </>
  );
}
