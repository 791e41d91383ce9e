/**
 * Files at rest are readable by their owner only: the embedded database's folder, the secret that
 * keys device hashes, and every backup hold what the platform protects, and another account on the
 * same computer must not read them. Folders are made 0700 and files 0600 explicitly after they are
 * created (the umask a process inherits may be 0); the server and the command line also set the
 * umask to 077 at start, so that what PGlite writes inside the folder is born owner-only too.
 * What already exists is checked where it is opened: anything open to others is made owner-only,
 * and the caller says so.
 */
import { chmodSync, existsSync, lstatSync, mkdirSync, readdirSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

export const OWNER_ONLY_UMASK = 0o077;
const FOLDER = 0o700;
const OTHERS = 0o077;

/** The folder, made if absent (with its parents), and owner-only. */
export function ownerOnlyFolder(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: FOLDER });
  chmodSync(dir, FOLDER);
}

/**
 * Takes group and other permissions off `path` and, for a folder, everything under it (symbolic
 * links are left alone: they are not followed). Returns the paths that had any.
 */
export function restrictToOwner(path: string): string[] {
  if (!existsSync(path)) return [];
  const opened: string[] = [];
  const visit = (at: string) => {
    const stat = lstatSync(at);
    if (stat.isSymbolicLink()) return;
    if (stat.mode & OTHERS) {
      chmodSync(at, stat.isDirectory() ? FOLDER : stat.mode & 0o700);
      opened.push(at);
    }
    if (stat.isDirectory()) for (const name of readdirSync(at)) visit(join(at, name));
  };
  visit(path);
  return opened;
}

/** Backup files and kept-aside folders where the platform writes them: beside the data folder, and in the working folder under the default name. */
export function backupsOnDisk(dataDir: string | undefined, workingDir = process.cwd()): string[] {
  const found: string[] = [];
  if (dataDir) {
    const folder = resolve(dataDir);
    const parent = dirname(folder);
    const prefix = `${basename(folder)}.`;
    if (existsSync(parent)) {
      for (const name of readdirSync(parent)) {
        if (name.startsWith(prefix) && /^(replaced-|restoring$)/.test(name.slice(prefix.length))) found.push(join(parent, name));
      }
    }
  }
  if (existsSync(workingDir)) {
    for (const name of readdirSync(workingDir)) if (/^sipas-backup-.*\.(sipas|dump)(\.partial)?$/.test(name)) found.push(join(workingDir, name));
  }
  return found;
}

/**
 * Makes each owner-only, with a warning for each that others could reach (`what` names it for
 * people). Loose permissions inside a folder that was itself owner-only reached nobody: they are
 * tightened without a word.
 */
export function secureAtRest(things: Array<{ path: string; what: string }>, warn: (line: string) => void = (line) => console.warn(line)): string[] {
  const warnings: string[] = [];
  for (const { path, what } of things) {
    const opened = restrictToOwner(path);
    if (!opened.includes(path)) continue;
    warnings.push(`Warning: ${what} ${path} could be read by other users of this computer; it is now readable by its owner only.`);
    warn(warnings[warnings.length - 1]);
  }
  return warnings;
}

/** The backups on disk (backupsOnDisk), each made owner-only with a warning if others could read it. */
export function secureBackups(dataDir: string | undefined, workingDir = process.cwd()): string[] {
  return secureAtRest(backupsOnDisk(dataDir, workingDir).map((path) => ({ path, what: 'The backup' })));
}
