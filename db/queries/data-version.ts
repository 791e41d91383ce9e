/**
 * The data version of a round's figures: how many committed changes could have moved them — to the
 * round's responses, frame, provinces, questionnaires or the round itself, and to what every round
 * shares (localities and their mappings, offices, questionnaire versions). Triggers in the
 * database count them (migration 0009_results_data_version), whoever writes (server, command line,
 * another server on the same database), and in the writer's own transaction: a version read sees
 * exactly the changes the data read beside it sees. Read in one statement, hence one snapshot.
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../client.ts';

/** Changes logged for every round, not one. */
const EVERY_ROUND = 0;

export async function roundDataVersion(db: Database, roundId: number): Promise<number> {
  const result = await db.execute(sql`
    select (select coalesce(sum(changes), 0) from results_data_versions where round_id in (${EVERY_ROUND}, ${roundId}))
         + (select count(*) from results_data_changes where round_id in (${EVERY_ROUND}, ${roundId})) as version`);
  const [row] = (result as unknown as { rows: Array<{ version: string | number }> }).rows;
  return Number(row.version);
}
