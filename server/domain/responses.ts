/**
 * Accepting a response: find a resend first (so a response acknowledged before a round closed is
 * still acknowledged after), then check it against its round, office, localities and questionnaire
 * version, then store it once.
 */
import { createHash } from 'node:crypto';
import { answersSchema, compactAnswers } from '../../analysis/questionnaire/answers-schema.ts';
import { canonicalJson } from '../../analysis/questionnaire/canonical.ts';
import type { QuestionnaireDefinition } from '../../analysis/questionnaire/definition.ts';
import { formatIssue, issuePath } from '../../analysis/questionnaire/issue-messages.ts';
import { ratingsVector } from '../../analysis/questionnaire/ratings.ts';
import type { Database } from '../../db/client.ts';
import { findQuestionnaire } from '../../db/queries/questionnaires.ts';
import { findResponse, insertResponseOnce, type StoredResponse } from '../../db/queries/responses.ts';
import { findOfficeByCode, findRoundByCode } from '../../db/queries/rounds.ts';
import type { Channel } from '../../db/schema/responses.ts';
import { problems, type Worded } from '../errors.ts';
import type { ResponseSubmission, StoredResponseView } from '../schemas/responses.ts';
import { localityChain, type LocalityChain } from './localities.ts';

export type SubmitOutcome = { created: boolean; response: StoredResponseView };

/** Strings in NFC, so that the same Vietnamese text typed on two keyboards is the same text. */
function normalizeText<T>(value: T): T {
  if (typeof value === 'string') return value.normalize('NFC') as T;
  if (Array.isArray(value)) return value.map(normalizeText) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k.normalize('NFC'), normalizeText(v)])) as T;
  }
  return value;
}

export function contentHash(submission: ResponseSubmission): string {
  const { id: _id, ...content } = submission;
  const timestamps = {
    startedAt: content.startedAt && new Date(content.startedAt).toISOString(),
    submittedAt: content.submittedAt && new Date(content.submittedAt).toISOString(),
  };
  return createHash('sha256').update(canonicalJson({ ...content, ...timestamps })).digest('hex');
}

const fieldProblem = (path: string, worded: Worded) => problems.validation([{ path, worded }]);

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
    startedAt: row.startedAt?.toISOString() ?? null,
    submittedAt: row.submittedAt?.toISOString() ?? null,
    receivedAt: row.receivedAt.toISOString(),
  };
}

async function existingOutcome(db: Database, id: string, hash: string): Promise<SubmitOutcome | undefined> {
  const stored = await findResponse(db, id);
  if (!stored) return undefined;
  if (stored.contentHash !== hash) throw problems.conflictingResend(id);
  return { created: false, response: toView(stored) };
}

async function resolveLocality(db: Database, submission: ResponseSubmission, officeLocality: string | undefined): Promise<LocalityChain> {
  if (officeLocality) {
    const chain = await localityChain(db, officeLocality);
    if (chain) return chain;
  }
  const given = submission.locality;
  if (!given) {
    throw fieldProblem('locality', { vi: 'Thiếu địa bàn (tỉnh, huyện, xã) của người trả lời', en: 'The respondent’s locality is missing' });
  }
  const deepest = given.commune ?? given.district ?? given.province;
  const chain = await localityChain(db, deepest);
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

function validateAnswers(def: QuestionnaireDefinition, submission: ResponseSubmission) {
  const parsed = answersSchema(def).safeParse(normalizeText({ profile: submission.profile, answers: submission.answers }), { reportInput: true });
  if (!parsed.success) {
    throw problems.validation(
      parsed.error.issues.map((issue) => ({
        path: issuePath(issue),
        worded: { vi: formatIssue(issue, 'vi'), en: formatIssue(issue, 'en') },
      })),
    );
  }
  return { profile: compactAnswers(parsed.data.profile), answers: compactAnswers(parsed.data.answers) };
}

export async function submitResponse(
  db: Database,
  raw: ResponseSubmission,
  options: { channels: readonly Channel[] },
): Promise<SubmitOutcome> {
  const submission = normalizeText(raw);
  const hash = contentHash(submission);
  const resend = await existingOutcome(db, submission.id, hash);
  if (resend) return resend;

  if (!options.channels.includes(submission.channel)) {
    throw fieldProblem('channel', {
      vi: `Kênh "${submission.channel}" không được gửi qua đây (phiếu giấy được nhập và đối chiếu bởi nhân viên)`,
      en: `Channel "${submission.channel}" cannot be submitted here (paper forms are keyed and verified by staff)`,
    });
  }
  const round = await findRoundByCode(db, submission.round);
  if (!round) throw fieldProblem('round', { vi: `Không có đợt khảo sát mã ${submission.round}`, en: `No survey round has code ${submission.round}` });
  if (round.status !== 'open') throw problems.roundNotOpen(round.code);
  if (submission.questionnaireVersion && submission.questionnaireVersion !== round.questionnaireVersion) {
    throw fieldProblem('questionnaireVersion', {
      vi: `Đợt ${round.code} dùng phiếu phiên bản ${round.questionnaireVersion}, không phải ${submission.questionnaireVersion}`,
      en: `Round ${round.code} uses questionnaire version ${round.questionnaireVersion}, not ${submission.questionnaireVersion}`,
    });
  }
  const office = submission.office ? await findOfficeByCode(db, submission.office) : undefined;
  if (submission.office && (!office || !office.active)) {
    throw fieldProblem('office', { vi: `Không có điểm khảo sát đang hoạt động mã ${submission.office}`, en: `No active office has code ${submission.office}` });
  }
  if (submission.channel === 'office' && !office) {
    throw fieldProblem('office', { vi: 'Phiếu khảo sát tại bộ phận một cửa phải ghi mã điểm khảo sát', en: 'Office responses must name their office' });
  }
  const locality = await resolveLocality(db, submission, office?.localityCode);
  if (locality.province !== round.provinceCode) {
    throw fieldProblem('locality.province', {
      vi: `Địa bàn ${locality.province} không thuộc tỉnh của đợt khảo sát (${round.provinceCode})`,
      en: `Locality ${locality.province} is outside the round's province (${round.provinceCode})`,
    });
  }
  const def = await findQuestionnaire(db, round.questionnaireVersion);
  if (!def) throw new Error(`questionnaire ${round.questionnaireVersion} of round ${round.code} is not stored`);
  const { profile, answers } = validateAnswers(def, submission);

  const { inserted } = await insertResponseOnce(db, {
    id: submission.id,
    roundId: round.id,
    questionnaireVersion: round.questionnaireVersion,
    channel: submission.channel,
    officeId: office?.id ?? null,
    provinceCode: locality.province,
    districtCode: locality.district,
    communeCode: locality.commune,
    profile,
    answers,
    ratings: ratingsVector(def, { ...profile, ...answers }),
    contentHash: hash,
    startedAt: submission.startedAt ? new Date(submission.startedAt) : null,
    submittedAt: submission.submittedAt ? new Date(submission.submittedAt) : null,
  });
  // Lost a race with an identical (or conflicting) concurrent post: answer as for a resend.
  const outcome = inserted ? undefined : await existingOutcome(db, submission.id, hash);
  if (outcome) return outcome;
  const stored = await findResponse(db, submission.id);
  if (!stored) throw new Error(`response ${submission.id} vanished after insert`);
  return { created: true, response: toView(stored) };
}

