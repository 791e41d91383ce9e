import type { LocalityView } from '../../../contract/localities.ts';
import type { Database } from '../../../db/client.ts';
import { childLocalities, findLocalities, type LocalityRow } from '../../../db/queries/localities.ts';

export interface LocalityChain {
  province: string;
  district: string | null;
  commune: string | null;
}

/** Walks from a unit up to its province, e.g. an office's commune → district → province. */
export async function localityChain(db: Database, code: string): Promise<LocalityChain | undefined> {
  const chain: Partial<Record<LocalityRow['level'], string>> = {};
  let next: string | null = code;
  for (let depth = 0; next && depth < 5; depth++) {
    const [unit] = await findLocalities(db, [next]);
    if (!unit) return undefined;
    chain[unit.level] = unit.code;
    next = unit.parentCode;
  }
  if (!chain.province) return undefined;
  return { province: chain.province, district: chain.district ?? null, commune: chain.commune ?? null };
}

/** The units directly below one unit, e.g. the districts of a province. */
export async function childLocalityViews(db: Database, parent: string): Promise<LocalityView[]> {
  return (await childLocalities(db, parent)).map(({ code, name, level, validFrom, validTo }) => ({ code, name, level, validFrom, validTo }));
}
