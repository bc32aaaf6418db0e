import { copyFile, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base, expect, _electron, type Page, type ElectronApplication } from '@playwright/test';
import { attachWebHost, ScriptedPorts, WEB_ENTRY, type WebHost } from '../web-host/web-host';
import { chromiumPrinter } from '../web-host/chromium-print';
import { findElectronBinary } from '../scripts/electron-binary.mjs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { pageTextOf } from '../electron/common/pdf-text';
import { pagePainted } from './pdf-paint';

export type AppTarget = 'web' | 'electron';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
export const SAMPLE_LIBRARY = join(repoRoot, 'content');

export interface AppHandle {
  page: Page;
  /** The writable library the app opened: a fresh copy of the sample library for each test. */
  library: string;
  userData: string;
  /** The test host's record of scripted dialogs and blocked requests (web target only). */
  host: WebHost<ScriptedPorts> | null;
  /** Quits and starts the app again on the same user data and library, as a person would. */
  restart(): Promise<void>;
  /** Reloads the window (the library is scanned again) and waits until it is listed. */
  reload(): Promise<void>;
}

interface Fixtures {
  target: AppTarget;
  app: AppHandle;
}

export const test = base.extend<Fixtures>({
  target: ['web', { option: true }],

  app: async ({ target, browser }, use, testInfo) => {
    const sandbox = await mkdtemp(join(tmpdir(), 'briefing-e2e-'));
    const userData = join(sandbox, 'user-data');
    const library = join(sandbox, 'Documents', 'Briefing Reader Library');
    const pageErrors: string[] = [];
    let close: () => Promise<void> = async () => undefined;

    const handle: AppHandle = {
      page: undefined as unknown as Page,
      library,
      userData,
      host: null,
      restart: async () => {
        await close();
        await start();
      },
      reload: async () => {
        await handle.page.reload();
        await untilListed(handle.page);
      },
    };

    async function start() {
      if (target === 'electron') {
        const electronApp: ElectronApplication = await _electron.launch({
          executablePath: findElectronBinary().path!,
          args: [repoRoot],
          env: { ...process.env, BRIEFING_READER_USER_DATA: userData, BRIEFING_READER_DOCUMENTS: join(sandbox, 'Documents') },
        });
        handle.page = await electronApp.firstWindow();
        close = () => electronApp.close();
      } else {
        const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme: 'light' });
        handle.host = await attachWebHost(
          context,
          { userData, sampleLibrary: SAMPLE_LIBRARY, defaultLibrary: library },
          new ScriptedPorts(chromiumPrinter(async () => browser)),
          (line) => testInfo.annotations.push({ type: 'host', description: line }),
        );
        handle.page = await context.newPage();
        await handle.page.goto(WEB_ENTRY);
        close = async () => {
          await context.close();
          // The services write caches until they stop; the sandbox is removed only after that.
          await handle.host?.services.dispose();
        };
      }
      handle.page.on('pageerror', (error) => pageErrors.push(error.message));
      await untilListed(handle.page);
    }

    await start();
    await use(handle);
    await close();
    await rm(sandbox, { recursive: true, force: true });

    // The whole run fails on any script error, any request off the app and any CSP violation.
    expect(pageErrors, 'uncaught errors in the page').toEqual([]);
    if (handle.host) {
      expect(handle.host.blockedRequests, 'requests that tried to leave the app').toEqual([]);
      expect(handle.host.cspViolations, 'Content-Security-Policy violations').toEqual([]);
    }
  },
});

export { expect };

/** Ready when the library (copied from the sample on first run) is listed, or the reason it is not. */
async function untilListed(page: Page): Promise<void> {
  await expect(page.locator('.list-area').getByRole('listbox').or(page.locator('.list-area .empty h2'))).toBeVisible();
}

/** The rows of the library list (not the options of the sort menu). */
export const briefingRows = (page: Page) => page.getByRole('listbox', { name: 'Briefings' }).getByRole('option');

/** Chooses `item` (Import files…, Open library…, or a recent library's name) from the library bar's Library menu. */
export async function libraryMenu(page: Page, item: string | RegExp): Promise<void> {
  await page.getByRole('button', { name: 'Library', exact: true }).click();
  await page.locator('#library-menu').getByRole('button', { name: item }).click();
}

/** Opens a briefing as a person would with the keyboard: Ctrl+F (title filter), type words of its title, Enter. */
export async function openByTitle(page: Page, words: string): Promise<void> {
  await page.keyboard.press('Control+f');
  await page.keyboard.type(words);
  await page.keyboard.press('Enter');
  await expect(page.locator('article h1, [role="alert"]').first()).toBeVisible();
  // The reader takes focus once the article is laid out and its notes attached: keys work from then.
  if (await page.locator('article h1').isVisible()) await expect(page.locator('.scroller')).toBeFocused();
}

/** Selects the first occurrence of `text` in the open article, as dragging across it would. */
export async function selectText(page: Page, text: string): Promise<void> {
  await page.evaluate((needle) => {
    const body = document.querySelector('.article-body')!;
    const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const index = node.nodeValue!.indexOf(needle);
      if (index >= 0) {
        const range = document.createRange();
        range.setStart(node, index);
        range.setEnd(node, index + needle.length);
        window.getSelection()!.removeAllRanges();
        window.getSelection()!.addRange(range);
        return;
      }
    }
    throw new Error(`not in the article: ${needle}`);
  }, text);
}

/**
 * Skips the running test when `skip` holds, printing why: the list reporter shows a skipped test
 * without its reason, and a skip must never be silent.
 */
export function skipWithReason(skip: boolean, reason: string): void {
  if (!skip) return;
  console.log(`[e2e] SKIPPED "${test.info().title}" (${test.info().project.name}): ${reason}`);
  test.skip(true, reason);
}

/** The text painted by each annotation colour highlight. */
export const painted = (page: Page) =>
  page.evaluate(() =>
    Object.fromEntries(
      ['c1', 'c2', 'c3', 'c4', 'c5'].map((slot) => [
        slot,
        [...((CSS.highlights.get(`anno-${slot}`) as Highlight | undefined) ?? [])].map((range) => range.toString()),
      ]),
    ),
  );

/** Copies `files` into `folder` of the open library and rescans it (reload), as saving them there would. */
export async function addToLibrary(app: AppHandle, files: readonly string[], folder = 'added'): Promise<void> {
  const target = join(app.library, folder);
  await mkdir(target, { recursive: true });
  await Promise.all(files.map((file) => copyFile(file, join(target, basename(file)))));
  await app.page.reload();
  // Long PDFs are read in the parse worker before the list shows: the corpus takes far longer than a page of Markdown.
  await expect(app.page.locator('.list-area').getByRole('listbox').or(app.page.locator('.list-area .empty h2'))).toBeVisible({ timeout: 240_000 });
}

/**
 * Opens a PDF briefing by its row in the library (filtered by `title`) and waits until a page is painted: a
 * canvas in view with more than one shade (e2e/pdf-paint.ts), whatever the viewer's markup.
 */
export async function openPdf(page: Page, title: string | RegExp): Promise<void> {
  // Back to the library from a reader or the search view, as Escape does for a person.
  for (let step = 0; step < 3 && !(await page.getByRole('searchbox', { name: 'Filter briefings by title' }).isVisible()); step++)
    await page.keyboard.press('Escape');
  await page.getByRole('searchbox', { name: 'Filter briefings by title' }).fill(typeof title === 'string' ? title : '');
  await briefingRows(page).filter({ hasText: title }).first().click();
  await expect.poll(() => pagePainted(page), { message: `a page of "${title}" painted`, timeout: 30_000 }).toBe(true);
}

/**
 * The text of a PDF file as pdf.js extracts it, each page built by the app's own rule (pageTextOf), pages
 * joined by a newline and every run of white space made one space: what a reader of the file would see.
 */
export async function pdfFileText(path: string): Promise<string> {
  const pdf = await getDocument({ data: new Uint8Array(await readFile(path)), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let number = 1; number <= pdf.numPages; number++) pages.push(pageTextOf((await (await pdf.getPage(number)).getTextContent()).items).text);
  await pdf.destroy();
  return pages.join('\n').replace(/\s+/g, ' ');
}
