/**
 * A questionnaire version as the template's sheets (columns.ts): what the XLSX download holds, and
 * what the template is made of (the 2024 citizens' version, to edit as a working example). Read
 * back (read.ts), the sheets give the same definition; tests/unit/questionnaire/workbook.property.test.ts
 * holds this for generated versions.
 */
import { conditionText } from '../condition-text.ts';
import type { Condition, LocalizedText, QuestionnaireDefinition } from '../definition.ts';
import { GUIDE_SHEET, SETTINGS_KEYS, SHEETS } from './columns.ts';

export type SheetCell = string | number;
export interface DefinitionSheet {
  name: string;
  header: string[];
  rows: SheetCell[][];
}

const both = (text: LocalizedText | undefined): [string, string] => [text?.vi ?? '', text?.en ?? ''];

export function definitionSheets(def: QuestionnaireDefinition): DefinitionSheet[] {
  // Each distinct condition is one named rule, in the order first used.
  const rules = new Map<string, string>();
  const ruleOf = (condition: Condition | undefined): string => {
    if (!condition) return '';
    const text = conditionText(condition);
    if (!rules.has(text)) rules.set(text, `dk_${rules.size + 1}`);
    return rules.get(text)!;
  };
  const sectionOf = new Map(def.sections.flatMap((s) => s.questions.map((q) => [q, s.code] as const)));
  const elementOf = new Map(def.elements.flatMap((e) => e.items.map((q) => [q, e.code] as const)));
  const sectionRows = def.sections.map((s) => [s.code, ...both(s.title), ...both(s.description), ruleOf(s.showIf)]);
  const questionRows = def.questions.map((q) => [
    q.code,
    q.role,
    q.type,
    q.scale ?? '',
    ...both(q.text),
    ...both(q.hint),
    q.required ? 'yes' : 'no',
    ruleOf(q.showIf),
    q.maxLength ?? '',
    q.relatesTo ?? '',
    q.number ?? '',
    sectionOf.get(q.code) ?? '',
    elementOf.get(q.code) ?? '',
  ]);
  const { aggregation } = def;
  const settings: Record<string, SheetCell> = {
    version: def.version,
    respondent_type: def.respondentType,
    title_vi: def.title.vi,
    title_en: def.title.en ?? '',
    intro_vi: def.intro?.vi ?? '',
    intro_en: def.intro?.en ?? '',
    satisfied_values: aggregation.satisfiedValues.join(','),
    valid_values: aggregation.validValues.join(','),
    overall_code: aggregation.overall.code,
    empty_components: aggregation.emptyComponents ?? '',
  };
  const rows: Record<string, SheetCell[][]> = {
    settings: SETTINGS_KEYS.map((k) => [k.name, settings[k.name]]),
    questions: questionRows,
    choices: def.scales.flatMap((s) => s.options.map((o) => [s.code, o.value, ...both(o.label)])),
    skip_rules: [...rules].map(([text, name]) => [name, text, '']),
    sections: sectionRows,
    elements: def.elements.map((e) => [e.code, e.part, ...both(e.label), aggregation.elementWeights?.[e.code] ?? '']),
    parts: def.parts.map((p) => [p.code, ...both(p.label), aggregation.overall.weights[p.code] ?? '']),
  };
  return SHEETS.map((sheet) => ({ name: sheet.name, header: sheet.columns.map((c) => c.name), rows: rows[sheet.name] }));
}

/** The "Hướng dẫn" sheet: every sheet, column and setting, what it means, an example. */
export function guideSheet(): DefinitionSheet {
  const rows: SheetCell[][] = [];
  for (const sheet of SHEETS) {
    rows.push([sheet.name, '', '', sheet.vi, sheet.en, '']);
    for (const c of sheet.columns) rows.push([sheet.name, c.name, c.required ? 'có / yes' : 'không / no', c.vi, c.en, c.example]);
    if (sheet.name === 'settings')
      for (const k of SETTINGS_KEYS) rows.push(['settings', `key = ${k.name}`, k.required ? 'có / yes' : 'không / no', k.vi, k.en, k.example]);
  }
  return {
    name: GUIDE_SHEET,
    header: ['trang / sheet', 'cột / column', 'bắt buộc / required', 'ý nghĩa', 'meaning', 'ví dụ / example'],
    rows,
  };
}
