/** Bytes of a large CSV file, written batch by batch (the fields escaped by csv-writer.ts). */
export const utf8 = new TextEncoder();

/** A batch's lines, written byte by byte into one buffer (millions of small strings cost more). */
export class LineWriter {
  private buffer = Buffer.allocUnsafe(1 << 22);
  /** Where the next byte goes: callers that write into reserve()'s buffer move it on themselves. */
  at = 0;

  private room(bytes: number) {
    if (this.at + bytes <= this.buffer.length) return;
    const bigger = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.at + bytes));
    this.buffer.copy(bigger, 0, 0, this.at);
    this.buffer = bigger;
  }

  /** The buffer, with room for `bytes` more from `at`. */
  reserve(bytes: number): Buffer {
    this.room(bytes);
    return this.buffer;
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

  /** The batch written so far, not copied; the next batch goes to a fresh buffer a little larger than this one needed. */
  take(): Buffer {
    const out = this.buffer.subarray(0, this.at);
    this.buffer = Buffer.allocUnsafe(Math.max(1 << 16, Math.ceil(this.at * 1.25)));
    this.at = 0;
    return out;
  }
}
