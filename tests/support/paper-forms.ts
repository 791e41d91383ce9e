import type { Database } from '../../db/client.ts';
import { findForm } from '../../db/queries/paper.ts';
import { findResponse, type StoredResponse } from '../../db/queries/responses.ts';

/** The response a verified or imported paper form points at (its id is random, recorded on the form). */
export async function paperResponse(db: Database, roundId: number, serial: number): Promise<StoredResponse | undefined> {
  const form = await findForm(db, roundId, serial);
  return form?.responseId ? findResponse(db, form.responseId) : undefined;
}
