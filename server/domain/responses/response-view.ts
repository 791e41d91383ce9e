/** How an accepted or stored response is shown back to the client that sent it. */
import type { StoredResponse } from '../../../db/queries/responses.ts';
import type { StoredResponseView } from '../../../contract/responses.ts';

export type SubmitOutcome = { created: boolean; response: StoredResponseView };

export function toView(row: StoredResponse): StoredResponseView {
  return {
    id: row.id,
    round: row.roundCode,
    questionnaireVersion: row.questionnaireVersion,
    channel: row.channel,
    office: row.officeCode,
    locality: { province: row.provinceCode, district: row.districtCode, commune: row.communeCode },
    profile: row.profile as StoredResponseView['profile'],
    answers: row.answers as StoredResponseView['answers'],
    status: row.status,
    flags: row.flags,
    startedAt: row.startedAt?.toISOString() ?? null,
    submittedAt: row.submittedAt?.toISOString() ?? null,
    receivedAt: row.receivedAt.toISOString(),
  };
}
