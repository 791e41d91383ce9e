/**
 * Where a response belongs: its round, office, channel and locality, taken from an office link
 * (QR code) or from the fields of the submission, and checked against each other.
 */
import type { OfficeRow, RoundRow } from '../../db/queries/rounds.ts';
import type { Channel } from '../../db/schema/responses.ts';
import { problems, type Worded } from '../errors.ts';
import type { ResponseSubmission } from '../schemas/responses.ts';
import { acceptsLateDelivery } from './late-delivery.ts';
import type { LocalityChain } from './localities.ts';
import type { ReferenceLookups } from './reference-lookups.ts';

export interface ResponseContext {
  round: RoundRow;
  office: OfficeRow | undefined;
  channel: Channel;
  locality: LocalityChain;
  linkId: number | null;
  /** Finished before the survey closed, delivered after (see late-delivery.ts). */
  lateDelivery: boolean;
}

const fieldProblem = (path: string, worded: Worded) => problems.validation([{ path, worded }]);
const submittedAtOf = (submission: ResponseSubmission) => (submission.submittedAt ? new Date(submission.submittedAt) : undefined);

async function fromLink(lookups: ReferenceLookups, submission: ResponseSubmission, token: string) {
  const link = await lookups.link(token);
  if (!link) throw fieldProblem('link', { vi: 'Đường dẫn khảo sát không đúng hoặc đã bị thay thế', en: 'This survey link is not valid or has been replaced' });
  // The link decides round, office and channel; a submission that says otherwise is refused, not quietly corrected.
  if (submission.round && submission.round !== link.round.code) {
    throw fieldProblem('round', { vi: 'Đợt khảo sát không khớp với đường dẫn khảo sát', en: 'The round does not match the survey link' });
  }
  if (submission.office && submission.office !== link.office.code) {
    throw fieldProblem('office', { vi: 'Điểm khảo sát không khớp với đường dẫn khảo sát', en: 'The office does not match the survey link' });
  }
  if (submission.channel && submission.channel !== 'office') {
    throw fieldProblem('channel', {
      vi: 'Phiếu gửi qua đường dẫn của điểm khảo sát thuộc kênh khảo sát tại bộ phận một cửa (office)',
      en: 'Responses sent through an office link belong to the office channel',
    });
  }
  const open = link.active && link.office.active && link.round.status === 'open';
  const late = !open && acceptsLateDelivery(
    { roundStatus: link.round.status, linkDisabledAt: link.disabledAt, periodEnd: link.round.periodEnd },
    true, submittedAtOf(submission), new Date(),
  );
  if (!open && !late) throw problems.roundNotOpen(link.round.code);
  return { round: link.round, office: link.office, channel: 'office' as const, linkId: link.id, lateDelivery: late };
}

async function fromFields(lookups: ReferenceLookups, submission: ResponseSubmission) {
  if (!submission.round) throw fieldProblem('round', { vi: 'Thiếu mã đợt khảo sát', en: 'The survey round is missing' });
  if (!submission.channel) throw fieldProblem('channel', { vi: 'Thiếu kênh khảo sát', en: 'The channel is missing' });
  const round = await lookups.round(submission.round);
  if (!round) throw fieldProblem('round', { vi: `Không có đợt khảo sát mã ${submission.round}`, en: `No survey round has code ${submission.round}` });
  const office = submission.office ? await lookups.office(submission.office) : undefined;
  if (submission.office && (!office || !office.active)) {
    throw fieldProblem('office', { vi: `Không có điểm khảo sát đang hoạt động mã ${submission.office}`, en: `No active office has code ${submission.office}` });
  }
  if (submission.channel === 'office' && !office) {
    throw fieldProblem('office', { vi: 'Phiếu khảo sát tại bộ phận một cửa phải ghi mã điểm khảo sát', en: 'Office responses must name their office' });
  }
  const late = round.status !== 'open' && acceptsLateDelivery(
    { roundStatus: round.status, linkDisabledAt: null, periodEnd: round.periodEnd }, false, submittedAtOf(submission), new Date(),
  );
  if (round.status !== 'open' && !late) throw problems.roundNotOpen(round.code);
  return { round, office, channel: submission.channel, linkId: null, lateDelivery: late };
}

async function resolveLocality(lookups: ReferenceLookups, submission: ResponseSubmission, officeLocality: string | undefined): Promise<LocalityChain> {
  if (officeLocality) {
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

export async function responseContext(lookups: ReferenceLookups, submission: ResponseSubmission, channels: readonly Channel[]): Promise<ResponseContext> {
  const base = submission.link ? await fromLink(lookups, submission, submission.link) : await fromFields(lookups, submission);
  if (!channels.includes(base.channel)) {
    throw fieldProblem('channel', {
      vi: `Kênh "${base.channel}" không được gửi qua đây (phiếu giấy được nhập và đối chiếu bởi nhân viên)`,
      en: `Channel "${base.channel}" cannot be submitted here (paper forms are keyed and verified by staff)`,
    });
  }
  if (submission.questionnaireVersion && submission.questionnaireVersion !== base.round.questionnaireVersion) {
    throw fieldProblem('questionnaireVersion', {
      vi: `Đợt ${base.round.code} dùng phiếu phiên bản ${base.round.questionnaireVersion}, không phải ${submission.questionnaireVersion}`,
      en: `Round ${base.round.code} uses questionnaire version ${base.round.questionnaireVersion}, not ${submission.questionnaireVersion}`,
    });
  }
  const locality = await resolveLocality(lookups, submission, base.office?.localityCode);
  if (locality.province !== base.round.provinceCode) {
    throw fieldProblem('locality.province', {
      vi: `Địa bàn ${locality.province} không thuộc tỉnh của đợt khảo sát (${base.round.provinceCode})`,
      en: `Locality ${locality.province} is outside the round's province (${base.round.provinceCode})`,
    });
  }
  return { ...base, locality };
}
