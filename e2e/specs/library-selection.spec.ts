import type { Locator, Page } from '@playwright/test';
import { test, expect, briefingRows } from '../fixtures';

const listbox = (page: Page) => page.getByRole('listbox', { name: 'Briefings' });
const selectedRows = (page: Page) => listbox(page).getByRole('option', { selected: true });
const counts = (page: Page) => page.locator('.counts');
const titleOf = (row: Locator) => row.locator('.title').textContent();

/** The titles of rows `from` to `to` (inclusive), as listed. */
async function titles(page: Page, from: number, to: number): Promise<string[]> {
  const all = await briefingRows(page).locator('.title').allTextContents();
  return all.slice(from, to + 1);
}

test('Ctrl+click toggles rows into the selection and Shift+click selects a range', async ({ app }) => {
  const { page } = app;
  const rows = briefingRows(page);
  await expect(listbox(page)).toHaveAttribute('aria-multiselectable', 'true');

  await rows.nth(1).click({ modifiers: ['ControlOrMeta'] });
  await rows.nth(3).click({ modifiers: ['ControlOrMeta'] });
  // Modified clicks select without opening.
  await expect(listbox(page)).toBeVisible();
  await expect(selectedRows(page).locator('.title')).toHaveText([(await titleOf(rows.nth(1)))!, (await titleOf(rows.nth(3)))!]);
  await expect(counts(page)).toContainText('19 briefings, 2 selected');

  // The range runs from the last row Ctrl+clicked (3) to the row Shift+clicked (6).
  await rows.nth(6).click({ modifiers: ['Shift'] });
  await expect(selectedRows(page).locator('.title')).toHaveText(await titles(page, 3, 6));
  await expect(counts(page)).toContainText('19 briefings, 4 selected');
  // And again from the same anchor, upwards: the range is re-drawn, not added to.
  await rows.nth(2).click({ modifiers: ['Shift'] });
  await expect(selectedRows(page).locator('.title')).toHaveText(await titles(page, 2, 3));

  // Ctrl+click on a selected row takes it out; one row selected shows no count.
  await rows.nth(2).click({ modifiers: ['ControlOrMeta'] });
  await expect(selectedRows(page).locator('.title')).toHaveText(await titles(page, 3, 3));
  await expect(counts(page)).not.toContainText('selected');

  // A plain click selects just that row, and opens it as before.
  const fifth = (await titleOf(rows.nth(5)))!;
  await rows.nth(5).click();
  await expect(page.locator('article h1')).toHaveText(fifth);
  await page.keyboard.press('Escape');
  await expect(selectedRows(page).locator('.title')).toHaveText([fifth]);
});

test('the keyboard extends, toggles and collapses the selection, and Enter opens the current row', async ({ app }) => {
  const { page } = app;
  // At launch the first row is current: one arrow goes to the second.
  await listbox(page).focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press('Shift+ArrowDown');
  await expect(selectedRows(page).locator('.title')).toHaveText(await titles(page, 1, 3));
  await expect(counts(page)).toContainText('3 selected');
  await page.keyboard.press('Shift+ArrowUp');
  await expect(selectedRows(page).locator('.title')).toHaveText(await titles(page, 1, 2));

  // Shift+End runs the range to the last row; a plain arrow goes back to one row.
  await page.keyboard.press('Shift+End');
  await expect(counts(page)).toContainText('19 briefings, 18 selected');
  await page.keyboard.press('Home');
  await expect(selectedRows(page)).toHaveCount(1);
  await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press('Shift+ArrowDown');

  // Space takes the current row (2) out of the selection and puts it back.
  const [current] = await titles(page, 2, 2);
  await page.keyboard.press('Space');
  await expect(selectedRows(page).locator('.title')).toHaveText(await titles(page, 0, 1));
  await page.keyboard.press('Space');
  await expect(selectedRows(page)).toHaveCount(3);

  // Escape with several rows selected collapses to the current row and stays in the library.
  await page.keyboard.press('Escape');
  await expect(selectedRows(page).locator('.title')).toHaveText([current]);
  await expect(counts(page)).not.toContainText('selected');
  await expect(listbox(page)).toBeFocused();

  await page.keyboard.press('Enter');
  await expect(page.locator('article h1')).toHaveText(current);
});

test('Ctrl+A selects the rows shown; rows the filter hides drop out of the selection', async ({ app }) => {
  const { page } = app;
  await page.keyboard.press('Control+f');
  await page.keyboard.type('statement');
  const shown = await briefingRows(page).count();
  expect(shown).toBeGreaterThan(1);
  await page.keyboard.press('ArrowDown');
  await expect(listbox(page)).toBeFocused();
  await page.keyboard.press('ControlOrMeta+a');
  await expect(selectedRows(page)).toHaveCount(shown);
  await expect(counts(page)).toContainText(`19 briefings, ${shown} shown, ${shown} selected`);

  // Clearing the filter shows the other rows again, unselected.
  await page.getByRole('searchbox').fill('');
  await expect(counts(page)).toContainText(`19 briefings, ${shown} selected`);

  // Everything selected, then a filter: only what is shown stays selected.
  await listbox(page).focus();
  await page.keyboard.press('ControlOrMeta+a');
  await expect(counts(page)).toContainText('19 briefings, 19 selected');
  await page.getByRole('searchbox').fill('oil');
  const oil = await briefingRows(page).count();
  await expect(counts(page)).toContainText(`19 briefings, ${oil} shown, ${oil} selected`);
});

test('selected rows and the current row look different in every theme', async ({ app }) => {
  const { page } = app;
  const rows = briefingRows(page);
  const look = (row: Locator) =>
    row.evaluate((element) => ({ background: getComputedStyle(element).backgroundColor, outline: getComputedStyle(element).outlineStyle }));
  // At launch the first row is current, not selected: Space selects it.
  await listbox(page).focus();
  await page.keyboard.press('Space');
  await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press('Shift+ArrowDown');
  await expect(counts(page)).toContainText('3 selected');
  await expect(rows.nth(2)).toHaveAttribute('aria-selected', 'true');
  expect(await rows.nth(2).getAttribute('id')).toBe(await listbox(page).getAttribute('aria-activedescendant'));

  for (const theme of ['light', 'sepia', 'dark'] as const) {
    while ((await page.locator('html').getAttribute('data-theme')) !== theme) await page.keyboard.press('t');
    await expect(listbox(page)).toBeFocused();
    const [plain, selected, current] = [await look(rows.nth(4)), await look(rows.nth(1)), await look(rows.nth(2))];
    // Selected rows share a fill the plain rows lack; only the current row has the focus ring.
    expect(selected.background).not.toBe(plain.background);
    expect(current.background).toBe(selected.background);
    expect([plain.outline, selected.outline, current.outline]).toEqual(['none', 'none', 'solid']);
    await page.screenshot({ path: theme === 'light' ? '/tmp/library-selection.png' : `/tmp/library-selection-${theme}.png` });
  }
});
