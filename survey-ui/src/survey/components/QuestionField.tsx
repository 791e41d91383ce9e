import type { AnswerValue } from '../../../../analysis/questionnaire/skip.ts';
import type { Field } from '../model/fields.ts';
import { ChoiceQuestion } from './ChoiceQuestion.tsx';
import { MultiChoiceQuestion } from './MultiChoiceQuestion.tsx';
import { TextQuestion } from './TextQuestion.tsx';

/** The control a question's type calls for. */
export function QuestionField({
  field,
  answer,
  invalid,
  onAnswer,
}: {
  field: Field;
  answer: AnswerValue | undefined;
  invalid: boolean;
  onAnswer: (code: string, value: AnswerValue | undefined) => void;
}) {
  const answerThis = (value: AnswerValue | undefined) => onAnswer(field.code, value);
  if (field.kind === 'multi') return <MultiChoiceQuestion field={field} answer={answer} invalid={invalid} onAnswer={answerThis} />;
  if (field.kind === 'text') return <TextQuestion field={field} answer={typeof answer === 'string' ? answer : undefined} onAnswer={answerThis} />;
  return <ChoiceQuestion field={field} answer={answer} invalid={invalid} onAnswer={answerThis} />;
}
