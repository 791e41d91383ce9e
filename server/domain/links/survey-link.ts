/**
 * What a survey link opens for a citizen's phone: the round, the office, whether it takes
 * responses now and, when asked on an open link, the questionnaire (and, through the online link,
 * the districts and communes to choose from) in the same reply: one round trip fewer on a slow
 * network.
 */
import type { SurveyLinkView } from '../../../contract/links.ts';
import type { RespondentType } from '../../../contract/questionnaires.ts';
import type { Database } from '../../../db/client.ts';
import type { LinkDetails } from '../../../db/queries/links.ts';
import { findLocalities, unitsOfProvince } from '../../../db/queries/localities.ts';
import { findQuestionnaire } from '../../../db/queries/questionnaires.ts';
import { windowState } from '../responses/late-delivery.ts';
import { surveyWindow } from '../responses/response-context.ts';

/** The round's provinces, then each one's districts and communes valid in the round's period. */
async function localityChoices(db: Database, round: LinkDetails['round']): Promise<NonNullable<SurveyLinkView['localities']>> {
  const provinces = (await findLocalities(db, round.provinceCodes)).sort((a, b) => a.code.localeCompare(b.code));
  const choices: NonNullable<SurveyLinkView['localities']> = provinces.map((p) => ({ code: p.code, name: p.name, level: 'province', parentCode: '' }));
  for (const province of round.provinceCodes) {
    for (const u of await unitsOfProvince(db, province, round.periodStart, round.periodEnd)) {
      choices.push({ code: u.code, name: u.name, level: u.level as 'district' | 'commune', parentCode: u.parentCode ?? province });
    }
  }
  return choices;
}

export async function surveyLinkView(
  db: Database,
  link: LinkDetails,
  options: { withQuestionnaire: boolean; respondentType?: RespondentType; now?: Date },
): Promise<SurveyLinkView> {
  const state = windowState(surveyWindow(link), options.now ?? new Date());
  const open = state === 'open';
  const { round } = link;
  // A type the round does not ask gets no questionnaire (the phone then offers the citizens' one).
  const version = round.questionnaires[options.respondentType ?? 'citizen'];
  const include = open && options.withQuestionnaire;
  const questionnaire = include && version ? await findQuestionnaire(db, version) : undefined;
  const localities = include && link.channel === 'online' ? await localityChoices(db, round) : undefined;
  return {
    token: link.token,
    channel: link.channel,
    open,
    state,
    round: {
      code: round.code,
      name: round.name,
      questionnaires: round.questionnaires,
      provinceCodes: round.provinceCodes,
      periodStart: round.periodStart,
      periodEnd: round.periodEnd,
    },
    office: link.office ? { code: link.office.code, name: link.office.name, localityCode: link.office.localityCode } : null,
    ...(localities ? { localities } : {}),
    ...(questionnaire ? { questionnaire } : {}),
  };
}
