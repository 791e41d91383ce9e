import type { AnswerValue } from '../../../../analysis/questionnaire/skip.ts';
import { useMessages } from '../messages/catalogue.ts';
import type { AnswerMap } from '../model/answers.ts';
import type { Screen } from '../model/screens.ts';
import { QuestionField } from './QuestionField.tsx';
import { ScreenHeading } from './ScreenHeading.tsx';
import { ScreenNavigation } from './ScreenNavigation.tsx';

/** One question group (a section of the questionnaire) on one screen. */
export function QuestionScreen({
  screen,
  intro,
  answers,
  missing,
  focusHeading,
  isLast,
  onAnswer,
  onBack,
  onNext,
}: {
  screen: Screen;
  intro?: string;
  answers: AnswerMap;
  missing: string[];
  focusHeading: boolean;
  isLast: boolean;
  onAnswer: (code: string, value: AnswerValue | undefined) => void;
  onBack?: () => void;
  onNext: () => void;
}) {
  const t = useMessages();
  return (
    <form
      class="screen"
      data-screen={screen.code}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        onNext();
      }}
    >
      {intro && <p class="intro">{intro}</p>}
      <ScreenHeading focus={focusHeading}>{screen.title}</ScreenHeading>
      {screen.description && <p class="description">{screen.description}</p>}
      {missing.length > 0 && (
        <p class="error-summary" role="alert">
          {t.missingSummary(missing.length)}
        </p>
      )}
      {screen.fields.map((field) => (
        <QuestionField key={field.code} field={field} answer={answers[field.code]} invalid={missing.includes(field.code)} onAnswer={onAnswer} />
      ))}
      <ScreenNavigation onBack={onBack} nextLabel={isLast ? t.toReview : t.next} />
    </form>
  );
}
