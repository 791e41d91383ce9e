/**
 * The project's folder: the nearest folder above this module that holds package.json. Found, not
 * fixed relative to this file, because the same code runs from its source (db/) and compiled into
 * dist/, and the files it reads at run time (migrations, the built UI) stay where they are.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findProjectRoot(from: string): string {
  for (let dir = dirname(from); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}

export const PROJECT_ROOT = findProjectRoot(fileURLToPath(import.meta.url));
export const MIGRATIONS_FOLDER = join(PROJECT_ROOT, 'db', 'migrations');
