import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, primaryKey, serial, text, timestamp, unique } from 'drizzle-orm/pg-core';
import { localities } from './localities.ts';
import { surveyRounds } from './rounds.ts';
import { users } from './staff.ts';

export const formStatuses = ['issued', 'returned', 'keyed_once', 'keyed_twice', 'verified', 'spoiled', 'unreturned'] as const;
export type FormStatus = (typeof formStatuses)[number];

/** How many completed forms a round needs from a locality. */
export const sampleTargets = pgTable(
  'sample_targets',
  {
    roundId: integer('round_id')
      .notNull()
      .references(() => surveyRounds.id),
    localityCode: text('locality_code')
      .notNull()
      .references(() => localities.code),
    target: integer('target').notNull(),
  },
  (t) => [primaryKey({ columns: [t.roundId, t.localityCode] })],
);

/** Batches of returned paper forms, each keyed blind by two different keyers. */
export const batches = pgTable(
  'batches',
  {
    id: serial('id').primaryKey(),
    roundId: integer('round_id')
      .notNull()
      .references(() => surveyRounds.id),
    code: text('code').notNull(),
    firstKeyerId: integer('first_keyer_id')
      .notNull()
      .references(() => users.id),
    secondKeyerId: integer('second_keyer_id')
      .notNull()
      .references(() => users.id),
    /** A third keyer who may reconcile differences besides survey managers. */
    reconcilerId: integer('reconciler_id').references(() => users.id),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('batches_round_code_unique').on(t.roundId, t.code), check('batches_two_keyers_check', sql`${t.firstKeyerId} <> ${t.secondKeyerId}`)],
);

/** Every numbered paper form issued for a round, and where it is on its way to a verified response. */
export const paperForms = pgTable(
  'paper_forms',
  {
    roundId: integer('round_id')
      .notNull()
      .references(() => surveyRounds.id),
    serial: integer('serial').notNull(),
    localityCode: text('locality_code')
      .notNull()
      .references(() => localities.code),
    /**
     * The commune where the form is filled in: the response's primary sampling unit, as the
     * office or commune is for a phone response. Given when the form is issued (the unit it is
     * issued to, when that is a commune); null for forms issued to a district only.
     */
    communeCode: text('commune_code').references(() => localities.code),
    status: text('status', { enum: formStatuses }).notNull().default('issued'),
    batchId: integer('batch_id').references(() => batches.id),
    responseId: text('response_id'),
    /** When the form was handed out: forms issued within the period may be keyed after the round closed. */
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.roundId, t.serial] }),
    index('paper_forms_batch_idx').on(t.batchId),
    check('paper_forms_status_check', sql`${t.status} in ('issued', 'returned', 'keyed_once', 'keyed_twice', 'verified', 'spoiled', 'unreturned')`),
  ],
);

/** One keyer's entry of one form. The two entries of a form are compared field by field. */
export const formEntries = pgTable(
  'form_entries',
  {
    id: serial('id').primaryKey(),
    roundId: integer('round_id').notNull(),
    serial: integer('serial').notNull(),
    keyerId: integer('keyer_id')
      .notNull()
      .references(() => users.id),
    profile: jsonb('profile').$type<Record<string, unknown>>().notNull(),
    answers: jsonb('answers').$type<Record<string, unknown>>().notNull(),
    keyedAt: timestamp('keyed_at', { withTimezone: true }).notNull().defaultNow(),
    /** Seconds the keyer spent on the form, for forms/hour. */
    seconds: integer('seconds'),
  },
  (t) => [unique('form_entries_form_keyer_unique').on(t.roundId, t.serial, t.keyerId), index('form_entries_keyer_idx').on(t.keyerId)],
);
