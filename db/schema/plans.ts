import { sql } from 'drizzle-orm';
import { check, date, doublePrecision, integer, pgTable, primaryKey, serial, text, timestamp, unique } from 'drizzle-orm/pg-core';
import { localities } from './localities.ts';
import { surveyRounds } from './rounds.ts';
import { users } from './staff.ts';

/**
 * Who leads the improvement of an index in a province (cơ quan chủ trì) and who works with it
 * (cơ quan phối hợp): the province's own edits of its table. Where a province has no row for an
 * index, the platform's table applies (server/domain/plans/agency-tables.ts: the province's
 * published plan where the seeds give one, else a default by SIPAS service area).
 */
export const leadAgencies = pgTable(
  'lead_agencies',
  {
    provinceCode: text('province_code')
      .notNull()
      .references(() => localities.code),
    /** An element (A1 … B5) or an item (A3_1 …) of the questionnaire. */
    indexCode: text('index_code').notNull(),
    lead: text('lead').notNull(),
    partners: text('partners').notNull().default(''),
    updatedBy: integer('updated_by').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.provinceCode, t.indexCode] })],
);

export const planStatuses = ['planned', 'in_progress', 'done', 'dropped'] as const;
export type PlanStatus = (typeof planStatuses)[number];

/**
 * One line of a province's improvement plan after a published round: an index below the round's
 * target or fallen significantly since the previous comparable round, the agency that leads its
 * improvement, the actions, who answers for them, by when, and how far they are. The figures that
 * put the index on the plan are kept as they were then (`estimate`, `target`, `previous_*`).
 */
export const planEntries = pgTable(
  'plan_entries',
  {
    id: serial('id').primaryKey(),
    roundId: integer('round_id')
      .notNull()
      .references(() => surveyRounds.id, { onDelete: 'cascade' }),
    provinceCode: text('province_code')
      .notNull()
      .references(() => localities.code),
    indexCode: text('index_code').notNull(),
    /** Why it is on the plan: `below_target`, `fell` or both. */
    reasons: text('reasons').array().notNull(),
    estimate: doublePrecision('estimate'),
    target: doublePrecision('target'),
    previousRound: text('previous_round'),
    previousDifference: doublePrecision('previous_difference'),
    agency: text('agency').notNull(),
    actions: text('actions').notNull().default(''),
    owner: text('owner').notNull().default(''),
    deadline: date('deadline'),
    status: text('status', { enum: planStatuses }).notNull().default('planned'),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('plan_entries_round_province_index').on(t.roundId, t.provinceCode, t.indexCode),
    check('plan_entries_status_check', sql`${t.status} in ('planned', 'in_progress', 'done', 'dropped')`),
  ],
);
