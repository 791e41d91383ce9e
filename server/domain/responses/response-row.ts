/** The stored form of an accepted response, whichever channel it came through. */
import { createHash } from 'node:crypto';
import type { AnswerMap } from '../../../analysis/questionnaire/answers-schema.ts';
import { canonicalJson } from '../../../analysis/questionnaire/canonical.ts';
import type { QuestionnaireDefinition } from '../../../analysis/questionnaire/definition.ts';
import { ratingsVector } from '../../../analysis/questionnaire/ratings.ts';
import { applicableQuestions } from '../../../analysis/questionnaire/skip.ts';
import type { GroupRow } from '../../../db/queries/responses.ts';
import type { RoundRow } from '../../../db/queries/rounds.ts';
import type { Channel } from '../../../db/schema/responses.ts';
import { answerBitsOf } from '../results/answer-bits.ts';
import { ratingBands } from './response-flags.ts';
import type { LocalityChain } from '../localities/localities.ts';

export const sha256Json = (value: unknown) => createHash('sha256').update(canonicalJson(value)).digest('hex');

export function answersFingerprint(profile: AnswerMap, answers: AnswerMap): string {
  return sha256Json({ profile, answers });
}

export interface ResponseRowInput {
  id: string;
  round: RoundRow;
  channel: Channel;
  officeId?: number | null;
  linkId?: number | null;
  /** The device id's keyed hash (server/secrets.ts), never the id itself. */
  deviceHash?: string | null;
  locality: LocalityChain;
  profile: AnswerMap;
  answers: AnswerMap;
  contentHash: string;
  flags?: string[];
  flagFacts?: Record<string, unknown> | null;
  startedAt?: Date | null;
  submittedAt?: Date | null;
}

/** Every column the platform sets (the database fills in status and reception time). */
export function responseRow(def: QuestionnaireDefinition, input: ResponseRowInput): GroupRow {
  // Both projections follow the skip logic: worked out once, as it runs for every response.
  const all = { ...input.profile, ...input.answers };
  const applicable = applicableQuestions(def, all);
  const ratings = ratingsVector(def, all, applicable);
  const bands = ratingBands(ratings);
  return {
    id: input.id,
    roundId: input.round.id,
    questionnaireVersion: def.version,
    channel: input.channel,
    officeId: input.officeId ?? null,
    linkId: input.linkId ?? null,
    deviceHash: input.deviceHash ?? null,
    provinceCode: input.locality.province,
    districtCode: input.locality.district,
    communeCode: input.locality.commune,
    profile: input.profile,
    answers: input.answers,
    ratings,
    ratingBand1: bands[0],
    ratingBand2: bands[1],
    ratingBand3: bands[2],
    ratingBand4: bands[3],
    answerBits: answerBitsOf(def, input.profile, input.answers, all, applicable),
    contentHash: input.contentHash,
    answersFingerprint: answersFingerprint(input.profile, input.answers),
    flags: input.flags ?? [],
    flagFacts: input.flagFacts ?? null,
    startedAt: input.startedAt ?? null,
    submittedAt: input.submittedAt ?? null,
  };
}
