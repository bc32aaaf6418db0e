import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test, expect, briefingRows, openByTitle, selectText, painted } from '../fixtures';
import { binaryDoc, briefingDocx, encryptedDocx, hyperlink, paragraph, picture, wordPackage } from '../../electron/services/library/docx/docx.fixture';

const TITLE = 'Black Sea Grain Initiative';

test('a Word briefing opens in the reader with its headings, list, table, footnote and picture', async ({ app }, testInfo) => {
  const { page } = app;
  await writeFile(join(app.library, 'grain.docx'), await briefingDocx({ title: TITLE, creator: 'Ministry of Agrarian Policy' }));
  await app.reload();
  await expect(briefingRows(page).filter({ hasText: TITLE })).toContainText('Ministry of Agrarian Policy');
  await openByTitle(page, 'Black Sea Grain');
  await expect(page.locator('article h1')).toHaveText(TITLE);
  const body = page.locator('.article-body');
  await expect(body.getByRole('heading', { level: 2 })).toHaveText('Grain corridor update');
  await expect(body.getByRole('heading', { level: 3 })).toHaveText('Next steps');
  await expect(body.getByRole('listitem').filter({ hasText: 'Inspect vessels in Istanbul' })).toBeVisible();
  await expect(body.getByRole('table').getByRole('row').nth(2)).toHaveText(/Chornomorsk\s*400,000/);
  await expect(body.getByRole('listitem').filter({ hasText: 'Figures from the ministry’s March report.' })).toBeVisible();
  await expect(body.getByRole('link', { name: 'the State Department site' })).toHaveAttribute('href', 'https://www.state.gov/grain');
  // The picture is decoded from the file itself: it has its real size and no request was made for it.
  const flag = body.getByRole('img', { name: 'Flag of Ukraine' });
  await expect(flag).toBeVisible();
  expect(await flag.evaluate((image: HTMLImageElement) => [image.naturalWidth, image.naturalHeight, image.src.slice(0, 22)])).toEqual([
    60,
    40,
    'data:image/png;base64,',
  ]);
  await page.screenshot({ path: testInfo.outputPath('word-briefing.png') });
  // A footnote mark jumps to its note inside the briefing; it is not offered as a link to open.
  await body.locator('a[href^="#doc-"]').first().click();
  await expect(body.getByRole('listitem').filter({ hasText: 'Figures from the ministry’s March report.' })).toBeInViewport();
  await expect(page.locator('.link-notice')).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath('word-briefing-end.png') });
});

test('a Word file with a linked picture and hostile links fetches nothing and runs nothing', async ({ app }) => {
  const { page } = app;
  await writeFile(
    join(app.library, 'linked-picture.docx'),
    wordPackage(
      [
        paragraph('A readout with a picture linked from the web.'),
        picture('link', 'rId1', 'Port of Odesa'),
        hyperlink('rId2', 'run this'),
        hyperlink('rId3', 'open this file'),
      ].join(''),
      [
        { id: 'rId1', type: 'image', target: 'https://tracker.example/pixel.png', external: true },
        { id: 'rId2', type: 'hyperlink', target: 'javascript:window.__pwned=1', external: true },
        { id: 'rId3', type: 'hyperlink', target: 'file:///etc/passwd', external: true },
      ],
    ),
  );
  await app.reload();
  await openByTitle(page, 'Linked picture');
  const body = page.locator('.article-body');
  await expect(body).toContainText('A readout with a picture linked from the web.');
  expect(await body.locator('img').count()).toBe(0);
  await expect(body.getByRole('link', { name: 'Port of Odesa' })).toHaveAttribute('href', 'https://tracker.example/pixel.png');
  await body.getByText('run this').click();
  expect(await body.locator('a[href^="javascript"], a[href^="file"]').count()).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  // The fixture also fails the test on any request that tried to leave the app.
});

test('Word files that cannot be read are listed with the reason', async ({ app }) => {
  const { page } = app;
  await writeFile(join(app.library, 'plain-text.docx'), 'Notes saved as text under a Word name.');
  await writeFile(join(app.library, 'locked.docx'), await encryptedDocx());
  await writeFile(join(app.library, 'old-format.docx'), binaryDoc());
  await app.reload();
  const filter = page.getByRole('searchbox', { name: 'Filter briefings by title' });
  for (const [title, reason] of [
    ['Plain text', 'This .docx file is damaged or is not a Word document.'],
    ['Locked', 'password-protected'],
    ['Old format', 'old-style Word document (.doc)'],
  ]) {
    await filter.fill(title);
    await expect(briefingRows(page)).toHaveCount(1);
    await expect(briefingRows(page)).toContainText(reason);
  }
});

test('a Word briefing is found by search and can be highlighted', async ({ app }) => {
  const { page } = app;
  await writeFile(
    join(app.library, 'grain.docx'),
    await briefingDocx({ title: TITLE, paragraphs: ['Insurers returned to the corridor after the second convoy.'] }),
  );
  await app.reload();
  await app.host?.services.searchIdle();
  await page.keyboard.press('/');
  await page.getByRole('searchbox', { name: 'Search all briefings' }).fill('Chornomorsk insurers');
  const result = page.getByRole('listbox', { name: 'Search results' }).getByRole('option').first();
  await expect(result).toContainText(TITLE);
  await page.keyboard.press('Enter');
  await expect(page.locator('article h1')).toHaveText(TITLE);
  await selectText(page, 'Publish weekly tonnage');
  await page.keyboard.press('2');
  await expect.poll(() => painted(page)).toMatchObject({ c2: ['Publish weekly tonnage'] });
});
