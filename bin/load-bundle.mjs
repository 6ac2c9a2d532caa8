// How the bot's code is loaded and run: its TypeScript sources bundled by esbuild (packages left to
// node_modules) and imported as one plain ES module. Loading through a TypeScript hook instead (tsx)
// costs a loader thread and about 40 MB more resident memory; it stays as the fallback.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import v8 from 'node:v8';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * V8 settings the bot runs with. Allocation-site pretenuring moves whatever a hot allocation site
 * makes straight into the old generation; loading the grouping index from a large store then leaves
 * a heap several times its live size until a full GC (about 430 MB against 250 MB at 100k articles).
 */
export const RUNTIME_V8_FLAGS = ['--no-allocation-site-pretenuring'];

export function applyRuntimeFlags() {
  for (const flag of RUNTIME_V8_FLAGS) v8.setFlagsFromString(flag);
}

/** Each bundled file keeps its own `import.meta.url` (where it finds its neighbours and packages). */
const keepModuleUrls = {
  name: 'keep-module-urls',
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      const url = JSON.stringify(pathToFileURL(args.path).href);
      return { contents: text.replace(/\bimport\.meta\.url\b/g, url), loader: 'ts' };
    });
  },
};

/** Imports a TypeScript entry file (a path from the repository root) as one bundled module. */
export async function importBundled(entry) {
  const source = resolve(root, entry);
  let code;
  try {
    const { build } = await import('esbuild');
    const out = await build({
      entryPoints: [source],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      sourcemap: 'inline',
      write: false,
      logLevel: 'silent',
      plugins: [keepModuleUrls],
    });
    code = out.outputFiles[0].text;
  } catch {
    const { register } = await import('tsx/esm/api');
    register();
    return import(pathToFileURL(source).href);
  }
  // Named by content, written whole then renamed: processes starting at once never read a half file.
  const hash = createHash('sha256').update(code).digest('hex').slice(0, 16);
  const dir = join(root, 'node_modules', '.cache', 'newsbot');
  const file = join(dir, `${basename(entry).replace(/\.ts$/, '')}-${hash}.mjs`);
  mkdirSync(dir, { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, code);
  renameSync(temp, file);
  process.setSourceMapsEnabled(true);
  return import(pathToFileURL(file).href);
}
