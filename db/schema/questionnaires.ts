import { integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import type { QuestionnaireDefinition } from '../../analysis/questionnaire/definition.ts';

/** A questionnaire version: the whole definition as data. Immutable once a round uses it. */
export const questionnaireVersions = pgTable('questionnaire_versions', {
  version: text('version').primaryKey(),
  title: text('title').notNull(),
  definition: jsonb('definition').$type<QuestionnaireDefinition>().notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * The satisfaction items of each version, denormalised from the definition so that SQL can find
 * an item's position in `responses.ratings` and its element and part.
 */
export const questionnaireItems = pgTable(
  'questionnaire_items',
  {
    version: text('version')
      .notNull()
      .references(() => questionnaireVersions.version),
    code: text('code').notNull(),
    position: integer('position').notNull(),
    element: text('element').notNull(),
    part: text('part').notNull(),
  },
  (t) => [primaryKey({ columns: [t.version, t.code] })],
);
