import AxeBuilder from '@axe-core/playwright';
import { test, expect, briefingRows, openByTitle, selectText } from '../fixtures';

for (const theme of ['light', 'dark', 'sepia'] as const) {
  test(`no serious accessibility violations in the library, reader and search (${theme})`, async ({ app }, testInfo) => {
    const { page } = app;
    await briefingRows(page).first().waitFor();
    while ((await page.locator('html').getAttribute('data-theme')) !== theme) await page.keyboard.press('t');
    await expectNoSeriousViolations(page);
    await page.screenshot({ path: testInfo.outputPath(`library-${theme}.png`) });

    await openByTitle(page, 'price cap');
    await expect(page.locator('article h1')).toBeVisible();
    await expectNoSeriousViolations(page);
    await page.screenshot({ path: testInfo.outputPath(`reader-${theme}.png`) });

    await app.host?.services.searchIdle();
    await page.keyboard.press('/');
    await page.keyboard.type('ceasefire Ukraine');
    await expect(page.getByRole('listbox', { name: 'Search results' }).getByRole('option').first()).toBeVisible();
    await expectNoSeriousViolations(page);
    await page.screenshot({ path: testInfo.outputPath(`search-${theme}.png`) });

    await page.keyboard.press('Enter');
    await expect(page.getByRole('search', { name: 'Find in this briefing' }).locator('output')).toHaveText(/^1 of \d+$/);
    await expectNoSeriousViolations(page);
    await page.screenshot({ path: testInfo.outputPath(`reader-hits-${theme}.png`) });
  });
}

for (const theme of ['light', 'dark'] as const) {
  test(`no serious accessibility violations with notes in every colour, and in the notes view (${theme})`, async ({ app }, testInfo) => {
    const { page } = app;
    while ((await page.locator('html').getAttribute('data-theme')) !== theme) await page.keyboard.press('t');
    await openByTitle(page, '22 concrete');
    const passages = [
      'We proposed 22 very specific actions',
      'tough but productive',
      'the final hundred yards',
      'They are advancing in metres, not kilometres',
      'It is a stalemate',
    ];
    for (const [index, passage] of passages.entries()) {
      await selectText(page, passage);
      await page.keyboard.press(String(index + 1));
    }
    const cards = page.getByRole('complementary', { name: 'Notes on this briefing' }).getByRole('listitem');
    await expect(cards).toHaveCount(5);
    await cards.nth(1).getByRole('button', { name: 'Edit' }).click();
    await page.getByLabel(/Comment/).fill('Who described the talks this way? Compare with the **State** readout.');
    await page.getByLabel(/Tags/).fill('talks, London');
    await page.getByRole('button', { name: 'Done' }).click();
    await page.locator('.scroller').evaluate((element) => element.scrollTo(0, 0));
    await expectNoSeriousViolations(page);
    await page.screenshot({ path: testInfo.outputPath(`annotations-${theme}.png`) });

    await page.locator('.scroller').focus();
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Notes', exact: true }).click();
    await expect(page.getByRole('list', { name: 'Notes' }).getByRole('listitem')).toHaveCount(5);
    await expectNoSeriousViolations(page);
    await page.screenshot({ path: testInfo.outputPath(`notes-${theme}.png`) });

    await page.keyboard.press('Control+e');
    await expect(page.getByRole('dialog', { name: 'Export notes' })).toBeVisible();
    await expectNoSeriousViolations(page);
    await page.screenshot({ path: testInfo.outputPath(`export-${theme}.png`) });
  });
}

for (const theme of ['light', 'dark'] as const) {
  test(`no serious accessibility violations in the reader with the paragraph focus and a keyboard selection (${theme})`, async ({ app }, testInfo) => {
    const { page } = app;
    while ((await page.locator('html').getAttribute('data-theme')) !== theme) await page.keyboard.press('t');
    await openByTitle(page, '22 concrete');
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('Shift+ArrowRight');
    await expect(page.getByRole('toolbar', { name: 'Highlight the selection' })).toBeVisible();
    await expectNoSeriousViolations(page);
    await page.screenshot({ path: testInfo.outputPath(`reader-paragraph-focus-${theme}.png`) });
  });
}

test('focus is visible on every control reached with Tab', async ({ app }) => {
  const { page } = app;
  await briefingRows(page).first().waitFor();
  // At launch the focus is on the list, the last control of the page; a click on the library's
  // name starts the Tab order from the top, where the bar's controls are.
  await expect(page.getByRole('listbox', { name: 'Briefings' })).toBeFocused();
  await page.getByRole('heading', { level: 1 }).click();
  for (let i = 0; i < 6; i++) {
    await page.keyboard.press('Tab');
    const outline = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement;
      const style = getComputedStyle(element);
      const within = element.closest('label') ? getComputedStyle(element.closest('label')!) : null;
      return style.outlineStyle !== 'none' || (within?.outlineStyle ?? 'none') !== 'none' || element.getAttribute('role') === 'listbox';
    });
    expect(outline).toBe(true);
  }
});

async function expectNoSeriousViolations(page: import('@playwright/test').Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  expect(serious.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
}
