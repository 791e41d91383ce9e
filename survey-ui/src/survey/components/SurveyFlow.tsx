import { localizeQuestionnaire } from '../../../../analysis/questionnaire/localize.ts';
import type { SurveyLink } from '../boot/survey-link.ts';
import type { QuestionnaireDefinition } from '../../../../analysis/questionnaire/definition.ts';
import type { Language } from '../messages/catalogue.ts';

/** The questionnaire of an open office link. */
export function SurveyFlow({ link, language }: { link: SurveyLink & { questionnaire: QuestionnaireDefinition }; language: Language }) {
  const questionnaire = localizeQuestionnaire(link.questionnaire, language);
  return (
    <section aria-labelledby="survey-title">
      <h1 id="survey-title">{questionnaire.title}</h1>
      {questionnaire.intro && <p>{questionnaire.intro}</p>}
    </section>
  );
}
