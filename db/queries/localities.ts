import { and, asc, eq, gte, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type { Database } from '../client.ts';
import { localities, localityMappings } from '../schema/index.ts';

export type LocalityLevel = 'province' | 'district' | 'commune' | 'village';
export interface LocalityRow {
  code: string;
  name: string;
  level: LocalityLevel;
  parentCode: string | null;
  validFrom: string;
  validTo: string | null;
}

/** Inserts or updates units by code in one statement; re-importing the same list changes nothing. */
export async function upsertLocalities(db: Database, rows: LocalityRow[]): Promise<{ inserted: number; updated: number }> {
  if (rows.length === 0) return { inserted: 0, updated: 0 };
  const existing = new Map(
    (
      await db
        .select()
        .from(localities)
        .where(
          inArray(
            localities.code,
            rows.map((r) => r.code),
          ),
        )
    ).map((l) => [l.code, l]),
  );
  const changed = rows.filter((r) => {
    const old = existing.get(r.code);
    return (
      !old || old.name !== r.name || old.level !== r.level || old.parentCode !== r.parentCode || old.validFrom !== r.validFrom || old.validTo !== r.validTo
    );
  });
  if (changed.length > 0) {
    await db
      .insert(localities)
      .values(changed)
      .onConflictDoUpdate({
        target: localities.code,
        set: {
          name: sql`excluded.name`,
          level: sql`excluded.level`,
          parentCode: sql`excluded.parent_code`,
          validFrom: sql`excluded.valid_from`,
          validTo: sql`excluded.valid_to`,
        },
      });
  }
  const inserted = changed.filter((r) => !existing.has(r.code)).length;
  return { inserted, updated: changed.length - inserted };
}

/** Adds the units not stored yet and leaves stored ones as they are (reference data an installation may have edited). */
export async function insertLocalitiesIfAbsent(db: Database, rows: LocalityRow[]): Promise<number> {
  if (rows.length === 0) return 0;
  const added = await db.insert(localities).values(rows).onConflictDoNothing().returning({ code: localities.code });
  return added.length;
}

/** The mappings added (those already stored are kept as they are). */
export async function insertLocalityMappings(
  db: Database,
  rows: Array<{ oldCode: string; newCode: string; effectiveFrom: string }>,
): Promise<Array<{ oldCode: string; newCode: string; effectiveFrom: string }>> {
  if (rows.length === 0) return [];
  return db.insert(localityMappings).values(rows).onConflictDoNothing().returning();
}

export async function findLocalities(db: Database, codes: string[]): Promise<LocalityRow[]> {
  if (codes.length === 0) return [];
  return db.select().from(localities).where(inArray(localities.code, codes));
}

/** The units directly below one unit (e.g. the districts of a province). */
export async function childLocalities(db: Database, parentCode: string): Promise<LocalityRow[]> {
  return db.select().from(localities).where(eq(localities.parentCode, parentCode)).orderBy(asc(localities.code));
}

/** Every unit, provinces first, then by code. */
export async function listLocalities(db: Database): Promise<LocalityRow[]> {
  return db
    .select()
    .from(localities)
    .orderBy(sql`case ${localities.level} when 'province' then 0 when 'district' then 1 when 'commune' then 2 else 3 end`, asc(localities.code));
}

export async function existingLocalityCodes(db: Database, codes: string[]): Promise<Set<string>> {
  return new Set((await findLocalities(db, codes)).map((l) => l.code));
}

/**
 * The districts and communes of a province that existed at some time between `from` and `to`
 * (YYYY-MM-DD): what a respondent of a round in those days can say they live in.
 */
export async function unitsOfProvince(db: Database, provinceCode: string, from: string, to: string): Promise<LocalityRow[]> {
  const during = and(lte(localities.validFrom, to), or(isNull(localities.validTo), gte(localities.validTo, from)));
  const districts = await db
    .select()
    .from(localities)
    .where(and(eq(localities.parentCode, provinceCode), during))
    .orderBy(asc(localities.code));
  const below =
    districts.length === 0
      ? []
      : await db
          .select()
          .from(localities)
          .where(
            and(
              inArray(
                localities.parentCode,
                districts.map((d) => d.code),
              ),
              eq(localities.level, 'commune'),
              during,
            ),
          )
          .orderBy(asc(localities.code));
  return [...districts.filter((d) => d.level === 'district' || d.level === 'commune'), ...below];
}

/** The provinces, by code (with their validity: a round covers those valid in its period). */
export async function listProvinces(db: Database): Promise<LocalityRow[]> {
  return db.select().from(localities).where(eq(localities.level, 'province')).orderBy(asc(localities.code)) as Promise<LocalityRow[]>;
}
