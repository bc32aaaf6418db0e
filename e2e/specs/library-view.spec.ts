import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import type { RawBriefingApi } from '../../electron/common/contract';
import { test, expect, briefingRows, libraryMenu, openByTitle, skipWithReason } from '../fixtures';

const listbox = (page: Page) => page.getByRole('listbox', { name: 'Briefings' });
const counts = (page: Page) => page.locator('.counts');
const filters = (page: Page) => page.getByRole('search', { name: 'Filter briefings' });
const chip = (page: Page, name: string) => filters(page).getByRole('button', { name, exact: true });
/** The briefings the host has stored as read. */
const readIds = (page: Page) =>
  page.evaluate(async () => {
    const answer = await (window as unknown as { briefing: RawBriefingApi }).briefing.getReadingStates();
    if (!answer.ok) throw new Error(answer.error.message);
    return Object.keys(answer.value).filter((id) => answer.value[id].read);
  });
const row = (page: Page, title: string | RegExp) => briefingRows(page).filter({ has: page.locator('.title', { hasText: title }) });

/** Scrolls the open briefing to `share` of its height and goes back to the list, which saves the place. */
async function readTo(page: Page, share: number): Promise<void> {
  // The reader puts a briefing where it was left once its fonts are in, then focuses it: a scroll
  // before that would be undone.
  await expect(page.locator('.scroller')).toBeFocused();
  // Resolved by the scroll event, after the reader's own handler has taken the position.
  await page.locator('.scroller').evaluate(
    (element, to) =>
      new Promise<void>((resolve) => {
        element.addEventListener('scroll', () => resolve(), { once: true });
        element.scrollTop = to * (element.scrollHeight - element.clientHeight);
      }),
    share,
  );
  await page.keyboard.press('Escape');
  await expect(listbox(page)).toBeVisible();
}

async function clearTitleFilter(page: Page): Promise<void> {
  await page.getByRole('searchbox', { name: 'Filter briefings by title' }).fill('');
}

test('a new library is all unread; reading to the end marks a briefing read, half way shows how far', async ({ app }) => {
  const { page } = app;
  const shown = await briefingRows(page).count();
  expect(shown).toBeGreaterThan(5);
  for (let index = 0; index < shown; index++) await expect(briefingRows(page).nth(index)).toHaveAccessibleName(/, unread$/);
  await expect(briefingRows(page).first().locator('.dot')).toBeVisible();

  await openByTitle(page, 'price cap');
  await readTo(page, 1);
  const priceCap = row(page, 'Price Cap');
  await expect(priceCap).toHaveAccessibleName(/, read$/);
  await expect(priceCap.locator('.dot')).toHaveCount(0);
  await expect(priceCap.locator('.title')).toHaveCSS('font-weight', '400');

  await clearTitleFilter(page);
  await openByTitle(page, 'Blinken');
  await readTo(page, 0.5);
  const blinken = row(page, 'Blinken');
  await expect(blinken).toHaveAccessibleName(/(49|50) % read$/);
  await expect(blinken.locator('.progress')).toHaveText(/(49|50) %/);
  // Not finished: still marked, like an unread one.
  await expect(blinken.locator('.dot')).toBeVisible();
  await expect(blinken.locator('.title')).toHaveCSS('font-weight', '600');
});

test('R marks the selected rows read, and unread again, and the marks outlast a restart', async ({ app }) => {
  const { page } = app;
  // At launch the first row is current, not selected: Space selects it.
  await listbox(page).focus();
  await page.keyboard.press('Space');
  await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press('Shift+ArrowDown');
  await expect(counts(page)).toContainText('3 selected');
  await page.keyboard.press('r');
  const rows = briefingRows(page);
  for (const index of [0, 1, 2]) await expect(rows.nth(index)).toHaveAccessibleName(/, read$/);
  await expect(rows.nth(3)).toHaveAccessibleName(/, unread$/);
  await expect(page.getByRole('button', { name: 'Mark unread' })).toBeEnabled();

  await app.restart();
  for (const index of [0, 1, 2]) await expect(briefingRows(app.page).nth(index)).toHaveAccessibleName(/, read$/);
  await expect(briefingRows(app.page).nth(3)).toHaveAccessibleName(/, unread$/);

  // Rows all read: R makes them unread. With one unread among them, R makes them all read.
  await listbox(app.page).focus();
  await app.page.keyboard.press('Space');
  await app.page.keyboard.press('r');
  await expect(briefingRows(app.page).nth(0)).toHaveAccessibleName(/, unread$/);
  await app.page.keyboard.press('Shift+ArrowDown');
  await app.page.keyboard.press('r');
  await expect(briefingRows(app.page).nth(0)).toHaveAccessibleName(/, read$/);
  await expect(briefingRows(app.page).nth(1)).toHaveAccessibleName(/, read$/);

  // The button does the same, for the mouse and the Tab key.
  await briefingRows(app.page)
    .nth(4)
    .click({ modifiers: ['ControlOrMeta'] });
  await app.page.getByRole('button', { name: 'Mark read' }).click();
  await expect(briefingRows(app.page).nth(4)).toHaveAccessibleName(/, read$/);

  await app.restart();
  await expect(briefingRows(app.page).nth(0)).toHaveAccessibleName(/, read$/);
  await expect(briefingRows(app.page).nth(2)).toHaveAccessibleName(/, read$/);
  await expect(briefingRows(app.page).nth(3)).toHaveAccessibleName(/, unread$/);
  await expect(briefingRows(app.page).nth(4)).toHaveAccessibleName(/, read$/);
});

test('R works from the filter chips as well as the list, and in the reader on the open briefing', async ({ app }) => {
  const { page } = app;
  await listbox(page).focus();
  await page.keyboard.press('Space');
  await chip(page, 'All').focus();
  await page.keyboard.press('r');
  await expect(briefingRows(page).nth(0)).toHaveAccessibleName(/, read$/);

  const title = (await briefingRows(page).nth(2).locator('.title').textContent())!;
  await briefingRows(page).nth(2).click();
  await expect(page.locator('article h1')).toHaveText(title);
  await expect(page.locator('.scroller')).toBeFocused();
  await page.keyboard.press('r');
  await expect(page.getByText('Marked read.')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(row(page, title)).toHaveAccessibleName(/, read$/);
  await row(page, title).click();
  await expect(page.locator('.scroller')).toBeFocused();
  await page.keyboard.press('r');
  await expect(page.getByText('Marked unread.')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(row(page, title)).toHaveAccessibleName(/, unread$/);
});

test('filters by language, source, date and read state, says how many are shown, and clears', async ({ app }) => {
  const { page } = app;
  await expect(counts(page)).toHaveText('19 briefings');
  await expect(filters(page).getByRole('button', { name: 'Clear filters' })).toHaveCount(0);

  // The sample is in English and Ukrainian; there is no Russian chip for it.
  await expect(chip(page, 'RU')).toHaveCount(0);
  await chip(page, 'UK').click();
  await expect(chip(page, 'UK')).toHaveAttribute('aria-pressed', 'true');
  await expect(briefingRows(page)).toHaveCount(4);
  await expect(briefingRows(page).locator('.title[lang="uk"]')).toHaveCount(4);
  await expect(counts(page)).toHaveText('19 briefings, 4 shown');
  await chip(page, 'UK').click();
  await expect(counts(page)).toHaveText('19 briefings');

  await filters(page)
    .getByRole('combobox', { name: /^Source/ })
    .selectOption('The White House');
  await expect(briefingRows(page)).toHaveCount(4);
  await expect(briefingRows(page).locator('.source')).toHaveText(Array(4).fill('The White House'));
  await expect(counts(page)).toHaveText('19 briefings, 4 shown');

  // With the title filter as well, both apply.
  await page.getByRole('searchbox', { name: 'Filter briefings by title' }).fill('oil');
  await expect(briefingRows(page)).toHaveCount(1);
  await filters(page).getByRole('button', { name: 'Clear filters' }).click();
  await expect(counts(page)).toHaveText('19 briefings');
  await expect(page.getByRole('searchbox', { name: 'Filter briefings by title' })).toHaveValue('');
  await expect(filters(page).getByRole('combobox', { name: /^Source/ })).toHaveValue('');

  // March 2022: two addresses in both languages and the White House remarks on Russian oil.
  await filters(page).getByLabel('From', { exact: true }).fill('2022-03-01');
  await filters(page).getByLabel('To', { exact: true }).fill('2022-03-31');
  await expect(briefingRows(page)).toHaveCount(5);
  await expect(briefingRows(page).locator('.meta')).toContainText(['Mar 19, 2022', 'Mar 19, 2022', 'Mar 8, 2022', 'Mar 6, 2022', 'Mar 6, 2022']);
  await expect(counts(page)).toHaveText('19 briefings, 5 shown');
  await filters(page).getByRole('button', { name: 'Clear filters' }).click();

  // Read state: one read, one half read, the rest never opened.
  await openByTitle(page, 'price cap');
  await readTo(page, 1);
  await clearTitleFilter(page);
  await openByTitle(page, 'Blinken');
  await readTo(page, 0.5);
  await clearTitleFilter(page);
  await chip(page, 'Unread').click();
  await expect(counts(page)).toHaveText('19 briefings, 18 shown');
  await expect(row(page, 'Price Cap')).toHaveCount(0);
  await chip(page, 'In progress').click();
  await expect(briefingRows(page)).toHaveCount(1);
  await expect(briefingRows(page)).toContainText('Blinken');
  await chip(page, 'Read').click();
  await expect(briefingRows(page)).toHaveCount(1);
  await expect(briefingRows(page)).toContainText('Price Cap');

  // Marking the only read briefing unread empties the list; the empty state clears the filters.
  await listbox(page).focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('r');
  await expect(page.getByRole('heading', { name: 'No briefings match these filters' })).toBeVisible();
  await page.locator('.list-area').getByRole('button', { name: 'Clear filters' }).click();
  await expect(counts(page)).toHaveText('19 briefings');
  await expect(chip(page, 'All')).toHaveAttribute('aria-pressed', 'true');
});

test('selected rows a filter hides drop out of the selection; Unread keeps a current row for R', async ({ app }) => {
  const { page } = app;
  await listbox(page).focus();
  await page.keyboard.press('ControlOrMeta+a');
  await expect(counts(page)).toHaveText('19 briefings, 19 selected');
  await chip(page, 'UK').click();
  await expect(counts(page)).toHaveText('19 briefings, 4 shown, 4 selected');
  await chip(page, 'UK').click();
  await expect(counts(page)).toHaveText('19 briefings, 4 selected');

  // Under Unread, R takes the current row out of the list and the next row becomes current.
  await chip(page, 'Unread').click();
  await listbox(page).focus();
  await page.keyboard.press('Home');
  const [first, second] = await briefingRows(page).locator('.title').allTextContents();
  await page.keyboard.press('r');
  await expect(row(page, first)).toHaveCount(0);
  await expect(listbox(page).getByRole('option', { selected: true }).locator('.title')).toHaveText(second);
  await page.keyboard.press('r');
  await expect(counts(page)).toHaveText('19 briefings, 17 shown');
});

test('N steps on from a briefing that Unread stops showing once it is read', async ({ app }) => {
  const { page } = app;
  await chip(page, 'Unread').click();
  // From a row in the middle: stepping on from the top of the list would look right by chance.
  const [, , first, second] = await briefingRows(page).locator('.title').allTextContents();
  await briefingRows(page).nth(2).click();
  await expect(page.locator('article h1')).toHaveText(first);
  await expect(page.locator('.scroller')).toBeFocused();
  await page.locator('.scroller').evaluate((element) => element.scrollTo(0, element.scrollHeight));
  // The reader saves the place once scrolling pauses; from then on the briefing counts as read.
  await expect.poll(() => readIds(page)).toEqual([expect.any(String)]);
  await expect(page.getByRole('button', { name: 'Next briefing (N)' })).toBeEnabled();
  await page.keyboard.press('n');
  await expect(page.locator('article h1')).toHaveText(second);
  // Going back at once must not save the briefing left at the end for the one just opened.
  await page.keyboard.press('Escape');
  await expect(row(page, first)).toHaveCount(0);
  await expect(counts(page)).toHaveText('19 briefings, 18 shown');
  expect(await readIds(page)).toHaveLength(1);
});

test('the topics in front matter are tags to filter by', async ({ app }) => {
  const { page } = app;
  // The sample's Ukrainian addresses have `topics`, which the library reads as tags.
  const tag = filters(page).getByRole('combobox', { name: /^Tag/ });
  await expect(tag.locator('option')).toContainText(['All tags', 'Гуманітарні коридори', 'Постачання зброї']);
  await tag.selectOption('Постачання зброї');
  await expect(briefingRows(page).locator('.title')).toHaveText(['Ukraine needs heavy weapons']);
  await expect(counts(page)).toHaveText('19 briefings, 1 shown');
  await tag.selectOption('Гуманітарні коридори');
  await expect(briefingRows(page)).toHaveCount(4);
  // Filters combine: of those, the ones in English.
  await chip(page, 'EN').click();
  await expect(briefingRows(page).locator('.title[lang="en"]')).toHaveCount(2);
  await expect(counts(page)).toHaveText('19 briefings, 2 shown');
});

test('recent libraries: open another folder, then go back through the recent list, by mouse and keyboard', async ({ app }) => {
  skipWithReason(!app.host, 'the folder dialog is scripted through the web host only');
  const { page } = app;
  const other = join(app.library, '..', 'Field notes');
  await mkdir(other, { recursive: true });
  await writeFile(join(other, 'one.md'), '---\ntitle: First field note\ndate: 2024-01-02\n---\n\nA short note.\n');
  await writeFile(join(other, 'two.md'), '---\ntitle: Second field note\ndate: 2024-01-03\n---\n\nAnother short note.\n');
  await listbox(page).focus();
  await page.keyboard.press('End');
  const last = (await listbox(page).getByRole('option', { selected: true }).locator('.title').textContent())!;
  await page.keyboard.press('r');

  app.host!.ports.nextFolder = other;
  await libraryMenu(page, 'Open library…');
  await expect(page.getByRole('heading', { level: 1, name: 'Field notes' })).toBeVisible();
  await expect(counts(page)).toHaveText('2 briefings');
  // Read marks belong to their library.
  await expect(briefingRows(page).nth(0)).toHaveAccessibleName(/, unread$/);

  const trigger = page.getByRole('button', { name: 'Library', exact: true });
  await trigger.click();
  const menu = page.getByRole('list', { name: 'Recent libraries' });
  await expect(menu.getByRole('button')).toHaveText([/^Field notes \(open now\)/, /^Briefing Reader Library/]);
  await expect(menu.getByRole('button', { name: /Field notes/ })).toBeDisabled();
  await expect(menu.getByRole('button', { name: /Briefing Reader Library/ })).toHaveAttribute('title', app.library);
  await menu.getByRole('button', { name: /Briefing Reader Library/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Briefing Reader Library' })).toBeVisible();
  await expect(counts(page)).toHaveText('19 briefings');
  await expect(menu).toBeHidden();
  await page.keyboard.press('ControlOrMeta+f');
  await page.keyboard.type(last);
  await expect(briefingRows(page)).toHaveAccessibleName(/, read$/);

  // By keyboard: Enter opens the menu on its first item, arrows step over what cannot be chosen; Esc closes it.
  await trigger.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: /^Import files…/ })).toBeFocused();
  // Letters in the open menu do not reach the app behind it (T would switch the theme).
  const themeButton = page.getByRole('button', { name: /^Theme: / });
  const theme = (await themeButton.getAttribute('aria-label'))!;
  await page.keyboard.press('t');
  await expect(page.getByRole('button', { name: /^Import files…/ })).toBeFocused();
  await expect(themeButton).toHaveAttribute('aria-label', theme);
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(trigger).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: /^Import files…/ })).toBeFocused();
  // The recent list arrives after the menu opens; Up from the first item wraps to its last library.
  await expect(menu.getByRole('button', { name: /Field notes/ })).toBeEnabled();
  await page.keyboard.press('ArrowUp');
  await expect(menu.getByRole('button', { name: /Field notes/ })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Field notes' })).toBeVisible();

  // A library whose folder is gone is listed, but cannot be chosen.
  await rename(app.library, `${app.library} (moved)`);
  await trigger.click();
  await expect(menu.getByRole('button', { name: /Briefing Reader Library/ })).toHaveText(/\(not found\)/);
  await expect(menu.getByRole('button', { name: /Briefing Reader Library/ })).toBeDisabled();
  await page.keyboard.press('Escape');
  await rename(`${app.library} (moved)`, app.library);
});

for (const theme of ['light', 'dark'] as const) {
  test(`the library with filters on, and the recent menu, look right and pass axe (${theme})`, async ({ app }) => {
    const { page } = app;
    while ((await page.locator('html').getAttribute('data-theme')) !== theme) await page.keyboard.press('t');
    await openByTitle(page, 'Blinken');
    await readTo(page, 0.42);
    await clearTitleFilter(page);
    await listbox(page).focus();
    await page.keyboard.press('Home');
    await page.keyboard.press('r');
    await chip(page, 'Unread').click();
    await chip(page, 'EN').click();
    await filters(page).getByLabel('From', { exact: true }).fill('2022-02-01');
    await expect(counts(page)).toContainText('shown');
    await expectNoSeriousViolations(page);
    await page.screenshot({ path: `/tmp/library-view-${theme}.png` });

    await chip(page, 'All').click();
    await expect(briefingRows(page).first()).toHaveAccessibleName(/, read$/);
    await page.screenshot({ path: `/tmp/library-view-${theme}-all.png` });

    await page.getByRole('button', { name: 'Library', exact: true }).click();
    await expect(page.getByRole('list', { name: 'Recent libraries' })).toBeVisible();
    await expectNoSeriousViolations(page);
    await page.screenshot({ path: `/tmp/library-view-${theme}-recent.png` });
  });
}

async function expectNoSeriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  expect(serious.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
}
