/**
 * What the harnesses load before they send: many one-stop offices of the demo round, each with its
 * survey link, so that load is spread as it is in a province (and per-link limits are realistic).
 */
import type { Database } from '../../db/client.ts';
import { openDatabase } from '../../db/client.ts';
import { ensureLink } from '../../db/queries/links.ts';
import { findOfficeByCode, findRoundByCode, insertOfficeIfAbsent } from '../../db/queries/rounds.ts';
import { responses } from '../../db/schema/index.ts';
import { DEMO_ROUND_CODE, seedDatabase } from '../../db/seed/index.ts';
import { seedDemoResponses } from '../../server/domain/responses/demo-responses.ts';

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

export interface PreparedDatabase {
  /** Link tokens of the added offices. */
  tokens: string[];
  /** Ids of the responses already stored (the demo data), which the checks leave aside. */
  baseline: Set<string>;
}

/** Migrates and seeds a database as `npm start` would (demo responses included), then adds the offices. */
export async function prepareDatabase(options: { url?: string; dataDir?: string }, offices: number): Promise<PreparedDatabase> {
  const database = await openDatabase(options);
  try {
    await database.migrate();
    await seedDatabase(database.db);
    await seedDemoResponses(database.db);
    const tokens = await officeLinks(database.db, offices);
    const existing = await database.db.select({ id: responses.id }).from(responses);
    return { tokens, baseline: new Set(existing.map((r) => r.id)) };
  } finally {
    await database.close();
  }
}
