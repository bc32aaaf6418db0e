import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
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
    const outfile = join(await mkdtemp(join(tmpdir(), 'briefing-worker-')), 'search-worker.cjs');
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
