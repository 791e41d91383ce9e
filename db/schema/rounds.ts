import { sql } from 'drizzle-orm';
import { boolean, check, date, index, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
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
    provinceCode: text('province_code').notNull().references(() => localities.code),
    periodStart: date('period_start').notNull(),
    periodEnd: date('period_end').notNull(),
    questionnaireVersion: text('questionnaire_version').notNull().references(() => questionnaireVersions.version),
    status: text('status', { enum: roundStatuses }).notNull().default('draft'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('survey_rounds_status_check', sql`${t.status} in ('draft', 'open', 'closed', 'published')`),
    check('survey_rounds_period_check', sql`${t.periodEnd} >= ${t.periodStart}`),
  ],
);

/** A one-stop office (Bộ phận Một cửa / Trung tâm Phục vụ hành chính công). */
export const offices = pgTable(
  'offices',
  {
    id: serial('id').primaryKey(),
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    localityCode: text('locality_code').notNull().references(() => localities.code),
    active: boolean('active').notNull().default(true),
  },
  (t) => [index('offices_locality_idx').on(t.localityCode)],
);
