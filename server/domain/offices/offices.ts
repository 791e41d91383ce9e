/**
 * The offices a province surveys at, as a manager keeps them: added one by one or imported from a
 * file (all rows or none; a code already stored is updated, not duplicated), edited, deactivated.
 * Every change is audited field by field. A deactivated office keeps its responses and links, but
 * its links take no more responses.
 */
import type { CreateOfficeBody, OfficeView, UpdateOfficeBody } from '../../../contract/offices.ts';
import type { Database } from '../../../db/client.ts';
import { recordAudit, type AuditEntry } from '../../../db/queries/audit.ts';
import { findLocalities } from '../../../db/queries/localities.ts';
import {
  findOfficesByCode,
  insertOffice,
  insertOffices,
  listOfficesWithLocality,
  lockOffice,
  updateOffice,
  type OfficeRow,
} from '../../../db/queries/offices.ts';
import { rowProblem, type RowProblem } from '../../errors.ts';
import { problems } from '../../error-catalogue.ts';
import type { Table } from '../../files/tables.ts';
import { checkOfficeRows, localityMismatch } from './office-rows.ts';

export async function officeViews(db: Database): Promise<OfficeView[]> {
  return listOfficesWithLocality(db);
}

async function officeView(db: Database, code: string): Promise<OfficeView> {
  return (await listOfficesWithLocality(db)).find((o) => o.code === code)!;
}

/** The unit an office names, or a worded refusal naming the field. */
async function checkedLocality(db: Database, localityCode: string, level: OfficeRow['level']): Promise<void> {
  const [unit] = await findLocalities(db, [localityCode]);
  if (!unit)
    throw problems.validation([
      { path: 'localityCode', worded: { vi: `không có đơn vị hành chính mã ${localityCode}`, en: `no administrative unit has code ${localityCode}` } },
    ]);
  const mismatch = localityMismatch(level, unit);
  if (mismatch) throw problems.validation([{ path: 'localityCode', worded: mismatch }]);
}

const auditChanges = (actorId: number | null, before: OfficeRow, after: Partial<OfficeRow>): AuditEntry[] =>
  (['name', 'localityCode', 'level', 'active'] as const)
    .filter((field) => after[field] !== undefined && after[field] !== before[field])
    .map((field) => ({
      userId: actorId,
      action: field === 'active' ? (after.active ? 'activate_office' : 'deactivate_office') : 'update_office',
      entity: 'office',
      entityId: before.code,
      field,
      oldValue: before[field],
      newValue: after[field],
    }));

export async function createOffice(db: Database, actorId: number, body: CreateOfficeBody): Promise<OfficeView> {
  const office = { ...body, name: body.name.normalize('NFC').trim() };
  return db.transaction(async (tx) => {
    await checkedLocality(tx, office.localityCode, office.level);
    const created = await insertOffice(tx, office);
    if (!created) throw problems.officeExists({ code: office.code });
    await recordAudit(tx, [{ userId: actorId, action: 'create_office', entity: 'office', entityId: office.code, newValue: office }]);
    return officeView(tx, office.code);
  });
}

export async function changeOffice(db: Database, actorId: number, code: string, body: UpdateOfficeBody): Promise<OfficeView> {
  const changes = { ...body, ...(body.name !== undefined ? { name: body.name.normalize('NFC').trim() } : {}) };
  return db.transaction(async (tx) => {
    const before = await lockOffice(tx, code);
    if (!before) throw problems.notFound('office', { code });
    if (changes.localityCode !== undefined || changes.level !== undefined) {
      await checkedLocality(tx, changes.localityCode ?? before.localityCode, changes.level ?? before.level);
    }
    const entries = auditChanges(actorId, before, changes);
    if (entries.length > 0) {
      await updateOffice(tx, code, changes);
      await recordAudit(tx, entries);
    }
    return officeView(tx, code);
  });
}

export interface OfficesImport {
  problems: RowProblem[];
  added: number;
  updated: number;
  unchanged: number;
}

/** A list of offices: all rows or none; a stored code gets the file's name, locality and level. */
export async function importOffices(db: Database, actorId: number | null, table: Table): Promise<OfficesImport> {
  const { rows, problems: found } = checkOfficeRows(table.rows);
  const units = new Map((await findLocalities(db, [...new Set(rows.map((r) => r.localityCode).filter(Boolean))])).map((u) => [u.code, u]));
  for (const r of rows) {
    if (!r.localityCode) continue;
    const unit = units.get(r.localityCode);
    if (!unit) {
      found.push(rowProblem(r.row, 'locality', r.localityCode, 'không có đơn vị hành chính mã này', 'no administrative unit has this code'));
      continue;
    }
    const mismatch = localityMismatch(r.level, unit);
    // A bad level is already reported; the mismatch would only repeat it.
    if (mismatch && !found.some((p) => p.row === r.row && p.column === 'level'))
      found.push(rowProblem(r.row, 'locality', r.localityCode, mismatch.vi, mismatch.en));
  }
  if (found.length > 0) return { problems: found, added: 0, updated: 0, unchanged: 0 };
  return db.transaction(async (tx) => {
    const stored = new Map(
      (
        await findOfficesByCode(
          tx,
          rows.map((r) => r.code),
        )
      ).map((o) => [o.code, o]),
    );
    const fresh = rows.filter((r) => !stored.has(r.code)).map(({ row: _row, ...office }) => office);
    const entries: AuditEntry[] = fresh.map((office) => ({
      userId: actorId,
      action: 'create_office',
      entity: 'office',
      entityId: office.code,
      newValue: office,
    }));
    let updated = 0;
    for (const r of rows) {
      const before = stored.get(r.code);
      if (!before) continue;
      const changes = { name: r.name, localityCode: r.localityCode, level: r.level };
      const changed = auditChanges(actorId, before, changes);
      if (changed.length === 0) continue;
      await updateOffice(tx, r.code, changes);
      entries.push(...changed.map((e) => ({ ...e, action: 'import_office' })));
      updated++;
    }
    await insertOffices(tx, fresh);
    await recordAudit(tx, entries);
    return { problems: [], added: fresh.length, updated, unchanged: rows.length - fresh.length - updated };
  });
}
