import type { OptionValue } from '../../../../analysis/questionnaire/definition.ts';
import type { AnswerValue } from '../../../../analysis/questionnaire/skip.ts';
import type { Field } from '../model/fields.ts';
import { QuestionLegend } from './QuestionLegend.tsx';

/** One answer from a list, or one point of a rating scale: native radio buttons in a fieldset. */
export function ChoiceQuestion({
  field,
  answer,
  invalid,
  onAnswer,
}: {
  field: Field;
  answer: AnswerValue | undefined;
  invalid: boolean;
  onAnswer: (value: OptionValue) => void;
}) {
  return (
    <fieldset class={`question ${field.kind}`} data-question={field.code} aria-invalid={invalid || undefined} aria-describedby={`${field.code}-note`}>
      <QuestionLegend field={field} invalid={invalid} />
      <div class="options">
        {field.options.map((option) => (
          <label class={`option${answer === option.value ? ' chosen' : ''}`} key={String(option.value)}>
            <input type="radio" name={field.code} value={String(option.value)} checked={answer === option.value} onChange={() => onAnswer(option.value)} />
            {field.kind === 'rating' && (
              <span class="point" aria-hidden="true">
                {option.value}
              </span>
            )}
            <span class="option-label">{option.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
