import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, serial, text, timestamp, unique, uniqueIndex } from 'drizzle-orm/pg-core';
import { offices, surveyRounds } from './rounds.ts';

export const linkChannels = ['office', 'online'] as const;
export type LinkChannel = (typeof linkChannels)[number];

/**
 * A survey link of a round. Every response a citizen sends carries one; its token, a random string
 * (128 bits), fixes round and channel without exposing guessable ids.
 *
 * - an **office** link (`channel = 'office'`, with `office_id`): the QR code on an office's poster;
 *   it also fixes the office and so the locality;
 * - the round's **online** link (`channel = 'online'`, no office): the address the province puts on
 *   its public-service portal, Zalo or SMS; the citizen says where they live. One per round.
 */
export const surveyLinks = pgTable(
  'survey_links',
  {
    id: serial('id').primaryKey(),
    token: text('token').notNull().unique(),
    channel: text('channel', { enum: linkChannels }).notNull().default('office'),
    officeId: integer('office_id').references(() => offices.id),
    roundId: integer('round_id')
      .notNull()
      .references(() => surveyRounds.id),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
  },
  (t) => [
    unique('survey_links_office_round_unique').on(t.officeId, t.roundId),
    uniqueIndex('survey_links_online_round_unique').on(t.roundId).where(sql`${t.officeId} is null`),
    index('survey_links_round_idx').on(t.roundId),
    check('survey_links_channel_check', sql`(${t.channel} = 'office' and ${t.officeId} is not null) or (${t.channel} = 'online' and ${t.officeId} is null)`),
  ],
);
