/**
 * Builds the UI when its sources changed since the last build (or it was never built); otherwise
 * does nothing. `npm start` and the test set-up call it, so nobody has to remember `npm run build`.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { builtInputsHash, inputsHash } from './inputs-hash.ts';
import { PROJECT_ROOT } from './pages.ts';

export function ensureUiBuilt(): 'built' | 'up to date' {
  if (builtInputsHash() === inputsHash()) return 'up to date';
  execFileSync(process.execPath, [join(PROJECT_ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
    cwd: PROJECT_ROOT,
    stdio: 'inherit',
  });
  return 'built';
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(`UI: ${ensureUiBuilt()}`);
}
