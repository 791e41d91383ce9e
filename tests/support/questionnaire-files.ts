/**
 * Questionnaire files for tests and journeys: a version as the XLSX template (the same writer the
 * download uses), with cells changed on the way — to make a file with deliberate mistakes, or a new
 * version from the seeded 2024 one.
 */
import type { QuestionnaireDefinition, QuestionnaireInput } from '../../analysis/questionnaire/definition.ts';
import { type DefinitionSheet, definitionSheets, guideSheet } from '../../analysis/questionnaire/workbook/write.ts';
import { seededQuestionnaire } from '../../db/seed/questionnaires/index.ts';
import { writeXlsx } from '../../server/files/tables.ts';

/** One cell to change: the sheet, the data row (1 = the first row under the header, i.e. spreadsheet row 2), the column, the new text. */
export interface CellEdit {
  sheet: string;
  /** Finds the row by the text of its first column (a question code, a settings key…). */
  rowKey: string;
  column: string;
  value: string | number;
}

export function editedSheets(def: QuestionnaireDefinition, edits: readonly CellEdit[] = []): DefinitionSheet[] {
  const sheets = definitionSheets(def);
  for (const edit of edits) {
    const sheet = sheets.find((s) => s.name === edit.sheet);
    if (!sheet) throw new Error(`no sheet ${edit.sheet}`);
    const row = sheet.rows.find((r) => String(r[0]) === edit.rowKey);
    const column = sheet.header.indexOf(edit.column);
    if (!row || column < 0) throw new Error(`no cell ${edit.sheet}!${edit.rowKey}/${edit.column}`);
    row[column] = edit.value;
  }
  return sheets;
}

/** The spreadsheet row (header = 1) of the data row whose first cell is `rowKey`. */
export function spreadsheetRow(def: QuestionnaireDefinition, sheet: string, rowKey: string): number {
  const rows = definitionSheets(def).find((s) => s.name === sheet)!.rows;
  return rows.findIndex((r) => String(r[0]) === rowKey) + 2;
}

export async function questionnaireXlsx(def: QuestionnaireDefinition, edits: readonly CellEdit[] = []): Promise<Buffer> {
  return writeXlsx([guideSheet(), ...editedSheets(def, edits)]);
}

/** The seeded 2024 citizens' version under another code (and optionally other wording): a new version to upload. */
export function newVersionFrom2024(version: string, changes: Partial<QuestionnaireInput> = {}): QuestionnaireDefinition {
  return { ...seededQuestionnaire('2024')!, version, ...changes } as QuestionnaireDefinition;
}
