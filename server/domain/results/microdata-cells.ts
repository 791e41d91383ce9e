/**
 * The coded answers of the microdata export as bytes, looked up from tables made once per download
 * (server/domain/results/microdata.ts writes the rows).
 */
import { type CodedQuestion, decodeAnswer } from '../../../analysis/estimation/answer-bits.ts';
import { MULTI_SEPARATOR } from '../../../analysis/estimation/microdata.ts';
import type { OptionValue } from '../../../analysis/questionnaire/definition.ts';
import { utf8 } from '../../files/csv-fragments.ts';
import { escapedField } from '../../files/tables.ts';

/** How a coded cell shows an option and "not applicable": as the code, or as its label (microdata-labels.ts). */
export interface Shown {
  value: (q: CodedQuestion, value: OptionValue) => string;
  notApplicable: string;
}

/**
 * Every coded question's cells as UTF-8 bytes, escaped and preceded by the delimiter, straight from
 * the bits. A question's option bits and its "not applicable" bit are consecutive, so they form one
 * small number (its window) read from three bytes; every possible window's cell is worked out (as
 * decodeAnswer reads it) and escaped once, up front, into one pool of bytes: a row's answers are then
 * copied from typed arrays in one loop, with no call or allocation per cell.
 */
export class CellTables {
  /** Question k's window starts at bit `bit[k] & 7` of the three bytes from `bit[k] >> 3`. */
  readonly bit: Int32Array;
  readonly mask: Int32Array;
  /** Where question k's windows start in `start`. */
  readonly base: Int32Array;
  /** Window w of question k: pool bytes from start[base[k] + w] to start[base[k] + w + 1]. */
  readonly start: Int32Array;
  readonly pool: Uint8Array;
  /**
   * The same cell when it is 3 bytes at most (every coded answer): its bytes in the low three bytes
   * and its length in the high one, written without a loop; −1 for a longer one (words), read from the pool.
   */
  readonly packed: Int32Array;
  /** The longest row of the cells in the tables, in bytes. */
  readonly widest: number;
  /** Questions read one by one, by decodeAnswer, rather than from the tables. */
  readonly slow: Array<((bits: Uint8Array) => Uint8Array) | undefined>;

  constructor(questions: CodedQuestion[], shown: Shown) {
    const escaped = new Map<string, Uint8Array>();
    const bytesOf = (text: string) => {
      let bytes = escaped.get(text);
      if (!bytes) escaped.set(text, (bytes = utf8.encode(`,${escapedField(text)}`)));
      return bytes;
    };
    const cellText = (q: CodedQuestion, value: ReturnType<typeof decodeAnswer>) =>
      value === null
        ? shown.notApplicable
        : value === undefined
          ? ''
          : Array.isArray(value)
            ? value.map((v) => shown.value(q, v)).join(MULTI_SEPARATOR)
            : shown.value(q, value);
    const windows: Uint8Array[] = [];
    const n = questions.length;
    this.bit = new Int32Array(n);
    this.mask = new Int32Array(n);
    this.base = new Int32Array(n);
    let widest = 0;
    this.slow = [];
    questions.forEach((q, k) => {
      const width = q.options.length + 1;
      this.base[k] = windows.length;
      if (width > 12 || q.notApplicable !== q.first + q.options.length) {
        // Not seen in the shipped versions: many options, or "not applicable" apart; read them one by one.
        this.slow[k] = (bits) => bytesOf(cellText(q, decodeAnswer(q, bits)));
        return;
      }
      this.bit[k] = q.first;
      this.mask[k] = (1 << width) - 1;
      let longest = 0;
      for (let window = 0; window < 1 << width; window++) {
        // The window as answer bits of their own, read back the way the estimation reads them.
        const bits = new Uint8Array(3);
        const shift = q.first & 7;
        const at = window << shift;
        bits[0] = at & 0xff;
        bits[1] = (at >> 8) & 0xff;
        bits[2] = (at >> 16) & 0xff;
        const shifted = { ...q, first: shift, notApplicable: shift + q.options.length };
        const bytes = bytesOf(cellText(q, decodeAnswer(shifted, bits)));
        windows.push(bytes);
        longest = Math.max(longest, bytes.length);
      }
      widest += longest;
    });
    this.widest = widest;
    this.start = new Int32Array(windows.length + 1);
    let size = 0;
    windows.forEach((w, i) => {
      this.start[i] = size;
      size += w.length;
    });
    this.start[windows.length] = size;
    this.pool = new Uint8Array(size);
    windows.forEach((w, i) => this.pool.set(w, this.start[i]));
    this.packed = new Int32Array(windows.map((w) => (w.length > 3 ? -1 : (w.length << 24) | w.reduce((word, byte, j) => word | (byte << (8 * j)), 0))));
  }
}
