import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test, expect, type AppHandle } from '../fixtures';

const results = (app: AppHandle) => app.page.getByRole('listbox', { name: 'Search results' }).getByRole('option');

async function openSearch(app: AppHandle, query: string) {
  await app.page.keyboard.press('/');
  const field = app.page.getByRole('searchbox', { name: 'Search all briefings' });
  await expect(field).toBeFocused();
  await field.fill(query);
  return field;
}

test.beforeEach(async ({ app }) => {
  // The sample library is indexed in the background on first run; these tests start once it is.
  await app.host?.services.searchIdle();
});

test('typing a query shows ranked results with highlighted snippets', async ({ app }) => {
  await openSearch(app, 'concrete actions');
  const first = results(app).first();
  await expect(first).toContainText('American and Ukrainian officials');
  await expect(first.locator('mark')).toHaveText(['concrete', 'actions']);
  await expect(app.page.getByRole('status').filter({ hasText: /result/ })).toContainText(/^\d+ results? · \d+ ms/);
});

test('opening a result lands on the first hit, highlights every hit, and F3 steps through them', async ({ app }) => {
  const { page } = app;
  await openSearch(app, 'Kellogg ');
  await expect(results(app).first()).toBeVisible();
  const title = await results(app).first().locator('.title').textContent();
  await page.keyboard.press('Enter');
  await expect(page.locator('article h1')).toHaveText(title!);
  const count = page.getByRole('search', { name: 'Find in this briefing' }).locator('output');
  await expect(count).toHaveText(/^1 of \d+$/);
  const total = Number((await count.textContent())!.split(' of ')[1]);
  expect(total).toBeGreaterThan(1);
  const highlighted = await page.evaluate(() => CSS.highlights.get('find-hit')?.size ?? 0);
  expect(highlighted).toBe(total);
  const currentInView = () =>
    page.evaluate(() => {
      const range = [...(CSS.highlights.get('find-current') as Highlight)][0] as Range;
      const rect = range.getBoundingClientRect();
      return { text: range.toString(), visible: rect.top >= 0 && rect.bottom <= window.innerHeight };
    });
  expect(await currentInView()).toEqual({ text: 'Kellogg', visible: true });
  await page.keyboard.press('F3');
  await expect(count).toHaveText(`2 of ${total}`);
  expect((await currentInView()).visible).toBe(true);
  await page.keyboard.press('Shift+F3');
  await expect(count).toHaveText(`1 of ${total}`);
  // Esc closes the hits first, then goes back to the results.
  await page.keyboard.press('Escape');
  await expect(count).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(results(app).first()).toContainText(title!);
});

test('a Ukrainian query finds the Ukrainian briefing, whatever the word form', async ({ app }) => {
  await openSearch(app, 'переговорів ');
  await expect(results(app).filter({ hasText: 'Змістовні переговори' })).toHaveCount(1);
  await expect(results(app).filter({ hasText: 'Змістовні переговори' }).locator('mark').first()).toHaveText(/^переговор/i);
  await app.page.getByRole('button', { name: 'UK' }).click();
  await expect(results(app)).not.toHaveCount(0);
  for (const row of await results(app).all()) await expect(row.locator('abbr')).toHaveText('UK');
});

test('a refused query and a misspelling are explained in plain words', async ({ app }) => {
  await openSearch(app, '*tion');
  await expect(app.page.getByRole('status').filter({ hasText: 'cannot start with *' })).toBeVisible();
  await openSearch(app, 'humanitarain ');
  await expect(app.page.locator('.match').filter({ hasText: 'Showing results for humanitarian.' })).toBeVisible();
  await expect(results(app).first()).toBeVisible();
});

test('a briefing added to the library folder becomes searchable without a restart', async ({ app }) => {
  await writeFile(
    join(app.library, 'field-report.md'),
    '---\ntitle: Field report from Kharkiv\nlanguage: en\n---\n\nThe zygomorphic convoy reached the city at dawn.\n',
  );
  await openSearch(app, 'zygomorphic ');
  await expect(results(app).first()).toContainText('Field report from Kharkiv', { timeout: 15_000 });
});

test('search works while the index is being built and says it is partial', async ({ app }) => {
  test.setTimeout(120_000);
  // A folder of 3,000 briefings moved into the library at once, as a copy finished elsewhere would
  // be: the watcher sees one batch, and search answers while it is being indexed.
  const staging = join(app.userData, '..', 'staging', 'archive');
  for (let batch = 0; batch < 6; batch++) {
    const folder = join(staging, `batch-${batch}`);
    await mkdir(folder, { recursive: true });
    await Promise.all(
      Array.from({ length: 500 }, (_, i) =>
        writeFile(
          join(folder, `item-${i}.md`),
          `---\ntitle: Archive item ${batch}-${i}\ndate: 2019-0${(batch % 9) + 1}-10\n---\n\nRoutine dispatch ${i}: the checkpoint reported quiet conditions.\n`,
        ),
      ),
    );
  }
  await rename(staging, join(app.library, 'archive'));
  await expect(app.page.getByText('3,019 briefings')).toBeVisible({ timeout: 30_000 });
  await openSearch(app, 'checkpoint quiet ');
  await expect(app.page.getByText(/Indexing: searched [\d,]+ of 3,019 briefings so far/)).toBeVisible({ timeout: 30_000 });
  await expect(app.page.getByRole('status').filter({ hasText: /^3,000 results/ })).toBeVisible({ timeout: 90_000 });
  await expect(app.page.getByText(/Indexing:/)).toHaveCount(0);
});

test('Ctrl+F finds text in the open briefing, with a count and next/previous', async ({ app }) => {
  const { page } = app;
  await page.keyboard.press('Control+f');
  await page.keyboard.type('Lavrov');
  await page.keyboard.press('Enter');
  await expect(page.locator('article h1')).toContainText('Sergei Lavrov');
  await page.keyboard.press('Control+f');
  const bar = page.getByRole('search', { name: 'Find in this briefing' });
  await bar.getByRole('searchbox').fill('United Nations');
  await expect(bar.locator('output')).toHaveText(/^1 of \d+$/);
  await page.keyboard.press('Enter');
  await expect(bar.locator('output')).toHaveText(/^2 of \d+$/);
  await bar.getByRole('searchbox').fill('zzzz-not-there');
  await expect(bar.locator('output')).toHaveText('No matches');
});
