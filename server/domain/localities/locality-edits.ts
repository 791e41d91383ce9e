/**
 * Administrative units and their old → new mappings edited one at a time from the managers'
 * screen. A unit is checked by the same rules as a row of an imported file (its problems named by
 * field), and every change is audited with the unit before and after.
 */
import type { CreateLocalityBody, MappingBody, MappingView, UnitView, UpdateLocalityBody } from '../../../contract/localities.ts';
import type { Database } from '../../../db/client.ts';
import { recordAudit } from '../../../db/queries/audit.ts';
import {
  existingLocalityCodes,
  findLocalities,
  listLocalities,
  upsertLocalities,
  insertLocalityMappings,
  type LocalityRow,
} from '../../../db/queries/localities.ts';
import { deleteLocalityMapping, mappingsOfUnit } from '../../../db/queries/locality-mappings.ts';
import { problems } from '../../error-catalogue.ts';
import { auditUnits, checkLocalityRows, mappingAudit } from './locality-import.ts';

const collator = new Intl.Collator('vi');
const FIELD_OF_COLUMN: Record<string, string> = {
  code: 'code',
  name: 'name',
  level: 'level',
  parent_code: 'parentCode',
  valid_from: 'validFrom',
  valid_to: 'validTo',
};

/** The unit's problems as a 400 naming each field, as a file's row would have them. */
async function checkUnit(db: Database, unit: LocalityRow): Promise<LocalityRow> {
  const cells = {
    code: unit.code,
    name: unit.name,
    level: unit.level,
    parent_code: unit.parentCode ?? '',
    valid_from: unit.validFrom,
    valid_to: unit.validTo ?? '',
  };
  const { rows, problems: found } = checkLocalityRows([{ row: 1, cells }]);
  if (unit.parentCode && unit.parentCode === unit.code)
    found.push({
      row: 1,
      column: 'parent_code',
      value: unit.parentCode,
      reason: { vi: 'đơn vị không thể là cấp trên của chính nó', en: 'a unit cannot be its own parent' },
    });
  else if (unit.parentCode && !(await existingLocalityCodes(db, [unit.parentCode])).has(unit.parentCode))
    found.push({ row: 1, column: 'parent_code', value: unit.parentCode, reason: { vi: 'không tìm thấy đơn vị cấp trên', en: 'no such parent unit' } });
  if (found.length > 0) throw problems.validation(found.map((p) => ({ path: FIELD_OF_COLUMN[p.column] ?? p.column, worded: p.reason })));
  return rows[0];
}

const view = ({ code, name, level, parentCode, validFrom, validTo }: LocalityRow): UnitView => ({ code, name, level, parentCode, validFrom, validTo });

/** The provinces (those before and after 2025 alike), in Vietnamese order of their names without "Tỉnh"/"Thành phố". */
export async function provinceViews(db: Database): Promise<UnitView[]> {
  const bare = (name: string) => name.replace(/^(Tỉnh|Thành phố)\s+/u, '');
  return (await listLocalities(db))
    .filter((u) => u.level === 'province')
    .sort((a, b) => collator.compare(bare(a.name), bare(b.name)) || a.validFrom.localeCompare(b.validFrom))
    .map(view);
}

export async function addUnit(db: Database, actorId: number, body: CreateLocalityBody): Promise<UnitView> {
  return db.transaction(async (tx) => {
    const unit = await checkUnit(tx, { ...body, name: body.name.normalize('NFC').trim() });
    if ((await findLocalities(tx, [unit.code])).length > 0) throw problems.localityExists({ code: unit.code });
    await auditUnits(tx, actorId, [unit], 'create_locality');
    await upsertLocalities(tx, [unit]);
    return view(unit);
  });
}

export async function changeUnit(db: Database, actorId: number, code: string, body: UpdateLocalityBody): Promise<UnitView> {
  return db.transaction(async (tx) => {
    const [before] = await findLocalities(tx, [code]);
    if (!before) throw problems.notFound('locality', { code });
    const unit = await checkUnit(tx, { ...before, ...body, ...(body.name !== undefined ? { name: body.name.normalize('NFC').trim() } : {}) });
    await auditUnits(tx, actorId, [unit], 'update_locality');
    await upsertLocalities(tx, [unit]);
    return view(unit);
  });
}

export async function unitMappings(db: Database, code: string): Promise<MappingView[]> {
  return mappingsOfUnit(db, code);
}

export async function addMapping(db: Database, actorId: number, body: MappingBody): Promise<MappingView> {
  return db.transaction(async (tx) => {
    const known = await existingLocalityCodes(tx, [body.oldCode, body.newCode]);
    const unknown = (['oldCode', 'newCode'] as const).filter((field) => !known.has(body[field]));
    if (unknown.length > 0)
      throw problems.validation(
        unknown.map((path) => ({ path, worded: { vi: `không có đơn vị hành chính mã ${body[path]}`, en: `no administrative unit has code ${body[path]}` } })),
      );
    if (body.oldCode === body.newCode)
      throw problems.validation([{ path: 'newCode', worded: { vi: 'đơn vị mới phải khác đơn vị cũ', en: 'the new unit must differ from the old one' } }]);
    const [added] = await insertLocalityMappings(tx, [body]);
    if (added) await recordAudit(tx, [mappingAudit(actorId, 'create_locality_mapping', added, null, added)]);
    return added ?? body;
  });
}

export async function removeMapping(db: Database, actorId: number, oldCode: string, newCode: string): Promise<MappingView> {
  return db.transaction(async (tx) => {
    const removed = await deleteLocalityMapping(tx, oldCode, newCode);
    if (!removed) throw problems.notFound('locality', { code: `${oldCode} → ${newCode}` });
    await recordAudit(tx, [mappingAudit(actorId, 'delete_locality_mapping', removed, removed, null)]);
    return removed;
  });
}
