/**
 * Double entry of paper forms. Two keyers key each form blind to each other; identical entries
 * become a verified response at once, different ones wait for a survey manager (or the batch's
 * third keyer) to decide field by field. Every entry, change and decision is audited.
 */
import { randomUUID } from 'node:crypto';
import type { AnswerMap } from '../../../analysis/questionnaire/answers-schema.ts';
import { compareEntries, type FieldDifference, type KeyedForm } from '../../../analysis/questionnaire/compare-entries.ts';
import type { Database } from '../../../db/client.ts';
import { recordAudit, type AuditEntry } from '../../../db/queries/audit.ts';
import {
  entriesOfForm,
  findBatch,
  findForm,
  markFormVerified,
  setFormsStatus,
  upsertEntry,
  type BatchRow,
  type FormEntryRow,
  type PaperFormRow,
} from '../../../db/queries/paper.ts';
import { findQuestionnaire } from '../../../db/queries/questionnaires.ts';
import { insertStaffResponse } from '../../../db/queries/responses.ts';
import { roundById } from '../../../db/queries/rounds.ts';
import type { PublicUser } from '../../../db/queries/users.ts';
import { problems } from '../../error-catalogue.ts';
import { keyingRefusal } from '../rounds/keying-window.ts';
import { roleMay } from '../../../contract/permissions.ts';
import { localityChain } from '../localities/localities.ts';
import { responseRow, sha256Json } from '../responses/response-row.ts';
import { paperAnswersSchema, validateAnswers } from '../responses/responses.ts';

/**
 * A paper form's response gets a random id drawn by the server when the form is verified or
 * imported, and the form records it (`paper_forms.response_id`). Nothing outside can predict it,
 * so a citizen's post (whose id the client chooses) can never occupy it; the form's status, not
 * the id, is what makes a form stored once.
 */
export function newPaperResponseId(): string {
  return randomUUID();
}

const notYours = () => problems.notFound('batch');

export function canKey(batch: BatchRow, user: PublicUser): boolean {
  return roleMay(user.role, 'forms.key') && (batch.firstKeyerId === user.id || batch.secondKeyerId === user.id);
}

export function canReconcile(batch: BatchRow, user: PublicUser): boolean {
  return roleMay(user.role, 'batches.oversee') || (roleMay(user.role, 'forms.reconcile') && batch.reconcilerId === user.id);
}

/** The batch if the user may see it: those who oversee batches see all, keyers only those assigned to them. */
export async function visibleBatch(db: Database, batchId: number, user: PublicUser): Promise<BatchRow> {
  const batch = await findBatch(db, batchId);
  if (!batch) throw notYours();
  if (!roleMay(user.role, 'batches.oversee') && !canKey(batch, user) && batch.reconcilerId !== user.id) throw notYours();
  return batch;
}

/**
 * The form of a batch. Inside a transaction that changes it, pass `lock`: the row stays locked
 * until commit, so two keyers saving the same form at once are taken one after the other and the
 * second sees the first's entry (otherwise both could see one entry and leave it keyed once).
 */
async function formOfBatch(db: Database, batch: BatchRow, serial: number, lock = false): Promise<PaperFormRow> {
  const form = await findForm(db, batch.roundId, serial, { lock });
  if (!form || form.batchId !== batch.id) {
    throw problems.validation([
      { path: 'serial', worded: { vi: `Phiếu số ${serial} không thuộc lô ${batch.code}`, en: `Form ${serial} is not in batch ${batch.code}` } },
    ]);
  }
  return form;
}

/** The round as it is now (read inside the caller's transaction): a form is keyed only within its keying window. */
async function refuseKeyingOutsideWindow(db: Database, roundId: number, form: PaperFormRow): Promise<void> {
  const refusal = keyingRefusal((await roundById(db, roundId))!, form);
  if (refusal) throw refusal;
}

async function questionnaireOf(db: Database, roundId: number) {
  const round = await roundById(db, roundId);
  const def = round && (await findQuestionnaire(db, round.questionnaires.citizen));
  if (!round || !def) throw new Error(`round ${roundId} or its questionnaire is missing`);
  return { round, def };
}

async function verify(db: Database, form: PaperFormRow, keyed: KeyedForm, actorId: number, how: 'agreement' | 'reconciliation'): Promise<string> {
  const { round, def } = await questionnaireOf(db, form.roundId);
  // The commune the form was filled in is the response's PSU, as for a phone response.
  const locality = await localityChain(db, form.communeCode ?? form.localityCode);
  if (!locality) throw new Error(`locality ${form.communeCode ?? form.localityCode} of form ${form.serial} is missing`);
  const id = newPaperResponseId();
  if (!(await markFormVerified(db, round.id, form.serial, id, [form.status]))) {
    throw problems.formAlreadyVerified({ serial: form.serial });
  }
  await insertStaffResponse(
    db,
    responseRow(def, {
      id,
      round,
      channel: 'paper',
      locality,
      profile: keyed.profile,
      answers: keyed.answers,
      contentHash: sha256Json({ serial: form.serial, ...keyed }),
    }),
  );
  await recordAudit(db, [
    {
      userId: actorId,
      action: `verify_by_${how}`,
      entity: 'paper_form',
      entityId: `${round.code}:${form.serial}`,
      field: 'status',
      oldValue: form.status,
      newValue: 'verified',
    },
  ]);
  return id;
}

const asKeyed = (entry: FormEntryRow): KeyedForm => ({ profile: entry.profile as AnswerMap, answers: entry.answers as AnswerMap });

export type EntryOutcome = { status: PaperFormRow['status']; differences?: number };

export async function saveEntry(
  db: Database,
  user: PublicUser,
  input: { batchId: number; serial: number; profile: Record<string, unknown>; answers: Record<string, unknown>; seconds?: number },
): Promise<EntryOutcome> {
  const batch = await visibleBatch(db, input.batchId, user);
  if (!canKey(batch, user)) throw problems.forbidden('notBatchKeyer');
  const { def, round } = await questionnaireOf(db, batch.roundId);
  const keyed = validateAnswers(def, { profile: input.profile, answers: input.answers }, paperAnswersSchema(def));

  return db.transaction(async (tx) => {
    const form = await formOfBatch(tx, batch, input.serial, true);
    if (!['returned', 'keyed_once'].includes(form.status)) {
      throw problems.formClosed({ serial: form.serial, status: form.status });
    }
    await refuseKeyingOutsideWindow(tx, round.id, form);
    const entityId = `${round.code}:${form.serial}`;
    const before = (await entriesOfForm(tx, round.id, form.serial)).find((e) => e.keyerId === user.id);
    await upsertEntry(tx, { roundId: round.id, serial: form.serial, keyerId: user.id, ...keyed, seconds: input.seconds ?? null });
    const audit: AuditEntry[] = before
      ? compareEntries(asKeyed(before), keyed).map((d) => ({
          userId: user.id,
          action: 'rekey',
          entity: 'paper_form',
          entityId,
          field: d.field,
          oldValue: d.first,
          newValue: d.second,
        }))
      : [{ userId: user.id, action: 'key', entity: 'paper_form', entityId, newValue: keyed }];
    await recordAudit(tx, audit);

    const entries = await entriesOfForm(tx, round.id, form.serial);
    if (entries.length < 2) {
      await setFormsStatus(tx, round.id, [form.serial], { status: 'keyed_once' });
      return { status: 'keyed_once' as const };
    }
    const differences = compareEntries(asKeyed(entries[0]), asKeyed(entries[1]));
    if (differences.length === 0) {
      await verify(tx, form, keyed, user.id, 'agreement');
      return { status: 'verified' as const, differences: 0 };
    }
    await setFormsStatus(tx, round.id, [form.serial], { status: 'keyed_twice' });
    return { status: 'keyed_twice' as const, differences: differences.length };
  });
}

/** A keyer's own entry of a form (never the other keyer's: entry is blind). */
export async function ownEntry(db: Database, user: PublicUser, batchId: number, serial: number): Promise<KeyedForm | null> {
  const batch = await visibleBatch(db, batchId, user);
  const entry = (await entriesOfForm(db, batch.roundId, serial)).find((e) => e.keyerId === user.id);
  return entry ? asKeyed(entry) : null;
}

export interface Comparison {
  serial: number;
  status: PaperFormRow['status'];
  first: KeyedForm | null;
  second: KeyedForm | null;
  differences: FieldDifference[];
}

export async function comparison(db: Database, user: PublicUser, batchId: number, serial: number): Promise<Comparison> {
  const batch = await visibleBatch(db, batchId, user);
  if (!canReconcile(batch, user)) throw problems.forbidden('notBatchComparer');
  const form = await formOfBatch(db, batch, serial);
  const entries = await entriesOfForm(db, batch.roundId, serial);
  const first = entries.find((e) => e.keyerId === batch.firstKeyerId);
  const second = entries.find((e) => e.keyerId === batch.secondKeyerId);
  return {
    serial,
    status: form.status,
    first: first ? asKeyed(first) : null,
    second: second ? asKeyed(second) : null,
    differences: first && second ? compareEntries(asKeyed(first), asKeyed(second)) : [],
  };
}

/** The reconciler's decision: the final values of the form, checked like any response. */
export async function reconcile(
  db: Database,
  user: PublicUser,
  input: { batchId: number; serial: number; profile: Record<string, unknown>; answers: Record<string, unknown> },
): Promise<{ responseId: string }> {
  const batch = await visibleBatch(db, input.batchId, user);
  if (!canReconcile(batch, user)) throw problems.forbidden('notBatchReconciler');
  const { def, round } = await questionnaireOf(db, batch.roundId);
  const decided = validateAnswers(def, { profile: input.profile, answers: input.answers }, paperAnswersSchema(def));
  return db.transaction(async (tx) => {
    const form = await formOfBatch(tx, batch, input.serial, true);
    if (form.status !== 'keyed_twice') {
      throw problems.nothingToReconcile({ serial: form.serial, status: form.status });
    }
    await refuseKeyingOutsideWindow(tx, round.id, form);
    const entries = await entriesOfForm(tx, round.id, form.serial);
    const first = entries.find((e) => e.keyerId === batch.firstKeyerId)!;
    const second = entries.find((e) => e.keyerId === batch.secondKeyerId)!;
    const entityId = `${round.code}:${form.serial}`;
    const decisions = compareEntries(asKeyed(first), asKeyed(second)).map((d) => {
      const [group, code] = d.field.split('.') as ['profile' | 'answers', string];
      return {
        userId: user.id,
        action: 'reconcile',
        entity: 'paper_form',
        entityId,
        field: d.field,
        oldValue: { first: d.first, second: d.second },
        newValue: decided[group][code] ?? null,
      };
    });
    // Values the two keyers agreed on but the reconciler changed are decisions too.
    const overrides = compareEntries(asKeyed(first), decided)
      .filter((d) => !decisions.some((x) => x.field === d.field))
      .map((d) => ({
        userId: user.id,
        action: 'reconcile_override',
        entity: 'paper_form',
        entityId,
        field: d.field,
        oldValue: { first: d.first, second: d.first },
        newValue: d.second,
      }));
    await recordAudit(tx, [...decisions, ...overrides]);
    return { responseId: await verify(tx, form, decided, user.id, 'reconciliation') };
  });
}
