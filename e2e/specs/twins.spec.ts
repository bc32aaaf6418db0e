import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test, expect, briefingRows, openByTitle, SAMPLE_LIBRARY, type AppHandle } from '../fixtures';

/** The sample library's address of 25 February 2022, in English and in the Ukrainian original (one pair_id). */
const ENGLISH_TITLE = "Address by the President to Ukrainians at the end of the first day of Russia's attacks";
const UKRAINIAN_TITLE = 'Володимир Зеленський звернувся до українців наприкінці першого дня атак Росії';

const results = (app: AppHandle) => app.page.getByRole('listbox', { name: 'Search results' }).getByRole('option');
const heading = (app: AppHandle) => app.page.locator('article h1');

async function openSearch(app: AppHandle, query: string) {
  await app.host?.services.searchIdle();
  await app.page.keyboard.press('/');
  const field = app.page.getByRole('searchbox', { name: 'Search all briefings' });
  await field.fill(query);
}

test('the reader links a briefing and its translation both ways, with a real button named in the other language', async ({ app }, testInfo) => {
  const { page } = app;
  await openByTitle(page, 'end of the first day');
  await expect(heading(app)).toHaveText(ENGLISH_TITLE);
  const toUkrainian = page.locator('article header').getByRole('button', { name: 'Українською' });
  await expect(toUkrainian).toHaveAttribute('lang', 'uk');
  await page.locator('article header').screenshot({ path: testInfo.outputPath('reader-header-twin.png') });
  // Reached with the keyboard, like any control of the header.
  await toUkrainian.focus();
  await page.keyboard.press('Enter');
  await expect(heading(app)).toContainText(UKRAINIAN_TITLE);
  await page.locator('article header').getByRole('button', { name: 'Also in English' }).click();
  await expect(heading(app)).toHaveText(ENGLISH_TITLE);
  // pair_id is shown as these links, not as a raw id under Details.
  await expect(page.locator('article header details')).not.toContainText('pair id');
});

test('a briefing whose translation is not in the library has no link', async ({ app }) => {
  await openByTitle(app.page, 'Азовсталі');
  await expect(app.page.locator('article header').getByRole('button', { name: /Also in|Українською|На русском/ })).toHaveCount(0);
});

test('a library row opens its translation with one click, or Alt+Enter on the current row', async ({ app }, testInfo) => {
  const { page } = app;
  await page.getByRole('searchbox', { name: 'Filter briefings by title' }).fill('first day');
  const row = briefingRows(page).filter({ hasText: ENGLISH_TITLE });
  await page.screenshot({ path: testInfo.outputPath('library-twin-rows.png') });
  await row.getByText('Українською').click();
  await expect(heading(app)).toContainText(UKRAINIAN_TITLE);
  await page.keyboard.press('Escape');
  await page.getByRole('searchbox', { name: 'Filter briefings by title' }).fill('першого дня');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Alt+Enter');
  await expect(heading(app)).toHaveText(ENGLISH_TITLE);
});

test('a search result links to its translation, and translations can be folded into one result', async ({ app }, testInfo) => {
  const { page } = app;
  // 137: a figure both the English and the Ukrainian address give.
  await openSearch(app, '137');
  const english = results(app).filter({ hasText: ENGLISH_TITLE });
  const ukrainian = results(app).filter({ hasText: UKRAINIAN_TITLE });
  await expect(english).toHaveCount(1);
  await expect(ukrainian).toHaveCount(1);
  await expect(ukrainian.getByText('Also in English')).toBeVisible();

  const fold = page.getByRole('checkbox', { name: 'One result per translation' });
  await expect(fold).not.toBeChecked();
  await fold.check();
  await expect(results(app).filter({ hasText: /Address by the President to Ukrainians|Володимир Зеленський звернувся/ })).toHaveCount(1);
  await expect(page.getByRole('status').filter({ hasText: 'result' })).toContainText('1 translation folded into its pair');
  await page.screenshot({ path: testInfo.outputPath('search-folded.png') });
  // The folded one is a click away, from the result kept.
  const kept = results(app).filter({ hasText: /Address by the President to Ukrainians|Володимир Зеленський звернувся/ });
  const keptIsEnglish = (await kept.textContent())!.includes(ENGLISH_TITLE);
  await kept.getByText(keptIsEnglish ? 'Українською' : 'Also in English').click();
  await expect(heading(app)).toContainText(keptIsEnglish ? UKRAINIAN_TITLE : ENGLISH_TITLE);

  // Remembered: after a restart the search still folds translations.
  await app.restart();
  await openSearch(app, '137');
  await expect(app.page.getByRole('checkbox', { name: 'One result per translation' })).toBeChecked();
  await expect(results(app).filter({ hasText: /Address by the President to Ukrainians|Володимир Зеленський звернувся/ })).toHaveCount(1);
});

test("the briefing's details say when the front matter's language contradicts the text", async ({ app }) => {
  const ukrainian = await readFile(join(SAMPLE_LIBRARY, 'president-of-ukraine/uk/2022-03-19-meaningful-talks-on-peace-and-security-uk.md'), 'utf8');
  const mislabelled = ukrainian
    .replace(/^title: .*$/m, 'title: "Mislabelled address"')
    .replace(/^language: .*$/m, 'language: "en"')
    .replace(/^pair_id: .*\n/m, '');
  await writeFile(join(app.library, 'mislabelled.md'), mislabelled);
  await app.reload();
  await openByTitle(app.page, 'Mislabelled');
  const details = app.page.locator('article header details');
  await expect(details).toContainText('Front matter says English; the text reads as Ukrainian.');
  // The text is marked up as the language it is in, for screen readers and word rules.
  await expect(app.page.locator('article')).toHaveAttribute('lang', 'uk');
  // A briefing whose front matter is right says nothing of the kind.
  await app.page.keyboard.press('Escape');
  await openByTitle(app.page, 'end of the first day');
  await expect(app.page.locator('article header')).not.toContainText('the text reads as');
});
