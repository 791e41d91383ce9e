import { and, asc, eq } from 'drizzle-orm';
import type { Database } from '../client.ts';
import { leadAgencies, planEntries, type PlanStatus } from '../schema/plans.ts';

export type LeadAgencyRow = typeof leadAgencies.$inferSelect;
export type PlanEntryRow = typeof planEntries.$inferSelect;
export type NewPlanEntry = typeof planEntries.$inferInsert;

export async function leadAgenciesOf(db: Database, provinceCode: string): Promise<LeadAgencyRow[]> {
  return db.select().from(leadAgencies).where(eq(leadAgencies.provinceCode, provinceCode));
}

export async function upsertLeadAgency(
  db: Database,
  row: { provinceCode: string; indexCode: string; lead: string; partners: string; updatedBy: number | null },
) {
  await db
    .insert(leadAgencies)
    .values({ ...row, updatedAt: new Date() })
    .onConflictDoUpdate({
      target: [leadAgencies.provinceCode, leadAgencies.indexCode],
      set: { lead: row.lead, partners: row.partners, updatedBy: row.updatedBy, updatedAt: new Date() },
    });
}

export async function planEntriesOf(db: Database, roundId: number, provinceCode: string): Promise<PlanEntryRow[]> {
  return db
    .select()
    .from(planEntries)
    .where(and(eq(planEntries.roundId, roundId), eq(planEntries.provinceCode, provinceCode)))
    .orderBy(asc(planEntries.id));
}

/** Adds the entries not already on the plan (one per round, province and index); returns how many were added. */
export async function insertPlanEntries(db: Database, rows: NewPlanEntry[]): Promise<number> {
  if (rows.length === 0) return 0;
  const added = await db.insert(planEntries).values(rows).onConflictDoNothing().returning({ id: planEntries.id });
  return added.length;
}

export async function findPlanEntry(db: Database, id: number): Promise<PlanEntryRow | undefined> {
  return (await db.select().from(planEntries).where(eq(planEntries.id, id)))[0];
}

export async function updatePlanEntry(
  db: Database,
  id: number,
  values: Partial<{ agency: string; actions: string; owner: string; deadline: string | null; status: PlanStatus }>,
): Promise<void> {
  await db
    .update(planEntries)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(planEntries.id, id));
}
