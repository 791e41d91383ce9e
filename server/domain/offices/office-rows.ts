/**
 * Checking a list of offices (code, name, locality, level) before anything is stored: every
 * problem is reported with its row, column, value and reason, and a list with any problem stores
 * nothing.
 */
import { OFFICE_CODE, OFFICE_NAME_MAX, type OfficeLevel } from '../../../contract/offices.ts';
import type { OfficeFields } from '../../../db/queries/offices.ts';
import type { LocalityRow } from '../../../db/queries/localities.ts';
import { rowProblem, type RowProblem } from '../../errors.ts';
import type { TableRow } from '../../files/tables.ts';

export const OFFICE_COLUMNS = ['code', 'name', 'locality', 'level'] as const;

/** What a level may be written as in a file: its code, or the words a Vietnamese reader uses. */
const LEVEL_WORDS: Record<string, OfficeLevel> = {
  province: 'province',
  tỉnh: 'province',
  'cấp tỉnh': 'province',
  'trung tâm phục vụ hành chính công cấp tỉnh': 'province',
  commune: 'commune',
  xã: 'commune',
  'cấp xã': 'commune',
  'bộ phận một cửa cấp xã': 'commune',
  district: 'district',
  huyện: 'district',
  'cấp huyện': 'district',
  'bộ phận một cửa cấp huyện': 'district',
};

export function officeLevelOf(text: string): OfficeLevel | undefined {
  return LEVEL_WORDS[text.normalize('NFC').trim().toLocaleLowerCase('vi')];
}

/** The unit an office of each level sits in. */
export const LOCALITY_LEVEL_OF_OFFICE: Record<OfficeLevel, LocalityRow['level']> = { province: 'province', commune: 'commune', district: 'district' };

const LEVEL_NAMES: Record<LocalityRow['level'], { vi: string; en: string }> = {
  province: { vi: 'tỉnh', en: 'province' },
  district: { vi: 'huyện', en: 'district' },
  commune: { vi: 'xã', en: 'commune' },
  village: { vi: 'thôn', en: 'village' },
};

/** Why an office of this level cannot sit in this unit, or undefined when it can. */
export function localityMismatch(level: OfficeLevel, unit: LocalityRow): { vi: string; en: string } | undefined {
  const expected = LOCALITY_LEVEL_OF_OFFICE[level];
  if (unit.level === expected) return undefined;
  return {
    vi: `đơn vị ${unit.code} là cấp ${LEVEL_NAMES[unit.level].vi}, nhưng điểm cấp ${LEVEL_NAMES[expected].vi} phải thuộc một đơn vị cấp ${LEVEL_NAMES[expected].vi}`,
    en: `unit ${unit.code} is a ${LEVEL_NAMES[unit.level].en}; an office of ${LEVEL_NAMES[expected].en} level sits in a ${LEVEL_NAMES[expected].en}`,
  };
}

/** The rows' own problems (format, repeats); the localities they name are checked against the database later. */
export function checkOfficeRows(records: TableRow[]): { rows: Array<OfficeFields & { row: number }>; problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const rows: Array<OfficeFields & { row: number }> = [];
  const seen = new Map<string, number>();
  for (const { row, cells } of records) {
    const cell = (column: string) => (cells[column] ?? '').normalize('NFC').trim();
    const problem = (column: string, vi: string, en: string) => problems.push(rowProblem(row, column, cell(column), vi, en));
    const code = cell('code');
    const name = cell('name');
    const level = officeLevelOf(cell('level'));
    if (!OFFICE_CODE.test(code))
      problem('code', 'mã điểm phải có 1–32 ký tự chữ không dấu, số, dấu chấm, gạch ngang', 'the code has 1–32 letters, digits, dots or dashes');
    else if (seen.has(code)) problem('code', `mã trùng với dòng ${seen.get(code)}`, `the code repeats row ${seen.get(code)}`);
    else seen.set(code, row);
    if (!name) problem('name', 'thiếu tên điểm', 'the name is empty');
    else if (name.length > OFFICE_NAME_MAX) problem('name', `tên dài quá ${OFFICE_NAME_MAX} ký tự`, `the name is longer than ${OFFICE_NAME_MAX} characters`);
    if (!cell('locality')) problem('locality', 'thiếu mã đơn vị hành chính', 'the locality code is empty');
    if (!level)
      problem(
        'level',
        'cấp phải là province (Trung tâm Phục vụ hành chính công cấp tỉnh), commune (Bộ phận Một cửa cấp xã) hoặc district (cấp huyện, trước 2025)',
        'the level is province (provincial service centre), commune (commune one-stop office) or district (before 2025)',
      );
    rows.push({ row, code, name, localityCode: cell('locality'), level: level ?? 'commune' });
  }
  return { rows, problems };
}
