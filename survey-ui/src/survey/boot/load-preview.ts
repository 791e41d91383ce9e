/**
 * An admin's preview of a questionnaire version: the version as the staff API gives it (the admin's
 * session cookie goes with the request), shown through the survey's own screens under a link that
 * names no round and no office and sends nothing.
 */
import type { QuestionnaireDefinition } from '../../../../analysis/questionnaire/definition.ts';
import type { SurveyBoot } from './survey-link.ts';

export async function loadPreview(version: string): Promise<SurveyBoot> {
  let response: Response;
  try {
    response = await fetch(`/api/questionnaire-versions/${encodeURIComponent(version)}/file?format=json`, { credentials: 'same-origin' });
  } catch {
    return { kind: 'offline' };
  }
  if (response.status === 401 || response.status === 403) return { kind: 'preview-denied' };
  if (response.status === 404) return { kind: 'not-found' };
  if (!response.ok) return { kind: 'offline' };
  const questionnaire = (await response.json()) as QuestionnaireDefinition;
  return {
    kind: 'preview',
    link: {
      token: `preview-${version}`,
      channel: 'office',
      open: true,
      state: 'open',
      round: {
        code: '',
        name: questionnaire.title.vi,
        questionnaires: questionnaire.respondentType === 'organisation' ? { citizen: '', organisation: version } : { citizen: version },
        provinceCodes: [],
        periodStart: '',
        periodEnd: '',
      },
      office: null,
      questionnaire,
    },
  };
}
