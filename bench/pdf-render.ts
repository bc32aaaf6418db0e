/**
 * The Chromium half of `npm run bench -- pdf`: the app on the web host opens the 281-page code and
 * the time is taken from the click on its row to the first frame in which a page canvas shows
 * something (not one flat colour); then the reader scrolls 100 pages, one page height at a time,
 * each step waiting until a painted canvas covers the view; then the renderer's memory is read.
 *
 * "Painted" is judged from pixels, not from the viewer's own marks (e2e/pdf-paint.ts), so the
 * figure holds whatever the viewer's markup is.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/chromium';
import { installPaintProbe } from '../e2e/pdf-paint';
import { attachWebHost, ScriptedPorts, WEB_ENTRY } from '../web-host/web-host';
import { chromiumPrinter } from '../web-host/chromium-print';
import { median, round } from './corpus';

const RUNS = 3;
const SCROLL_PAGES = 100;
const PAINT_TIMEOUT_MS = 30_000;

/** A figure, or null and why it could not be taken. */
export type Measured = { value: number; why?: undefined } | { value: null; why: string };

export interface RenderFigures {
  first_page_ms: Measured;
  scroll_100_pages_ms: Measured;
  /** Resident memory (VmRSS from /proc) of the renderer process(es) after the scroll, Chromium's own WebUI renderer left out, in MB. */
  renderer_mb: Measured;
  /** The JavaScript heap in use after the scroll (CDP Performance.getMetrics JSHeapUsedSize), in MB. */
  renderer_js_heap_mb: Measured;
}

/**
 * `library` holds the long PDF of `pageCount` pages (and may hold others); `rowTitle` picks its row. Each of RUNS runs
 * is a fresh browser context on the same user data, so the library is listed from its cache.
 */
export async function measureRenderer(sandbox: string, library: string, rowTitle: RegExp, pageCount: number): Promise<RenderFigures> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const firstPage: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const opened = await openApp(browser, sandbox, library);
      try {
        firstPage.push(await timeFirstPage(opened.page, rowTitle));
      } catch (error) {
        const why = `the reader painted no PDF page: ${(error as Error).message}`;
        return { first_page_ms: unmeasured(why), scroll_100_pages_ms: unmeasured(why), renderer_mb: unmeasured(why), renderer_js_heap_mb: unmeasured(why) };
      } finally {
        if (run < RUNS - 1) await opened.close();
      }
      if (run === RUNS - 1) {
        try {
          const scroll = await timeScroll(opened.page, pageCount);
          return { first_page_ms: { value: round(median(firstPage)) }, scroll_100_pages_ms: scroll, ...(await rendererMemory(browser, opened.page)) };
        } finally {
          await opened.close();
        }
      }
    }
    throw new Error('unreachable: the last run returns');
  } finally {
    await browser.close();
  }
}

const unmeasured = (why: string): Measured => ({ value: null, why });

async function openApp(browser: Browser, sandbox: string, library: string): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  // tsx compiles this file with esbuild's keepNames, which wraps the named functions inside the
  // page.evaluate callbacks below in calls to its `__name` helper; the page has no such helper.
  await context.addInitScript('globalThis.__name = (target) => target;');
  const host = await attachWebHost(
    context,
    { userData: join(sandbox, 'ui-user-data'), sampleLibrary: library, defaultLibrary: library },
    new ScriptedPorts(chromiumPrinter(async () => browser)),
  );
  const page = await context.newPage();
  await page.goto(WEB_ENTRY);
  await page.getByRole('listbox', { name: 'Briefings' }).or(page.locator('.list-area .empty h2')).waitFor({ timeout: 600_000 });
  // The first listing starts indexing the code for search; the open is timed on an idle app.
  await host.services.searchIdle();
  return {
    page,
    close: async () => {
      await context.close();
      await host.services.dispose();
    },
  };
}

/** From the pointer going down on the row to the first frame with a painted page canvas in view. */
async function timeFirstPage(page: Page, rowTitle: RegExp): Promise<number> {
  const row = page.getByRole('listbox', { name: 'Briefings' }).getByRole('option', { name: rowTitle }).first();
  await row.waitFor({ timeout: PAINT_TIMEOUT_MS }).catch(() => {
    throw new Error(`the library lists no row named ${rowTitle}`);
  });
  await installPaintProbe(page);
  await page.evaluate(() => {
    const probe = window as unknown as { __openedAt?: number };
    addEventListener('pointerdown', () => (probe.__openedAt = performance.now()), { capture: true, once: true });
  });
  await row.click();
  return page.evaluate(
    ({ timeout }) =>
      new Promise<number>((resolve, reject) => {
        const probe = window as unknown as { __openedAt: number; __paintedCovering: (y: number) => boolean };
        const check = () => {
          if (probe.__paintedCovering(-1)) resolve(performance.now() - probe.__openedAt);
          else if (performance.now() - probe.__openedAt > timeout) reject(new Error(`no painted canvas ${timeout} ms after the click`));
          else requestAnimationFrame(check);
        };
        requestAnimationFrame(check);
      }),
    { timeout: PAINT_TIMEOUT_MS },
  );
}

/**
 * Scrolls the reader's scroll container (the nearest scrollable ancestor of the first page
 * canvas) by one page height, SCROLL_PAGES times; each step ends when a painted canvas covers the
 * middle of the view.
 */
async function timeScroll(page: Page, pageCount: number): Promise<Measured> {
  const result = await page.evaluate(
    ({ steps, timeout, pageCount }) =>
      new Promise<{ ms: number } | { why: string }>((resolve) => {
        const probe = window as unknown as { __paintedCovering: (y: number) => boolean };
        const first = document.querySelector('canvas');
        let scroller = first?.parentElement ?? null;
        while (scroller && !(scroller.scrollHeight > scroller.clientHeight + 1 && /auto|scroll/.test(getComputedStyle(scroller).overflowY))) {
          scroller = scroller.parentElement;
        }
        if (!scroller) return resolve({ why: 'no scrollable container around the page canvases' });
        const box = scroller.getBoundingClientRect();
        const middle = box.top + box.height / 2;
        const step = scroller.scrollHeight / pageCount;
        const start = performance.now();
        let done = 0;
        let stepStart = start;
        const next = () => {
          done += 1;
          scroller.scrollTop = done * step;
          stepStart = performance.now();
          requestAnimationFrame(check);
        };
        const check = () => {
          if (probe.__paintedCovering(middle)) {
            if (done === steps) resolve({ ms: performance.now() - start });
            else next();
          } else if (performance.now() - stepStart > timeout) resolve({ why: `page ${done + 1} was not painted ${timeout} ms after scrolling to it` });
          else requestAnimationFrame(check);
        };
        next();
      }),
    { steps: SCROLL_PAGES, timeout: PAINT_TIMEOUT_MS, pageCount },
  );
  return 'ms' in result ? { value: round(result.ms) } : unmeasured(result.why);
}

/** Garbage collected first (CDP HeapProfiler.collectGarbage), so the figures are what stays held. */
async function rendererMemory(browser: Browser, page: Page): Promise<Pick<RenderFigures, 'renderer_mb' | 'renderer_js_heap_mb'>> {
  const session = await page.context().newCDPSession(page);
  await session.send('HeapProfiler.collectGarbage');
  await new Promise((resolve) => setTimeout(resolve, 500));
  await session.send('Performance.enable');
  const { metrics } = await session.send('Performance.getMetrics');
  const heap = metrics.find((metric) => metric.name === 'JSHeapUsedSize')?.value;
  const browserSession = await browser.newBrowserCDPSession();
  const { processInfo } = (await browserSession.send('SystemInfo.getProcessInfo')) as { processInfo: { type: string; id: number }[] };
  let rssKb = 0;
  for (const { id } of processInfo.filter((info) => info.type === 'renderer')) {
    // Headless Chromium keeps a renderer of its own for its built-in pages; only the app's counts.
    if ((await readFile(`/proc/${id}/cmdline`, 'utf8').catch(() => '')).includes('--top-chrome-webui')) continue;
    const status = await readFile(`/proc/${id}/status`, 'utf8').catch(() => '');
    rssKb += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  }
  return {
    renderer_mb: rssKb > 0 ? { value: round(rssKb / 1024) } : unmeasured('no renderer process found in /proc (not Linux?)'),
    renderer_js_heap_mb: heap === undefined ? unmeasured('CDP gave no JSHeapUsedSize') : { value: round(heap / 2 ** 20) },
  };
}
