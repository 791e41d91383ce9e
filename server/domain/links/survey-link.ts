/**
 * What a survey link opens for a citizen's phone: the round, the office, whether it takes
 * responses now and, when asked on an open link, the questionnaire (and, through the online link,
 * the districts and communes to choose from) in the same reply: one round trip fewer on a slow
 * network.
 */
import type { SurveyLinkView } from '../../../contract/links.ts';
import type { Database } from '../../../db/client.ts';
import type { LinkDetails } from '../../../db/queries/links.ts';
import { unitsOfProvince } from '../../../db/queries/localities.ts';
import { findQuestionnaire } from '../../../db/queries/questionnaires.ts';
import { windowState } from '../responses/late-delivery.ts';
import { surveyWindow } from '../responses/response-context.ts';

export async function surveyLinkView(db: Database, link: LinkDetails, options: { withQuestionnaire: boolean; now?: Date }): Promise<SurveyLinkView> {
  const state = windowState(surveyWindow(link), options.now ?? new Date());
  const open = state === 'open';
  const include = open && options.withQuestionnaire;
  const questionnaire = include ? await findQuestionnaire(db, link.round.questionnaireVersion) : undefined;
  const { round } = link;
  const localities =
    include && link.channel === 'online'
      ? (await unitsOfProvince(db, round.provinceCode, round.periodStart, round.periodEnd)).map((u) => ({
          code: u.code,
          name: u.name,
          level: u.level as 'district' | 'commune',
          parentCode: u.parentCode ?? round.provinceCode,
        }))
      : undefined;
  return {
    token: link.token,
    channel: link.channel,
    open,
    state,
    round: {
      code: round.code,
      name: round.name,
      questionnaireVersion: round.questionnaireVersion,
      provinceCode: round.provinceCode,
      periodStart: round.periodStart,
      periodEnd: round.periodEnd,
    },
    office: link.office ? { code: link.office.code, name: link.office.name, localityCode: link.office.localityCode } : null,
    ...(localities ? { localities } : {}),
    ...(questionnaire ? { questionnaire } : {}),
  };
}
