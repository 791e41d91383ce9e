import type { AnswerValue } from '../../../../analysis/questionnaire/skip.ts';
import { toggledChoice } from '../model/answers.ts';
import type { Field } from '../model/fields.ts';
import { QuestionLegend } from './QuestionLegend.tsx';

/** Several answers from a list: checkboxes in a fieldset. */
export function MultiChoiceQuestion({
  field,
  answer,
  invalid,
  onAnswer,
}: {
  field: Field;
  answer: AnswerValue | undefined;
  invalid: boolean;
  onAnswer: (value: AnswerValue) => void;
}) {
  const chosen = Array.isArray(answer) ? answer : [];
  return (
    <fieldset class="question multi" data-question={field.code} aria-invalid={invalid || undefined} aria-describedby={`${field.code}-note`}>
      <QuestionLegend field={field} invalid={invalid} />
      <div class="options list" data-n={field.options.length}>
        {field.options.map((option) => {
          const checked = chosen.includes(option.value);
          return (
            <label class={`option${checked ? ' chosen' : ''}`} key={String(option.value)}>
              <input
                type="checkbox"
                name={field.code}
                value={String(option.value)}
                checked={checked}
                onChange={() => onAnswer(toggledChoice(field, answer, option.value))}
              />
              <span class="option-label">{option.label}</span>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
