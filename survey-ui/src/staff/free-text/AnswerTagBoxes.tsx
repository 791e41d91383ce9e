import type { FreeAnswer, FreeAnswers } from '../api/types.ts';
import { useMessages } from '../messages/catalogue.ts';

interface Props {
  answer: FreeAnswer;
  number: number;
  categories: FreeAnswers['categories'];
  busy: boolean;
  onToggle(answer: FreeAnswer, categoryId: number, tagged: boolean): void;
}

/** One answer's categories as checkboxes: Tab to each, Space to tag or untag. */
export function AnswerTagBoxes({ answer, number, categories, busy, onToggle }: Props) {
  const t = useMessages();
  return (
    <fieldset class="answer-tags">
      <legend class="visually-hidden">{t.ftTagsOf(number)}</legend>
      {categories.map((c) => (
        <label key={c.id} class="answer-tag">
          <input
            type="checkbox"
            data-category={c.id}
            checked={answer.categories.includes(c.id)}
            disabled={busy}
            onChange={(e) => onToggle(answer, c.id, (e.currentTarget as HTMLInputElement).checked)}
          />
          <span>{c.name}</span>
        </label>
      ))}
    </fieldset>
  );
}
