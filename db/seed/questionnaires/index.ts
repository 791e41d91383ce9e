import { parseQuestionnaire } from '../../../analysis/questionnaire/structure.ts';
import type { QuestionnaireDefinition } from '../../../analysis/questionnaire/definition.ts';
import { sipas2022 } from './sipas-2022.ts';
import { sipas2024 } from './sipas-2024.ts';
import { sipasOrganisations2024 } from './sipas-organisations-2024.ts';

/** The questionnaire versions shipped with the platform, checked for consistency. */
export const seededQuestionnaires: QuestionnaireDefinition[] = [sipas2022, sipas2024, sipasOrganisations2024].map(parseQuestionnaire);

export function seededQuestionnaire(version: string): QuestionnaireDefinition | undefined {
  return seededQuestionnaires.find((q) => q.version === version);
}
