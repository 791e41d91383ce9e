/**
 * Publishing a round's results: once a survey manager publishes, the public page shows the
 * round's indices (aggregates only, never microdata) without log-in. Publishing ends data
 * collection (the office links are disabled); withdrawing puts the round back to closed. Both
 * are audited.
 */
import type { Database } from '../../../db/client.ts';
import { recordAudit } from '../../../db/queries/audit.ts';
import { setLinksActive } from '../../../db/queries/links.ts';
import { setRoundPublication, type RoundRow } from '../../../db/queries/rounds.ts';
import { problems } from '../../error-catalogue.ts';

export async function publishRound(db: Database, actorId: number | null, round: RoundRow): Promise<RoundRow> {
  if (round.status === 'draft') {
    throw problems.roundIsDraft({ code: round.code });
  }
  return db.transaction(async (tx) => {
    const published = await setRoundPublication(tx, round.id, 'published', new Date());
    await setLinksActive(tx, round.id, false);
    await recordAudit(tx, [
      { userId: actorId, action: 'publish_results', entity: 'round', entityId: round.code, field: 'status', oldValue: round.status, newValue: 'published' },
    ]);
    return published;
  });
}

export async function withdrawRound(db: Database, actorId: number | null, round: RoundRow): Promise<RoundRow> {
  if (round.status !== 'published') {
    throw problems.roundNotPublished({ code: round.code });
  }
  return db.transaction(async (tx) => {
    const withdrawn = await setRoundPublication(tx, round.id, 'closed', null);
    await recordAudit(tx, [
      { userId: actorId, action: 'withdraw_results', entity: 'round', entityId: round.code, field: 'status', oldValue: 'published', newValue: 'closed' },
    ]);
    return withdrawn;
  });
}
