/**
 * Numbered paper forms: issued per locality, returned, grouped into batches for two keyers.
 * Every change of a form's state is recorded in the audit trail.
 */
import { formatSerialList, parseSerialList } from '../../../analysis/questionnaire/serials.ts';
import type { Database } from '../../../db/client.ts';
import { auditTrail, recordAudit } from '../../../db/queries/audit.ts';
import { existingLocalityCodes } from '../../../db/queries/localities.ts';
import {
  findBatch,
  findForm,
  findForms,
  insertBatch,
  insertForms,
  lockForms,
  setFormsStatus,
  upsertSampleTarget,
  type BatchRow,
} from '../../../db/queries/paper.ts';
import { findRoundByCode, type RoundRow } from '../../../db/queries/rounds.ts';
import { findUsersByIds } from '../../../db/queries/users.ts';
import type { FormStatus } from '../../../db/schema/paper.ts';
import { problems } from '../../error-catalogue.ts';
import { auditEventView } from '../audit/audit-trail.ts';
import { communeOfRoundOrFail, impliedCommune, localityNames } from './communes.ts';

const field = (path: string, vi: string, en: string) => problems.validation([{ path, worded: { vi, en } }]);

export async function roundOrFail(db: Database, code: string): Promise<RoundRow> {
  const round = await findRoundByCode(db, code);
  if (!round) throw problems.notFound('round', { code });
  return round;
}

export function serialsOrFail(text: string, path = 'serials'): number[] {
  const parsed = parseSerialList(text);
  if (!Array.isArray(parsed)) throw field(path, `Danh sách số sê-ri không hợp lệ: ${parsed.error}`, `Invalid serial list: ${parsed.error}`);
  return parsed;
}

export async function issueForms(
  db: Database,
  actorId: number,
  input: { roundCode: string; localityCode: string; communeCode?: string; serials: string; target?: number },
): Promise<{ issued: number }> {
  const round = await roundOrFail(db, input.roundCode);
  const serials = serialsOrFail(input.serials);
  if (!(await existingLocalityCodes(db, [input.localityCode])).has(input.localityCode)) {
    throw field('localityCode', `Không có đơn vị hành chính mã ${input.localityCode}`, `No unit has code ${input.localityCode}`);
  }
  const communeCode = input.communeCode
    ? await communeOfRoundOrFail(db, round.provinceCodes, input.communeCode, input.localityCode)
    : await impliedCommune(db, input.localityCode);
  return db.transaction(async (tx) => {
    const taken = await findForms(tx, round.id, serials);
    if (taken.length > 0) {
      throw problems.serialsTaken({ serials: formatSerialList(taken.map((f) => f.serial)) });
    }
    await insertForms(tx, round.id, input.localityCode, communeCode, serials);
    if (input.target !== undefined) await upsertSampleTarget(tx, round.id, input.localityCode, input.target);
    await recordAudit(tx, [
      {
        userId: actorId,
        action: 'issue_forms',
        entity: 'round',
        entityId: round.code,
        newValue: { locality: input.localityCode, commune: communeCode, serials: formatSerialList(serials), target: input.target ?? null },
      },
    ]);
    return { issued: serials.length };
  });
}

/** Which state changes a manager may make by hand (keying moves forms on by itself). */
const manualTransitions: Record<'returned' | 'spoiled' | 'unreturned', FormStatus[]> = {
  returned: ['issued', 'unreturned'],
  spoiled: ['issued', 'returned', 'unreturned'],
  unreturned: ['issued'],
};

export async function markForms(
  db: Database,
  actorId: number,
  input: { roundCode: string; serials: string; status: keyof typeof manualTransitions },
): Promise<{ changed: number }> {
  const round = await roundOrFail(db, input.roundCode);
  const serials = serialsOrFail(input.serials);
  return db.transaction(async (tx) => {
    const forms = await lockForms(tx, round.id, serials);
    const known = new Set(forms.map((f) => f.serial));
    const unknown = serials.filter((s) => !known.has(s));
    if (unknown.length > 0) throw field('serials', `Chưa cấp các số sê-ri: ${formatSerialList(unknown)}`, `Serials not issued: ${formatSerialList(unknown)}`);
    const allowed = manualTransitions[input.status];
    const blocked = forms.filter((f) => !allowed.includes(f.status) && f.status !== input.status);
    if (blocked.length > 0) {
      throw problems.formState({ status: input.status, serials: formatSerialList(blocked.map((f) => f.serial)) });
    }
    const changing = forms.filter((f) => f.status !== input.status);
    await setFormsStatus(
      tx,
      round.id,
      changing.map((f) => f.serial),
      { status: input.status },
    );
    await recordAudit(
      tx,
      changing.map((f) => ({
        userId: actorId,
        action: 'mark_form',
        entity: 'paper_form',
        entityId: `${round.code}:${f.serial}`,
        field: 'status',
        oldValue: f.status,
        newValue: input.status,
      })),
    );
    return { changed: changing.length };
  });
}

export async function createBatch(
  db: Database,
  actorId: number,
  input: { roundCode: string; code: string; serials: string; firstKeyerId: number; secondKeyerId: number; reconcilerId?: number },
): Promise<BatchRow> {
  const round = await roundOrFail(db, input.roundCode);
  const serials = serialsOrFail(input.serials);
  if (input.firstKeyerId === input.secondKeyerId) {
    throw field('secondKeyerId', 'Hai người nhập liệu của một lô phải khác nhau', 'The two keyers of a batch must be different people');
  }
  const people = await findUsersByIds(db, [input.firstKeyerId, input.secondKeyerId, ...(input.reconcilerId ? [input.reconcilerId] : [])]);
  for (const [path, id] of [
    ['firstKeyerId', input.firstKeyerId],
    ['secondKeyerId', input.secondKeyerId],
    ['reconcilerId', input.reconcilerId],
  ] as const) {
    if (id === undefined) continue;
    const person = people.find((p) => p.id === id);
    if (!person?.active || person.role !== 'keyer')
      throw field(path, `Người dùng ${id} không phải người nhập liệu đang hoạt động`, `User ${id} is not an active keyer`);
  }
  if (input.reconcilerId !== undefined && [input.firstKeyerId, input.secondKeyerId].includes(input.reconcilerId)) {
    throw field('reconcilerId', 'Người đối chiếu phải khác hai người nhập liệu', 'The reconciler must be a third person');
  }
  return db.transaction(async (tx) => {
    const forms = await lockForms(tx, round.id, serials);
    const ready = new Set(forms.filter((f) => f.status === 'returned' && f.batchId === null).map((f) => f.serial));
    const notReady = serials.filter((s) => !ready.has(s));
    if (notReady.length > 0) {
      throw field(
        'serials',
        `Các phiếu chưa thu về hoặc đã thuộc lô khác: ${formatSerialList(notReady)}`,
        `Forms not returned or already in a batch: ${formatSerialList(notReady)}`,
      );
    }
    const batch = await insertBatch(tx, {
      roundId: round.id,
      code: input.code.normalize('NFC').trim(),
      firstKeyerId: input.firstKeyerId,
      secondKeyerId: input.secondKeyerId,
      reconcilerId: input.reconcilerId ?? null,
      createdBy: actorId,
    });
    if (!batch) throw problems.batchExists({ code: input.code });
    await setFormsStatus(tx, round.id, serials, { status: 'returned', batchId: batch.id });
    await recordAudit(tx, [
      {
        userId: actorId,
        action: 'create_batch',
        entity: 'batch',
        entityId: String(batch.id),
        newValue: {
          code: batch.code,
          serials: formatSerialList(serials),
          keyers: [input.firstKeyerId, input.secondKeyerId],
          reconciler: input.reconcilerId ?? null,
        },
      },
    ]);
    return batch;
  });
}

/** One form: where it stands, its batch, and everything that happened to it (who, when, old → new). */
export async function formHistory(db: Database, roundCode: string, serial: number) {
  const round = await roundOrFail(db, roundCode);
  const form = await findForm(db, round.id, serial);
  if (!form) throw problems.notFound('paperForm', { serial, round: round.code });
  const batch = form.batchId === null ? undefined : await findBatch(db, form.batchId);
  const trail = await auditTrail(db, 'paper_form', `${round.code}:${serial}`);
  return {
    serial,
    status: form.status,
    localityCode: form.localityCode,
    communeCode: form.communeCode,
    communeName: form.communeCode ? ((await localityNames(db, [form.communeCode])).get(form.communeCode) ?? null) : null,
    responseId: form.responseId,
    batch: batch ? { id: batch.id, code: batch.code } : null,
    questionnaireVersion: round.questionnaires.citizen,
    trail: trail.map(auditEventView),
  };
}
