/**
 * A fingerprint of everything the UI build reads, kept in the build folder, so that `npm start` and
 * `npm test` rebuild the UI only when one of its sources changed.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Plugin } from 'vite';
import { PROJECT_ROOT, UI_DIST, UI_ROOT } from './pages.ts';

const HASH_FILE = join(UI_DIST, '.inputs-hash');
/** The UI imports the pure questionnaire model from analysis/ and the API's types from contract/, so their changes count too. */
const INPUT_FOLDERS = [UI_ROOT, join(PROJECT_ROOT, 'analysis'), join(PROJECT_ROOT, 'contract')];
const INPUT_FILES = ['vite.config.ts', 'package-lock.json', 'tsconfig.json'].map((f) => join(PROJECT_ROOT, f));

function* sourceFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (path !== UI_DIST && entry.name !== 'node_modules') yield* sourceFiles(path);
    } else {
      yield path;
    }
  }
}

export function inputsHash(): string {
  const hash = createHash('sha256');
  const paths = [...INPUT_FOLDERS.flatMap((dir) => [...sourceFiles(dir)]), ...INPUT_FILES.filter(existsSync)].sort();
  for (const path of paths) {
    hash.update(relative(PROJECT_ROOT, path)).update('\0').update(readFileSync(path)).update('\0');
  }
  return hash.digest('hex');
}

export function builtInputsHash(): string | undefined {
  return existsSync(HASH_FILE) ? readFileSync(HASH_FILE, 'utf8').trim() : undefined;
}

export function recordInputsHash(): Plugin {
  return {
    name: 'sipas:inputs-hash',
    apply: 'build',
    closeBundle: { order: 'post', sequential: true, handler: () => writeFileSync(HASH_FILE, `${inputsHash()}\n`) },
  };
}
