/**
 * Builds the survey's service worker beside the pages: one self-contained script at a fixed
 * address (/survey-sw.js, no hash, revalidated on every visit), with the list of files to keep
 * offline — the survey page and the hashed assets its entry loads — written into it. A new build
 * changes that list, so browsers install the new worker.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { build, type Plugin, type Rollup } from 'vite';
import { UI_ROOT } from './pages.ts';

const PAGE = 'survey';
const ENTRY = join(UI_ROOT, 'src/survey/sw/service-worker.ts');
export const SERVICE_WORKER_FILE = 'survey-sw.js';

type OutputBundle = Rollup.OutputBundle;
type OutputChunk = Rollup.OutputChunk;

/** The page's entry chunk and everything it imports (statically or lazily), with their CSS. */
export function pageFiles(bundle: OutputBundle, page: string): string[] {
  const chunks = Object.values(bundle).filter((o): o is OutputChunk => o.type === 'chunk');
  const entry = chunks.find((c) => c.isEntry && c.name === page);
  if (!entry) return [];
  const files = new Set<string>();
  const visit = (chunk: OutputChunk) => {
    if (files.has(chunk.fileName)) return;
    files.add(chunk.fileName);
    const meta = (chunk as OutputChunk & { viteMetadata?: { importedCss: Set<string>; importedAssets: Set<string> } }).viteMetadata;
    for (const css of meta?.importedCss ?? []) files.add(css);
    for (const asset of meta?.importedAssets ?? []) files.add(asset);
    for (const name of [...chunk.imports, ...chunk.dynamicImports]) {
      const imported = bundle[name];
      if (imported?.type === 'chunk') visit(imported);
    }
  };
  visit(entry);
  return [...files].sort().map((f) => `/${f}`);
}

export function surveyServiceWorker(): Plugin {
  let outDir = '';
  let precache: string[] = [];
  return {
    name: 'sipas:survey-service-worker',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    generateBundle(_options, bundle) {
      precache = pageFiles(bundle, PAGE);
    },
    writeBundle: {
      sequential: true,
      async handler() {
        if (precache.length === 0) return;
        const list = ['/s/', ...precache];
        const buildId = createHash('sha256').update(list.join('\n')).digest('hex').slice(0, 12);
        await build({
          configFile: false,
          logLevel: 'warn',
          define: { __SURVEY_PRECACHE__: JSON.stringify(list), __SURVEY_BUILD__: JSON.stringify(buildId) },
          build: {
            outDir,
            emptyOutDir: false,
            copyPublicDir: false,
            lib: { entry: ENTRY, formats: ['iife'], name: 'sipasSurveyWorker', fileName: () => SERVICE_WORKER_FILE },
          },
        });
      },
    },
  };
}
