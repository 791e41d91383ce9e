import { randomUUID } from 'node:crypto';
import { DEMO_OFFICE_CODE, DEMO_ROUND_CODE } from '../../db/seed/index.ts';
import { seededQuestionnaire } from '../../db/seed/questionnaires/index.ts';
import { satisfactionItems } from '../../analysis/questionnaire/structure.ts';

/**
 * A complete office response to the demo round (questionnaire 2024): someone who went through a
 * procedure but made no complaint, so B5 does not apply.
 */
export function officeSubmission(overrides: Record<string, unknown> = {}) {
  const def = seededQuestionnaire('2024')!;
  const answers: Record<string, unknown> = { had_procedure: 'yes', made_feedback: 'no' };
  for (const item of satisfactionItems(def)) if (item.element !== 'B5') answers[item.code] = 4;
  return {
    id: randomUUID(),
    round: DEMO_ROUND_CODE,
    channel: 'office',
    office: DEMO_OFFICE_CODE,
    profile: { sex: 'nu', age_group: '35_49' },
    answers,
    // Finished just now: a response finished long ago to a closed survey is a late delivery.
    submittedAt: new Date().toISOString(),
    ...overrides,
  };
}
