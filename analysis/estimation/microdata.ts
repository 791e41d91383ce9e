/**
 * Microdata: one row per response, in the platform's exchange format (the microdata CSV):
 * `response_id, round, province, district, commune, stratum, psu, weight`, profile columns, then one
 * column per satisfaction item with `1`–`5`, empty for missing and `NA` for not applicable.
 * Columns named after an opinion or expectation question hold its option values (several options
 * of a multiple-choice question separated by `;`).
 *
 * Held column by column, with answers coded as small integers, because estimation runs over a
 * million rows at once.
 */
import { strictNumber } from './numbers.ts';
import type { EstimationPlan } from './variables.ts';

export const DESIGN_COLUMNS = ['response_id', 'round', 'province', 'district', 'commune', 'stratum', 'psu', 'weight'] as const;
export const NOT_APPLICABLE = 'NA';
export const MULTI_SEPARATOR = ';';
/** A coded answer that is missing or not applicable; for multiple choice the empty set, 0. */
export const UNANSWERED = -1;

export interface Microdata {
  size: number;
  responseIds: string[];
  /** Every column that is not an answer, as text: design columns and profile columns. */
  text: Map<string, string[]>;
  /** The `weight` column; NaN where it was empty (a frame may supply design weights instead). */
  weights: Float64Array;
  /** Per variable of the plan: the category index per row (−1 unanswered); multi: a bit mask (0 unanswered). */
  codes: Int32Array[];
  /** Per variable of the plan: whether the file has its column. */
  present: boolean[];
  /** The plan's variable codes, in the order of `codes` (absent: the order of the questionnaire analysed). */
  variables?: string[];
}

export interface RowProblem {
  /** Line in the file, the header being line 1. */
  row: number;
  column: string;
  value: string;
  reason: string;
}

export interface ParsedMicrodata {
  data: Microdata;
  /** Problems that make the data unusable: design columns and satisfaction items. */
  problems: RowProblem[];
  /** Option-question columns left out because they hold values that are not options of the question. */
  warnings: string[];
}

const MAX_PROBLEMS = 1000;

/**
 * Reads rows (header first) into microdata, listing every problem found (up to a thousand).
 * `lines`: each row's line in the file (rows may span lines, and empty lines are skipped); by
 * default row r is on line r + 2.
 *
 * Refused: a header naming a column twice or leaving a name empty; a row without stratum or PSU
 * (a design without clusters gives each row its own PSU, e.g. its response id), or without
 * province where the file has that column; a weight that is not a plain positive decimal number
 * (numbers.ts); an answer off the scale; a missing or repeated response id.
 */
export function readMicrodata(header: readonly string[], rows: readonly (readonly string[])[], plan: EstimationPlan, lines?: readonly number[]): ParsedMicrodata {
  const problems: RowProblem[] = [];
  const report = (problem: RowProblem) => {
    if (problems.length < MAX_PROBLEMS) problems.push(problem);
  };
  const names = header.map((name) => name.trim());
  const counted = new Map<string, number>();
  names.forEach((name) => counted.set(name, (counted.get(name) ?? 0) + 1));
  for (const [name, count] of counted) {
    if (name === '') report({ row: 1, column: '', value: '', reason: 'tên cột trống / a column has no name' });
    else if (count > 1) report({ row: 1, column: name, value: String(count), reason: `tên cột lặp lại ${count} lần / the column name appears ${count} times` });
  }
  const position = new Map(names.map((name, i) => [name, i]));
  for (const required of ['response_id', 'stratum', 'psu'] as const) {
    if (!position.has(required)) report({ row: 1, column: required, value: '', reason: 'thiếu cột bắt buộc / required column is missing' });
  }
  for (const variable of plan.variables.slice(0, plan.itemCount)) {
    if (!position.has(variable.code)) report({ row: 1, column: variable.code, value: '', reason: 'thiếu cột của câu hỏi trong phiếu / the questionnaire item has no column' });
  }

  const size = rows.length;
  const variableCodes = new Set(plan.variables.map((v) => v.code));
  const textColumns = header.map((h) => h.trim()).filter((h) => !variableCodes.has(h) && h !== 'weight');
  const text = new Map(textColumns.map((name) => [name, new Array<string>(size)]));
  const textSlots = textColumns.map((name) => ({ column: text.get(name)!, at: position.get(name)! }));
  const weights = new Float64Array(size);
  const weightAt = position.get('weight');
  const codes = plan.variables.map(() => new Int32Array(size).fill(UNANSWERED));
  const answerSlots = plan.variables.map((variable, j) => ({
    variable,
    at: position.get(variable.code),
    codes: codes[j],
    lookup: new Map(variable.categories.map((value, k) => [String(value), k])),
  }));
  const seen = new Set<string>();
  // An option column is extra information: one that does not fit the questionnaire's options is
  // left out (and said so) rather than making the whole file unusable.
  const unfit = new Map<string, { line: number; value: string }>();
  const optionProblem = (code: string, line: number, value: string) => {
    if (!unfit.has(code)) unfit.set(code, { line, value });
  };

  const designSlots = (['stratum', 'psu', 'province'] as const).flatMap((name) => (position.has(name) ? [{ name, at: position.get(name)! }] : []));
  for (let r = 0; r < size; r++) {
    const row = rows[r];
    const line = lines?.[r] ?? r + 2;
    if (row.length !== header.length) {
      report({ row: line, column: '', value: String(row.length), reason: `số cột khác dòng tiêu đề (${header.length}) / wrong number of columns` });
      continue;
    }
    for (const slot of textSlots) slot.column[r] = row[slot.at].trim().normalize('NFC');
    for (const { name, at } of designSlots) {
      if (row[at].trim() === '') report({ row: line, column: name, value: '', reason: 'trống: mỗi dòng cần tầng, PSU và tỉnh / empty: every row needs its stratum, PSU and province' });
    }
    if (weightAt === undefined || row[weightAt].trim() === '') weights[r] = Number.NaN;
    else {
      const weight = strictNumber(row[weightAt]);
      if ('reason' in weight) report({ row: line, column: 'weight', value: row[weightAt], reason: `trọng số / weight: ${weight.reason}` });
      weights[r] = 'value' in weight ? weight.value : Number.NaN;
    }
    for (const slot of answerSlots) {
      if (slot.at === undefined) continue;
      const raw = row[slot.at].trim();
      if (raw === '' || raw === NOT_APPLICABLE) continue;
      if (slot.variable.kind === 'multi') {
        let mask = 0;
        for (const part of raw.split(MULTI_SEPARATOR)) {
          const k = slot.lookup.get(part.trim());
          if (k === undefined) optionProblem(slot.variable.code, line, raw);
          else mask |= 1 << k;
        }
        slot.codes[r] = mask;
        continue;
      }
      const k = slot.lookup.get(raw);
      if (k !== undefined) slot.codes[r] = k;
      else if (slot.variable.kind === 'rating') report({ row: line, column: slot.variable.code, value: raw, reason: 'giá trị ngoài thang đo / value off the scale' });
      else optionProblem(slot.variable.code, line, raw);
    }
  }
  const ids = text.get('response_id') ?? [];
  for (let r = 0; r < size; r++) {
    if (ids[r] === undefined) continue;
    if (ids[r] === '') report({ row: lines?.[r] ?? r + 2, column: 'response_id', value: '', reason: 'thiếu mã phiếu / the response id is empty' });
    else if (seen.has(ids[r])) report({ row: lines?.[r] ?? r + 2, column: 'response_id', value: ids[r], reason: 'mã phiếu bị trùng / duplicate response id' });
    seen.add(ids[r]);
  }
  const present = answerSlots.map((slot) => slot.at !== undefined && !unfit.has(slot.variable.code));
  const warnings = [...unfit].map(([code, { line, value }]) =>
    `cột ${code} bị bỏ qua: dòng ${line} có "${value}", không phải lựa chọn của câu hỏi / column ${code} left out: line ${line} has "${value}", not an option of the question`);
  return { data: { size, responseIds: ids, text, weights, codes, present, variables: plan.variables.map((v) => v.code) }, problems, warnings };
}

/** A text column, or a column of empty strings when the file has none. */
export function textColumn(data: Microdata, name: string): string[] {
  return data.text.get(name) ?? new Array<string>(data.size).fill('');
}
