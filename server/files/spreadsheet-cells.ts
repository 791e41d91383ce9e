/**
 * The one rule every CSV and XLSX cell the platform writes goes through (OWASP "CSV injection",
 * CWE-1236): a spreadsheet runs a cell that begins with `=`, `+`, `-` or `@` as a formula (and
 * skips a leading tab or line break to find one), so such text is written with a leading `'`,
 * which makes it plain text. A number stays a number: a JavaScript number is written as such, and
 * text that is exactly a decimal number (`-3.5`, `+2`, `1e-3`) is left alone, since a spreadsheet
 * reads it as that number and nothing else. Everything the writers in this folder emit passes here.
 */
export type CellValue = string | number | boolean | null | undefined;

/** What a spreadsheet would take as the start of a formula, or skip on its way to one. */
const FORMULA_START = /^[=+\-@\t\r\n\u0000\uFF1D\uFF0B\uFF0D\uFF20]/;
const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

export function isFormulaLike(text: string): boolean {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text);
}

/** Text that a spreadsheet will show as text. */
export function neutralisedText(text: string): string {
  return isFormulaLike(text) ? `'${text}` : text;
}

/** A cell as it is written: numbers as numbers (finite ones), text neutralised, nothing as empty. */
export function spreadsheetCell(value: CellValue): string | number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (typeof value === 'boolean') return String(value);
  return neutralisedText(value);
}
