/**
 * Microdata downloads kept as files, per data version: the first download of a round's microdata
 * streams from the database and is written to a file as it goes; the next ones, while the round's
 * data version (db/queries/data-version.ts) is still the same, are that file read from disk — a
 * million rows in well under the 3 s a fresh export takes, with memory as flat.
 *
 * Why files rather than memory: a national round's file is hundreds of megabytes. Why no staleness:
 * a file is kept only when the data version read before its export began is the one read after
 * its last row (nothing that could change a byte of it was committed meanwhile), and served only
 * while the version still is that one; a download the client abandons keeps nothing. Keyed by the
 * round, respondent type, values (codes or words) and whether free text is clear or masked: a
 * reader not cleared for free text never gets a file written for one who is.
 *
 * The files live in a folder of their own, owner-only (they hold what the download holds), made
 * when first needed and removed when the server stops; a restart starts empty. Bounded: about
 * `maxBytes` in all, the least recently used dropped first.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { open, rename, unlink, type FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';

const DEFAULT_MAX_BYTES = 2 * 1024 ** 3;

export interface MicrodataFileKey {
  roundId: number;
  respondentType: string;
  values: string;
  clearText: boolean;
}

interface Entry {
  version: number;
  path: string;
  bytes: number;
  rows: number;
}

export interface KeptMicrodata {
  rows: number;
  stream: Readable;
}

export class MicrodataFiles {
  private folder: string | undefined;
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;
  private readonly background = new Set<Promise<void>>();
  private readonly stopping = new AbortController();

  constructor(private readonly maxBytes = DEFAULT_MAX_BYTES) {}

  /** Whether a file is kept for this key at this data version. */
  has(key: MicrodataFileKey, version: number): boolean {
    return this.entries.get(keyText(key))?.version === version;
  }

  /**
   * Runs `task` (making files ahead of the first reader) without anyone waiting for it; whatever it
   * throws is dropped. Stopping the server aborts `signal` and waits for the task to return.
   */
  inBackground(task: (signal: AbortSignal) => Promise<void>): void {
    if (this.stopping.signal.aborted) return;
    const running: Promise<void> = task(this.stopping.signal)
      .catch(() => {})
      .finally(() => this.background.delete(running));
    this.background.add(running);
  }

  /** The kept file for this key at this data version, opened; undefined when there is none. */
  async find(key: MicrodataFileKey, version: number): Promise<KeptMicrodata | undefined> {
    const name = keyText(key);
    const entry = this.entries.get(name);
    if (!entry) return undefined;
    if (entry.version !== version) {
      this.drop(name, entry);
      return undefined;
    }
    let file: FileHandle;
    try {
      // Opened before anything can drop it: a file dropped while it is read stays readable to the end.
      file = await open(entry.path, 'r');
    } catch {
      if (this.entries.get(name) === entry) this.drop(name, entry);
      return undefined;
    }
    this.entries.delete(name);
    this.entries.set(name, entry);
    return { rows: entry.rows, stream: file.createReadStream() };
  }

  /**
   * The export's bytes, passed on as they come and written to a file beside; once the last one is
   * sent, the file is kept if `versionNow()` still gives `version`. An export that fails or is
   * abandoned leaves nothing behind.
   */
  keep(key: MicrodataFileKey, version: number, rows: number, source: Readable, versionNow: () => Promise<number>): Readable {
    let folder: string;
    try {
      folder = this.ensureFolder();
    } catch {
      return source;
    }
    const finalPath = join(folder, `${randomUUID()}.csv`);
    const partPath = `${finalPath}.part`;
    const keepIfCurrent = async (bytes: number) => {
      if ((await versionNow()) !== version || bytes > this.maxBytes) return false;
      await rename(partPath, finalPath);
      const name = keyText(key);
      const old = this.entries.get(name);
      if (old) this.drop(name, old);
      this.entries.set(name, { version, path: finalPath, bytes, rows });
      this.bytes += bytes;
      for (const [oldest, entry] of this.entries) {
        if (this.bytes <= this.maxBytes) break;
        this.drop(oldest, entry);
      }
      return true;
    };
    // A folder removed under the server (a cleaner of temporary files) is made again next time.
    const folderLost = () => {
      if (this.folder === folder) this.folder = undefined;
    };
    // Keeping is a convenience: whatever goes wrong with the file (no folder, a full disk), the
    // download itself goes on to its last byte.
    async function* teed(): AsyncGenerator<Buffer> {
      let file: FileHandle | undefined = await open(partPath, 'wx', 0o600).catch(() => {
        folderLost();
        return undefined;
      });
      let bytes = 0;
      let complete = false;
      let kept = false;
      // A chunk goes to the file while the next is made and this one sent: one write at a time,
      // so the file keeps the order and at most one chunk waits on the disk.
      let writing: Promise<boolean> = Promise.resolve(true);
      const stopWriting = async () => {
        await file?.close().catch(() => {});
        file = undefined;
      };
      try {
        for await (const chunk of source as AsyncIterable<Buffer>) {
          if (file) {
            if (await writing) {
              writing = file.write(chunk).then(
                ({ bytesWritten }) => {
                  // A short write (a full disk) ends the keeping, not the download.
                  bytes += bytesWritten;
                  return bytesWritten === chunk.length;
                },
                () => false,
              );
            } else await stopWriting();
          }
          yield chunk;
        }
        if (file && !(await writing)) await stopWriting();
        complete = file !== undefined;
      } finally {
        await writing;
        await file?.close().catch(() => {});
        if (complete) kept = await keepIfCurrent(bytes).catch(() => false);
        if (!kept) await unlink(partPath).catch(() => {});
      }
    }
    return Readable.from(teed(), { objectMode: false });
  }

  /** How many downloads are kept (for the operator's eye and the tests). */
  get kept(): number {
    return this.entries.size;
  }

  /** Stops what runs in the background, then removes every kept file and the folder (the server stopping). */
  async close(): Promise<void> {
    this.stopping.abort();
    await Promise.all(this.background);
    if (this.folder) rmSync(this.folder, { recursive: true, force: true });
    this.folder = undefined;
    this.entries.clear();
    this.bytes = 0;
  }

  private ensureFolder(): string {
    // mkdtemp makes the folder owner-only (0700).
    this.folder ??= mkdtempSync(join(tmpdir(), 'sipas-microdata-'));
    return this.folder;
  }

  private drop(name: string, entry: Entry): void {
    this.entries.delete(name);
    this.bytes -= entry.bytes;
    void unlink(entry.path).catch(() => {});
  }
}

function keyText(key: MicrodataFileKey): string {
  return `${key.roundId}\u0000${key.respondentType}\u0000${key.values}\u0000${key.clearText ? 'clear' : 'masked'}`;
}
