import { asc, eq } from 'drizzle-orm';
import type { Database } from '../client.ts';
import { offices, surveyRounds } from '../schema/index.ts';

export type RoundRow = typeof surveyRounds.$inferSelect;
export type OfficeRow = typeof offices.$inferSelect;

export async function findRoundByCode(db: Database, code: string): Promise<RoundRow | undefined> {
  const [row] = await db.select().from(surveyRounds).where(eq(surveyRounds.code, code));
  return row;
}

export async function listRounds(db: Database): Promise<RoundRow[]> {
  return db.select().from(surveyRounds).orderBy(asc(surveyRounds.periodStart), asc(surveyRounds.code));
}

export async function setRoundStatus(db: Database, code: string, status: RoundRow['status']): Promise<boolean> {
  const updated = await db.update(surveyRounds).set({ status }).where(eq(surveyRounds.code, code)).returning({ id: surveyRounds.id });
  return updated.length > 0;
}

export async function insertRoundIfAbsent(db: Database, round: typeof surveyRounds.$inferInsert): Promise<void> {
  await db.insert(surveyRounds).values(round).onConflictDoNothing({ target: surveyRounds.code });
}

export async function findOfficeByCode(db: Database, code: string): Promise<OfficeRow | undefined> {
  const [row] = await db.select().from(offices).where(eq(offices.code, code));
  return row;
}

export async function listOffices(db: Database): Promise<OfficeRow[]> {
  return db.select().from(offices).orderBy(asc(offices.code));
}

export async function insertOfficeIfAbsent(db: Database, office: typeof offices.$inferInsert): Promise<void> {
  await db.insert(offices).values(office).onConflictDoNothing({ target: offices.code });
}

export async function roundById(db: Database, id: number): Promise<RoundRow | undefined> {
  const [row] = await db.select().from(surveyRounds).where(eq(surveyRounds.id, id));
  return row;
}

/** Sets a round's status with its publication time (null when withdrawn). */
export async function setRoundPublication(db: Database, id: number, status: RoundRow['status'], publishedAt: Date | null): Promise<RoundRow> {
  const [row] = await db
    .update(surveyRounds)
    .set(status === 'published' ? { status, publishedAt } : { status })
    .where(eq(surveyRounds.id, id))
    .returning();
  return row;
}

export async function listPublishedRounds(db: Database): Promise<RoundRow[]> {
  return db.select().from(surveyRounds).where(eq(surveyRounds.status, 'published')).orderBy(asc(surveyRounds.periodStart), asc(surveyRounds.code));
}
