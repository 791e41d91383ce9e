/**
 * Responses stored under any questionnaire version, straight through the response writer's row
 * builder (the path every channel shares): how tests put organisations' responses into a round
 * before the round can name a questionnaire per respondent type.
 */
import { randomUUID } from 'node:crypto';
import type { QuestionnaireDefinition } from '../../analysis/questionnaire/definition.ts';
import type { Database } from '../../db/client.ts';
import { insertServerResponses } from '../../db/queries/responses.ts';
import type { RoundRow } from '../../db/queries/rounds.ts';
import { responseRow, sha256Json } from '../../server/domain/responses/response-row.ts';
import { randomAnswers, seededRandom } from './random-responses.ts';

export interface StoredResponses {
  ids: string[];
}

/** `count` random complete responses of `def` in `round`, at offices of `officeIds` in turn (paper where none), in `districts` in turn. */
export async function storeResponsesOf(
  db: Database,
  round: RoundRow,
  def: QuestionnaireDefinition,
  count: number,
  options: { seed?: number; districts?: string[]; officeIds?: number[] } = {},
): Promise<StoredResponses> {
  const next = seededRandom(options.seed ?? 7);
  const districts = options.districts ?? ['660', '661'];
  const rows = Array.from({ length: count }, (_, k) => {
    const { profile, answers } = randomAnswers(def, next);
    const id = randomUUID();
    const officeId = options.officeIds?.length ? options.officeIds[k % options.officeIds.length] : null;
    return responseRow(def, {
      id,
      round,
      channel: officeId === null ? 'paper' : 'office',
      officeId,
      locality: { province: round.provinceCodes[0], district: districts[k % districts.length], commune: null },
      profile: profile as never,
      answers: answers as never,
      contentHash: sha256Json({ id, profile, answers }),
      submittedAt: new Date(),
    });
  });
  await insertServerResponses(db, rows);
  return { ids: rows.map((r) => r.id) };
}
