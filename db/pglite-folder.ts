/**
 * PGlite's data folder, opened with care: one process at a time (a lock file, since two PGlite
 * instances on one folder corrupt it), a plain-words refusal when the folder is damaged, and on a
 * clean close every file flushed to disk.
 *
 * Durability, as measured (checks/crash.ts and strace): PGlite 0.5 writes each commit to its WAL
 * with write(2) before answering, so a killed server process loses nothing it acknowledged; but
 * it never calls fsync, so a power cut or operating-system crash can lose the last acknowledged
 * responses, or worse. That is why a clean stop flushes the folder, and why provinces that cannot
 * protect the machine's power should run PostgreSQL (DATABASE_URL).
 */
import { PGlite } from '@electric-sql/pglite';
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, readdirSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

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

/** Takes the folder's lock, or explains who holds it. A lock left by a process that died is taken over. */
export function lockFolder(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, LOCK_FILE);
  const mine = `${process.pid} ${hostname()}\n`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, mine, { flag: 'wx' });
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
  try {
    return await PGlite.create(dataDir, { onStderr: keep, onStdout: keep, ...options });
  } catch (error) {
    const reason = messages.find((m) => /\b(PANIC|FATAL)\b/.test(m))?.replace(/^.*?\b(PANIC|FATAL):\s*/, '') ?? String(error);
    throw new DataFolderError(
      `The database folder ${dataDir} could not be opened: ${reason}\n` +
      'It may be damaged (a disk fault, a power cut, or two programs using it at once). Nothing was changed.\n' +
      'To recover, restore the last backup: `npx sipas restore FILE` keeps the damaged folder beside the restored one.',
    );
  }
}

/** fsync every file and folder under the data folder, so a clean stop leaves nothing only in memory. */
export function flushFolder(dir: string): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) flushFolder(path);
    else if (entry.isFile()) fsyncPath(path, 'r');
  }
  fsyncPath(dir, 'r');
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
