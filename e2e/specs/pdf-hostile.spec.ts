/**
 * Issue 12, "Bad input": the hostile and awkward PDFs of test-corpus/pdf-hostile (README there says
 * what each holds) in a library. Each is listed with its reason or opens; nothing a PDF asks for is
 * ever run or opened, and the fixture fails the test on any request off the app or CSP violation.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { test, expect, addToLibrary, briefingRows, openPdf, skipWithReason, type AppHandle } from '../fixtures';
import { pagePainted } from '../pdf-paint';

const HOSTILE = fileURLToPath(new URL('../../test-corpus/pdf-hostile/', import.meta.url));
const FIXTURES = readdirSync(HOSTILE)
  .filter((name) => name.endsWith('.pdf'))
  .map((name) => join(HOSTILE, name));

const linkNotice = (page: Page) => page.getByRole('region', { name: 'Link' });
const filter = (page: Page) => page.getByRole('searchbox', { name: 'Filter briefings by title' });

/** The hostile library, and a record of every dialog and every new page the app's context sees. */
async function hostileLibrary(app: AppHandle): Promise<{ dialogs: string[]; pages: () => number }> {
  const dialogs: string[] = [];
  app.page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  await addToLibrary(app, FIXTURES, 'hostile');
  return { dialogs, pages: () => app.page.context().pages().length };
}

/** Clicks the words of a PDF link where they are drawn, as a person would (the link annotation lies over them). */
async function clickWords(page: Page, words: string): Promise<void> {
  const box = await page.getByText(words, { exact: false }).first().boundingBox();
  if (!box) throw new Error(`"${words}" is not on screen`);
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

test('each hostile file is listed: the readable ones by title, the unreadable ones with the reason', async ({ app }) => {
  const { page } = app;
  await hostileLibrary(app);
  for (const title of [
    'Hostile fixture: JavaScript on open',
    'Hostile fixture: Launch action',
    'Hostile fixture: URI links',
    'Hostile fixture: remote GoTo links',
    'Hostile fixture: XFA form',
    'Hostile fixture: embedded files',
    'Hostile fixture: internal link',
    'Hostile fixture: two thousand pages',
    'Hostile fixture: giant page',
    'Hostile fixture: 50-megapixel image',
    'Hostile fixture: damaged page 7',
  ]) {
    await filter(page).fill(title);
    await expect(briefingRows(page).filter({ hasText: title }), title).toHaveCount(1);
  }
  const reasons: [string, RegExp][] = [
    ['zero-bytes', /empty/i],
    ['html-named-pdf', /not a PDF|damaged/i],
    ['truncated-half', /damaged|cannot be read|broken/i],
    ['password-briefing', /password/i],
  ];
  for (const [name, reason] of reasons) {
    await filter(page).fill(name.replace(/-/g, ' '));
    const row = briefingRows(page).first();
    await expect(row, name).toBeVisible();
    await expect(row, `${name} says why`).toHaveAccessibleName(reason);
  }
  await filter(page).fill('');
  await page.screenshot({ path: test.info().outputPath('hostile-library.png') });
});

test('opening the PDFs that carry scripts, Launch and remote actions, XFA and attachments runs and opens nothing', async ({ app }) => {
  skipWithReason(!app.host, "opened links and confirmations are recorded by the web host's scripted ports");
  const { page } = app;
  const watch = await hostileLibrary(app);
  const cases: [string, string | null][] = [
    ['Hostile fixture: JavaScript on open', null],
    ['Hostile fixture: Launch action', 'Launch the calculator'],
    ['Hostile fixture: remote GoTo links', 'Go to page 1 of ../secrets/other-briefing.pdf'],
    ['Hostile fixture: remote GoTo links', 'Go to page 1 of https://example.org/remote.pdf'],
    ['Hostile fixture: XFA form', null],
    ['Hostile fixture: embedded files', 'run-me.cmd'],
  ];
  for (const [title, link] of cases) {
    await openPdf(page, title);
    if (link) await clickWords(page, link);
    // Long enough for an open action, a timer in a script or a popup to show itself.
    await page.waitForTimeout(500);
    await expect(page, title).toHaveURL(/briefing\.localhost\/index\.html$/);
    expect(watch.dialogs, `${title}: no dialog`).toEqual([]);
    expect(watch.pages(), `${title}: no new window`).toBe(1);
    expect(app.host!.ports.opened, `${title}: nothing opened`).toEqual([]);
    expect(app.host!.ports.shownInFolder, `${title}: no file shown`).toEqual([]);
    await page.screenshot({ path: test.info().outputPath(`${title.replace(/\W+/g, '-')}.png`) });
    await page.keyboard.press('Escape');
  }
  await expect(page.getByText('XFA script ran')).toHaveCount(0);
});

test('the web links of a PDF go through the link notice: https and http are offered after a confirm, a javascript: link does nothing', async ({ app }) => {
  skipWithReason(!app.host, "the confirmation is answered by the web host's scripted ports");
  const { page } = app;
  await hostileLibrary(app);
  await openPdf(page, 'Hostile fixture: URI links');
  // pdf.js keeps no URL for a javascript: link, so there is nothing to follow or confirm.
  await clickWords(page, 'Script link: javascript:alert(1)');
  await expect(linkNotice(page)).toHaveCount(0);
  await clickWords(page, 'Secure link: https://example.org/briefing');
  await expect(linkNotice(page)).toContainText('https://example.org/briefing');
  await clickWords(page, 'Plain link: http://example.org/insecure');
  await expect(linkNotice(page)).toContainText('not encrypted');
  expect(app.host!.ports.confirmations).toEqual(['https://example.org/briefing', 'http://example.org/insecure']);
  expect(app.host!.ports.opened).toEqual([]);
});

test('an internal link jumps to its page', async ({ app }) => {
  const { page } = app;
  await hostileLibrary(app);
  await openPdf(page, 'Hostile fixture: internal link');
  await expect(page.getByText('Page 3: the internal link landed here')).not.toBeInViewport();
  await clickWords(page, 'Jump to page 3');
  await expect(page.getByText('Page 3: the internal link landed here')).toBeInViewport();
});

test('the 2,000-page PDF opens and paints its first page; the giant page and the 50-megapixel image render', async ({ app }) => {
  const { page } = app;
  await hostileLibrary(app);
  for (const title of ['Hostile fixture: two thousand pages', 'Hostile fixture: giant page', 'Hostile fixture: 50-megapixel image']) {
    await openPdf(page, title);
    expect(await pagePainted(page), title).toBe(true);
    await page.screenshot({ path: test.info().outputPath(`${title.replace(/\W+/g, '-')}.png`) });
    await page.keyboard.press('Escape');
  }
  await openPdf(page, 'Hostile fixture: two thousand pages');
  await expect(page.getByText('Page 1 of 2000', { exact: true })).toBeVisible();
  await page.keyboard.press('End');
  await expect(page.getByText('Page 2000 of 2000', { exact: true })).toBeVisible();
  await expect.poll(() => pagePainted(page)).toBe(true);
});

test('the locked PDF asks for its password: a wrong one says so, the right one shows it', async ({ app }) => {
  const { page } = app;
  await hostileLibrary(app);
  await filter(page).fill('password briefing');
  await briefingRows(page).first().click();
  const password = page.getByRole('textbox', { name: 'Password' });
  await expect(password).toBeVisible();
  await password.fill('wrong');
  await page.keyboard.press('Enter');
  await expect(
    page
      .getByRole('alert')
      .or(page.getByRole('status'))
      .filter({ hasText: /not right|wrong|incorrect/i }),
  ).toBeVisible();
  await password.fill('briefing');
  await page.keyboard.press('Enter');
  await expect(page.getByText('The locked briefing is open')).toBeVisible();
  await expect.poll(() => pagePainted(page)).toBe(true);
});

test('a damaged PDF shows the pages that render, with a notice; a truncated one says it cannot be read', async ({ app }) => {
  const { page } = app;
  await hostileLibrary(app);
  await openPdf(page, 'Hostile fixture: damaged page 7');
  await expect(page.getByText('Page 1 of 10 of the damaged PDF')).toBeVisible();
  // pdf.js reaches pages 1 to 7 of this file (README): the last one it knows is the damaged one.
  await page.keyboard.press('End');
  await expect(
    page
      .getByRole('alert')
      .or(page.getByRole('status'))
      .filter({ hasText: /page 7/i }),
  ).toBeVisible();
  await page.keyboard.press('Escape');
  await filter(page).fill('truncated half');
  await briefingRows(page).first().click();
  await expect(page.getByRole('alert')).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('truncated.png') });
});
