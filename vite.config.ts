/**
 * The UI build: every `survey-ui/*.html` is a page (survey, staff, results — each team adds its own
 * file, nothing here changes), hashed assets under /assets/, and .br/.gz beside each file so the
 * server sends them precompressed.
 */
import { defineConfig } from 'vite';
import { precompress } from './survey-ui/build/compress.ts';
import { firstScreenRenderer } from './survey-ui/build/first-screen.ts';
import { inlineCss } from './survey-ui/build/inline-css.ts';
import { recordInputsHash } from './survey-ui/build/inputs-hash.ts';
import { pageEntries, UI_DIST, UI_ROOT } from './survey-ui/build/pages.ts';
import { surveyServiceWorker } from './survey-ui/build/service-worker.ts';

export default defineConfig({
  root: UI_ROOT,
  publicDir: 'public',
  base: '/',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: UI_DIST,
    emptyOutDir: true,
    // Phones with an evergreen Chromium or Safari; no polyfill for module preloading.
    modulePreload: { polyfill: false },
    rollupOptions: { input: pageEntries() },
  },
  plugins: [inlineCss(), surveyServiceWorker(), firstScreenRenderer(), precompress(), recordInputsHash()],
});
