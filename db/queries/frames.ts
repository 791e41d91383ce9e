import { asc, eq } from 'drizzle-orm';
import type { Database } from '../client.ts';
import { roundFrames } from '../schema/index.ts';

export interface FrameRow {
  stratum: string;
  population: number;
}

/** A round's frame (stratum → population), or undefined when it has none. */
export async function findFrame(db: Database, roundId: number): Promise<Map<string, number> | undefined> {
  const rows = await db.select().from(roundFrames).where(eq(roundFrames.roundId, roundId)).orderBy(asc(roundFrames.stratum));
  return rows.length > 0 ? new Map(rows.map((r) => [r.stratum, r.population])) : undefined;
}

/** Replaces a round's whole frame (none when `rows` is empty). Run inside a transaction. */
export async function replaceFrame(db: Database, roundId: number, rows: FrameRow[]): Promise<void> {
  await db.delete(roundFrames).where(eq(roundFrames.roundId, roundId));
  if (rows.length > 0) await db.insert(roundFrames).values(rows.map((r) => ({ roundId, ...r })));
}
