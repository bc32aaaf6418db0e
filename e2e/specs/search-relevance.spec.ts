import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test, expect, type AppHandle } from '../fixtures';

const results = (app: AppHandle) => app.page.getByRole('listbox', { name: 'Search results' }).getByRole('option');
const status = (app: AppHandle) => app.page.getByRole('status').filter({ hasText: 'result' });
/** The line above the results that says how they relate to the words typed. */
const matchLine = (app: AppHandle) => app.page.locator('.results > p');

async function search(app: AppHandle, query: string) {
  await app.host?.services.searchIdle();
  const field = app.page.getByRole('searchbox', { name: 'Search all briefings' });
  if (!(await field.isVisible())) await app.page.keyboard.press('/');
  await field.fill(query);
}

/** Switches the theme with T (in the library, where T is not typed into a field) until it is `theme`. */
async function useTheme(app: AppHandle, theme: 'light' | 'dark') {
  while ((await app.page.locator('html').getAttribute('data-theme')) !== theme) await app.page.keyboard.press('t');
}

test('a misspelt word is searched corrected, says so with the word emphasised, and can be searched as typed', async ({ app }, testInfo) => {
  await search(app, 'humanitarain aid');
  await expect(matchLine(app)).toContainText('Showing results for humanitarian aid.');
  await expect(matchLine(app).locator('em')).toHaveText(['humanitarian']);
  await expect(results(app).first()).toBeVisible();
  // Said once: not again among the notices of the status line.
  await expect(status(app)).not.toContainText('Showing results for');
  await app.page.screenshot({ path: testInfo.outputPath('search-corrected-light.png') });

  await matchLine(app).getByRole('button', { name: 'Search instead for humanitarain aid' }).click();
  await expect(matchLine(app).filter({ hasText: 'Showing results for' })).toHaveCount(0);
  // Typing again corrects again.
  await search(app, 'humanitarain aid ');
  await expect(matchLine(app)).toContainText('Showing results for humanitarian aid');
});

test('when no briefing holds every word, the closest matches are shown and labelled', async ({ app }) => {
  await search(app, 'Kellogg qxzvwk');
  await expect(matchLine(app)).toHaveText('No briefing has all the words; closest matches:');
  await expect(results(app).first()).toContainText(/Kellogg/);
  await expect(status(app)).not.toContainText('closest matches');
});

test('a result that matched only in its title says so instead of passing the opening off as a match', async ({ app }, testInfo) => {
  await writeFile(
    join(app.library, 'convoy.md'),
    '---\ntitle: Zygomorphic convoy dispatch\nlanguage: en\n---\n\nThe column reached the city at dawn and unloaded medical supplies at the station.\n',
  );
  await app.reload();
  await search(app, 'zygomorphic');
  const hit = results(app).filter({ hasText: 'Zygomorphic convoy dispatch' });
  await expect(hit.locator('.snippet')).toContainText('Matched in the title');
  await expect(hit.locator('.snippet mark')).toHaveCount(0);
  await app.page.screenshot({ path: testInfo.outputPath('search-title-only.png') });
  // A word of the text is a match in the text: no such label.
  await search(app, 'unloaded medical');
  await expect(results(app).filter({ hasText: 'Zygomorphic convoy dispatch' }).locator('.snippet')).not.toContainText('Matched in the title');
});

test('the search view reads well in the dark theme', async ({ app }, testInfo) => {
  await useTheme(app, 'dark');
  await search(app, 'humanitarain aid');
  await expect(matchLine(app)).toContainText('Showing results for');
  await app.page.screenshot({ path: testInfo.outputPath('search-corrected-dark.png') });
  await search(app, '137');
  await app.page.getByRole('checkbox', { name: 'One result per translation' }).check();
  await expect(status(app)).toContainText('folded');
  await app.page.screenshot({ path: testInfo.outputPath('search-folded-dark.png') });
});
