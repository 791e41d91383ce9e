import { index, integer, pgTable, primaryKey, serial, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { responses } from './responses.ts';
import { surveyRounds } from './rounds.ts';
import { users } from './staff.ts';

/**
 * The categories analysts sort a round's free answers into ("thái độ cán bộ", "cơ sở vật chất" …),
 * per round, for any of its free-text questions. `name_key` is the name folded to lower case, so
 * that a round cannot hold "Thời gian chờ" and "thời gian chờ" as two categories.
 */
export const freeTextCategories = pgTable(
  'free_text_categories',
  {
    id: serial('id').primaryKey(),
    roundId: integer('round_id')
      .notNull()
      .references(() => surveyRounds.id),
    name: text('name').notNull(),
    nameKey: text('name_key').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('free_text_categories_round_name_unique').on(t.roundId, t.nameKey)],
);

/** One free answer (a response's answer to one text question) put in one category. */
export const freeTextTags = pgTable(
  'free_text_tags',
  {
    categoryId: integer('category_id')
      .notNull()
      .references(() => freeTextCategories.id, { onDelete: 'cascade' }),
    responseId: uuid('response_id')
      .notNull()
      .references(() => responses.id),
    questionCode: text('question_code').notNull(),
    taggedBy: integer('tagged_by').references(() => users.id),
    taggedAt: timestamp('tagged_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.categoryId, t.responseId, t.questionCode] }), index('free_text_tags_response_idx').on(t.responseId, t.questionCode)],
);
