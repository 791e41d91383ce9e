/** One-stop offices as a manager keeps them: list with their locality, add, change, import. */
import { asc, eq, inArray } from 'drizzle-orm';
import type { Database } from '../client.ts';
import { localities, offices } from '../schema/index.ts';

export type OfficeRow = typeof offices.$inferSelect;
export type OfficeFields = Required<Pick<typeof offices.$inferInsert, 'code' | 'name' | 'localityCode' | 'level'>>;

export async function listOfficesWithLocality(db: Database) {
  return db
    .select({
      code: offices.code,
      name: offices.name,
      level: offices.level,
      localityCode: offices.localityCode,
      localityName: localities.name,
      active: offices.active,
    })
    .from(offices)
    .leftJoin(localities, eq(localities.code, offices.localityCode))
    .orderBy(asc(offices.code));
}

export async function findOfficesByCode(db: Database, codes: string[]): Promise<OfficeRow[]> {
  if (codes.length === 0) return [];
  return db.select().from(offices).where(inArray(offices.code, codes));
}

/** Locks the office's row until the transaction ends: two managers editing one office are taken in turn. */
export async function lockOffice(db: Database, code: string): Promise<OfficeRow | undefined> {
  const [row] = await db.select().from(offices).where(eq(offices.code, code)).for('update');
  return row;
}

/** The new office, or undefined when one already has its code. */
export async function insertOffice(db: Database, office: OfficeFields): Promise<OfficeRow | undefined> {
  const [row] = await db.insert(offices).values(office).onConflictDoNothing({ target: offices.code }).returning();
  return row;
}

export async function insertOffices(db: Database, rows: OfficeFields[]): Promise<void> {
  if (rows.length > 0) await db.insert(offices).values(rows);
}

export async function updateOffice(db: Database, code: string, changes: Partial<Omit<OfficeFields, 'code'>> & { active?: boolean }): Promise<OfficeRow> {
  const [row] = await db.update(offices).set(changes).where(eq(offices.code, code)).returning();
  return row;
}
