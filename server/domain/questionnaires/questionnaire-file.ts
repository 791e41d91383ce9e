/**
 * A questionnaire version as an admin uploads it: the JSON of a definition, or the XLSX template
 * (analysis/questionnaire/workbook/). Everything is checked — the schema, the consistency checks,
 * what the template can express — and every problem is reported at once, where it is: sheet, row
 * and column for a workbook, the JSON path for JSON. Nothing is stored from a file with a problem.
 */
import { isUtf8 } from 'node:buffer';
import { type DefinitionPath, consistencyProblems } from '../../../analysis/questionnaire/consistency.ts';
import { QuestionnaireDefinition } from '../../../analysis/questionnaire/definition.ts';
import { formatIssue } from '../../../analysis/questionnaire/issue-messages.ts';
import { SHEETS } from '../../../analysis/questionnaire/workbook/columns.ts';
import { normalFormProblems } from '../../../analysis/questionnaire/workbook/normal-form.ts';
import { type CellLocation, definitionFromSheets } from '../../../analysis/questionnaire/workbook/read.ts';
import { problems } from '../../error-catalogue.ts';
import { fileProblem, rowProblem, type RowProblem } from '../../errors.ts';
import { readWorkbook } from '../../files/read-workbook.ts';
import { strictSchema } from '../../validation.ts';
import { uploadLimits } from '../../files/tables.ts';

const limits = uploadLimits.questionnaire;
const isZip = (bytes: Buffer) => bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

/** Every string in NFC, as all Vietnamese text is stored and compared. */
function nfc(value: unknown, depth = 0): unknown {
  if (depth > 40) return value;
  if (typeof value === 'string') return value.normalize('NFC');
  if (Array.isArray(value)) return value.map((v) => nfc(v, depth + 1));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k.normalize('NFC'), nfc(v, depth + 1)]));
  return value;
}

/** A field the definition does not know (a misspelt "requried") is a problem, not something silently dropped. */
const strictDefinition = strictSchema(QuestionnaireDefinition);

const jsonPath = (path: DefinitionPath) => path.map(String).join('.');

type Locate = (path: DefinitionPath) => CellLocation | undefined;

function problemAt(path: DefinitionPath, vi: string, en: string, locate?: Locate, value?: unknown): RowProblem {
  const at = locate?.(path);
  const shown = at?.value ?? (value === undefined ? '' : typeof value === 'string' ? value : (JSON.stringify(value) ?? ''));
  if (at) return { sheet: at.sheet, ...rowProblem(at.row, at.column, shown, vi, en) };
  // In no cell (a JSON file, or a list that is empty): the JSON path says where.
  return rowProblem(0, jsonPath(path), shown, vi, en);
}

function valueAt(input: unknown, path: DefinitionPath): unknown {
  let value = input;
  for (const key of path) value = value && typeof value === 'object' ? (value as Record<string | number, unknown>)[key] : undefined;
  return value;
}

/** Checks a definition; with `locate`, problems point at the cells it came from. Throws every problem, or returns the definition. */
export function checkedDefinition(input: unknown, locate?: Locate, earlier: RowProblem[] = []): QuestionnaireDefinition {
  const parsed = strictDefinition.safeParse(nfc(input));
  const found = [...earlier];
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.filter((k): k is string | number => typeof k !== 'symbol');
      found.push(problemAt(path, formatIssue(issue, 'vi'), formatIssue(issue, 'en'), locate, valueAt(input, path)));
    }
  } else {
    for (const p of [...consistencyProblems(parsed.data), ...normalFormProblems(parsed.data)])
      found.push(problemAt(p.path, p.vi, p.en, locate, valueAt(parsed.data, p.path)));
  }
  if (found.length > 0 || !parsed.success) throw fileProblem(problems.questionnaireRejected({ count: found.length }), found);
  return parsed.data;
}

const SHEET_SPECS = SHEETS.map((s) => ({ name: s.name, required: s.columns.filter((c) => c.required).map((c) => c.name), mayBeEmpty: s.mayBeEmpty }));

/** An uploaded file: the template (XLSX), or JSON (parsed already when sent as application/json). */
export async function questionnaireFromUpload(body: unknown): Promise<QuestionnaireDefinition> {
  if (Buffer.isBuffer(body) && isZip(body)) {
    const sheets = await readWorkbook(body, limits, SHEET_SPECS);
    const read = definitionFromSheets(new Map([...sheets].map(([name, table]) => [name, table.rows])));
    const earlier = read.problems.map((p) => ({ sheet: p.sheet, ...rowProblem(p.row, p.column, p.value, p.vi, p.en) }));
    return checkedDefinition(read.input, read.locate, earlier);
  }
  if (Buffer.isBuffer(body)) {
    if (body.length > limits.bytes) throw problems.bodyTooLarge();
    if (!isUtf8(body)) throw problems.invalidUtf8();
    let json: unknown;
    try {
      json = JSON.parse(body.toString('utf8'));
    } catch {
      throw problems.malformedJson();
    }
    return checkedDefinition(json);
  }
  return checkedDefinition(body);
}
