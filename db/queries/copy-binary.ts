/**
 * Rows out of PostgreSQL's binary COPY format (https://www.postgresql.org/docs/current/sql-copy.html,
 * "Binary Format"): an 11-byte signature, 32-bit flags and a header extension, then per row a 16-bit
 * field count and per field a 32-bit length (−1 for null) followed by its bytes in the type's binary
 * form; a field count of −1 ends the data. Integers are big-endian.
 *
 * Rows are handed over as spans of the bytes they came in, a batch at a time, so that a million rows
 * make no object or string per field (db/queries/microdata.ts).
 */

const SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1');
const HEADER = SIGNATURE.length + 8;
/** Bytes gathered before a batch is read from them: some two thousand microdata rows. */
const BATCH_BYTES = 256 * 1024;

export interface CopyRows {
  /** The bytes the rows lie in. */
  data: Buffer;
  rows: number;
  /** Field f of row r is `data[start[r * fields + f], + length[r * fields + f])`; a length of −1 is null. */
  start: Int32Array;
  length: Int32Array;
}

export class CopyFormatError extends Error {}

/**
 * The rows of a binary COPY output, `fields` fields each, in batches of about BATCH_BYTES. A row is
 * never split between batches. Refuses output that is not the binary format or rows of another width.
 */
export async function* copyRows(chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, fields: number): AsyncGenerator<CopyRows> {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let headerRead = false;
  let ended = false;
  const take = (final: boolean): CopyRows | undefined => {
    const data = pending.length === 1 ? pending[0] : Buffer.concat(pending, pendingBytes);
    let at = 0;
    if (!headerRead) {
      const known = Math.min(data.length, SIGNATURE.length);
      if (!data.subarray(0, known).equals(SIGNATURE.subarray(0, known))) throw new CopyFormatError('not PostgreSQL binary COPY output');
      if (data.length < HEADER) return keep(data, final);
      const extension = data.readInt32BE(SIGNATURE.length + 4);
      if (data.length < HEADER + extension) return keep(data, final);
      at = HEADER + extension;
      headerRead = true;
    }
    const capacity = Math.ceil((data.length - at) / (2 + 4 * fields)) * fields;
    const start = new Int32Array(capacity);
    const length = new Int32Array(capacity);
    let rows = 0;
    // Lengths read byte by byte: Buffer's readInt32BE, called ten million times, cost twice as much.
    const end = data.length;
    while (at + 2 <= end) {
      const count = ((data[at] << 24) | (data[at + 1] << 16)) >> 16;
      if (count === -1) {
        ended = true;
        at += 2;
        break;
      }
      if (count !== fields) throw new CopyFormatError(`a row of ${count} fields where ${fields} were asked for`);
      let p = at + 2;
      const base = rows * fields;
      let whole = true;
      for (let f = 0; f < fields; f++) {
        if (p + 4 > end) {
          whole = false;
          break;
        }
        const n = (data[p] << 24) | (data[p + 1] << 16) | (data[p + 2] << 8) | data[p + 3];
        p += 4;
        start[base + f] = p;
        length[base + f] = n;
        if (n > 0) p += n;
        if (p > end) {
          whole = false;
          break;
        }
      }
      if (!whole) break;
      at = p;
      rows++;
    }
    keep(data.subarray(at), final);
    return rows === 0 ? undefined : { data, rows, start, length };
  };
  /** What is left for the next batch; at the end, nothing may be. */
  const keep = (rest: Buffer, final: boolean): undefined => {
    if (final && (rest.length > 0 || !ended)) throw new CopyFormatError('the COPY output ends part way through a row');
    pending = rest.length > 0 ? [rest] : [];
    pendingBytes = rest.length;
    return undefined;
  };
  for await (const chunk of chunks) {
    if (ended) throw new CopyFormatError('bytes after the end of the COPY output');
    pending.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
    pendingBytes += chunk.length;
    if (pendingBytes < BATCH_BYTES) continue;
    const batch = take(false);
    if (batch) yield batch;
  }
  const last = take(true);
  if (last) yield last;
}

/** A uuid's 16 bytes as its canonical text (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx), written into `out` at `at`; returns the end. */
export function writeUuid(data: Uint8Array, from: number, out: Uint8Array, at: number): number {
  for (let i = 0; i < 16; i++) {
    if (i === 4 || i === 6 || i === 8 || i === 10) out[at++] = 0x2d;
    const byte = data[from + i];
    out[at++] = HEX[byte >> 4];
    out[at++] = HEX[byte & 15];
  }
  return at;
}

const HEX = Buffer.from('0123456789abcdef', 'latin1');

export function uuidText(data: Uint8Array, from: number): string {
  const out = Buffer.alloc(36);
  writeUuid(data, from, out, 0);
  return out.toString('latin1');
}
