/**
 * `npm run bench -- library`: scan cost of a 10,000-briefing library, against the floor of just
 * reading every file's bytes, and how fast the library view paints 10,000 rows in Chromium.
 * Each timing is the median of several runs in this process (the machines are noisy).
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { LibraryService } from '../electron/services/library/library-service';
import { scanFolder } from '../electron/services/library/scan-folder';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/chromium';
import { attachWebHost, ScriptedPorts, WEB_ENTRY } from '../web-host/web-host';
import { chromiumPrinter } from '../web-host/chromium-print';
import { median, readPassages, round, writeLibrary } from './corpus';

const DOCS = 10_000;
const RUNS = 3;

export async function benchLibrary(): Promise<Record<string, number>> {
  const sandbox = await mkdtemp(join(tmpdir(), 'briefing-bench-'));
  try {
    const library = join(sandbox, 'library');
    await writeLibrary(library, await readPassages(DOCS));

    const rawRead: number[] = [];
    const cold: number[] = [];
    const cached: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      let start = performance.now();
      const { files } = await scanFolder(library);
      await Promise.all(files.map((file) => readFile(file.path)));
      rawRead.push(performance.now() - start);

      const cache = join(sandbox, `cache-${run}`);
      start = performance.now();
      const snapshot = await new LibraryService(cache).open(library);
      cold.push(performance.now() - start);
      if (snapshot.briefings.length !== DOCS) throw new Error(`expected ${DOCS} briefings, listed ${snapshot.briefings.length}`);

      start = performance.now();
      await new LibraryService(cache).open(library);
      cached.push(performance.now() - start);
    }

    return {
      docs: DOCS,
      raw_read_ms: round(median(rawRead)),
      cold_scan_ms: round(median(cold)),
      cached_reopen_ms: round(median(cached)),
      cold_scan_vs_raw_read: round(median(cold) / median(rawRead)),
      peak_rss_mb: round(process.resourceUsage().maxRSS / 1024),
      list_paint_ms: await measureListPaint(sandbox, library),
    };
  } finally {
    await rm(sandbox, { recursive: true, force: true });
  }
}

/** Time from the 10,000-row listing reaching the page to the first frame with rows painted. */
async function measureListPaint(sandbox: string, library: string): Promise<number> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const timings: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const ports = new ScriptedPorts(chromiumPrinter(async () => browser));
      await attachWebHost(context, { userData: join(sandbox, `ui-${run}`), sampleLibrary: library, defaultLibrary: library }, ports);
      const page = await context.newPage();
      await page.goto(WEB_ENTRY);
      await page.waitForFunction(() => performance.getEntriesByName('briefing:library-painted').length > 0, undefined, { timeout: 120_000 });
      timings.push(
        await page.evaluate(() => {
          const [data] = performance.getEntriesByName('briefing:library-data');
          const [painted] = performance.getEntriesByName('briefing:library-painted');
          return painted.startTime - data.startTime;
        }),
      );
      await context.close();
    }
    return round(median(timings));
  } finally {
    await browser.close();
  }
}
