/**
 * Publishing a round's results: once a survey manager publishes a closed round, the public page
 * shows its indices (aggregates only, never microdata) without log-in. Publishing never closes a
 * round by itself (close it first: see lifecycle.ts); withdrawing puts it back to closed. Both are
 * audited.
 *
 * Publishing needs the manager to have read the checklist (publish-checklist.ts): the request
 * names the warnings acknowledged, and they must be those that hold now; the acknowledgement is
 * audited with the words the manager read.
 */
import type { Database, DatabaseHandle } from '../../../db/client.ts';
import { recordAudit } from '../../../db/queries/audit.ts';
import type { RoundRow } from '../../../db/queries/rounds.ts';
import { problems } from '../../error-catalogue.ts';
import { changeRound } from './lifecycle.ts';
import { checklistChanges, publishChecklist } from './publish-checklist.ts';

export async function publishRound(handle: DatabaseHandle, actorId: number | null, round: RoundRow, acknowledgedWarnings: readonly string[] = []) {
  if (round.status !== 'closed') return changeRound(handle.db, actorId, round, 'publish'); // refused, worded by the lifecycle
  const warnings = await publishChecklist(handle, round);
  const { added, gone } = checklistChanges(warnings, acknowledgedWarnings);
  if (added.length > 0 || gone.length > 0) {
    throw problems.publishWarningsChanged(
      { code: round.code, added: added.length, gone: gone.length },
      {
        issues: [
          ...added.map((w) => ({ path: 'acknowledgedWarnings', worded: { vi: `chưa xác nhận: ${w.vi}`, en: `not acknowledged: ${w.en}` } })),
          ...gone.map((key) => ({ path: 'acknowledgedWarnings', worded: { vi: `không còn đúng: ${key}`, en: `no longer holds: ${key}` } })),
        ],
      },
    );
  }
  const published = await changeRound(handle.db, actorId, round, 'publish');
  if (warnings.length > 0) {
    await recordAudit(handle.db, [
      {
        userId: actorId,
        action: 'acknowledge_publish_warnings',
        entity: 'round',
        entityId: round.code,
        field: 'publish_checklist',
        oldValue: null,
        newValue: warnings.map((w) => ({ key: w.key, vi: w.vi })),
      },
    ]);
  }
  return published;
}

export const withdrawRound = (db: Database, actorId: number | null, round: RoundRow) => changeRound(db, actorId, round, 'withdraw');
