import { and, eq, or } from 'drizzle-orm';
import type { Database } from '../client.ts';
import { localityMappings } from '../schema/index.ts';

export interface LocalityMappingRow {
  oldCode: string;
  newCode: string;
  effectiveFrom: string;
}

export async function listLocalityMappings(db: Database): Promise<LocalityMappingRow[]> {
  return db.select().from(localityMappings);
}

/** The mappings from or to one unit. */
export async function mappingsOfUnit(db: Database, code: string): Promise<LocalityMappingRow[]> {
  return db
    .select()
    .from(localityMappings)
    .where(or(eq(localityMappings.oldCode, code), eq(localityMappings.newCode, code)))
    .orderBy(localityMappings.oldCode, localityMappings.newCode);
}

/** The removed mapping, or undefined when there was none. */
export async function deleteLocalityMapping(db: Database, oldCode: string, newCode: string): Promise<LocalityMappingRow | undefined> {
  const [row] = await db
    .delete(localityMappings)
    .where(and(eq(localityMappings.oldCode, oldCode), eq(localityMappings.newCode, newCode)))
    .returning();
  return row;
}
