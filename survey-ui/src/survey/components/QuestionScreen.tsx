import type { AnswerValue } from '../../../../analysis/questionnaire/skip.ts';
import { useMessages } from '../messages/catalogue.ts';
import type { AnswerMap } from '../model/answers.ts';
import type { Screen } from '../model/screens.ts';
import { QuestionGroup } from './QuestionGroup.tsx';
import { ScreenHeading } from './ScreenHeading.tsx';
import { ScreenNavigation } from './ScreenNavigation.tsx';

/** A screen of the survey: one or more sections of the questionnaire, each as a block. */
export function QuestionScreen({
  screen,
  intro,
  answers,
  missing,
  focusHeading,
  nextLabel,
  onAnswer,
  onBack,
  onNext,
}: {
  screen: Screen;
  intro?: string;
  answers: AnswerMap;
  missing: string[];
  focusHeading: boolean;
  nextLabel: string;
  onAnswer: (code: string, value: AnswerValue | undefined) => void;
  onBack?: () => void;
  onNext: () => void;
}) {
  const t = useMessages();
  return (
    <form
      class="screen"
      data-screen={screen.code}
      data-app
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        onNext();
      }}
    >
      {intro && <p class="intro">{intro}</p>}
      <ScreenHeading focus={focusHeading}>{screen.title}</ScreenHeading>
      {missing.length > 0 && (
        <p class="error-summary" role="alert">
          {t.missingSummary(missing.length)}
        </p>
      )}
      {screen.groups.map((group) => (
        <QuestionGroup key={group.code} group={group} answers={answers} missing={missing} onAnswer={onAnswer} />
      ))}
      <ScreenNavigation onBack={onBack} nextLabel={nextLabel} />
    </form>
  );
}
