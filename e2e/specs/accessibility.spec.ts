import AxeBuilder from '@axe-core/playwright';
import { test, expect, briefingRows, openByTitle } from '../fixtures';

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

test('focus is visible on every control reached with Tab', async ({ app }) => {
  const { page } = app;
  await briefingRows(page).first().waitFor();
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
