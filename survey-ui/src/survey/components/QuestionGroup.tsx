import type { AnswerValue } from '../../../../analysis/questionnaire/skip.ts';
import type { AnswerMap } from '../model/answers.ts';
import { scaleHead } from '../model/fields.ts';
import type { ScreenGroup } from '../model/screens.ts';
import { QuestionField } from './QuestionField.tsx';

/**
 * A section of the questionnaire on its screen, one block: its title, and for the items of an
 * element the words of the scale once, above the columns of numbered targets.
 */
export function QuestionGroup({
  group,
  answers,
  missing,
  onAnswer,
}: {
  group: ScreenGroup;
  answers: AnswerMap;
  missing: string[];
  onAnswer: (code: string, value: AnswerValue | undefined) => void;
}) {
  const head = scaleHead(group.fields);
  return (
    <section class="group" data-section={group.code} aria-label={group.heading ? undefined : group.title}>
      {group.heading && <h2>{group.title}</h2>}
      {group.description && <p class="description">{group.description}</p>}
      {head && (
        <div class="scale-head" aria-hidden="true" data-n={head.length}>
          {head.map((label) => (
            <span key={label}>{label}</span>
          ))}
        </div>
      )}
      {group.fields.map((field) => (
        <QuestionField key={field.code} field={field} answer={answers[field.code]} invalid={missing.includes(field.code)} onAnswer={onAnswer} />
      ))}
    </section>
  );
}
