/**
 * Compiles the server and the command line into dist/ (esbuild: our TypeScript bundled into a few
 * ES modules with source maps; packages stay in node_modules), so that `npm start` and `npx sipas`
 * run plain JavaScript instead of compiling on every start. `npm install` compiles (the `prepare`
 * script); `bin/` compiles again first when a source changed since. Plain JavaScript itself, so
 * that it runs before anything is compiled.
 *
 *   node build/compile.mjs           compile when a source changed
 *   node build/compile.mjs --force   compile anyway
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST = join(ROOT, 'dist');
const STAMP = join(DIST, 'inputs.json');

/** dist/NAME.js for each: the server, the command line, and the UI's build check that `npm start` runs first. */
const ENTRIES = { main: 'server/main.ts', cli: 'cli/main.ts', 'ensure-ui': 'survey-ui/build/ensure-built.ts' };
/**
 * Packages compiled into dist/ with our code (see compile()); a scope ends with '/'. zod's provider
 * for fastify goes with zod: schemas and the code that reads them share one copy of zod.
 */
const BUNDLED = ['@stdlib/', 'drizzle-orm', 'zod', 'fastify-type-provider-zod'];
const bundled = (path) => BUNDLED.some((name) => (name.endsWith('/') ? path.startsWith(name) : path === name || path.startsWith(`${name}/`)));
/** What else decides the output besides the sources esbuild reads. */
const SETTINGS = ['package-lock.json', 'tsconfig.json', 'build/compile.mjs'];

const fingerprint = (file) => {
  const { mtimeMs, size } = statSync(join(ROOT, file));
  return [mtimeMs, size];
};

/** Whether dist/ was compiled from the sources as they are now (a stat of each, no reading). */
export function isCurrent() {
  let stamp;
  try {
    stamp = JSON.parse(readFileSync(STAMP, 'utf8'));
  } catch {
    return false;
  }
  try {
    for (const [file, [mtimeMs, size]] of Object.entries(stamp.inputs)) {
      const now = fingerprint(file);
      if (now[0] !== mtimeMs || now[1] !== size) return false;
    }
    return stamp.outputs.every((file) => existsSync(join(ROOT, file)));
  } catch {
    return false;
  }
}

/** Written to a temporary name and renamed, so that a process starting meanwhile reads the old file or the new, never half of one. */
function writeAtomically(path, contents) {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, contents);
  renameSync(temporary, path);
}

export async function compile() {
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: ENTRIES,
    outdir: DIST,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20.19',
    // Packages stay in node_modules, but those made of many small modules, each resolved, loaded
    // and (stack traces being mapped) its source map read one by one: @stdlib's (dozens of CommonJS
    // modules a function: a tenth of `sipas analyze`), zod's (95 modules) and drizzle-orm's (111
    // modules and maps; with zod's, some 0.2–0.3 s of the server's start). npm run bench:start.
    plugins: [
      {
        name: 'packages-external-but-bundled',
        setup(build) {
          build.onResolve({ filter: /^[^./]/ }, (args) => (bundled(args.path) || args.kind === 'entry-point' ? undefined : { external: true }));
        },
      },
    ],
    sourcemap: 'linked',
    // Blanks and long-hand syntax dropped, names kept (stack traces are mapped to the TypeScript
    // anyway): a quarter less to parse at every start, 0.1–0.2 s of the server's.
    minifyWhitespace: true,
    minifySyntax: true,
    // The maps' source paths are relative to dist/ (../server/…): from there, stack traces name the
    // TypeScript files where they are.
    sourceRoot: `${DIST}/`,
    chunkNames: 'chunk-[hash]',
    metafile: true,
    write: false,
    logLevel: 'warning',
  });
  // Chunks first (their names are their hashes), then the entries that import them, then the stamp.
  const files = result.outputFiles.sort((a, b) => Number(!relative(DIST, a.path).startsWith('chunk-')) - Number(!relative(DIST, b.path).startsWith('chunk-')));
  for (const file of files) writeAtomically(file.path, file.contents);
  const outputs = new Set(files.map((f) => relative(ROOT, f.path)));
  for (const name of readdirSync(DIST)) {
    if (name !== 'inputs.json' && !outputs.has(join('dist', name))) rmSync(join(DIST, name), { force: true, recursive: true });
  }
  const inputs = [...Object.keys(result.metafile.inputs).filter((f) => !f.includes('node_modules')), ...SETTINGS];
  writeAtomically(STAMP, `${JSON.stringify({ inputs: Object.fromEntries(inputs.map((f) => [f, fingerprint(f)])), outputs: [...outputs] })}\n`);
}

/** The file URL of a compiled entry (main, cli, ensure-ui), compiled first when a source changed. */
export async function compiled(entry) {
  if (!isCurrent()) await compile();
  // Stack traces name the TypeScript files and lines.
  process.setSourceMapsEnabled(true);
  return pathToFileURL(join(DIST, `${entry}.js`)).href;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const force = process.argv.includes('--force');
  if (force || !isCurrent()) {
    const started = performance.now();
    await compile();
    console.log(`compiled server and command line into dist/ in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  } else {
    console.log('dist/ is up to date');
  }
}
