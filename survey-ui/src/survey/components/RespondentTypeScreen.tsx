import type { RespondentType } from '../../../../contract/questionnaires.ts';
import { useMessages } from '../messages/catalogue.ts';
import { ScreenHeading } from './ScreenHeading.tsx';

/** Who answers, when the round asks citizens and organisations different questionnaires: one tap. */
export function RespondentTypeScreen({ busy, onChoose }: { busy: boolean; onChoose: (type: RespondentType) => void }) {
  const t = useMessages();
  return (
    <div class="screen respondent-type" data-screen="respondent-type">
      <ScreenHeading focus={false}>{t.respondentTypeTitle}</ScreenHeading>
      <p class="description">{t.respondentTypeIntro}</p>
      <div class="respondent-choices">
        <button type="button" class="button primary respondent-choice" data-respondent-type="citizen" disabled={busy} onClick={() => onChoose('citizen')}>
          {t.respondentCitizen}
        </button>
        <button
          type="button"
          class="button primary respondent-choice"
          data-respondent-type="organisation"
          disabled={busy}
          onClick={() => onChoose('organisation')}
        >
          {t.respondentOrganisation}
        </button>
      </div>
    </div>
  );
}
