/**
 * Cost of reading saved web pages: 100 whole pages of the Kremlin corpus (test-corpus/kremlin,
 * cycled when there are fewer) taken from bytes to a parsed briefing, as a library scan does it:
 * charset detection, pruning, Readability, metadata, sanitizing, text. The median of 3 runs.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseBriefing } from '../electron/services/library/parse-briefing';
import { median, round } from './corpus';

const KREMLIN_PAGES = fileURLToPath(new URL('../test-corpus/kremlin/', import.meta.url));
const PAGES = 100;
const RUNS = 3;

export async function benchExtract(): Promise<{ extract_100_ms: number }> {
  const names = (await readdir(KREMLIN_PAGES)).filter((name) => /\.html?$/.test(name)).sort();
  if (names.length === 0) throw new Error(`no saved pages in ${KREMLIN_PAGES}`);
  const pages = await Promise.all(names.map(async (name) => ({ name, bytes: await readFile(join(KREMLIN_PAGES, name)) })));

  const timings: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const start = performance.now();
    for (let index = 0; index < PAGES; index++) {
      const { name, bytes } = pages[index % pages.length];
      const { document } = await parseBriefing(name, 'html', bytes);
      if (!document) throw new Error(`${name} could not be parsed`);
    }
    timings.push(performance.now() - start);
  }
  return { extract_100_ms: round(median(timings)) };
}
