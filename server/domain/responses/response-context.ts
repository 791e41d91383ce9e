/**
 * Where a response belongs: its round, channel, office and locality, all taken from the survey
 * link it carries. Every response a citizen sends must carry the link of an open round for its
 * channel — an office's QR code, or the round's online link — and a response that names another
 * round, office or channel than its link is refused, not quietly corrected. Round, office and
 * channel can never be chosen by the client alone.
 */
import type { LinkDetails } from '../../../db/queries/links.ts';
import type { OfficeRow, RoundRow } from '../../../db/queries/rounds.ts';
import type { Channel } from '../../../db/schema/responses.ts';
import type { Problem, Worded } from '../../errors.ts';
import { problems } from '../../error-catalogue.ts';
import type { ResponseSubmission } from '../../../contract/responses.ts';
import { lateDeliveryClosing, windowState, type SurveyWindow } from './late-delivery.ts';
import type { LocalityChain } from '../localities/localities.ts';
import type { ReferenceLookups } from './reference-lookups.ts';

export interface ResponseContext {
  round: RoundRow;
  office: OfficeRow | undefined;
  channel: Channel;
  locality: LocalityChain;
  /** The round's version the response answers: the one it names, else the citizens' version. */
  questionnaireVersion: string;
  linkId: number;
  /** Finished before the survey closed, delivered after (see late-delivery.ts): when it closed. */
  lateDelivery?: { closedAt: Date };
}

const fieldProblem = (path: string, worded: Worded) => problems.validation([{ path, worded }]);
const submittedAtOf = (submission: ResponseSubmission) => (submission.submittedAt ? new Date(submission.submittedAt) : undefined);

/** DD/MM/YYYY, as dates are written in Vietnam. */

export function surveyWindow(link: LinkDetails): SurveyWindow {
  return {
    roundStatus: link.round.status,
    periodStart: link.round.periodStart,
    periodEnd: link.round.periodEnd,
    demo: link.round.demo,
    linkActive: link.active && (link.office?.active ?? true),
    linkDisabledAt: link.disabledAt,
  };
}

/** Why a link takes no responses now, in words the phone shows to the citizen (it keeps the response). */
function refusal(link: LinkDetails, state: 'not_started' | 'ended' | 'closed'): Problem {
  const { code, periodStart, periodEnd } = link.round;
  if (state === 'not_started') {
    return problems.roundNotStarted({ code, start: periodStart });
  }
  if (state === 'ended') {
    return problems.roundEnded({ code, end: periodEnd });
  }
  return problems.linkClosed({ code });
}

async function fromLink(lookups: ReferenceLookups, submission: ResponseSubmission, now: Date) {
  if (!submission.link) {
    throw fieldProblem('link', {
      vi: 'Phiếu phải được gửi qua đường dẫn khảo sát (mã QR tại bộ phận một cửa, hoặc đường dẫn trực tuyến của tỉnh)',
      en: 'A response must be sent through a survey link (the QR code at the office, or the province’s online link)',
    });
  }
  const link = await lookups.link(submission.link);
  if (!link) throw fieldProblem('link', { vi: 'Đường dẫn khảo sát không đúng hoặc đã bị thay thế', en: 'This survey link is not valid or has been replaced' });
  if (submission.round && submission.round !== link.round.code) {
    throw fieldProblem('round', { vi: 'Đợt khảo sát không khớp với đường dẫn khảo sát', en: 'The round does not match the survey link' });
  }
  if (submission.office && submission.office !== link.office?.code) {
    throw fieldProblem('office', { vi: 'Điểm khảo sát không khớp với đường dẫn khảo sát', en: 'The office does not match the survey link' });
  }
  if (submission.channel && submission.channel !== link.channel) {
    throw fieldProblem(
      'channel',
      link.channel === 'office'
        ? {
            vi: 'Phiếu gửi qua đường dẫn của điểm khảo sát thuộc kênh khảo sát tại bộ phận một cửa (office)',
            en: 'Responses sent through an office link belong to the office channel',
          }
        : {
            vi: 'Phiếu gửi qua đường dẫn trực tuyến thuộc kênh trực tuyến (online)',
            en: 'Responses sent through the online link belong to the online channel',
          },
    );
  }
  const window = surveyWindow(link);
  const state = windowState(window, now);
  let lateDelivery: ResponseContext['lateDelivery'];
  if (state !== 'open') {
    const closedAt = lateDeliveryClosing(window, submittedAtOf(submission), now);
    if (!closedAt) throw refusal(link, state);
    lateDelivery = { closedAt };
  }
  return { link, round: link.round, office: link.office ?? undefined, channel: link.channel, linkId: link.id, lateDelivery };
}

async function resolveLocality(lookups: ReferenceLookups, submission: ResponseSubmission, officeLocality: string | undefined): Promise<LocalityChain> {
  if (officeLocality) {
    // The office decides where its respondents are counted; a locality sent with it must agree.
    const chain = await lookups.localityChain(officeLocality);
    if (chain) return chain;
  }
  const given = submission.locality;
  if (!given) {
    throw fieldProblem('locality', { vi: 'Thiếu địa bàn (tỉnh, huyện, xã) của người trả lời', en: 'The respondent’s locality is missing' });
  }
  const deepest = given.commune ?? given.district ?? given.province;
  const chain = await lookups.localityChain(deepest);
  const field = given.commune ? 'locality.commune' : given.district ? 'locality.district' : 'locality.province';
  if (!chain) {
    throw fieldProblem(field, { vi: `Không tìm thấy đơn vị hành chính có mã ${deepest}`, en: `No administrative unit has code ${deepest}` });
  }
  const consistent = chain.province === given.province && (!given.district || chain.district === given.district);
  if (!consistent) {
    throw fieldProblem(field, {
      vi: `Đơn vị hành chính ${deepest} không thuộc địa bàn cấp trên đã khai`,
      en: `Administrative unit ${deepest} does not belong to the units above it`,
    });
  }
  return chain;
}

export async function responseContext(
  lookups: ReferenceLookups,
  submission: ResponseSubmission,
  channels: readonly Channel[],
  now = new Date(),
): Promise<ResponseContext> {
  const { link: _link, ...base } = await fromLink(lookups, submission, now);
  if (!channels.includes(base.channel)) {
    throw fieldProblem('channel', {
      vi: `Kênh "${base.channel}" không được gửi qua đây (phiếu giấy được nhập và đối chiếu bởi nhân viên)`,
      en: `Channel "${base.channel}" cannot be submitted here (paper forms are keyed and verified by staff)`,
    });
  }
  // A round asks each respondent type its own version: a response answers one of them, never another.
  const versions = Object.values(base.round.questionnaires);
  const questionnaireVersion = submission.questionnaireVersion ?? base.round.questionnaires.citizen;
  if (!versions.includes(questionnaireVersion)) {
    throw fieldProblem('questionnaireVersion', {
      vi: `Đợt ${base.round.code} dùng phiếu phiên bản ${versions.join(', ')}, không phải ${questionnaireVersion}`,
      en: `Round ${base.round.code} uses questionnaire version ${versions.join(', ')}, not ${questionnaireVersion}`,
    });
  }
  const locality = await resolveLocality(lookups, submission, base.office?.localityCode);
  if (!base.round.provinceCodes.includes(locality.province)) {
    const provinces = base.round.provinceCodes.join(', ');
    throw fieldProblem('locality.province', {
      vi: `Địa bàn ${locality.province} không thuộc tỉnh của đợt khảo sát (${provinces})`,
      en: `Locality ${locality.province} is outside the round's provinces (${provinces})`,
    });
  }
  return { ...base, locality, questionnaireVersion };
}
