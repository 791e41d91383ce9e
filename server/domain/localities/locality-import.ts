/**
 * Checking a list of administrative units before it is stored: every problem is reported with its
 * row, and nothing is stored unless the whole list is sound.
 */
import type { Database } from '../../../db/client.ts';
import { recordAudit, type AuditEntry } from '../../../db/queries/audit.ts';
import {
  existingLocalityCodes,
  findLocalities,
  insertLocalityMappings,
  upsertLocalities,
  type LocalityLevel,
  type LocalityRow,
} from '../../../db/queries/localities.ts';
import { rowProblem, type RowProblem } from '../../errors.ts';
import type { TableRow } from '../../files/tables.ts';

/** valid_to may be left out: every unit is then still in force. */
export const REQUIRED_LOCALITY_COLUMNS = ['code', 'name', 'level', 'parent_code', 'valid_from'] as const;
export const MAPPING_COLUMNS = ['old_code', 'new_code', 'effective_from'] as const;
const LEVELS: LocalityLevel[] = ['province', 'district', 'commune', 'village'];
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function isCalendarDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/** Rows as read by the table reader (header names as keys, the header is row 1). */
export function checkLocalityRows(records: TableRow[]): { rows: LocalityRow[]; problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const rows: LocalityRow[] = [];
  const seen = new Map<string, number>();
  records.forEach(({ row, cells: record }) => {
    const cell = (column: string) => (record[column] ?? '').normalize('NFC').trim();
    const problem = (column: string, vi: string, en: string) => problems.push(rowProblem(row, column, cell(column), vi, en));
    const code = cell('code');
    const level = cell('level') as LocalityLevel;
    if (!/^[0-9A-Za-z._-]{1,16}$/.test(code)) problem('code', 'mã đơn vị phải có 1–16 ký tự chữ, số', 'the code must have 1–16 letters or digits');
    else if (seen.has(code)) problem('code', `mã trùng với dòng ${seen.get(code)}`, `the code repeats row ${seen.get(code)}`);
    else seen.set(code, row);
    if (!cell('name')) problem('name', 'thiếu tên đơn vị', 'the name is empty');
    if (!LEVELS.includes(level)) problem('level', `cấp phải là một trong: ${LEVELS.join(', ')}`, `the level is one of ${LEVELS.join(', ')}`);
    if (!isCalendarDate(cell('valid_from'))) problem('valid_from', 'ngày phải theo dạng YYYY-MM-DD', 'dates are YYYY-MM-DD');
    if (cell('valid_to') && !isCalendarDate(cell('valid_to')))
      problem('valid_to', 'ngày phải theo dạng YYYY-MM-DD hoặc để trống', 'dates are YYYY-MM-DD, or empty');
    if (cell('valid_to') && cell('valid_to') < cell('valid_from'))
      problem('valid_to', 'ngày hết hiệu lực trước ngày bắt đầu hiệu lực', 'the unit ends before it starts');
    if (level !== 'province' && LEVELS.includes(level) && !cell('parent_code'))
      problem('parent_code', 'đơn vị dưới cấp tỉnh phải có mã đơn vị cấp trên', 'a unit below a province needs its parent code');
    rows.push({
      code,
      name: cell('name'),
      level,
      parentCode: cell('parent_code') || null,
      validFrom: cell('valid_from'),
      validTo: cell('valid_to') || null,
    });
  });
  return { rows, problems };
}

const sameUnit = (a: LocalityRow, b: LocalityRow) =>
  a.name === b.name && a.level === b.level && a.parentCode === b.parentCode && a.validFrom === b.validFrom && a.validTo === b.validTo;

/** One audit entry per unit added or changed (the whole unit before and after). */
export async function auditUnits(db: Database, actorId: number | null, rows: LocalityRow[], action: string): Promise<void> {
  // A statement takes at most 65,535 parameters: a national list of units is read in parts.
  const before = new Map<string, LocalityRow>();
  for (let i = 0; i < rows.length; i += 10_000) {
    for (const u of await findLocalities(
      db,
      rows.slice(i, i + 10_000).map((r) => r.code),
    ))
      before.set(u.code, u);
  }
  const entries: AuditEntry[] = rows
    .filter((r) => !before.has(r.code) || !sameUnit(before.get(r.code)!, r))
    .map((r) => ({ userId: actorId, action, entity: 'locality', entityId: r.code, oldValue: before.get(r.code) ?? null, newValue: r }));
  await recordAudit(db, entries);
}

/** Stores the units in one transaction once every parent is known (in the file or already stored); `actorId` null from the command line. */
export async function importLocalities(db: Database, records: TableRow[], actorId: number | null = null) {
  const { rows, problems } = checkLocalityRows(records);
  const parents = [...new Set(rows.map((r) => r.parentCode).filter((c): c is string => !!c))];
  const known = new Set([...rows.map((r) => r.code), ...(await existingLocalityCodes(db, parents))]);
  rows.forEach((r, index) => {
    if (r.parentCode && !known.has(r.parentCode)) {
      problems.push(rowProblem(records[index].row, 'parent_code', r.parentCode, 'không tìm thấy đơn vị cấp trên', 'no such parent unit'));
    }
  });
  if (problems.length > 0) return { problems, inserted: 0, updated: 0 };
  const counts = await db.transaction(async (tx) => {
    await auditUnits(tx, actorId, rows, 'import_locality');
    return upsertLocalities(tx, rows);
  });
  return { problems, ...counts };
}

export const mappingId = (m: { oldCode: string; newCode: string }) => `${m.oldCode}→${m.newCode}`;

export function mappingAudit(
  actorId: number | null,
  action: string,
  m: { oldCode: string; newCode: string },
  oldValue: unknown,
  newValue: unknown,
): AuditEntry {
  return { userId: actorId, action, entity: 'locality_mapping', entityId: mappingId(m), oldValue, newValue };
}

/** Old unit → new unit (e.g. a district merged into a commune in 2025). */
export async function importLocalityMappings(db: Database, records: TableRow[], actorId: number | null = null) {
  const problems: RowProblem[] = [];
  const rows = records.map(({ row, cells: record }) => {
    const cell = (column: string) => (record[column] ?? '').trim();
    if (!isCalendarDate(cell('effective_from'))) {
      problems.push(rowProblem(row, 'effective_from', cell('effective_from'), 'ngày phải theo dạng YYYY-MM-DD', 'dates are YYYY-MM-DD'));
    }
    return { oldCode: cell('old_code'), newCode: cell('new_code'), effectiveFrom: cell('effective_from') };
  });
  const known = await existingLocalityCodes(
    db,
    rows.flatMap((r) => [r.oldCode, r.newCode]),
  );
  rows.forEach((r, index) => {
    for (const [column, code] of [
      ['old_code', r.oldCode],
      ['new_code', r.newCode],
    ] as const) {
      if (!known.has(code)) problems.push(rowProblem(records[index].row, column, code, 'không tìm thấy đơn vị hành chính', 'no such administrative unit'));
    }
  });
  if (problems.length === 0) {
    await db.transaction(async (tx) => {
      const added = await insertLocalityMappings(tx, rows);
      await recordAudit(
        tx,
        added.map((m) => mappingAudit(actorId, 'import_locality_mapping', m, null, m)),
      );
    });
  }
  return { problems, stored: problems.length === 0 ? rows.length : 0 };
}
