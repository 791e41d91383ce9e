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
