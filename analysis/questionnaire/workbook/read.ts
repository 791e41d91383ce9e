/**
 * The template's sheets (columns.ts) read back into a questionnaire definition, with where each
 * part of it came from: a problem the schema or the consistency checks find at a JSON path
 * (`questions.12.scale`) is pointed at its sheet, row and column. What cannot even be turned into
 * a definition (an unknown rule name, a weight that is not a number) is reported here, each with
 * its cell. The sheets arrive as text, trimmed, as server/files/read-table.ts reads them.
 */
import { parseConditionText } from '../condition-text.ts';
import type { Condition } from '../definition.ts';
import type { DefinitionPath } from '../consistency.ts';
import { SETTINGS_KEYS } from './columns.ts';

export interface SheetRow {
  row: number;
  cells: Record<string, string>;
}
export type SheetRows = ReadonlyMap<string, readonly SheetRow[]>;

export interface CellLocation {
  sheet: string;
  row: number;
  column: string;
  value: string;
}
export interface LocatedProblem extends CellLocation {
  vi: string;
  en: string;
}

export interface ReadDefinition {
  input: Record<string, unknown>;
  problems: LocatedProblem[];
  /** The cell a path of the definition came from: the longest prefix recorded. */
  locate(path: DefinitionPath): CellLocation | undefined;
}

const INTEGER = /^-?[0-9]+$/;
const NUMBER = /^[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?$/;

/** A cell written with a leading `'` so that a spreadsheet keeps it as text (server/files/spreadsheet-cells.ts) reads as the text itself. */
function unquoted(text: string): string {
  return /^'[=+\-@\t\r\n\u0000\uFF1D\uFF0B\uFF0D\uFF20]/.test(text) ? text.slice(1) : text;
}

export function definitionFromSheets(sheets: SheetRows): ReadDefinition {
  const problems: LocatedProblem[] = [];
  const where = new Map<string, CellLocation>();
  const key = (path: DefinitionPath) => path.join('\u0000');
  const cell = (sheet: string, r: SheetRow, column: string): CellLocation => ({ sheet, row: r.row, column, value: r.cells[column] ?? '' });
  const mark = (path: DefinitionPath, at: CellLocation) => where.set(key(path), at);
  const problem = (at: CellLocation, vi: string, en: string) => problems.push({ ...at, vi, en });
  const rowsOf = (sheet: string) => sheets.get(sheet) ?? [];
  const text = (r: SheetRow, column: string) => unquoted(r.cells[column] ?? '');
  /** `{ vi, en? }` from two columns; absent when both are empty. */
  const localized = (sheet: string, r: SheetRow, base: string, path: DefinitionPath) => {
    const vi = text(r, `${base}_vi`);
    const en = text(r, `${base}_en`);
    mark(path, cell(sheet, r, `${base}_vi`));
    mark([...path, 'vi'], cell(sheet, r, `${base}_vi`));
    mark([...path, 'en'], cell(sheet, r, `${base}_en`));
    if (vi === '' && en === '') return undefined;
    return en === '' ? { vi } : { vi, en };
  };

  // Skip rules by name.
  const rules = new Map<string, { condition?: Condition; at: CellLocation }>();
  for (const r of rowsOf('skip_rules')) {
    const name = text(r, 'name');
    const at = cell('skip_rules', r, 'condition');
    if (rules.has(name)) problem(cell('skip_rules', r, 'name'), `tên điều kiện "${name}" bị lặp lại`, `rule name "${name}" is used twice`);
    const parsed = parseConditionText(text(r, 'condition'));
    if (!parsed.ok) problem(at, `điều kiện viết sai: ${parsed.vi}`, `the condition cannot be read: ${parsed.en}`);
    rules.set(name, { condition: parsed.ok ? parsed.condition : undefined, at });
  }
  const showIf = (sheet: string, r: SheetRow, path: DefinitionPath): Condition | undefined => {
    const name = text(r, 'show_if');
    mark(path, cell(sheet, r, 'show_if'));
    if (name === '') return undefined;
    const rule = rules.get(name);
    if (!rule) problem(cell(sheet, r, 'show_if'), `không có điều kiện tên "${name}" trong trang skip_rules`, `no rule named "${name}" in sheet skip_rules`);
    return rule?.condition;
  };
  const number = (sheet: string, r: SheetRow, column: string, pattern: RegExp): number | undefined => {
    const value = text(r, column);
    if (value === '') return undefined;
    if (!pattern.test(value)) {
      problem(
        cell(sheet, r, column),
        `"${value}" không phải là số${pattern === INTEGER ? ' nguyên' : ''}`,
        `"${value}" is not a ${pattern === INTEGER ? 'whole ' : ''}number`,
      );
      return undefined;
    }
    return Number(value);
  };

  // settings
  const settings = new Map<string, { value: string; at: CellLocation }>();
  const known = new Set(SETTINGS_KEYS.map((k) => k.name));
  for (const r of rowsOf('settings')) {
    const name = text(r, 'key');
    if (!known.has(name)) problem(cell('settings', r, 'key'), `khóa "${name}" không có trong mẫu`, `unknown key "${name}"`);
    else if (settings.has(name)) problem(cell('settings', r, 'key'), `khóa "${name}" bị lặp lại`, `key "${name}" is given twice`);
    else settings.set(name, { value: text(r, 'value'), at: cell('settings', r, 'value') });
  }
  const setting = (name: string, path: DefinitionPath) => {
    const found = settings.get(name);
    if (found) mark(path, found.at);
    return found?.value ?? '';
  };
  const settingLocalized = (base: string, path: DefinitionPath) => {
    const vi = setting(`${base}_vi`, [...path, 'vi']);
    const en = setting(`${base}_en`, [...path, 'en']);
    if (settings.has(`${base}_vi`)) mark(path, settings.get(`${base}_vi`)!.at);
    if (vi === '' && en === '') return undefined;
    return en === '' ? { vi } : { vi, en };
  };
  const values = (name: string, path: DefinitionPath): number[] => {
    const raw = setting(name, path);
    if (raw === '') return [];
    const list = raw.split(',').map((v) => v.trim());
    if (!list.every((v) => INTEGER.test(v))) {
      problem(settings.get(name)!.at, `"${raw}" phải là các số nguyên cách nhau bởi dấu phẩy`, `"${raw}" must be whole numbers separated by commas`);
      return [];
    }
    return list.map(Number);
  };
  for (const k of SETTINGS_KEYS) {
    if (k.required && (settings.get(k.name)?.value ?? '') === '') {
      const at = settings.get(k.name)?.at ?? { sheet: 'settings', row: 0, column: 'key', value: '' };
      problem(at, `thiếu giá trị cho khóa "${k.name}"`, `no value for the key "${k.name}"`);
    }
  }

  // choices → scales, in the order each scale first appears
  const scales: Array<{ code: string; options: Array<{ value: string | number; label: unknown }> }> = [];
  for (const r of rowsOf('choices')) {
    const code = text(r, 'scale');
    let s = scales.findIndex((x) => x.code === code);
    if (s < 0) {
      s = scales.push({ code, options: [] }) - 1;
      mark(['scales', s], cell('choices', r, 'scale'));
      mark(['scales', s, 'code'], cell('choices', r, 'scale'));
    }
    const k = scales[s].options.length;
    const raw = text(r, 'value');
    const path = ['scales', s, 'options', k];
    mark(path, cell('choices', r, 'value'));
    mark([...path, 'value'], cell('choices', r, 'value'));
    scales[s].options.push({ value: INTEGER.test(raw) ? Number(raw) : raw, label: localized('choices', r, 'label', [...path, 'label']) });
  }

  // sections, elements, parts: their members come from the rows that name them
  const sectionRows = rowsOf('sections');
  const sections = sectionRows.map((r, s) => {
    mark(['sections', s], cell('sections', r, 'code'));
    mark(['sections', s, 'code'], cell('sections', r, 'code'));
    return {
      code: text(r, 'code'),
      title: localized('sections', r, 'title', ['sections', s, 'title']),
      description: localized('sections', r, 'description', ['sections', s, 'description']),
      questions: [] as string[],
      showIf: showIf('sections', r, ['sections', s, 'showIf']),
    };
  });
  const elementRows = rowsOf('elements');
  const elementWeights: Record<string, number> = {};
  const elements = elementRows.map((r, e) => {
    const code = text(r, 'code');
    mark(['elements', e], cell('elements', r, 'code'));
    mark(['elements', e, 'code'], cell('elements', r, 'code'));
    mark(['elements', e, 'part'], cell('elements', r, 'part'));
    mark(['aggregation', 'elementWeights', code], cell('elements', r, 'weight'));
    const weight = number('elements', r, 'weight', NUMBER);
    if (weight !== undefined) elementWeights[code] = weight;
    return { code, part: text(r, 'part'), label: localized('elements', r, 'label', ['elements', e, 'label']), items: [] as string[] };
  });
  const overallWeights: Record<string, number> = {};
  const parts = rowsOf('parts').map((r, p) => {
    const code = text(r, 'code');
    mark(['parts', p], cell('parts', r, 'code'));
    mark(['parts', p, 'code'], cell('parts', r, 'code'));
    mark(['aggregation', 'overall', 'weights', code], cell('parts', r, 'weight'));
    const weight = number('parts', r, 'weight', NUMBER);
    if (weight !== undefined) overallWeights[code] = weight;
    return { code, label: localized('parts', r, 'label', ['parts', p, 'label']), elements: [] as string[] };
  });
  elementRows.forEach((r, e) => {
    const p = parts.findIndex((x) => x.code === elements[e].part);
    if (p < 0) {
      if (elements[e].part !== '')
        problem(cell('elements', r, 'part'), `không có phần "${elements[e].part}" trong trang parts`, `no part "${elements[e].part}" in sheet parts`);
      return;
    }
    mark(['parts', p, 'elements', parts[p].elements.length], cell('elements', r, 'part'));
    parts[p].elements.push(elements[e].code);
  });

  const questions = rowsOf('questions').map((r, i) => {
    const path = ['questions', i];
    mark(path, cell('questions', r, 'code'));
    for (const [field, column] of [
      ['code', 'code'],
      ['role', 'role'],
      ['type', 'type'],
      ['scale', 'scale'],
      ['required', 'required'],
      ['maxLength', 'max_length'],
      ['relatesTo', 'relates_to'],
      ['number', 'number'],
    ])
      mark([...path, field], cell('questions', r, column));
    const code = text(r, 'code');
    const section = text(r, 'section');
    const s = sections.findIndex((x) => x.code === section);
    if (s >= 0) {
      mark(['sections', s, 'questions', sections[s].questions.length], cell('questions', r, 'section'));
      sections[s].questions.push(code);
    } else if (section !== '')
      problem(cell('questions', r, 'section'), `không có mục "${section}" trong trang sections`, `no section "${section}" in sheet sections`);
    const element = text(r, 'element');
    const e = elements.findIndex((x) => x.code === element);
    if (e >= 0) {
      mark(['elements', e, 'items', elements[e].items.length], cell('questions', r, 'element'));
      elements[e].items.push(code);
    } else if (element !== '')
      problem(cell('questions', r, 'element'), `không có yếu tố "${element}" trong trang elements`, `no element "${element}" in sheet elements`);
    const required = text(r, 'required').toLowerCase();
    if (!['', 'yes', 'no', 'có', 'không'].includes(required))
      problem(cell('questions', r, 'required'), `"${required}" phải là yes hoặc no`, `"${required}" must be yes or no`);
    const scale = text(r, 'scale');
    const relatesTo = text(r, 'relates_to');
    const printedNumber = text(r, 'number');
    const maxLength = number('questions', r, 'max_length', INTEGER);
    return {
      code,
      role: text(r, 'role'),
      type: text(r, 'type'),
      ...(scale ? { scale } : {}),
      text: localized('questions', r, 'text', [...path, 'text']),
      hint: localized('questions', r, 'hint', [...path, 'hint']),
      required: required === 'yes' || required === 'có',
      showIf: showIf('questions', r, [...path, 'showIf']),
      ...(maxLength !== undefined ? { maxLength } : {}),
      ...(relatesTo ? { relatesTo } : {}),
      ...(printedNumber ? { number: printedNumber } : {}),
    };
  });

  const emptyComponents = setting('empty_components', ['aggregation', 'emptyComponents']);
  const input = {
    version: setting('version', ['version']),
    respondentType: setting('respondent_type', ['respondentType']),
    title: settingLocalized('title', ['title']),
    intro: settingLocalized('intro', ['intro']),
    scales,
    questions,
    sections,
    parts,
    elements,
    aggregation: {
      satisfiedValues: values('satisfied_values', ['aggregation', 'satisfiedValues']),
      validValues: values('valid_values', ['aggregation', 'validValues']),
      ...(Object.keys(elementWeights).length > 0 ? { elementWeights } : {}),
      overall: { code: setting('overall_code', ['aggregation', 'overall', 'code']), weights: overallWeights },
      ...(emptyComponents ? { emptyComponents } : {}),
    },
  };
  return {
    input: JSON.parse(JSON.stringify(input)) as Record<string, unknown>,
    problems,
    locate(path) {
      for (let n = path.length; n > 0; n--) {
        const found = where.get(key(path.slice(0, n)));
        if (found) return found;
      }
      return undefined;
    },
  };
}
