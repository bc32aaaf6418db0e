import { existsSync } from 'node:fs';
import { copyFile, mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from '@playwright/test';
import { test, expect, briefingRows, skipWithReason } from '../fixtures';
import { pagePainted } from '../pdf-paint';

/** The real PDFs of shared/corpus/pdf (README.md there lists each file's pages and text layer). */
const CORPUS = fileURLToPath(new URL('../../../shared/corpus/pdf/', import.meta.url));
const CODE = '2001-04-05_verkhovna-rada_criminal-code-of-ukraine-uk.pdf';
const SCAN = '1963-12-03_fbi_legat-cable-scan.pdf';
const SCANNED_OR_GARBLED = 5;

/** The list draws only the rows in view: scrolls it down until the row of `id` is drawn, and shows it. */
async function revealRow(page: Page, id: string): Promise<Locator> {
  const list = page.getByRole('listbox', { name: 'Briefings' });
  const row = list.locator(`[role="option"][data-id="${id}"]`);
  await list.evaluate((element) => (element.scrollTop = 0));
  const drawn = async () => {
    if ((await row.count()) > 0) return true;
    await list.evaluate((element) => {
      element.scrollTop += element.clientHeight / 2;
    });
    return false;
  };
  await expect.poll(drawn, { message: `row ${id} drawn` }).toBe(true);
  await row.scrollIntoViewIfNeeded();
  return row;
}

test('a library of the corpus PDFs lists their kind and pages, flags the scans, and a search hit opens on its page', async ({ app }, testInfo) => {
  skipWithReason(!existsSync(CORPUS), `the PDF corpus ${CORPUS} is missing`);
  test.setTimeout(180_000);
  const { page } = app;
  const names = (await readdir(CORPUS)).filter((name) => name.endsWith('.pdf'));
  await mkdir(join(app.library, 'pdf'));
  await Promise.all(names.map((name) => copyFile(join(CORPUS, name), join(app.library, 'pdf', name))));
  // The first scan extracts every PDF's text (the 281-page code takes seconds): longer than a reload's usual wait.
  await page.reload();
  await expect(briefingRows(page).first()).toBeVisible({ timeout: 120_000 });

  await expect(briefingRows(page).first()).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('library-with-pdfs.png') });

  const code = await revealRow(page, `pdf/${CODE}`);
  await expect(code).toContainText(/PDF\s*·\s*281 pages\s*·\s*\d+ min read/);
  await page.screenshot({ path: testInfo.outputPath('library-code-row.png') });

  const scan = await revealRow(page, `pdf/${SCAN}`);
  const flag = scan.getByText('No text — not searchable');
  await expect(flag).toBeVisible();
  expect(await flag.getAttribute('title')).toMatch(/scan|text/i);
  await expect(scan).toContainText(/PDF\s*·\s*2 pages/);
  await page.screenshot({ path: testInfo.outputPath('library-scan-row.png') });

  await app.host?.services.searchIdle();
  await page.keyboard.press('/');
  await page.getByRole('searchbox', { name: 'Search all briefings' }).fill('"щире каяття"');
  const hit = page.getByRole('listbox', { name: 'Search results' }).getByRole('option').first();
  await expect(hit).toContainText('p. 37');
  await expect(hit.locator('mark')).toHaveText(['щире', 'каяття']);
  await expect(page.getByRole('status').filter({ hasText: /result/ })).toContainText(`${SCANNED_OR_GARBLED} scanned or unreadable PDFs cannot be searched.`);
  await page.screenshot({ path: testInfo.outputPath('search-pdf-hit.png') });

  await hit.click();
  await expect(page.getByLabel('Page', { exact: true })).toHaveValue('37');
  await expect.poll(() => pagePainted(page), { message: 'page 37 painted', timeout: 30_000 }).toBe(true);
  await page.screenshot({ path: testInfo.outputPath('reader-on-page-37.png') });
});
