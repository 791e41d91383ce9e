/**
 * Batches as each role sees them: managers see every batch with its progress; a keyer sees only
 * the batches assigned to them, their part in each, and which forms they have keyed themselves —
 * never the other keyer's values.
 */
import type { BatchPart } from '../../../contract/paper-forms.ts';
import { roleMay } from '../../../contract/permissions.ts';
import type { Database } from '../../../db/client.ts';
import { formsOfBatch, listBatches, serialsKeyedBy, statusCountsOfBatches, type BatchRow } from '../../../db/queries/paper.ts';
import { roundById } from '../../../db/queries/rounds.ts';
import { listUsers, type PublicUser } from '../../../db/queries/users.ts';
import type { FormStatus } from '../../../db/schema/paper.ts';
import { localityNames } from './communes.ts';
import { visibleBatch } from './double-entry.ts';
import { roundOrFail } from './paper-forms.ts';

function partOf(batch: BatchRow, user: PublicUser): BatchPart | null {
  if (batch.firstKeyerId === user.id) return 'first';
  if (batch.secondKeyerId === user.id) return 'second';
  if (batch.reconcilerId === user.id) return 'reconciler';
  return null;
}

export async function batchesFor(db: Database, user: PublicUser, roundCode?: string) {
  const roundId = roundCode ? (await roundOrFail(db, roundCode)).id : undefined;
  const rows = await listBatches(db, { roundId, keyerId: roleMay(user.role, 'batches.oversee') ? undefined : user.id });
  const counts = await statusCountsOfBatches(
    db,
    rows.map((b) => b.id),
  );
  const names = new Map((await listUsers(db)).map((u) => [u.id, u.displayName]));
  const roundCodes = new Map<number, string>();
  for (const id of new Set(rows.map((b) => b.roundId))) roundCodes.set(id, (await roundById(db, id))!.code);
  return rows.map((b) => {
    const statuses: Partial<Record<FormStatus, number>> = {};
    for (const c of counts.filter((x) => x.batchId === b.id)) statuses[c.status] = Number(c.n);
    return {
      id: b.id,
      code: b.code,
      roundId: b.roundId,
      round: roundCodes.get(b.roundId)!,
      firstKeyerId: b.firstKeyerId,
      secondKeyerId: b.secondKeyerId,
      reconcilerId: b.reconcilerId,
      keyers: [names.get(b.firstKeyerId) ?? '', names.get(b.secondKeyerId) ?? ''],
      reconciler: b.reconcilerId === null ? null : (names.get(b.reconcilerId) ?? ''),
      myPart: partOf(b, user),
      forms: Object.values(statuses).reduce((sum, n) => sum + n, 0),
      statuses,
    };
  });
}

export async function batchDetail(db: Database, user: PublicUser, batchId: number) {
  const batch = await visibleBatch(db, batchId, user);
  const round = (await roundById(db, batch.roundId))!;
  const forms = await formsOfBatch(db, batch.id);
  const mine = roleMay(user.role, 'forms.key') ? await serialsKeyedBy(db, round.id, user.id) : undefined;
  const communes = await localityNames(
    db,
    forms.map((f) => f.communeCode),
  );
  return {
    id: batch.id,
    code: batch.code,
    round: round.code,
    questionnaireVersion: round.questionnaires.citizen,
    myPart: partOf(batch, user),
    forms: forms.map((f) => ({
      serial: f.serial,
      status: f.status,
      localityCode: f.localityCode,
      communeCode: f.communeCode,
      communeName: f.communeCode ? (communes.get(f.communeCode) ?? null) : null,
      ...(mine ? { keyedByMe: mine.has(f.serial) } : {}),
    })),
  };
}
