/**
 * Publishing a round's results: once a survey manager publishes a closed round, the public page
 * shows its indices (aggregates only, never microdata) without log-in. Publishing never closes a
 * round by itself (close it first: see lifecycle.ts); withdrawing puts it back to closed. Both are
 * audited.
 */
import type { Database } from '../../../db/client.ts';
import type { RoundRow } from '../../../db/queries/rounds.ts';
import { changeRound } from './lifecycle.ts';

export const publishRound = (db: Database, actorId: number | null, round: RoundRow) => changeRound(db, actorId, round, 'publish');
export const withdrawRound = (db: Database, actorId: number | null, round: RoundRow) => changeRound(db, actorId, round, 'withdraw');
