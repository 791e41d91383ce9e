/**
 * CSV for millions of rows, with every field escaped by csv-stringify.
 */
import { stringify } from 'csv-stringify/sync';

/*
 * Writing a million rows of some seventy fields through csv-stringify record by record takes far
 * longer than the export may. So csv-stringify escapes each field once where values repeat (the
 * coded answers: a few per question) and in one call per batch where they do not (ids, codes,
 * free text); a record is then its escaped fragments joined by the delimiter, which is what the
 * library itself would write, since a field's escaping does not depend on its neighbours. The
 * fragments of a batch are separated by NUL, which no field can contain: PostgreSQL text and
 * jsonb cannot hold it.
 */
const NUL = '\u0000';

export function escapedRecords(rows: string[][]): string[] {
  if (rows.length === 0) return [];
  // Line breaks inside a field must still be quoted, as with the library's own record delimiter.
  return stringify(rows, { record_delimiter: NUL, quote_record_delimiter: true }).split(NUL).slice(0, rows.length);
}

export const escapedField = (value: string) => escapedRecords([[value]])[0];

export const utf8 = new TextEncoder();

/** A batch's lines, written byte by byte into one buffer (millions of small strings cost more). */
export class LineWriter {
  private buffer = Buffer.allocUnsafe(1 << 22);
  private at = 0;

  private room(bytes: number) {
    if (this.at + bytes <= this.buffer.length) return;
    const bigger = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.at + bytes));
    this.buffer.copy(bigger, 0, 0, this.at);
    this.buffer = bigger;
  }

  bytes(bytes: Uint8Array) {
    this.room(bytes.length);
    const buffer = this.buffer;
    let at = this.at;
    // Cells are a few bytes: a plain loop beats a native copy's call.
    if (bytes.length < 16) for (let k = 0; k < bytes.length; k++) buffer[at++] = bytes[k];
    else {
      buffer.set(bytes, at);
      at += bytes.length;
    }
    this.at = at;
  }

  text(text: string) {
    this.room(Buffer.byteLength(text));
    this.at += this.buffer.write(text, this.at, 'utf8');
  }

  /** The batch written so far (a copy), and a fresh start. */
  take(): Buffer {
    const out = Buffer.from(this.buffer.subarray(0, this.at));
    this.at = 0;
    return out;
  }
}
