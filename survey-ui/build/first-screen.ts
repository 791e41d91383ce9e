/**
 * Builds the renderer of the survey's first screen (src/survey/first-screen/) into a module of its
 * own beside the pages, `.first-screen.mjs` (a dotfile: never served), for the server to load as
 * it reads the survey page: the server writes the first screen into the page without importing
 * the UI's sources, and the markup always comes from the UI it was built with.
 */
import { join } from 'node:path';
import { build, type Plugin } from 'vite';
import { UI_ROOT } from './pages.ts';

export const FIRST_SCREEN_FILE = '.first-screen.mjs';
const ENTRY = join(UI_ROOT, 'src/survey/first-screen/first-screen-html.ts');

export function firstScreenRenderer(): Plugin {
  let outDir = '';
  return {
    name: 'sipas:first-screen-renderer',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    writeBundle: {
      sequential: true,
      async handler() {
        await build({
          configFile: false,
          logLevel: 'warn',
          build: {
            outDir,
            emptyOutDir: false,
            copyPublicDir: false,
            minify: false,
            lib: { entry: ENTRY, formats: ['es'], fileName: () => FIRST_SCREEN_FILE },
          },
        });
      },
    },
  };
}
