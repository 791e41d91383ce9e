import { sql } from 'drizzle-orm';
import { check, date, index, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';

/**
 * Administrative units (mã đơn vị hành chính) as a tree. Units carry validity dates because the
 * 2025 reorganisation merged and renamed them; results stay comparable through `locality_mappings`.
 */
export const localities = pgTable(
  'localities',
  {
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    level: text('level', { enum: ['province', 'district', 'commune', 'village'] }).notNull(),
    parentCode: text('parent_code'),
    validFrom: date('valid_from').notNull(),
    validTo: date('valid_to'),
  },
  (t) => [
    index('localities_parent_idx').on(t.parentCode),
    check('localities_level_check', sql`${t.level} in ('province', 'district', 'commune', 'village')`),
    check('localities_validity_check', sql`${t.validTo} is null or ${t.validTo} >= ${t.validFrom}`),
  ],
);

/** Old unit → new unit, from the date the new unit took over (a unit may split or merge). */
export const localityMappings = pgTable(
  'locality_mappings',
  {
    oldCode: text('old_code')
      .notNull()
      .references(() => localities.code),
    newCode: text('new_code')
      .notNull()
      .references(() => localities.code),
    effectiveFrom: date('effective_from').notNull(),
  },
  (t) => [primaryKey({ columns: [t.oldCode, t.newCode] }), index('locality_mappings_new_idx').on(t.newCode)],
);
