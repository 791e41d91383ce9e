/**
 * The contract names its own lists of values (it imports nothing from the database or the
 * estimation, so that the UI can read it); each must be the list the database stores or the
 * estimation says, or a value would be refused on its way out, or never offered on its way in.
 */
import { describe, expect, it } from 'vitest';
import { respondentTypes as definedRespondentTypes } from '../../../analysis/questionnaire/definition.ts';
import { LONELY_PSU_OPTIONS as designLonelyPsu } from '../../../analysis/estimation/design.ts';
import { RELIABILITY_ISSUES as estimatedIssues } from '../../../analysis/estimation/intervals.ts';
import { roles } from '../../../contract/accounts.ts';
import { linkChannels } from '../../../contract/links.ts';
import { officeLevels } from '../../../contract/offices.ts';
import { formStatuses } from '../../../contract/paper-forms.ts';
import { reviewDecisions } from '../../../contract/response-review.ts';
import { respondentTypes } from '../../../contract/questionnaires.ts';
import { channels } from '../../../contract/responses.ts';
import { LONELY_PSU_OPTIONS, RELIABILITY_ISSUES } from '../../../contract/results.ts';
import { roundStatuses } from '../../../contract/rounds.ts';
import { linkChannels as storedLinkChannels } from '../../../db/schema/links.ts';
import { formStatuses as storedFormStatuses } from '../../../db/schema/paper.ts';
import { channels as storedChannels, responseStatuses } from '../../../db/schema/responses.ts';
import { officeLevels as storedOfficeLevels, roundStatuses as storedRoundStatuses } from '../../../db/schema/rounds.ts';
import { roles as storedRoles } from '../../../db/schema/staff.ts';

describe('the contract’s lists of values', () => {
  it('are the lists the database stores', () => {
    expect(roles).toEqual(storedRoles);
    expect(channels).toEqual(storedChannels);
    expect(linkChannels).toEqual(storedLinkChannels);
    expect(formStatuses).toEqual(storedFormStatuses);
    expect(roundStatuses).toEqual(storedRoundStatuses);
    expect(officeLevels).toEqual(storedOfficeLevels);
  });

  it('name the respondent types a questionnaire may be written for', () => {
    expect(respondentTypes).toEqual(definedRespondentTypes);
  });

  it('let a reviewer decide only what a response can become', () => {
    for (const decision of reviewDecisions) expect(responseStatuses).toContain(decision);
  });

  it('are the estimation’s words for reliability and lonely PSUs', () => {
    expect(RELIABILITY_ISSUES).toEqual(estimatedIssues);
    expect(LONELY_PSU_OPTIONS).toEqual(designLonelyPsu);
  });
});
