import { useMessages } from '../messages/catalogue.ts';
import type { Field } from '../model/fields.ts';

/** Free text (an "other" answer or a comment), labelled by the question. */
export function TextQuestion({ field, answer, onAnswer }: { field: Field; answer: string | undefined; onAnswer: (value: string) => void }) {
  const t = useMessages();
  const id = `q-${field.code}`;
  return (
    <div class="question text" data-question={field.code}>
      <label for={id} class="text-label">
        {field.text}
      </label>
      {field.hint && (
        <p class="hint" id={`${id}-hint`}>
          {field.hint}
        </p>
      )}
      <textarea
        id={id}
        name={field.code}
        rows={3}
        maxLength={field.maxLength}
        value={answer ?? ''}
        aria-describedby={field.maxLength ? `${id}-limit` : undefined}
        onInput={(e) => onAnswer((e.currentTarget as HTMLTextAreaElement).value)}
      />
      {field.maxLength && (
        <p class="hint" id={`${id}-limit`}>
          {t.textLimit(field.maxLength)}
        </p>
      )}
    </div>
  );
}
