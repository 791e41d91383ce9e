/**
 * The reader of PostgreSQL's binary COPY output gives the same rows however the bytes are cut into
 * chunks, and refuses output that is cut short, too wide or not the format.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CopyFormatError, copyRows, uuidText, writeUuid } from '../../../db/queries/copy-binary.ts';

type Field = Uint8Array | null;

/** The output COPY … TO STDOUT (FORMAT binary) writes for these rows. */
function copyOutput(rows: Field[][], extension = 0): Buffer {
  const parts: Buffer[] = [Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1')];
  const header = Buffer.alloc(8 + extension);
  header.writeInt32BE(extension, 4);
  parts.push(header);
  for (const row of rows) {
    const count = Buffer.alloc(2);
    count.writeInt16BE(row.length);
    parts.push(count);
    for (const field of row) {
      const length = Buffer.alloc(4);
      length.writeInt32BE(field === null ? -1 : field.length);
      parts.push(length);
      if (field) parts.push(Buffer.from(field));
    }
  }
  parts.push(Buffer.from([0xff, 0xff]));
  return Buffer.concat(parts);
}

async function read(chunks: Uint8Array[], width: number): Promise<Field[][]> {
  const out: Field[][] = [];
  // Each batch read as it comes: its spans hold until the next is asked for.
  for await (const { data, rows, start, length } of copyRows(chunks, width)) {
    for (let r = 0; r < rows; r++) {
      const row: Field[] = [];
      for (let f = 0; f < width; f++) {
        const n = length[r * width + f];
        row.push(n < 0 ? null : new Uint8Array(data.subarray(start[r * width + f], start[r * width + f] + n)));
      }
      out.push(row);
    }
  }
  return out;
}

/** The bytes cut at the given places (sorted, within the length). */
function cut(bytes: Buffer, at: number[]): Uint8Array[] {
  const points = [...new Set(at.map((p) => p % (bytes.length + 1)))].sort((a, b) => a - b);
  const pieces: Uint8Array[] = [];
  let from = 0;
  for (const p of [...points, bytes.length]) {
    pieces.push(bytes.subarray(from, p));
    from = p;
  }
  return pieces;
}

const field = fc.option(fc.uint8Array({ maxLength: 40 }), { nil: null, freq: 4 });
const table = fc
  .integer({ min: 1, max: 6 })
  .chain((width) => fc.tuple(fc.constant(width), fc.array(fc.array(field, { minLength: width, maxLength: width }), { maxLength: 30 })));

describe('copyRows', () => {
  it('reads every row and field, wherever the chunks are cut', async () => {
    await fc.assert(
      fc.asyncProperty(table, fc.array(fc.nat(), { maxLength: 12 }), fc.nat({ max: 8 }), async ([width, rows], cuts, extension) => {
        expect(await read(cut(copyOutput(rows, extension), cuts), width)).toEqual(rows);
      }),
      { numRuns: 300 },
    );
  });

  it('reads rows larger than a batch and batches of many rows', async () => {
    const rows: Field[][] = Array.from({ length: 5000 }, (_, r) => [Buffer.from(`row ${r}`), r % 3 === 0 ? null : Buffer.alloc(r % 700, r % 251)]);
    rows.push([Buffer.alloc(600_000, 7), null]);
    const bytes = copyOutput(rows);
    const chunks = cut(
      bytes,
      Array.from({ length: 400 }, (_, k) => k * 9_973),
    );
    expect(await read(chunks, 2)).toEqual(rows.map((row) => row.map((f) => (f === null ? null : new Uint8Array(f)))));
  });

  it('refuses output cut short, rows of another width, bytes after the end, and what is not COPY output', async () => {
    const bytes = copyOutput([[Buffer.from('a'), null]]);
    for (let end = 0; end < bytes.length; end++) await expect(read([bytes.subarray(0, end)], 2)).rejects.toThrow(CopyFormatError);
    await expect(read([bytes], 3)).rejects.toThrow(/2 fields where 3/);
    await expect(read([bytes, Buffer.from([0])], 2)).rejects.toThrow(CopyFormatError);
    await expect(read([Buffer.from('id,name\n1,a\n')], 2)).rejects.toThrow(/not PostgreSQL binary COPY/);
  });
});

describe('binary values', () => {
  it('writes a uuid as its canonical text', () => {
    fc.assert(
      fc.property(fc.uuid(), (uuid) => {
        const bytes = Buffer.from(uuid.replaceAll('-', ''), 'hex');
        expect(uuidText(bytes, 0)).toBe(uuid.toLowerCase());
        const out = Buffer.alloc(40, 0x20);
        expect(writeUuid(bytes, 0, out, 2)).toBe(38);
        expect(out.toString('latin1', 2, 38)).toBe(uuid.toLowerCase());
      }),
    );
  });
});
