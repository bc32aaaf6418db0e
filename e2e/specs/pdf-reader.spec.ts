import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, addToLibrary, openPdf } from '../fixtures';

const CORPUS = '/work/shared/corpus/pdf';
/** A 4-page fact sheet with 12 bookmarks and web links on page 1. */
const FACT_SHEET = '2022-02-24_dfat-australia_snapshot-russia-ukraine-sanctions-regime.pdf';
/** A 50-page A5 ordinance: long enough to scroll, turn pages and come back to a place. */
const ORDINANCE = '2022-03-16_swiss-federal-council_ordinance-ukraine-measures-de.pdf';
/** An image-only scan. */
const SCAN = '1963-11-26_cia_cable-jmwave-scan.pdf';

const corpus = (...files: string[]) => files.map((file) => join(CORPUS, file));

/** How much of a drawn page's canvas is not plain background: 0 for a blank page. */
function inkOn(page: Page, pageNumber: number): Promise<number> {
  return page.locator(`.pdf-page[data-page="${pageNumber}"] canvas`).evaluate((canvas: HTMLCanvasElement) => {
    const context = canvas.getContext('2d')!;
    const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
    let ink = 0;
    for (let index = 0; index < data.length; index += 4 * 16) if (data[index] < 200 || data[index + 1] < 200 || data[index + 2] < 200) ink++;
    return ink / (data.length / (4 * 16));
  });
}

const pageWidth = (page: Page, pageNumber = 1) =>
  page.locator(`.pdf-page[data-page="${pageNumber}"]`).evaluate((element) => element.getBoundingClientRect().width);

test('a PDF opens in the reader: its first page is painted, its text selectable, and nothing leaves the app', async ({ app }, testInfo) => {
  const { page } = app;
  await addToLibrary(app, corpus(FACT_SHEET));
  await openPdf(page, 'Snapshot');
  await expect(page.getByRole('region', { name: 'PDF pages' })).toBeFocused();
  expect(await inkOn(page, 1)).toBeGreaterThan(0.01);
  await expect(page.getByRole('textbox', { name: 'Page' })).toHaveValue('1');
  await expect(page.locator('.pdf-toolbar')).toContainText('of 4');

  // pdf.js's text layer lies over the canvas: its words can be selected like any text.
  const layer = page.locator('.pdf-page[data-page="1"] .textLayer');
  await expect(layer).toContainText('sanctions');
  const word = layer.locator('span', { hasText: 'sanctions' }).first();
  await word.dblclick();
  expect(await page.evaluate(() => window.getSelection()?.toString() ?? '')).toMatch(/sanctions/i);
  await page.screenshot({ path: testInfo.outputPath('pdf-fit-width-light.png') });
});

const pagesRegion = (page: Page) => page.getByRole('region', { name: 'PDF pages' });
const pageBox = (page: Page) => page.getByRole('textbox', { name: 'Page' });

test('zoom keys and the zoom menu change the page size and are remembered; pages can be inverted for a dark room', async ({ app }, testInfo) => {
  const { page } = app;
  await addToLibrary(app, corpus(FACT_SHEET));
  await openPdf(page, 'Snapshot');
  const fitted = await pageWidth(page);
  const pane = await pagesRegion(page).evaluate((element) => element.clientWidth);
  expect(fitted).toBeGreaterThan(pane * 0.9);

  await page.getByRole('combobox', { name: 'Zoom' }).selectOption('100 %');
  // A4 is 595 pt wide: 793 CSS pixels at 100 %.
  await expect.poll(() => pageWidth(page)).toBeCloseTo((595 * 96) / 72, -1);
  await expect.poll(() => inkOn(page, 1)).toBeGreaterThan(0.01);
  await page.screenshot({ path: testInfo.outputPath('pdf-100-light.png') });

  await page.keyboard.press('Control+=');
  await expect.poll(() => pageWidth(page)).toBeCloseTo((595 * 96 * 1.1) / 72, -1);
  await page.keyboard.press('Control+-');
  await page.keyboard.press('Control+-');
  await expect.poll(() => pageWidth(page)).toBeCloseTo((595 * 96 * 0.9) / 72, -1);
  await page.keyboard.press('Control+0');
  await expect.poll(() => pageWidth(page)).toBeCloseTo(fitted, -1);

  await page.getByRole('combobox', { name: 'Zoom' }).selectOption('fit-page');
  const whole = await page.locator('.pdf-page[data-page="1"]').evaluate((element) => element.getBoundingClientRect().height);
  expect(whole).toBeLessThanOrEqual(await pagesRegion(page).evaluate((element) => element.clientHeight));
  await page.screenshot({ path: testInfo.outputPath('pdf-fit-page-light.png') });

  while ((await page.locator('html').getAttribute('data-theme')) !== 'dark') await page.keyboard.press('t');
  await page.getByRole('button', { name: 'Invert pages' }).click();
  await expect(page.getByRole('button', { name: 'Invert pages' })).toHaveAttribute('aria-pressed', 'true');
  // The page's own pixels are untouched; it is shown inverted (dark page, light text).
  const shown = await page.locator('.pdf-page[data-page="1"] .canvas-host').evaluate((element) => getComputedStyle(element).filter);
  expect(shown).toContain('invert(1)');
  await page.screenshot({ path: testInfo.outputPath('pdf-fit-page-dark-inverted.png') });

  await app.restart();
  await openPdf(app.page, 'Snapshot');
  await expect(app.page.getByRole('combobox', { name: 'Zoom' })).toHaveValue('fit-page');
  await expect(app.page.getByRole('button', { name: 'Invert pages' })).toHaveAttribute('aria-pressed', 'true');
  await app.page.getByRole('combobox', { name: 'Zoom' }).selectOption('100 %');
  await app.page.screenshot({ path: testInfo.outputPath('pdf-100-dark-inverted.png') });
});

test('the page box, the page keys and the outline move through the document', async ({ app }) => {
  const { page } = app;
  await addToLibrary(app, corpus(FACT_SHEET));
  await openPdf(page, 'Snapshot');
  await pageBox(page).fill('3');
  await pageBox(page).press('Enter');
  await expect(pageBox(page)).toHaveValue('3');
  await expect(page.locator('.pdf-page[data-page="3"]')).toBeInViewport();

  // Enter in the page box gives the keys back to the pages.
  await expect(pagesRegion(page)).toBeFocused();
  await page.keyboard.press('PageDown');
  await expect(pageBox(page)).toHaveValue('4');
  await page.keyboard.press('Home');
  await expect(pageBox(page)).toHaveValue('1');
  await page.keyboard.press('End');
  await expect(pageBox(page)).toHaveValue('4');
  await page.keyboard.press('PageUp');
  await expect(pageBox(page)).toHaveValue('3');
  // A page that is not there goes nowhere.
  await pageBox(page).fill('99');
  await pageBox(page).press('Enter');
  await expect(pageBox(page)).toHaveValue('3');

  // The PDF's bookmarks are its contents; each jumps to its page.
  const contents = page.getByRole('navigation', { name: 'Contents' });
  await expect(contents.getByRole('button')).toHaveCount(12);
  await expect(pagesRegion(page)).toBeFocused();
  await page.keyboard.press('Home');
  await expect(pageBox(page)).toHaveValue('1');
  const last = contents.getByRole('button').last();
  await last.click();
  await expect(pageBox(page)).not.toHaveValue('1');
  await expect(page.locator(`.pdf-page[data-page="${await pageBox(page).inputValue()}"]`)).toBeInViewport();
});

test('a web link on a page goes to the link notice, never navigating the app', async ({ app }) => {
  const { page } = app;
  await addToLibrary(app, corpus(FACT_SHEET));
  await openPdf(page, 'Snapshot');
  const link = page
    .locator('.pdf-page[data-page="1"]')
    .getByRole('button', { name: /^Link to https:\/\/www\.dfat\.gov\.au\// })
    .first();
  await expect(link).toBeVisible();
  const url = (await link.getAttribute('aria-label'))!.replace('Link to ', '');
  await link.click();
  await expect(page.getByRole('region', { name: 'Link' })).toContainText(url);
  expect(page.url()).toMatch(/^http:\/\/briefing\.localhost\//);
  expect(await page.locator('.pdf-page a[href]').count()).toBe(0);
});

test('the reading place comes back by page and share of the page, at any zoom, after reopening and restarting', async ({ app }) => {
  const { page } = app;
  await addToLibrary(app, corpus(ORDINANCE));
  await openPdf(page, 'Verordnung');
  await expect(page.locator('.pdf-toolbar')).toContainText('of 50');
  await pageBox(page).fill('30');
  await pageBox(page).press('Enter');
  await expect(pageBox(page)).toHaveValue('30');
  // A quarter of a screen further into page 30, then out to the library (which saves the place) and back.
  await pagesRegion(page).evaluate((element) => element.scrollBy(0, element.clientHeight / 4));
  await expect(pageBox(page)).toHaveValue('30');
  await page.keyboard.press('Escape');
  await openPdf(page, 'Verordnung');
  await expect(pageBox(page)).toHaveValue('30');

  await page.getByRole('combobox', { name: 'Zoom' }).selectOption('200 %');
  await expect(pageBox(page)).toHaveValue('30');
  await app.restart();
  await openPdf(app.page, 'Verordnung');
  await expect(pageBox(app.page)).toHaveValue('30');
  await expect(app.page.locator('.pdf-page[data-page="30"]')).toBeInViewport();
});

test('a scan is shown with a notice that it cannot be searched or highlighted', async ({ app }) => {
  const { page } = app;
  await addToLibrary(app, corpus(SCAN));
  await openPdf(page, /No text — not searchable/);
  await expect(page.getByRole('note')).toContainText('cannot be searched or highlighted');
  expect(await inkOn(page, 1)).toBeGreaterThan(0.01);
});
