import type { OptionValue } from '../../../../analysis/questionnaire/definition.ts';
import type { AnswerValue } from '../../../../analysis/questionnaire/skip.ts';
import { choiceLayout, type Field } from '../model/fields.ts';
import { QuestionLegend } from './QuestionLegend.tsx';

/**
 * One answer from a list, or one point of a rating scale: native radio buttons in a fieldset (a
 * radio group named by its legend; arrow keys move and choose). A scale, and a short list, is one
 * row of large targets — the whole cell takes the tap — numbered for a scale, its words under the
 * block's head and in each choice's name for screen readers; a longer list is a grid of choices.
 */
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
  const layout = choiceLayout(field);
  return (
    <fieldset class={`question ${field.kind}`} data-question={field.code} aria-invalid={invalid || undefined} aria-describedby={`${field.code}-note`}>
      <QuestionLegend field={field} invalid={invalid} />
      <div class={`options ${layout}`} data-n={field.options.length}>
        {field.options.map((option) => (
          <label class={`option${layout === 'list' ? '' : ' cell'}${answer === option.value ? ' chosen' : ''}`} key={String(option.value)}>
            <input type="radio" name={field.code} value={String(option.value)} checked={answer === option.value} onChange={() => onAnswer(option.value)} />
            {layout === 'scale' ? (
              <>
                <span class="point">{option.value}</span>
                <span class="visually-hidden">{option.label}</span>
              </>
            ) : (
              <span class="option-label">{option.label}</span>
            )}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
