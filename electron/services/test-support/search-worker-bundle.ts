import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

let bundled: Promise<string> | undefined;

/**
 * Worker threads run JavaScript files, not TypeScript: tests bundle the real worker the way
 * `npm run build` does, once per test run, and start that.
 */
export function searchWorkerBundle(): Promise<string> {
  bundled ??= (async () => {
    // A fixed place inside node_modules/.cache: rewritten each run, never left behind in /tmp.
    const outfile = join(fileURLToPath(new URL('../../../node_modules/.cache/briefing-tests', import.meta.url)), `search-worker-${process.pid}.cjs`);
    await build({
      entryPoints: [fileURLToPath(new URL('../search/search-worker.ts', import.meta.url))],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      outfile,
      logLevel: 'warning',
    });
    return outfile;
  })();
  return bundled;
}
