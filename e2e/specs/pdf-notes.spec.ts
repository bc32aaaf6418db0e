/**
 * Notes, find and search hits on PDFs (issue 12, "Annotations on PDFs"): highlights made with the
 * mouse across a column break and across a page break, a comment, the same words highlighted
 * after a reload at another zoom, a click on a highlight opening its note, find over the whole
 * document, a replaced PDF re-anchoring its notes by quote, and a scan refusing highlights.
 */
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { pageTextOf, joinPages } from '../../electron/common/pdf-text';
import { test, expect, addToLibrary, openPdf, painted, skipWithReason, type AppHandle } from '../fixtures';
import { pagePainted } from '../pdf-paint';

const CORPUS = fileURLToPath(new URL('../../../shared/corpus/pdf/', import.meta.url));
const HOSTILE = fileURLToPath(new URL('../../test-corpus/pdf-hostile/', import.meta.url));
/** Three pages, two columns (CRS In Focus IF12672). */
const CRS = join(CORPUS, '2026-04-22_crs_IF12672-russias-nuclear-weapons.pdf');
const CRS_TITLE = /Russia.s Nuclear Weapons/;
/** The last line of the left column of page 1 ends "…“up to 2,000"; the right column goes on "warheads” intended for NSNW". */
const ACROSS_COLUMNS = { from: 'up to 2,000', to: 'intended for NSNW' };
/** Page 1 ends "…Russia’s potential nuclear"; page 2's text goes on (after its running head) "employment scenarios". */
const ACROSS_PAGES = { from: 'potential nuclear', to: 'employment scenarios' };
const SCAN = join(CORPUS, '1963-11-26_cia_cable-jmwave-scan.pdf');

const sidebar = (page: Page) => page.getByRole('complementary', { name: 'Notes on this briefing' });
const pdfScroller = (page: Page) => page.getByRole('region', { name: 'PDF pages' });
const zoom = (page: Page) => page.getByRole('toolbar', { name: 'PDF' }).getByRole('combobox', { name: 'Zoom' });
const findBar = (page: Page) => page.getByRole('search', { name: 'Find in this briefing' });

/** Where the first or last letter of `text` is on screen, once a rendered text layer shows it (pages re-render after a zoom). */
async function letterOf(page: Page, text: string, edge: 'first' | 'last'): Promise<{ x: number; y: number }> {
  const find = () =>
    page.evaluate(
      ({ text, edge }) => {
        for (const span of document.querySelectorAll('.textLayer span')) {
          const node = span.firstChild;
          const at = node instanceof Text ? node.data.indexOf(text) : -1;
          if (at < 0) continue;
          const letter = document.createRange();
          const index = edge === 'first' ? at : at + text.length - 1;
          letter.setStart(node!, index);
          letter.setEnd(node!, index + 1);
          const box = letter.getBoundingClientRect();
          return { x: edge === 'first' ? box.left + box.width * 0.3 : box.right - box.width * 0.3, y: box.top + box.height / 2 };
        }
        return null;
      },
      { text, edge },
    );
  await expect.poll(find, { message: `"${text}" in a rendered text layer` }).not.toBeNull();
  return (await find())!;
}

/** Drags the mouse from the first letter of `from` to the last letter of `to`, as a person selects. */
async function drag(page: Page, from: string, to: string): Promise<void> {
  const start = await letterOf(page, from, 'first');
  const end = await letterOf(page, to, 'last');
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move((start.x + end.x) / 2, (start.y + end.y) / 2, { steps: 5 });
  await page.mouse.move(end.x, end.y, { steps: 5 });
  await page.mouse.up();
}

/** Scrolls the pages so the break between page `page` and the next is in the middle of the pane. */
async function showPageBreak(page: Page, pageNumber: number): Promise<void> {
  await pdfScroller(page).evaluate((scroller, next) => {
    const top = (scroller.querySelector(`[data-page="${next}"]`) as HTMLElement).offsetTop;
    scroller.scrollTop = top - scroller.clientHeight / 2;
  }, pageNumber + 1);
  await expect.poll(() => page.locator(`[data-page="${pageNumber}"] .textLayer span`).count()).toBeGreaterThan(0);
  await expect.poll(() => page.locator(`[data-page="${pageNumber + 1}"] .textLayer span`).count()).toBeGreaterThan(0);
}

/** Every piece of text painted by a note's highlight, in any colour, joined. */
const allPainted = async (page: Page) =>
  Object.values(await painted(page))
    .flat()
    .join(' | ');

/** The PDF's text as the services and the reader define it (pageTextOf per page), to count what find must find. */
async function documentText(path: string): Promise<string> {
  const pdf = await getDocument({ data: new Uint8Array(await readFile(path)), isEvalSupported: false, verbosity: 0 }).promise;
  const pages: string[] = [];
  for (let number = 1; number <= pdf.numPages; number++) pages.push(pageTextOf((await (await pdf.getPage(number)).getTextContent()).items).text);
  await pdf.destroy();
  return joinPages(pages).text;
}

async function openCrs(app: AppHandle): Promise<void> {
  await openPdf(app.page, CRS_TITLE);
  await expect(pdfScroller(app.page).locator('.textLayer span').first()).toBeAttached();
}

test.beforeEach(() => skipWithReason(!existsSync(CRS), `the shared corpus is not at ${CORPUS}`));

test('highlights made with the mouse across a column and a page break, commented, are on the same words after a reload at another zoom', async ({ app }) => {
  const { page } = app;
  await addToLibrary(app, [CRS], 'pdf');
  await openCrs(app);
  await zoom(page).selectOption('fit-page');

  // Across the column break: the end of the left column to the top of the right one.
  await drag(page, ACROSS_COLUMNS.from, ACROSS_COLUMNS.to);
  await expect(page.getByRole('toolbar', { name: 'Highlight the selection' })).toBeVisible();
  await page.keyboard.press('2');
  await expect.poll(async () => (await painted(page)).c2).toEqual(['up to 2,000warheads” intended for NSNW']);
  const columnCard = sidebar(page).getByRole('listitem').filter({ hasText: 'intended for NSNW' });
  await expect(columnCard).toContainText('p. 1');

  // Across the page break, with a comment (C).
  await showPageBreak(page, 1);
  await drag(page, ACROSS_PAGES.from, ACROSS_PAGES.to);
  await page.keyboard.press('c');
  const editor = sidebar(page).getByRole('group', { name: 'Edit note' });
  await editor.getByLabel(/Comment/).fill('Compare with the 2020 doctrine.');
  await editor.getByRole('button', { name: 'Done' }).click();
  await expect.poll(async () => (await painted(page)).c2).toContainEqual('potential nuclear');
  await expect.poll(async () => (await painted(page)).c2).toContainEqual(expect.stringMatching(/^Russia’s Nuclear Weapons.*employment scenarios$/));
  await expect(sidebar(page).getByRole('listitem').filter({ hasText: 'Compare with the 2020 doctrine.' })).toContainText('p. 1');

  // A click on highlighted words opens that note.
  const word = await letterOf(page, 'employment scenarios', 'first');
  await page.mouse.click(word.x, word.y);
  await expect(editor.getByLabel(/Comment/)).toHaveValue('Compare with the 2020 doctrine.');
  await page.keyboard.press('Escape');

  const stored = JSON.parse(
    await readFile(join(app.library, '.briefing', 'annotations', 'pdf', '2026-04-22_crs_IF12672-russias-nuclear-weapons.pdf.json'), 'utf8'),
  );
  expect(stored.items.map((item: { target: { selector: { value?: string }[] } }) => item.target.selector[2].value)).toEqual(['page=1', 'page=1']);

  // Reload the app, at 150 %: the same words are highlighted, on the new text layers.
  await app.reload();
  await openCrs(app);
  await zoom(page).selectOption('1.5');
  await showPageBreak(page, 1);
  await expect.poll(() => allPainted(page)).toContain('potential nuclear');
  await expect.poll(() => allPainted(page)).toMatch(/Russia’s Nuclear Weapons.*employment scenarios/);
  await pdfScroller(page).evaluate((scroller) => (scroller.scrollTop = 0));
  await expect.poll(() => allPainted(page)).toContain('up to 2,000warheads” intended for NSNW');
});

test('find goes through the whole PDF, pages not yet drawn included, and a search hit opens on its page with the hit painted', async ({ app }) => {
  const { page } = app;
  await addToLibrary(app, [CRS], 'pdf');
  await openCrs(app);

  // A phrase across a line break, on page 1.
  await page.keyboard.press('Control+f');
  await findBar(page).getByRole('searchbox').fill('Russia’s nuclear weapons in an apparent');
  await expect(findBar(page).locator('output')).toHaveText('1 of 1');
  const current = () => page.evaluate(() => [...((CSS.highlights.get('find-current') as Highlight | undefined) ?? [])].map((range) => range.toString()));
  await expect.poll(current).toEqual(['Russia’s nuclearweapons in an apparent']);

  // A word all over the document: counted over every page, drawn or not.
  const text = await documentText(CRS);
  const belarus = text.match(/Belarus/gi)!.length;
  await findBar(page).getByRole('searchbox').fill('Belarus');
  await expect(findBar(page).locator('output')).toHaveText(`1 of ${belarus}`);

  // A phrase only on page 3: going to it brings page 3 on screen and paints it there.
  await findBar(page).getByRole('searchbox').fill('nonpartisan shared staff');
  await expect(findBar(page).locator('output')).toHaveText('1 of 1');
  await expect.poll(current).toEqual(['nonpartisan shared staff']);
  await expect(page.locator('[data-page="3"] .textLayer span', { hasText: 'nonpartisan shared staff' })).toBeInViewport();
  await expect.poll(() => pagePainted(page)).toBe(true);
  // Only the pages' scroller moved: the app's bar is where it was.
  await expect(page.getByRole('button', { name: 'Library', exact: true })).toBeInViewport({ ratio: 1 });

  // From search: the hit on page 3 opens the PDF there, the hit painted and in view.
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await app.host?.services.searchIdle();
  await page.keyboard.press('/');
  await page.getByRole('searchbox', { name: 'Search all briefings' }).fill('nonpartisan');
  const hit = page.getByRole('listbox', { name: 'Search results' }).getByRole('option').filter({ hasText: CRS_TITLE });
  await expect(hit).toContainText(/p\.\s*3/);
  await hit.click();
  await expect(findBar(page).locator('output')).toHaveText('1 of 1');
  await expect.poll(current).toEqual(['nonpartisan']);
  await expect(page.locator('[data-page="3"] .textLayer span', { hasText: 'nonpartisan' })).toBeInViewport();
});

test('the notes view opens a note on a PDF at its page, with its editor open', async ({ app }) => {
  const { page } = app;
  await addToLibrary(app, [CRS], 'pdf');
  await openCrs(app);
  await page.keyboard.press('Control+f');
  await findBar(page).getByRole('searchbox').fill('nonpartisan shared staff');
  await expect(findBar(page).locator('output')).toHaveText('1 of 1');
  // The match is on page 3: its words can be selected once that page's text is drawn.
  await expect(page.locator('[data-page="3"] .textLayer span', { hasText: 'nonpartisan' })).toBeInViewport();
  await page.keyboard.press('Control+Enter');
  await expect.poll(() => page.evaluate(() => String(window.getSelection()))).toContain('nonpartisan shared staff');
  await page.keyboard.press('3');
  await expect.poll(async () => (await painted(page)).c3).toEqual(['nonpartisan shared staff']);
  // Back at the top of page 1 (where reading is saved on leaving), then away to the library.
  await pdfScroller(page).evaluate((scroller) => (scroller.scrollTop = 0));
  await expect(page.getByRole('textbox', { name: 'Page' })).toHaveValue('1');
  await page.getByRole('button', { name: 'Library', exact: true }).click();
  await page.getByRole('button', { name: 'Notes', exact: true }).click();
  await page.getByRole('list', { name: 'Notes' }).getByRole('listitem').filter({ hasText: 'nonpartisan shared staff' }).getByRole('button').first().click();
  await expect(sidebar(page).getByRole('group', { name: 'Edit note' })).toBeVisible();
  await expect(page.locator('[data-page="3"] .textLayer span', { hasText: 'nonpartisan shared staff' })).toBeInViewport();
  await expect.poll(async () => (await painted(page)).c3).toEqual(['nonpartisan shared staff']);
});

test('a note made on a PDF re-anchors by its quote when the file is replaced by a revised version', async ({ app }) => {
  const { page } = app;
  const folder = join(app.library, 'readouts');
  await mkdir(folder, { recursive: true });
  const file = join(folder, 'readout.pdf');
  await copyFile(join(HOSTILE, 'readout-v1.pdf'), file);
  await app.reload();
  await openPdf(page, 'Readout of a meeting on sanctions');
  await drag(page, 'They agreed to stay', 'close contact');
  await page.keyboard.press('h');
  await drag(page, 'further steps', 'further steps');
  await page.keyboard.press('4');
  await expect.poll(() => allPainted(page)).toContain('They agreed to stay in close contact');
  await expect.poll(async () => (await painted(page)).c4).toEqual(['further steps']);
  await page.keyboard.press('Escape');

  // The revised readout replaces the file: a sentence inserted, "further steps" now "further measures".
  await copyFile(join(HOSTILE, 'readout-v2.pdf'), file);
  await app.reload();
  await openPdf(page, 'Readout of a meeting on sanctions');
  await expect.poll(() => allPainted(page)).toContain('They agreed to stay in close contact');
  // The changed words are not silently highlighted: that note is an orphan, shown with its quote.
  expect((await painted(page)).c4).toEqual([]);
  await expect(sidebar(page).getByRole('heading', { name: /Orphans/ })).toBeVisible();
  await expect(sidebar(page)).toContainText('further steps');
});

test('a password-protected PDF, whose text the library could not read, takes notes once opened', async ({ app }) => {
  const { page } = app;
  await addToLibrary(app, [join(HOSTILE, 'password-briefing.pdf')], 'locked');
  await page.getByRole('searchbox', { name: 'Filter briefings by title' }).fill('password');
  await page.getByRole('listbox', { name: 'Briefings' }).getByRole('option').first().click();
  await page.getByRole('textbox', { name: 'Password' }).fill('briefing');
  await page.getByRole('button', { name: 'Open' }).click();
  // The reader builds the text itself (the services had none), then the words can be highlighted.
  await drag(page, 'the right password', 'was given');
  await page.keyboard.press('h');
  await expect.poll(() => allPainted(page)).toContain('the right password was given');
  await expect(sidebar(page).getByRole('listitem')).toContainText('p. 1');
});

test('a scanned PDF is shown, and H says why it cannot be highlighted', async ({ app }) => {
  const { page } = app;
  await addToLibrary(app, [SCAN], 'pdf');
  await openPdf(page, '');
  await expect(page.getByRole('note').filter({ hasText: 'scan' })).toBeVisible();
  await pdfScroller(page).focus();
  await page.keyboard.press('h');
  await expect(page.getByText(/cannot be highlighted/)).toBeVisible();
  await expect(page.getByRole('toolbar', { name: 'Highlight the selection' })).toHaveCount(0);
});

test('a highlighted PDF page, light and dark (inverted pages)', async ({ app }, testInfo) => {
  const { page } = app;
  await addToLibrary(app, [CRS], 'pdf');
  await openCrs(app);
  const passages: [string, string, string][] = [
    ['possesses the world’s largest nuclear', 'modernize and diversify', '1'],
    ['President Vladimir Putin', 'deter Western military', '2'],
    ['1,550 warheads', 'nondeployed strategic nuclear', '3'],
    ['Congress may choose', 'arms control.', '5'],
  ];
  for (const [from, to, key] of passages) {
    await drag(page, from, to);
    await page.keyboard.press(key);
  }
  await drag(page, 'Force Structure', 'Force Structure');
  await page.keyboard.press('c');
  await sidebar(page)
    .getByRole('group', { name: 'Edit note' })
    .getByLabel(/Comment/)
    .fill('Check against the 2026 FAS estimate.');
  await sidebar(page).getByRole('group', { name: 'Edit note' }).getByRole('button', { name: 'Done' }).click();
  await page.mouse.click(5, 400);
  await expect.poll(async () => Object.values(await painted(page)).flat().length).toBe(5);
  await page.screenshot({ path: testInfo.outputPath('pdf-highlights-light.png') });

  await page.keyboard.press('t');
  await page.keyboard.press('t');
  await page.keyboard.press('t');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.getByRole('button', { name: 'Invert pages' }).click();
  await expect.poll(() => pagePainted(page)).toBe(true);
  await page.screenshot({ path: testInfo.outputPath('pdf-highlights-dark.png') });
});
