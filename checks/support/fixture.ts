/**
 * What the harnesses load before they send: many one-stop offices of the demo round, each with its
 * survey link, so that load is spread as it is in a province (and per-link limits are realistic).
 */
import type { Database } from '../../db/client.ts';
import { openDatabase } from '../../db/client.ts';
import { ensureLink } from '../../db/queries/links.ts';
import { findOfficeByCode, findRoundByCode, insertOfficeIfAbsent } from '../../db/queries/rounds.ts';
import { DEMO_ROUND_CODE, seedDatabase } from '../../db/seed/index.ts';

const districts = ['660', '661', '662', '663', '664', '665', '666', '667'];

export async function officeLinks(db: Database, count: number): Promise<string[]> {
  const round = await findRoundByCode(db, DEMO_ROUND_CODE);
  if (!round) throw new Error(`round ${DEMO_ROUND_CODE} is not seeded`);
  const tokens: string[] = [];
  for (let i = 1; i <= count; i++) {
    const code = `HC-${String(i).padStart(4, '0')}`;
    await insertOfficeIfAbsent(db, { code, name: `Bộ phận Một cửa số ${i}`, localityCode: districts[i % districts.length] });
    const office = (await findOfficeByCode(db, code))!;
    tokens.push(await ensureLink(db, office.id, round.id));
  }
  return tokens;
}

/** Migrates and seeds a database as `npm start` would, adds the offices, and returns their link tokens. */
export async function prepareDatabase(options: { url?: string; dataDir?: string }, offices: number): Promise<string[]> {
  const database = await openDatabase(options);
  try {
    await database.migrate();
    await seedDatabase(database.db);
    return await officeLinks(database.db, offices);
  } finally {
    await database.close();
  }
}
