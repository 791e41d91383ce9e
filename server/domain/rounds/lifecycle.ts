/**
 * A round's life: draft → open → closed → published, and back where that makes sense. Every
 * transition is audited with who made it.
 *
 * - open (from draft): phones and the online link take responses within the round's days.
 * - close (from open): collection stops; the round's open links close at that moment (so a phone
 *   that finished before it may still deliver late, see late-delivery.ts). Paper forms issued
 *   within the period may still be keyed until the manager closes keying.
 * - reopen (closed → open): the links the closing closed open again; links closed by hand stay so.
 * - publish (only from closed: publishing never silently closes) and withdraw (published → closed).
 * - close keying / reopen keying: whether paper forms of a closed round may still be keyed.
 */
import type { Database } from '../../../db/client.ts';
import { recordAudit } from '../../../db/queries/audit.ts';
import { closeOpenLinksOfRound, reopenLinksClosedAt } from '../../../db/queries/links.ts';
import { roundById, updateRoundRecord, type RoundRow } from '../../../db/queries/rounds.ts';
import { problems } from '../../error-catalogue.ts';

export type RoundTransition = 'open' | 'close' | 'reopen' | 'publish' | 'withdraw' | 'close-keying' | 'reopen-keying';

const statusChanges = {
  open: { from: 'draft', to: 'open', action: 'open_round' },
  close: { from: 'open', to: 'closed', action: 'close_round' },
  reopen: { from: 'closed', to: 'open', action: 'reopen_round' },
  publish: { from: 'closed', to: 'published', action: 'publish_results' },
  withdraw: { from: 'published', to: 'closed', action: 'withdraw_results' },
} as const;

function refuse(round: RoundRow, transition: RoundTransition) {
  if (transition === 'publish') return round.status === 'draft' ? problems.roundIsDraft({ code: round.code }) : problems.roundNotClosed({ code: round.code });
  if (transition === 'withdraw') return problems.roundNotPublished({ code: round.code });
  const to = transition === 'close-keying' || transition === 'reopen-keying' ? 'closed' : statusChanges[transition].to;
  return problems.roundTransition({ code: round.code, from: round.status, to });
}

export async function changeRound(db: Database, actorId: number | null, round: RoundRow, transition: RoundTransition): Promise<RoundRow> {
  if (transition === 'close-keying' || transition === 'reopen-keying') return changeKeying(db, actorId, round, transition);
  const change = statusChanges[transition];
  if (round.status !== change.from) throw refuse(round, transition);
  const now = new Date();
  return db.transaction(async (tx) => {
    if (transition === 'close') {
      await closeOpenLinksOfRound(tx, round.id, now);
      await updateRoundRecord(tx, round.id, { status: 'closed', closedAt: now });
    } else if (transition === 'reopen') {
      if (round.closedAt) await reopenLinksClosedAt(tx, round.id, round.closedAt);
      await updateRoundRecord(tx, round.id, { status: 'open', closedAt: null, keyingClosedAt: null });
    } else if (transition === 'publish') {
      await updateRoundRecord(tx, round.id, { status: 'published', publishedAt: now });
    } else {
      await updateRoundRecord(tx, round.id, { status: change.to });
    }
    await recordAudit(tx, [
      { userId: actorId, action: change.action, entity: 'round', entityId: round.code, field: 'status', oldValue: round.status, newValue: change.to },
    ]);
    return (await roundById(tx, round.id))!;
  });
}

async function changeKeying(db: Database, actorId: number | null, round: RoundRow, transition: 'close-keying' | 'reopen-keying'): Promise<RoundRow> {
  const closing = transition === 'close-keying';
  // Keying is closed only once collection is (an open round keys on), and reopened only before publication.
  const allowed = closing ? round.status === 'closed' && !round.keyingClosedAt : round.status === 'closed' && !!round.keyingClosedAt;
  if (!allowed) throw refuse(round, transition);
  const at = closing ? new Date() : null;
  return db.transaction(async (tx) => {
    await updateRoundRecord(tx, round.id, { keyingClosedAt: at });
    await recordAudit(tx, [
      {
        userId: actorId,
        action: closing ? 'close_keying' : 'reopen_keying',
        entity: 'round',
        entityId: round.code,
        field: 'keying_closed_at',
        oldValue: round.keyingClosedAt?.toISOString() ?? null,
        newValue: at?.toISOString() ?? null,
      },
    ]);
    return (await roundById(tx, round.id))!;
  });
}
