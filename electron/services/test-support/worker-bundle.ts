import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const bundles = new Map<string, Promise<string>>();

/**
 * Worker threads run JavaScript files, not TypeScript: tests and benchmarks bundle the real
 * worker the way `npm run build` does, once per run, and start that.
 */
function workerBundle(name: string, entry: string): Promise<string> {
  let bundled = bundles.get(name);
  if (!bundled) {
    bundled = (async () => {
      // A fixed place inside node_modules/.cache: rewritten each run, never left behind in /tmp.
      const outfile = join(fileURLToPath(new URL('../../../node_modules/.cache/briefing-tests', import.meta.url)), `${name}-${process.pid}.cjs`);
      await build({
        entryPoints: [fileURLToPath(new URL(entry, import.meta.url))],
        bundle: true,
        platform: 'node',
        format: 'cjs',
        target: 'node20',
        outfile,
        logLevel: 'warning',
        // As in scripts/build-electron.mjs: code that reads import.meta.url only when run as ESM.
        logOverride: { 'empty-import-meta': 'silent' },
      });
      return outfile;
    })();
    bundles.set(name, bundled);
  }
  return bundled;
}

export const searchWorkerBundle = () => workerBundle('search-worker', '../search/search-worker.ts');
export const stallingSearchWorkerBundle = () => workerBundle('stalling-search-worker', './stalling-search-worker.ts');
export const parseWorkerBundle = () => workerBundle('parse-worker', '../library/parse-worker.ts');
