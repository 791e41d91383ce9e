import { parseQuestionnaire } from '../../../analysis/questionnaire/structure.ts';
import type { QuestionnaireDefinition } from '../../../analysis/questionnaire/definition.ts';
import { sipas2022 } from './sipas-2022.ts';
import { sipas2024 } from './sipas-2024.ts';
import { sipasOrganisations2024 } from './sipas-organisations-2024.ts';

const shipped = [sipas2022, sipas2024, sipasOrganisations2024];
const checked = new Map<string, QuestionnaireDefinition>();

/**
 * A version shipped with the platform, checked for consistency when first asked for: a command that
 * uses one version (`sipas analyze --questionnaire 2024`) does not check the others.
 */
export function seededQuestionnaire(version: string): QuestionnaireDefinition | undefined {
  let def = checked.get(version);
  if (def === undefined) {
    const raw = shipped.find((q) => q.version === version);
    if (raw === undefined) return undefined;
    checked.set(version, (def = parseQuestionnaire(raw)));
  }
  return def;
}

/** Every version shipped with the platform, checked for consistency. */
export function seededQuestionnaires(): QuestionnaireDefinition[] {
  return shipped.map((q) => seededQuestionnaire(q.version)!);
}
