import { boolean, index, integer, pgTable, serial, text, timestamp, unique } from 'drizzle-orm/pg-core';
import { offices, surveyRounds } from './rounds.ts';

/**
 * The survey link of an office for a round: the QR code on the office's poster carries `token`,
 * a random string that fixes office, locality and round without exposing guessable ids.
 */
export const surveyLinks = pgTable(
  'survey_links',
  {
    id: serial('id').primaryKey(),
    token: text('token').notNull().unique(),
    officeId: integer('office_id').notNull().references(() => offices.id),
    roundId: integer('round_id').notNull().references(() => surveyRounds.id),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
  },
  (t) => [unique('survey_links_office_round_unique').on(t.officeId, t.roundId), index('survey_links_round_idx').on(t.roundId)],
);
