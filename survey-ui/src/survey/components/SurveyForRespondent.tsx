import { useEffect, useState } from 'preact/hooks';
import type { QuestionnaireDefinition } from '../../../../analysis/questionnaire/definition.ts';
import type { PageChoices } from '../boot/early-answers.ts';
import { loadOrganisationSurvey } from '../boot/load-survey.ts';
import type { SurveyLink } from '../boot/survey-link.ts';
import type { Language } from '../messages/catalogue.ts';
import { useMessages } from '../messages/catalogue.ts';
import type { Draft } from '../model/draft.ts';
import { Notice } from './Notice.tsx';
import { RespondentTypeScreen } from './RespondentTypeScreen.tsx';
import { SurveyFlow } from './SurveyFlow.tsx';

type OpenLink = SurveyLink & { questionnaire: QuestionnaireDefinition };

/**
 * A round with one questionnaire goes straight to it. A round that also asks organisations first
 * lets the respondent say who answers, then loads that questionnaire (a draft kept on the phone
 * resumes its own).
 */
export function SurveyForRespondent({
  link,
  language,
  savedDraft,
  choices,
}: {
  link: OpenLink;
  language: Language;
  savedDraft?: Draft;
  choices?: PageChoices;
}) {
  const t = useMessages();
  const organisationVersion = link.round.questionnaires.organisation;
  const resumesOrganisation = !!organisationVersion && savedDraft?.version === organisationVersion;
  const [chosen, setChosen] = useState<OpenLink | undefined>(savedDraft?.version === link.round.questionnaires.citizen ? link : undefined);
  const [busy, setBusy] = useState(resumesOrganisation);
  const [failed, setFailed] = useState(false);

  const chooseOrganisation = async () => {
    setBusy(true);
    setFailed(false);
    const boot = await loadOrganisationSurvey(link.token);
    setBusy(false);
    if (boot.kind === 'ready') setChosen(boot.link);
    else setFailed(true);
  };
  useEffect(() => {
    if (resumesOrganisation) void chooseOrganisation();
  }, []);

  if (!organisationVersion) return <SurveyFlow link={link} language={language} savedDraft={savedDraft} choices={choices} />;
  if (chosen) {
    const draft = savedDraft?.version === chosen.questionnaire.version ? savedDraft : undefined;
    return <SurveyFlow key={chosen.questionnaire.version} link={chosen} language={language} savedDraft={draft} />;
  }
  return (
    <>
      <RespondentTypeScreen busy={busy} onChoose={(type) => (type === 'citizen' ? setChosen(link) : void chooseOrganisation())} />
      {failed && (
        <Notice title={t.offlineTitle}>
          <p>{t.offline}</p>
        </Notice>
      )}
    </>
  );
}
