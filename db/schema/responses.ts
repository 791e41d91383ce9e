import { sql } from 'drizzle-orm';
import { bigint, check, customType, index, integer, jsonb, pgTable, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { respondentTypes } from '../../analysis/questionnaire/definition.ts';
import { surveyLinks } from './links.ts';
import { localities } from './localities.ts';
import { questionnaireVersions } from './questionnaires.ts';
import { offices, surveyRounds } from './rounds.ts';

export const channels = ['office', 'paper', 'online'] as const;
export type Channel = (typeof channels)[number];

/** bytea as a Node Buffer, with both drivers. */
export const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

/**
 * `held`: flagged by a plausibility check and left out of every figure until a reviewer accepts
 * it (→ `accepted`) or excludes it (→ `excluded`). Nothing is ever deleted.
 */
export const responseStatuses = ['accepted', 'excluded', 'held'] as const;
export type ResponseStatus = (typeof responseStatuses)[number];

/**
 * One respondent's answers. The client generates `id` (a UUID) once, so a resent response finds
 * itself; `content_hash` tells a harmless resend from a conflicting one.
 *
 * `profile` and `answers` are the record as submitted (after validation and NFC normalisation).
 * `ratings` is a compact projection of the satisfaction items, in the version's item order
 * (`questionnaire_items.position` + 1), so that estimation reads one small array per response
 * instead of 33 rows: `ratings[k]` is 1–5, 0 for missing, −1 for not applicable (analysis/questionnaire/ratings.ts).
 * `answer_bits` holds every choice answer as one bit per option (analysis/estimation/answer-bits.ts),
 * so that the results are per-cell sums of bits computed by the database (db/queries/results.ts).
 */
export const responses = pgTable(
  'responses',
  {
    id: uuid('id').primaryKey(),
    roundId: integer('round_id')
      .notNull()
      .references(() => surveyRounds.id),
    questionnaireVersion: text('questionnaire_version')
      .notNull()
      .references(() => questionnaireVersions.version),
    channel: text('channel', { enum: channels }).notNull(),
    /**
     * Whom the version asks (citizen, organisation), copied from the version when the response is
     * stored: results of citizens and organisations are never pooled, and every count filters on
     * this column instead of joining the version's JSON. A version is immutable once a response
     * uses it, so the copy cannot disagree with it.
     */
    respondentType: text('respondent_type', { enum: respondentTypes }).notNull().default('citizen'),
    officeId: integer('office_id').references(() => offices.id),
    provinceCode: text('province_code')
      .notNull()
      .references(() => localities.code),
    districtCode: text('district_code').references(() => localities.code),
    communeCode: text('commune_code').references(() => localities.code),
    profile: jsonb('profile').$type<Record<string, unknown>>().notNull(),
    answers: jsonb('answers').$type<Record<string, unknown>>().notNull(),
    ratings: smallint('ratings').array().notNull(),
    /** Null only for rows stored before the column existed; filled in before results are computed. */
    answerBits: bytea('answer_bits'),
    contentHash: text('content_hash').notNull(),
    linkId: integer('link_id').references(() => surveyLinks.id),
    /**
     * HMAC-SHA-256 of the random id the phone keeps, keyed with the server's secret: burst checks
     * can tell devices apart, but the stored value cannot be matched to a phone without the secret.
     */
    deviceHash: text('device_hash'),
    /** Fingerprint of the answers alone, to spot identical responses arriving in bursts. */
    answersFingerprint: text('answers_fingerprint').notNull(),
    /**
     * Keys of the satisfaction ratings in four interleaved bands (items 1, 5, 9… ; 2, 6, 10… ; …):
     * two responses whose ratings differ in at most three items share at least one band, so the
     * near-identical check finds its candidates through these indexes (server/domain/responses/response-flags.ts).
     */
    ratingBand1: bigint('rating_band_1', { mode: 'bigint' }),
    ratingBand2: bigint('rating_band_2', { mode: 'bigint' }),
    ratingBand3: bigint('rating_band_3', { mode: 'bigint' }),
    ratingBand4: bigint('rating_band_4', { mode: 'bigint' }),
    /** Reasons for review (e.g. `too_fast`, `identical_burst`); a flagged response is held until reviewed, never dropped. */
    flags: text('flags').array().notNull().default(sql`'{}'::text[]`),
    /** The facts behind the flags, for the reviewer: seconds taken, similar responses, the device's count… */
    flagFacts: jsonb('flag_facts').$type<Record<string, unknown>>(),
    status: text('status', { enum: responseStatuses }).notNull().default('accepted'),
    startedAt: timestamp('started_at', { withTimezone: true }),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('responses_round_idx').on(t.roundId, t.districtCode),
    index('responses_office_idx').on(t.officeId),
    index('responses_link_band_1_idx').on(t.linkId, t.ratingBand1, t.receivedAt),
    index('responses_link_band_2_idx').on(t.linkId, t.ratingBand2, t.receivedAt),
    index('responses_link_band_3_idx').on(t.linkId, t.ratingBand3, t.receivedAt),
    index('responses_link_band_4_idx').on(t.linkId, t.ratingBand4, t.receivedAt),
    index('responses_device_received_idx').on(t.deviceHash, t.receivedAt),
    // Online responses are each their own PSU and are read one by one for the results; without this
    // they would cost a second pass over the round.
    index('responses_online_idx').on(t.roundId).where(sql`${t.channel} = 'online'`),
    // Finds at once whether a round holds responses of a type other than citizens' (rare, so the index stays small and costs citizens' writes nothing).
    index('responses_round_other_types_idx').on(t.roundId, t.respondentType).where(sql`${t.respondentType} <> 'citizen'`),
    index('responses_without_bits_idx').on(t.questionnaireVersion).where(sql`${t.answerBits} is null`),
    check('responses_channel_check', sql`${t.channel} in ('office', 'paper', 'online')`),
    check('responses_respondent_type_check', sql`${t.respondentType} in ('citizen', 'organisation')`),
    check('responses_status_check', sql`${t.status} in ('accepted', 'excluded', 'held')`),
  ],
);
