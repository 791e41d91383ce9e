import { sql } from 'drizzle-orm';
import { boolean, check, date, doublePrecision, index, integer, pgTable, primaryKey, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { respondentTypes } from '../../analysis/questionnaire/definition.ts';
import { localities } from './localities.ts';
import { questionnaireVersions } from './questionnaires.ts';

export const roundStatuses = ['draft', 'open', 'closed', 'published'] as const;
export type RoundStatus = (typeof roundStatuses)[number];

/**
 * A survey round: one period, the provinces it covers (round_provinces) and a questionnaire
 * version per respondent type (round_questionnaires).
 */
export const surveyRounds = pgTable(
  'survey_rounds',
  {
    id: serial('id').primaryKey(),
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    /** The year the round measures (a SIPAS year), for lists and trends. */
    year: integer('year').notNull(),
    periodStart: date('period_start').notNull(),
    periodEnd: date('period_end').notNull(),
    /** The index the province aims at, in percent (e.g. 85), drawn beside the results; null without one. */
    target: doublePrecision('target'),
    /** When the round was last closed (its links were closed at that moment; reopening opens those again); null while not closed. */
    closedAt: timestamp('closed_at', { withTimezone: true }),
    /** When the manager stopped the keying of paper forms of a closed round; null while it goes on. */
    keyingClosedAt: timestamp('keying_closed_at', { withTimezone: true }),
    status: text('status', { enum: roundStatuses }).notNull().default('draft'),
    /** A demonstration round: synthetic demo responses may be loaded into it, and only into it. */
    demo: boolean('demo').notNull().default(false),
    /** When the results were last published (the audit log has every publication and withdrawal). */
    publishedAt: timestamp('published_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('survey_rounds_status_check', sql`${t.status} in ('draft', 'open', 'closed', 'published')`),
    check('survey_rounds_period_check', sql`${t.periodEnd} >= ${t.periodStart}`),
    check('survey_rounds_target_check', sql`${t.target} is null or (${t.target} >= 0 and ${t.target} <= 100)`),
  ],
);

/** The provinces a round covers (a national round lists every province valid in its period). */
export const roundProvinces = pgTable(
  'round_provinces',
  {
    roundId: integer('round_id')
      .notNull()
      .references(() => surveyRounds.id, { onDelete: 'cascade' }),
    provinceCode: text('province_code')
      .notNull()
      .references(() => localities.code),
  },
  (t) => [primaryKey({ columns: [t.roundId, t.provinceCode] })],
);

/** The questionnaire version a round asks each respondent type (citizens always; organisations optionally). */
export const roundQuestionnaires = pgTable(
  'round_questionnaires',
  {
    roundId: integer('round_id')
      .notNull()
      .references(() => surveyRounds.id, { onDelete: 'cascade' }),
    respondentType: text('respondent_type', { enum: respondentTypes }).notNull(),
    questionnaireVersion: text('questionnaire_version')
      .notNull()
      .references(() => questionnaireVersions.version),
  },
  (t) => [
    primaryKey({ columns: [t.roundId, t.respondentType] }),
    check('round_questionnaires_type_check', sql`${t.respondentType} in ('citizen', 'organisation')`),
  ],
);

export const samplePlanUnitKinds = ['office', 'locality'] as const;
export type SamplePlanUnitKind = (typeof samplePlanUnitKinds)[number];

/** The sample plan: how many responses a round wants from an office, or from a commune/district. */
export const roundSamplePlan = pgTable(
  'round_sample_plan',
  {
    roundId: integer('round_id')
      .notNull()
      .references(() => surveyRounds.id, { onDelete: 'cascade' }),
    unitKind: text('unit_kind', { enum: samplePlanUnitKinds }).notNull(),
    unitCode: text('unit_code').notNull(),
    wanted: integer('wanted').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.roundId, t.unitKind, t.unitCode] }),
    check('round_sample_plan_kind_check', sql`${t.unitKind} in ('office', 'locality')`),
    check('round_sample_plan_wanted_check', sql`${t.wanted} > 0`),
  ],
);

/**
 * The tier an office serves: the province's public-administration service centre (Trung tâm Phục
 * vụ hành chính công cấp tỉnh), a commune's one-stop office (Bộ phận Một cửa cấp xã), or a
 * district's (cấp huyện: the tier the 2025 reorganisation removed, kept for earlier rounds).
 */
export const officeLevels = ['province', 'commune', 'district'] as const;
export type OfficeLevel = (typeof officeLevels)[number];

/** A one-stop office (Bộ phận Một cửa / Trung tâm Phục vụ hành chính công). */
export const offices = pgTable(
  'offices',
  {
    id: serial('id').primaryKey(),
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    localityCode: text('locality_code')
      .notNull()
      .references(() => localities.code),
    level: text('level', { enum: officeLevels }).notNull().default('commune'),
    active: boolean('active').notNull().default(true),
  },
  (t) => [index('offices_locality_idx').on(t.localityCode), check('offices_level_check', sql`${t.level} in ('province', 'commune', 'district')`)],
);

/**
 * A round's sampling frame: the population N_h of each stratum (adults, or files processed at an
 * office), from which design weights N_h / n_h follow. A round without a frame is unweighted.
 */
export const roundFrames = pgTable(
  'round_frames',
  {
    roundId: integer('round_id')
      .notNull()
      .references(() => surveyRounds.id),
    stratum: text('stratum').notNull(),
    population: doublePrecision('population').notNull(),
  },
  (t) => [primaryKey({ columns: [t.roundId, t.stratum] }), check('round_frames_population_check', sql`${t.population} > 0`)],
);
