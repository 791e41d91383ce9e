import { sql } from 'drizzle-orm';
import { boolean, check, date, doublePrecision, index, integer, pgTable, primaryKey, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { localities } from './localities.ts';
import { questionnaireVersions } from './questionnaires.ts';

export const roundStatuses = ['draft', 'open', 'closed', 'published'] as const;
export type RoundStatus = (typeof roundStatuses)[number];

/** A survey round: one period, one questionnaire version, one province. */
export const surveyRounds = pgTable(
  'survey_rounds',
  {
    id: serial('id').primaryKey(),
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    provinceCode: text('province_code')
      .notNull()
      .references(() => localities.code),
    periodStart: date('period_start').notNull(),
    periodEnd: date('period_end').notNull(),
    questionnaireVersion: text('questionnaire_version')
      .notNull()
      .references(() => questionnaireVersions.version),
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
