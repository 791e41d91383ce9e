/** The name of a round's microdata file: the syntax files that load it name it too. */
import type { RespondentType } from '../../../analysis/questionnaire/definition.ts';

export function microdataFileName(roundCode: string, respondentType: RespondentType, withText: boolean, extension = 'csv', labelled = false): string {
  return `sipas-vi-mo-${roundCode}${respondentType === 'organisation' ? '-to-chuc' : ''}${withText ? '-co-y-kien' : ''}${labelled ? '-nhan' : ''}.${extension}`;
}
