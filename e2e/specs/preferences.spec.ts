import { test, expect, briefingRows, openByTitle } from '../fixtures';

const bodySize = (page: import('@playwright/test').Page) =>
  page
    .locator('.article-body p')
    .first()
    .evaluate((element) => getComputedStyle(element).fontSize);

test('theme and font size persist across a restart', async ({ app }) => {
  await briefingRows(app.page).first().click();
  await expect(app.page.locator('article h1')).toBeVisible();
  const before = await bodySize(app.page);
  await app.page.getByRole('button', { name: 'Larger text (+)' }).click();
  await app.page.keyboard.press('+');
  await expect(app.page.getByLabel('Text size', { exact: true }).getByText('21px')).toBeVisible();
  expect(parseFloat(await bodySize(app.page))).toBe(parseFloat(before) + 2);
  // System (light here) -> light -> sepia -> dark.
  await app.page.keyboard.press('t');
  await app.page.keyboard.press('t');
  await app.page.keyboard.press('t');
  await expect(app.page.locator('html')).toHaveAttribute('data-theme', 'dark');
  const darkBackground = await app.page.locator('body').evaluate((body) => getComputedStyle(body).backgroundColor);

  await app.restart();
  await expect(app.page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(await app.page.locator('body').evaluate((body) => getComputedStyle(body).backgroundColor)).toBe(darkBackground);
  await briefingRows(app.page).first().click();
  await expect(app.page.locator('article h1')).toBeVisible();
  expect(parseFloat(await bodySize(app.page))).toBe(parseFloat(before) + 2);
});

test('the reading position of each briefing is restored, also after a restart', async ({ app }) => {
  const { page } = app;
  await openByTitle(page, 'Lavrov');
  await expect(page.locator('article h1')).toContainText('Sergei Lavrov');
  const scroller = page.locator('.scroller');
  await scroller.evaluate((element) => element.scrollTo(0, (element.scrollHeight - element.clientHeight) * 0.6));
  await expect.poll(() => page.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('60');
  const paragraph = await firstVisibleParagraph(page);
  await page.keyboard.press('Escape');

  await openByTitle(page, 'price cap');
  await expect(page.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '0');
  await page.keyboard.press('Escape');

  await app.restart();
  await openByTitle(app.page, 'Lavrov');
  await expect(app.page.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '60');
  expect(await firstVisibleParagraph(app.page)).toBe(paragraph);
});

/** The text of the first paragraph whose top is inside the reading pane: what the reader sees first. */
function firstVisibleParagraph(page: import('@playwright/test').Page): Promise<string> {
  return page.locator('.scroller').evaluate((scroller) => {
    const top = scroller.getBoundingClientRect().top;
    const paragraph = [...scroller.querySelectorAll('.article-body p')].find((p) => p.getBoundingClientRect().top >= top);
    return paragraph?.textContent?.slice(0, 80) ?? '';
  });
}
