import { cleanAnswer, textLimit, toggleChoice } from '../../../../analysis/questionnaire/answer-rules.ts';
import type { AnswerValue } from '../api/types.ts';
import type { Field } from '../keying/form-state.ts';
import { questionLabel } from '../keying/printed-number.ts';
import { useMessages } from '../messages/catalogue.ts';

/** The right value typed by the reconciler: an option of the question, several for a multiple choice, or text. */
export function ValuePicker({ field, value, onChange }: { field: Field; value: AnswerValue | null; onChange: (value: AnswerValue | null) => void }) {
  const t = useMessages();
  const label = `${t.otherValue}: ${questionLabel(field)}`;
  if (field.question.type === 'text') {
    return (
      <input
        aria-label={label}
        value={typeof value === 'string' ? value : ''}
        maxLength={textLimit(field.question)}
        onInput={(e) => onChange(cleanAnswer(field.question, e.currentTarget.value) ?? null)}
      />
    );
  }
  if (field.question.type === 'multi') {
    const chosen = Array.isArray(value) ? value : [];
    return (
      // biome-ignore lint/a11y/useSemanticElements: one row of the keying grid; a fieldset would bring its own border and legend into the row
      <div role="group" aria-label={label}>
        {field.options.map((o) => (
          <label key={o.key} class="check">
            <input
              type="checkbox"
              checked={chosen.includes(o.value)}
              onChange={() => {
                const next = toggleChoice(
                  field.options.map((x) => x.value),
                  chosen,
                  o.value,
                );
                onChange(next.length > 0 ? next : null);
              }}
            />{' '}
            {o.key} · {o.label}
          </label>
        ))}
      </div>
    );
  }
  const index = field.options.findIndex((o) => o.value === value);
  return (
    <select
      aria-label={label}
      value={index < 0 ? '' : String(index)}
      onChange={(e) => {
        const picked = e.currentTarget.value;
        onChange(picked === '' ? null : field.options[Number(picked)].value);
      }}
    >
      <option value="">{t.blank}</option>
      {field.options.map((o, i) => (
        <option key={o.key} value={String(i)}>
          {o.key} · {o.label}
        </option>
      ))}
    </select>
  );
}
