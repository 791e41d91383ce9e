/**
 * PGlite's data folder, opened with care: one process at a time (a lock file, since two PGlite
 * instances on one folder corrupt it), a plain-words refusal when the folder is damaged, commits
 * forced to disk before they return (db/pglite-synced-fs.ts), and on a clean close every file
 * flushed to disk.
 *
 * Durability, as measured: PGlite 0.5 writes through Emscripten's NODEFS straight into the files
 * (write(2) before each commit returns), so a killed server process loses nothing it acknowledged
 * (checks/crash.ts). Out of the box it never calls fsync (PostgreSQL runs with `-F`, and NODEFS has
 * no fsync), so a power cut could lose acknowledged commits; with fsync switched on again each
 * commit waits for its WAL to reach the disk, as on PostgreSQL.
 */
import { PGlite } from '@electric-sql/pglite';
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, readdirSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { ownerOnlyFolder, secureAtRest } from './owner-only.ts';
import { durableStartParams, SyncedNodeFS } from './pglite-synced-fs.ts';
import { tuneWasmTiering } from './pglite-wasm.ts';

export const LOCK_FILE = 'sipas.lock';

/** The folder cannot be used; the message says why and what to do, for an administrator to read. */
export class DataFolderError extends Error {}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes the folder's lock, or explains who holds it. A lock left by a process that died is taken
 * over. The folder is made owner-only (db/owner-only.ts), with a warning if others could read it.
 */
export function lockFolder(dataDir: string): () => void {
  if (existsSync(dataDir)) secureAtRest([{ path: dataDir, what: 'The database folder' }]);
  else ownerOnlyFolder(dataDir);
  const file = join(dataDir, LOCK_FILE);
  const mine = `${process.pid} ${hostname()}\n`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, mine, { flag: 'wx', mode: 0o600 });
      return () => {
        try {
          if (readFileSync(file, 'utf8') === mine) unlinkSync(file);
        } catch {
          // already gone
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const [pidText, host] = readFileSync(file, 'utf8').trim().split(' ');
    const pid = Number(pidText);
    if (host === hostname() && Number.isInteger(pid) && pid !== process.pid && processAlive(pid)) {
      throw new DataFolderError(
        `The database folder ${dataDir} is in use by process ${pid} (probably the running server). ` +
          'Only one program at a time may open it: stop the server first, then run the command again.',
      );
    }
    // Left behind by a process that ended without closing (killed, power cut): take it over.
    unlinkSync(file);
  }
  throw new DataFolderError(`Could not take the lock ${file}; another program keeps taking it.`);
}

/**
 * Opens PGlite on the folder; a folder PostgreSQL cannot start from is refused with PostgreSQL's own
 * reason. `loadDataDir`: a new folder is filled from this tarball of a data folder (a restore).
 */
export async function openPgliteFolder(dataDir: string, options: { loadDataDir?: Blob } = {}): Promise<PGlite> {
  const messages: string[] = [];
  const keep = (line: string) => {
    messages.push(line);
    if (messages.length > 50) messages.shift();
    return false;
  };
  // A new folder is written by initdb, which never syncs: sync it once before the first commit relies on it.
  const fresh = !existsSync(join(dataDir, 'PG_VERSION'));
  tuneWasmTiering();
  try {
    const client = await PGlite.create(dataDir, { fs: new SyncedNodeFS(dataDir), startParams: durableStartParams, onStderr: keep, onStdout: keep, ...options });
    if (fresh) flushFolder(dataDir);
    return client;
  } catch (error) {
    const reason = messages.find((m) => /\b(PANIC|FATAL)\b/.test(m))?.replace(/^.*?\b(PANIC|FATAL):\s*/, '') ?? String(error);
    throw new DataFolderError(
      `The database folder ${dataDir} could not be opened: ${reason}\n` +
        'It may be damaged (a disk fault, a power cut, or two programs using it at once). Nothing was changed.\n' +
        'To recover, restore the last backup: `npx sipas restore FILE` keeps the damaged folder beside the restored one.',
    );
  }
}

/**
 * fsync every file and folder under the data folder, so a clean stop leaves nothing only in memory.
 * `changedSince` (ms): only those modified since — on close, what this process wrote. The rest
 * was already on disk when the folder was opened: flushed by the last clean close or when the folder
 * was made, or, after a crash, by PostgreSQL's own sync of the whole folder before it recovers (fsync
 * is on). Syncing only those keeps a stop to a fraction of a second rather than seconds.
 */
export function flushFolder(dir: string, options: { changedSince?: number } = {}): void {
  const changed = (path: string) => options.changedSince === undefined || statSync(path).mtimeMs >= options.changedSince;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) flushFolder(path, options);
    else if (entry.isFile() && changed(path)) fsyncPath(path, 'r');
  }
  if (changed(dir)) fsyncPath(dir, 'r');
}

/** fsync one folder's own entry list (after files were created, moved or removed in it). */
export function syncDirectory(dir: string): void {
  fsyncPath(dir, 'r');
}

function fsyncPath(path: string, flags: string): void {
  const fd = openSync(path, flags);
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
