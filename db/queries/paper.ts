import { and, asc, eq, inArray, or, sql } from 'drizzle-orm';
import type { Database } from '../client.ts';
import { batches, formEntries, paperForms, sampleTargets, type FormStatus } from '../schema/index.ts';

export type PaperFormRow = typeof paperForms.$inferSelect;
export type BatchRow = typeof batches.$inferSelect;
export type FormEntryRow = typeof formEntries.$inferSelect;

/**
 * The forms of these serials. With `lock`, they stay locked until the transaction ends: whoever
 * changes a form's state (import, batches, marking, keying) reads it this way first, so two changes
 * of one form cannot both start from the same state.
 */
export async function findForms(db: Database, roundId: number, serials: number[], { lock = false } = {}): Promise<PaperFormRow[]> {
  const found: PaperFormRow[] = [];
  // Chunked so a long serial list stays within the driver's parameter limit.
  for (let i = 0; i < serials.length; i += 5000) {
    const query = db
      .select()
      .from(paperForms)
      .where(and(eq(paperForms.roundId, roundId), inArray(paperForms.serial, serials.slice(i, i + 5000))));
    found.push(...(await (lock ? query.for('update') : query)));
  }
  return found;
}

export const lockForms = (db: Database, roundId: number, serials: number[]) => findForms(db, roundId, serials, { lock: true });

/** Each form verified as its own response (one statement per few thousand forms). */
export async function markFormsVerified(db: Database, roundId: number, forms: Array<{ serial: number; responseId: string }>): Promise<void> {
  for (let i = 0; i < forms.length; i += 5000) {
    const chunk = JSON.stringify(forms.slice(i, i + 5000));
    await db.execute(sql`
      update paper_forms set status = 'verified', response_id = v."responseId", updated_at = now()
      from jsonb_to_recordset(${chunk}::jsonb) as v(serial int, "responseId" text)
      where paper_forms.round_id = ${roundId} and paper_forms.serial = v.serial`);
  }
}

export async function findForm(db: Database, roundId: number, serial: number, options: { lock?: boolean } = {}): Promise<PaperFormRow | undefined> {
  return (await findForms(db, roundId, [serial], options))[0];
}

export async function insertForms(db: Database, roundId: number, localityCode: string, communeCode: string | null, serials: number[]): Promise<void> {
  for (let i = 0; i < serials.length; i += 2000) {
    await db.insert(paperForms).values(serials.slice(i, i + 2000).map((serial) => ({ roundId, serial, localityCode, communeCode })));
  }
}

export async function setFormsStatus(
  db: Database,
  roundId: number,
  serials: number[],
  change: { status: FormStatus; batchId?: number; responseId?: string },
): Promise<void> {
  for (let i = 0; i < serials.length; i += 5000) {
    await db
      .update(paperForms)
      .set({ ...change, updatedAt: new Date() })
      .where(and(eq(paperForms.roundId, roundId), inArray(paperForms.serial, serials.slice(i, i + 5000))));
  }
}

/**
 * Records that a form became a stored response, only if it is still in one of `from`: of two
 * verifications or imports of one form racing each other, the second finds nothing to update
 * (it waits for the first's row lock, then sees the new status) and must give up.
 */
export async function markFormVerified(db: Database, roundId: number, serial: number, responseId: string, from: readonly FormStatus[]): Promise<boolean> {
  const updated = await db
    .update(paperForms)
    .set({ status: 'verified', responseId, updatedAt: new Date() })
    .where(and(eq(paperForms.roundId, roundId), eq(paperForms.serial, serial), inArray(paperForms.status, [...from])))
    .returning({ serial: paperForms.serial });
  return updated.length > 0;
}

export async function upsertSampleTarget(db: Database, roundId: number, localityCode: string, target: number): Promise<void> {
  await db
    .insert(sampleTargets)
    .values({ roundId, localityCode, target })
    .onConflictDoUpdate({
      target: [sampleTargets.roundId, sampleTargets.localityCode],
      set: { target },
    });
}

export async function listSampleTargets(db: Database, roundId: number) {
  return db.select().from(sampleTargets).where(eq(sampleTargets.roundId, roundId));
}

export async function insertBatch(db: Database, batch: typeof batches.$inferInsert): Promise<BatchRow | undefined> {
  const [row] = await db.insert(batches).values(batch).onConflictDoNothing().returning();
  return row;
}

export async function findBatch(db: Database, id: number): Promise<BatchRow | undefined> {
  const [row] = await db.select().from(batches).where(eq(batches.id, id));
  return row;
}

/** Batches of a round; for a keyer, only those assigned to them. */
export async function listBatches(db: Database, filter: { roundId?: number; keyerId?: number }): Promise<BatchRow[]> {
  const conditions = [
    filter.roundId === undefined ? undefined : eq(batches.roundId, filter.roundId),
    filter.keyerId === undefined
      ? undefined
      : or(eq(batches.firstKeyerId, filter.keyerId), eq(batches.secondKeyerId, filter.keyerId), eq(batches.reconcilerId, filter.keyerId)),
  ].filter((c) => c !== undefined);
  return db
    .select()
    .from(batches)
    .where(and(...conditions))
    .orderBy(asc(batches.roundId), asc(batches.code));
}

export async function formsOfBatch(db: Database, batchId: number): Promise<PaperFormRow[]> {
  return db.select().from(paperForms).where(eq(paperForms.batchId, batchId)).orderBy(asc(paperForms.serial));
}

/** How many forms of each status every batch holds. */
export async function statusCountsOfBatches(db: Database, batchIds: number[]) {
  if (batchIds.length === 0) return [];
  return db
    .select({ batchId: paperForms.batchId, status: paperForms.status, n: sql<number>`count(*)::int` })
    .from(paperForms)
    .where(inArray(paperForms.batchId, batchIds))
    .groupBy(paperForms.batchId, paperForms.status);
}

/** The serials of a round that one keyer has an entry for. */
export async function serialsKeyedBy(db: Database, roundId: number, keyerId: number): Promise<Set<number>> {
  const rows = await db
    .select({ serial: formEntries.serial })
    .from(formEntries)
    .where(and(eq(formEntries.roundId, roundId), eq(formEntries.keyerId, keyerId)));
  return new Set(rows.map((r) => r.serial));
}

export async function formsOfRound(db: Database, roundId: number): Promise<PaperFormRow[]> {
  return db.select().from(paperForms).where(eq(paperForms.roundId, roundId)).orderBy(asc(paperForms.serial));
}

export async function entriesOfForm(db: Database, roundId: number, serial: number): Promise<FormEntryRow[]> {
  return db
    .select()
    .from(formEntries)
    .where(and(eq(formEntries.roundId, roundId), eq(formEntries.serial, serial)))
    .orderBy(asc(formEntries.id));
}

export async function entriesOfRound(db: Database, roundId: number): Promise<FormEntryRow[]> {
  return db.select().from(formEntries).where(eq(formEntries.roundId, roundId));
}

export async function upsertEntry(db: Database, entry: typeof formEntries.$inferInsert): Promise<void> {
  await db
    .insert(formEntries)
    .values(entry)
    .onConflictDoUpdate({
      target: [formEntries.roundId, formEntries.serial, formEntries.keyerId],
      set: { profile: entry.profile, answers: entry.answers, keyedAt: sql`now()`, seconds: entry.seconds },
    });
}
