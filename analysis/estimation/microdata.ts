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
export function readMicrodata(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  plan: EstimationPlan,
  lines?: readonly number[],
): ParsedMicrodata {
  const reader = new MicrodataReader(header, plan, rows.length);
  for (let r = 0; r < rows.length; r++) reader.add(rows[r], lines?.[r] ?? r + 2);
  return reader.finish();
}

const MAX_DISTINCT_KEPT = 10_000;
const NOT_ASCII = /[^\x00-\x7f]/;
/** Vietnamese text in NFC; ASCII (most codes) is already. */
const nfc = (text: string) => (NOT_ASCII.test(text) ? text.normalize('NFC') : text);

/** A growable column of float64 or int32 values. */
function grown<T extends Float64Array | Int32Array>(column: T, capacity: number, fill: number): T {
  const larger = new (column.constructor as new (n: number) => T)(capacity);
  larger.set(column);
  larger.fill(fill, column.length);
  return larger;
}

/** Not a one-character category: the answer is read the long way. */
const UNKNOWN = -2;

interface AnswerSlot {
  variable: EstimationPlan['variables'][number];
  at: number | undefined;
  codes: Int32Array;
  lookup: Map<string, number>;
  /** Per ASCII character: the code of the answer written as that one character (a category), or UNKNOWN. */
  byChar: Int32Array;
  /** Longer answers coded before without a problem (options, sets of options), by hashOf: text and code. */
  known: Map<number, { answer: string; code: number }>;
}

/** Answers of a column remembered by their text at most (a set of nine options has 512 forms). */
const MAX_KNOWN_ANSWERS = 1024;

/**
 * The codes of the answers written as one ASCII character: a category's index (multiple choice: the
 * set of that one option). Not a blank: a blank answer is trimmed to empty.
 */
function byCharacter(variable: EstimationPlan['variables'][number], lookup: ReadonlyMap<string, number>): Int32Array {
  const out = new Int32Array(128).fill(UNKNOWN);
  for (const [text, k] of lookup) {
    if (text.length === 1 && text.charCodeAt(0) < 128 && text.trim() !== '') out[text.charCodeAt(0)] = variable.kind === 'multi' ? 1 << k : k;
  }
  return out;
}

interface TextSlot {
  column: string[];
  at: number;
  /**
   * Codes repeat (a district's code on every row of it): one string of each value is kept, so the
   * rows read do not each hold their own copies. A column of unique values (response ids) stops early.
   */
  distinct: Map<string, string> | undefined;
  /** The kept values that are ASCII without blanks at their ends, by hashOf: a span's string found without making one. */
  byHash: Map<number, string> | undefined;
}

/** Hashes are kept below 2^30, where the engine holds a number in the Map's key itself (a larger one is an object made per lookup). */
const SMALL_INTEGER = 0x3fffffff;

/** A hash of text[start, end) if it is all ASCII, else undefined. */
function hashOf(text: string, start: number, end: number): number | undefined {
  let hash = 0;
  for (let i = start; i < end; i++) {
    const char = text.charCodeAt(i);
    if (char >= 128) return undefined;
    hash = (Math.imul(hash, 31) + char) | 0;
  }
  return hash & SMALL_INTEGER;
}

/** 10^k for k = 0…15, each exact. */
const POWERS_OF_TEN = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/**
 * text[start, end) as a number if it is a positive decimal of digits with at most one point between
 * digits, fifteen digits at most (`207.5250`), else undefined (strictNumber then reads it and says
 * what is wrong). The same number as strictNumber's Number(): the digits as an integer and 10^k are
 * exact below 2^53, and their quotient is rounded once, as the decimal is.
 */
function plainDecimal(text: string, start: number, end: number): number | undefined {
  let mantissa = 0;
  let digits = 0;
  let decimals = -1;
  for (let i = start; i < end; i++) {
    const char = text.charCodeAt(i);
    if (char >= 48 && char <= 57) {
      mantissa = mantissa * 10 + (char - 48);
      digits++;
      if (decimals >= 0) decimals++;
    } else if (char === 46 && decimals < 0 && digits > 0) decimals = 0;
    else return undefined;
  }
  if (digits === 0 || digits > 15 || decimals === 0 || mantissa === 0) return undefined;
  return decimals > 0 ? mantissa / POWERS_OF_TEN[decimals] : mantissa;
}

/** Whether a character is neither a blank (which trim() removes) nor beyond ASCII. */
const SOLID = (char: number) => char > 32 && char < 128;
const COMMA = 0x2c;

/**
 * readMicrodata one row at a time, as a file is parsed: each row goes straight into the columns
 * (answers coded into typed arrays), so a file of a million rows is never held as a million arrays
 * of strings. `capacity`: the expected number of rows (the columns grow past it).
 */
export class MicrodataReader {
  private readonly problems: RowProblem[] = [];
  private readonly header: readonly string[];
  private readonly plan: EstimationPlan;
  private size = 0;
  private capacity: number;
  private readonly text: Map<string, string[]>;
  private readonly textSlots: TextSlot[];
  private weights: Float64Array;
  private readonly weightAt: number | undefined;
  private readonly answerSlots: AnswerSlot[];
  private readonly designSlots: Array<{ name: 'stratum' | 'psu' | 'province'; at: number }>;
  private readonly lines: number[] = [];
  /** Per column of the header: the index of its answer slot, or −1 (addLine). */
  private readonly answerOfColumn: Int32Array;
  /** Per column of the header × ASCII character: the code of an answer written as that character (byChar), else UNKNOWN. */
  private readonly codeOfCharacter: Int32Array;
  /** Per column of the header: its answer slot's codes (empty for other columns). */
  private readonly codesOfColumn: Int32Array[];
  /** A line's fields as spans (addLine), and the answer slots it left to codeSpan, in slot order. */
  private readonly bounds: Int32Array;
  private readonly pending: Int32Array;
  /**
   * An option column is extra information: one that does not fit the questionnaire's options is
   * left out (and said so) rather than making the whole file unusable.
   */
  private readonly unfit = new Map<string, { line: number; value: string }>();

  /**
   * `keepText`: the columns other than answers and weight that are kept as text (response_id always;
   * all when not given) — what is not read is not checked either, but only design columns are.
   */
  constructor(header: readonly string[], plan: EstimationPlan, capacity = 1024, keepText?: ReadonlySet<string>) {
    this.header = header;
    this.plan = plan;
    this.capacity = Math.max(1, capacity);
    const names = header.map((name) => name.trim());
    const counted = new Map<string, number>();
    names.forEach((name) => counted.set(name, (counted.get(name) ?? 0) + 1));
    for (const [name, count] of counted) {
      if (name === '') this.report({ row: 1, column: '', value: '', reason: 'tên cột trống / a column has no name' });
      else if (count > 1)
        this.report({ row: 1, column: name, value: String(count), reason: `tên cột lặp lại ${count} lần / the column name appears ${count} times` });
    }
    const position = new Map(names.map((name, i) => [name, i]));
    for (const required of ['response_id', 'stratum', 'psu'] as const) {
      if (!position.has(required)) this.report({ row: 1, column: required, value: '', reason: 'thiếu cột bắt buộc / required column is missing' });
    }
    for (const variable of plan.variables.slice(0, plan.itemCount)) {
      if (!position.has(variable.code))
        this.report({ row: 1, column: variable.code, value: '', reason: 'thiếu cột của câu hỏi trong phiếu / the questionnaire item has no column' });
    }
    const variableCodes = new Set(plan.variables.map((v) => v.code));
    const kept = (name: string) => keepText === undefined || keepText.has(name) || name === 'response_id';
    // A profile column is both: its shares are estimated, and results are grouped and raked by it.
    const profileCodes = new Set(plan.variables.filter((v) => v.profile).map((v) => v.code));
    const textColumns = names.filter((h) => (!variableCodes.has(h) || profileCodes.has(h)) && h !== 'weight' && kept(h));
    this.text = new Map(textColumns.map((name) => [name, [] as string[]]));
    this.textSlots = textColumns.map((name) => ({ column: this.text.get(name)!, at: position.get(name)!, distinct: new Map(), byHash: new Map() }));
    this.weights = new Float64Array(this.capacity);
    this.weightAt = position.get('weight');
    this.answerSlots = plan.variables.map((variable) => {
      const lookup = new Map(variable.categories.map((value, k) => [String(value), k]));
      return {
        variable,
        at: position.get(variable.code),
        codes: new Int32Array(this.capacity).fill(UNANSWERED),
        lookup,
        byChar: byCharacter(variable, lookup),
        known: new Map(),
      };
    });
    this.answerOfColumn = new Int32Array(header.length).fill(-1);
    this.codeOfCharacter = new Int32Array(header.length * 128).fill(UNKNOWN);
    this.codesOfColumn = header.map(() => new Int32Array(0));
    this.answerSlots.forEach((slot, j) => {
      if (slot.at === undefined) return;
      this.answerOfColumn[slot.at] = j;
      this.codeOfCharacter.set(slot.byChar, slot.at * 128);
      // A comma ends a field: never an answer (an empty one is not coded).
      this.codeOfCharacter[slot.at * 128 + COMMA] = UNKNOWN;
      this.codesOfColumn[slot.at] = slot.codes;
    });
    this.bounds = new Int32Array(header.length + 1);
    this.pending = new Int32Array(this.answerSlots.length);
    this.designSlots = (['stratum', 'psu', 'province'] as const).flatMap((name) => (position.has(name) ? [{ name, at: position.get(name)! }] : []));
  }

  private report(problem: RowProblem): void {
    if (this.problems.length < MAX_PROBLEMS) this.problems.push(problem);
  }

  /** The next row, found on `line` of the file. */
  add(row: readonly string[], line: number): void {
    if (row.length !== this.header.length) {
      this.report({ row: line, column: '', value: String(row.length), reason: `số cột khác dòng tiêu đề (${this.header.length}) / wrong number of columns` });
      return;
    }
    const r = this.fill(
      line,
      (at) => row[at],
      (slot) => this.kept(slot, nfc(row[slot.at].trim())),
      (at) => row[at].trim() === '',
      () => undefined,
    );
    for (const slot of this.answerSlots) if (slot.at !== undefined) this.code(slot, r, line, row[slot.at].trim());
  }

  /**
   * The next row as its line `text[start, end)` of a plain file (cli/plain-csv.ts: no quotes, so the
   * fields lie between commas). The same as `add` with the line's fields, without making a string of
   * each: an answer written as one character of the scale (most of a file) is coded as the line is
   * split, and an empty answer, `NA`, a repeated code or option set is read where it stands.
   * False, having added nothing, when the line has not the header's number of fields.
   */
  addLine(text: string, start: number, end: number, line: number): boolean {
    const bounds = this.bounds;
    const fields = bounds.length - 1;
    const answerOf = this.answerOfColumn;
    const slots = this.answerSlots;
    const pending = this.pending;
    const r = this.size;
    if (r === this.capacity) this.grow();
    const byCharacter = this.codeOfCharacter;
    const codesOf = this.codesOfColumn;
    let waiting = 0;
    let i = start;
    for (let f = 0; f < fields; f++) {
      bounds[f] = i;
      let e = i;
      if (i < end) {
        const char = text.charCodeAt(i);
        const k = char < 128 && (i + 1 === end || text.charCodeAt(i + 1) === COMMA) ? byCharacter[(f << 7) | char] : UNKNOWN;
        if (k >= 0) {
          codesOf[f][r] = k;
          e = i + 1;
        } else if (char !== COMMA) {
          while (e < end && text.charCodeAt(e) !== COMMA) e++;
          const j = answerOf[f];
          if (j >= 0) {
            // Kept in slot order, as `add` codes them (problems are reported in that order).
            let p = waiting++;
            for (; p > 0 && pending[p - 1] > j; p--) pending[p] = pending[p - 1];
            pending[p] = j;
          }
        }
      }
      if (f < fields - 1 ? e === end : e !== end) {
        for (const slot of slots) slot.codes[r] = UNANSWERED;
        return false;
      }
      i = e + 1;
    }
    bounds[fields] = end + 1;
    this.fillSpans(text, bounds, line);
    for (let p = 0; p < waiting; p++) {
      const slot = slots[pending[p]];
      const at = slot.at!;
      this.codeSpan(slot, r, line, text, bounds[at], bounds[at + 1] - 1);
    }
    return true;
  }

  /** Codes the answer text[start, end) — not empty — of row r the long way, remembering answers coded without a problem. */
  private codeSpan(slot: AnswerSlot, r: number, line: number, text: string, start: number, end: number): void {
    const length = end - start;
    if (length === 2 && text.startsWith(NOT_APPLICABLE, start)) return;
    const hash = SOLID(text.charCodeAt(start)) && SOLID(text.charCodeAt(end - 1)) ? hashOf(text, start, end) : undefined;
    const known = hash === undefined ? undefined : slot.known.get(hash);
    if (known !== undefined && known.answer.length === length && text.startsWith(known.answer, start)) {
      slot.codes[r] = known.code;
      return;
    }
    const answer = text.slice(start, end).trim();
    const problems = this.problems.length + this.unfit.size;
    this.code(slot, r, line, answer);
    // Remembered only when coded without a problem: a problem is reported on every row that has it.
    if (hash !== undefined && known === undefined && slot.known.size < MAX_KNOWN_ANSWERS && this.problems.length + this.unfit.size === problems)
      slot.known.set(hash, { answer, code: slot.codes[r] });
  }

  /** Doubles the columns' capacity. */
  private grow(): void {
    this.capacity *= 2;
    this.weights = grown(this.weights, this.capacity, 0);
    for (const slot of this.answerSlots) {
      slot.codes = grown(slot.codes, this.capacity, UNANSWERED);
      if (slot.at !== undefined) this.codesOfColumn[slot.at] = slot.codes;
    }
  }

  /** fill for a row given as spans of `text` (field i: `text.slice(bounds[i], bounds[i + 1] - 1)`), without a function per field. */
  private fillSpans(text: string, bounds: Int32Array, line: number): number {
    const r = this.size++;
    if (r === this.capacity) this.grow();
    this.lines.push(line);
    const textSlots = this.textSlots;
    for (let t = 0; t < textSlots.length; t++) {
      const slot = textSlots[t];
      slot.column.push(this.spanText(slot, text, bounds[slot.at], bounds[slot.at + 1] - 1));
    }
    const designSlots = this.designSlots;
    for (let d = 0; d < designSlots.length; d++) {
      const at = designSlots[d].at;
      const start = bounds[at];
      const end = bounds[at + 1] - 1;
      if (start === end || (!SOLID(text.charCodeAt(start)) && text.slice(start, end).trim() === ''))
        this.report({
          row: line,
          column: designSlots[d].name,
          value: '',
          reason: 'trống: mỗi dòng cần tầng, PSU và tỉnh / empty: every row needs its stratum, PSU and province',
        });
    }
    const weightAt = this.weightAt;
    const quick = weightAt === undefined ? undefined : plainDecimal(text, bounds[weightAt], bounds[weightAt + 1] - 1);
    if (quick !== undefined) {
      this.weights[r] = quick;
      return r;
    }
    this.weighRow(r, line, weightAt === undefined ? '' : text.slice(bounds[weightAt], bounds[weightAt + 1] - 1));
    return r;
  }

  /**
   * Starts row r (returned) of the header's length, its fields given by `field(column)`: its text
   * columns (`text`: a text column's value, trimmed and in NFC), design columns (`blank`: whether a
   * field is blank) and weight; the answers are coded by the caller.
   */
  private fill(
    line: number,
    field: (at: number) => string,
    text: (slot: TextSlot) => string,
    blank: (at: number) => boolean,
    /** The weight where it can be read without a string (plainDecimal), else undefined. */
    quickNumber: (at: number) => number | undefined,
  ): number {
    const r = this.size++;
    if (r === this.capacity) this.grow();
    this.lines.push(line);
    for (const slot of this.textSlots) slot.column.push(text(slot));
    for (const { name, at } of this.designSlots) {
      if (blank(at))
        this.report({
          row: line,
          column: name,
          value: '',
          reason: 'trống: mỗi dòng cần tầng, PSU và tỉnh / empty: every row needs its stratum, PSU and province',
        });
    }
    const weightAt = this.weightAt;
    const quick = weightAt === undefined ? undefined : quickNumber(weightAt);
    if (quick !== undefined) {
      this.weights[r] = quick;
      return r;
    }
    this.weighRow(r, line, weightAt === undefined ? '' : field(weightAt));
    return r;
  }

  /** Row r's weight from its text (NaN where empty), its problem reported. */
  private weighRow(r: number, line: number, weightText: string): void {
    if (weightText.trim() === '') this.weights[r] = Number.NaN;
    else {
      const weight = strictNumber(weightText);
      if ('reason' in weight) this.report({ row: line, column: 'weight', value: weightText, reason: `trọng số / weight: ${weight.reason}` });
      this.weights[r] = 'value' in weight ? weight.value : Number.NaN;
    }
  }

  /** The one string kept for a text column's value. */
  private kept(slot: TextSlot, value: string): string {
    if (slot.distinct === undefined) return value;
    const kept = slot.distinct.get(value);
    if (kept !== undefined) return kept;
    slot.distinct.set(value, value);
    if (slot.distinct.size > MAX_DISTINCT_KEPT) {
      slot.distinct = undefined;
      slot.byHash = undefined;
    } else if (value !== '' && SOLID(value.charCodeAt(0)) && SOLID(value.charCodeAt(value.length - 1))) {
      const hash = hashOf(value, 0, value.length);
      if (hash !== undefined && !slot.byHash!.has(hash)) slot.byHash!.set(hash, value);
    }
    return value;
  }

  /** kept(slot, nfc(text.slice(start, end).trim())), found without a new string where the value was seen before. */
  private spanText(slot: TextSlot, text: string, start: number, end: number): string {
    const byHash = slot.byHash;
    if (end > start && SOLID(text.charCodeAt(start)) && SOLID(text.charCodeAt(end - 1))) {
      const hash = hashOf(text, start, end);
      // A column of unique values (response ids) keeps each as it is: ASCII without blanks at its ends is trimmed and in NFC already.
      if (slot.distinct === undefined && hash !== undefined) return text.slice(start, end);
      const kept = hash === undefined || byHash === undefined ? undefined : byHash.get(hash);
      if (kept !== undefined && kept.length === end - start && text.startsWith(kept, start)) return kept;
    }
    return this.kept(slot, nfc(text.slice(start, end).trim()));
  }

  /** Codes one answer (trimmed) of row r into its slot. */
  private code(slot: AnswerSlot, r: number, line: number, raw: string): void {
    if (raw === '' || raw === NOT_APPLICABLE) return;
    if (slot.variable.kind === 'multi') {
      let mask = 0;
      for (const part of raw.split(MULTI_SEPARATOR)) {
        const k = slot.lookup.get(part.trim());
        if (k === undefined) this.optionProblem(slot.variable.code, line, raw);
        else mask |= 1 << k;
      }
      slot.codes[r] = mask;
      return;
    }
    const k = slot.lookup.get(raw);
    if (k !== undefined) slot.codes[r] = k;
    else if (slot.variable.kind === 'rating')
      this.report({ row: line, column: slot.variable.code, value: raw, reason: 'giá trị ngoài thang đo / value off the scale' });
    else this.optionProblem(slot.variable.code, line, raw);
  }

  private optionProblem(code: string, line: number, value: string): void {
    if (!this.unfit.has(code)) this.unfit.set(code, { line, value });
  }

  /** The microdata read, with every problem and warning (problems make it unusable). */
  finish(): ParsedMicrodata {
    const size = this.size;
    const ids = this.text.get('response_id') ?? [];
    const repeated = repeatedValues(ids);
    for (let r = 0; r < ids.length; r++) {
      if (ids[r] === '') this.report({ row: this.lines[r], column: 'response_id', value: '', reason: 'thiếu mã phiếu / the response id is empty' });
      else if (repeated[r] === 1)
        this.report({ row: this.lines[r], column: 'response_id', value: ids[r], reason: 'mã phiếu bị trùng / duplicate response id' });
    }
    const present = this.answerSlots.map((slot) => slot.at !== undefined && !this.unfit.has(slot.variable.code));
    const warnings = [...this.unfit].map(
      ([code, { line, value }]) =>
        `cột ${code} bị bỏ qua: dòng ${line} có "${value}", không phải lựa chọn của câu hỏi / column ${code} left out: line ${line} has "${value}", not an option of the question`,
    );
    const codes = this.answerSlots.map((slot) => slot.codes.subarray(0, size));
    const data: Microdata = {
      size,
      responseIds: ids,
      text: this.text,
      weights: this.weights.subarray(0, size),
      codes,
      present,
      variables: this.plan.variables.map((v) => v.code),
    };
    return { data, problems: this.problems, warnings };
  }
}

/**
 * Per value: 1 where an earlier value is the same. As a Set of the strings would say, at a fraction of
 * its cost for 200,000 ids (no growing table, no string hashed by the engine): an open-addressing
 * table of row numbers by a hash of the characters, equal hashes compared as strings.
 */
function repeatedValues(values: readonly string[]): Uint8Array {
  const repeated = new Uint8Array(values.length);
  let bits = 4;
  while (1 << bits < 2 * values.length) bits++;
  const mask = (1 << bits) - 1;
  const table = new Int32Array(mask + 1);
  for (let r = 0; r < values.length; r++) {
    const value = values[r];
    let hash = 0;
    for (let i = 0; i < value.length; i++) hash = (Math.imul(hash, 31) + value.charCodeAt(i)) | 0;
    hash = Math.imul(hash ^ (hash >>> 16), 0x45d9f3b);
    for (let slot = (hash ^ (hash >>> 16)) & mask; ; slot = (slot + 1) & mask) {
      const other = table[slot];
      if (other === 0) {
        table[slot] = r + 1;
        break;
      }
      if (values[other - 1] === value) {
        repeated[r] = 1;
        break;
      }
    }
  }
  return repeated;
}

/** A text column, or a column of empty strings when the file has none. */
export function textColumn(data: Microdata, name: string): string[] {
  return data.text.get(name) ?? new Array<string>(data.size).fill('');
}
