import { copyFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { test, expect, briefingRows, openByTitle, selectText, skipWithReason, type AppHandle } from '../fixtures';

const PASSAGE = 'We proposed 22 very specific actions';
const KREMLIN_PAGE = fileURLToPath(new URL('../../test-corpus/kremlin/17152.html', import.meta.url));
const KREMLIN_URL = 'http://en.kremlin.ru/events/president/news/17152';
const COMMENT = [
  '**State** reads this as a [readout](https://www.state.gov/readout) to check.',
  '<img src=x onerror=alert(1)> [x](javascript:alert(1)) ![](https://tracker.example/p.gif)',
].join('\n\n');

const sidebar = (page: Page) => page.getByRole('complementary', { name: 'Notes on this briefing' });
const linkNotice = (page: Page) => page.getByRole('region', { name: 'Link' });

async function setTheme(page: Page, theme: 'light' | 'dark') {
  while ((await page.locator('html').getAttribute('data-theme')) !== theme) await page.keyboard.press('t');
}

async function commentOnSeed(app: AppHandle) {
  await openByTitle(app.page, '22 concrete');
  await selectText(app.page, PASSAGE);
  await app.page.keyboard.press('c');
  const editor = sidebar(app.page).getByRole('group', { name: 'Edit note' });
  await editor.getByLabel(/Comment/).fill(COMMENT);
  await editor.getByRole('button', { name: 'Done' }).click();
}

/** The comment as a person sees it: Markdown rendered, hostile parts as text or inert links, nothing loaded. */
async function expectRenderedComment(page: Page, comment: ReturnType<Page['locator']>) {
  await expect(comment.locator('strong')).toHaveText('State');
  await expect(comment.getByRole('link', { name: 'readout' })).toHaveAttribute('href', 'https://www.state.gov/readout');
  await expect(comment).toContainText('<img src=x onerror=alert(1)> [x](javascript:alert(1))');
  await expect(comment.getByRole('link', { name: 'https://tracker.example/p.gif' })).toBeVisible();
  await expect(comment.locator('img, script, [onerror]')).toHaveCount(0);
  await expect(comment).not.toContainText('**');
}

for (const theme of ['light', 'dark'] as const) {
  test(`a comment's Markdown is rendered in the sidebar and the notes view, its links go through the link notice (${theme})`, async ({ app }) => {
    const { page } = app;
    await setTheme(page, theme);
    await commentOnSeed(app);
    const card = sidebar(page).getByRole('listitem').filter({ hasText: PASSAGE });
    await expectRenderedComment(page, card.locator('.comment'));
    await page.screenshot({ path: test.info().outputPath(`sidebar-${theme}.png`) });

    // A link in a comment never navigates the window: it is offered to the browser after the host asks.
    await card.getByRole('link', { name: 'readout' }).click();
    await expect(linkNotice(page)).toContainText('https://www.state.gov/readout');
    await expect(linkNotice(page)).not.toContainText('not encrypted');
    await expect(page).toHaveURL(/briefing\.localhost\/index\.html$/);
    if (app.host) expect(app.host.ports.confirmations).toEqual(['https://www.state.gov/readout']);

    // Editing shows the Markdown as typed.
    await card.getByRole('button', { name: 'Edit' }).click();
    await expect(sidebar(page).getByLabel(/Comment/)).toHaveValue(COMMENT);
    await page.keyboard.press('Escape');

    await page.locator('.scroller').focus();
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Notes', exact: true }).click();
    const note = page.getByRole('list', { name: 'Notes' }).getByRole('listitem');
    await expect(note).toHaveCount(1);
    await expectRenderedComment(page, note.locator('.comment'));
    await page.screenshot({ path: test.info().outputPath(`notes-view-${theme}.png`) });

    // The link sits above the row (which opens the note): clicking it stays in the notes view.
    await note.getByRole('link', { name: 'https://tracker.example/p.gif' }).click();
    await expect(linkNotice(page)).toContainText('https://tracker.example/p.gif');
    await expect(page.getByRole('list', { name: 'Notes' })).toBeVisible();
    if (app.host) expect(app.host.ports.confirmations).toEqual(['https://www.state.gov/readout', 'https://tracker.example/p.gif']);
    await note.getByRole('button').first().click();
    await expect(page.locator('article h1')).toContainText('American and Ukrainian officials');
    await expect(linkNotice(page)).toHaveCount(0);
  });
}

for (const theme of ['light', 'dark'] as const) {
  test(`an http original is offered after the same confirmation, says it is not encrypted, and can be copied (${theme})`, async ({ app }) => {
    skipWithReason(!app.host, "the confirmation is answered by the web host's scripted ports");
    const { page } = app;
    const ports = app.host!.ports;
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await copyFile(KREMLIN_PAGE, join(app.library, 'kremlin-17152.html'));
    await app.reload();
    await setTheme(page, theme);
    // Opened from the whole list (not a title filter), so it has neighbours to move to. The 2012
    // page is among the oldest, near the end of the list.
    await page.getByRole('listbox', { name: 'Briefings' }).focus();
    await page.keyboard.press('End');
    await briefingRows(page).filter({ hasText: 'Putin will meet' }).click();
    await expect(page.locator('article h1')).toContainText('Putin will meet');

    await page.getByRole('button', { name: 'View the original' }).click();
    const notice = linkNotice(page);
    await expect(notice).toContainText('Not opened in your browser.');
    await expect(notice).toContainText(KREMLIN_URL);
    await expect(notice).toContainText('This link is not encrypted (http)');
    expect(ports.confirmations).toEqual([KREMLIN_URL]);
    expect(ports.opened).toEqual([]);
    await page.screenshot({ path: test.info().outputPath(`http-notice-${theme}.png`) });

    await notice.getByRole('button', { name: 'Copy link' }).click();
    await expect(notice.getByRole('button', { name: 'Copied' })).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(KREMLIN_URL);

    ports.confirmLinks = true;
    await page.getByRole('button', { name: 'View the original' }).click();
    await expect(notice).toContainText('Opened in your browser.');
    expect(ports.opened).toEqual([KREMLIN_URL]);

    // The notice goes with the view: another briefing, the library, search.
    await page.locator('.scroller').focus();
    await page.keyboard.press('p');
    await expect(page.locator('article h1')).not.toContainText('Putin will meet');
    await expect(notice).toHaveCount(0);
    await page.locator('.scroller').focus();
    await page.keyboard.press('n');
    await expect(page.locator('article h1')).toContainText('Putin will meet');
    await page.getByRole('button', { name: 'View the original' }).click();
    await expect(notice).toBeVisible();
    await page.locator('.scroller').focus();
    await page.keyboard.press('Escape');
    await expect(briefingRows(page).first()).toBeVisible();
    await expect(notice).toHaveCount(0);
    await openByTitle(page, 'Putin will meet');
    await page.getByRole('button', { name: 'View the original' }).click();
    await expect(notice).toBeVisible();
    await page.locator('.scroller').focus();
    await page.keyboard.press('/');
    await expect(page.getByRole('searchbox', { name: 'Search all briefings' })).toBeFocused();
    await expect(notice).toHaveCount(0);
  });
}

test('a link that is not a web link is not opened, and can still be copied', async ({ app }) => {
  skipWithReason(!app.host, "the confirmation is answered by the web host's scripted ports");
  const { page } = app;
  await writeFile(
    join(app.library, 'contacts.md'),
    '---\ntitle: Press contacts\nlanguage: en\n---\n\nWrite to [the press office](mailto:press@example.org).\n',
  );
  await app.reload();
  await openByTitle(page, 'Press contacts');
  await page.locator('.article-body').getByRole('link', { name: 'the press office' }).click();
  await expect(linkNotice(page)).toContainText('Only web links (http or https) can be opened');
  await expect(linkNotice(page).getByRole('button', { name: 'Copy link' })).toBeVisible();
  expect(app.host!.ports.confirmations).toEqual([]);
});

test('the kicker, the list row and the notes view show only the facts a briefing has, with no stray separator', async ({ app }) => {
  const { page } = app;
  await writeFile(join(app.library, 'bare.md'), '---\ntitle: A bare memo\nlanguage: en\n---\n\nA memo with no source and no date, only words.\n');
  await app.reload();
  await page.keyboard.press('Control+f');
  await page.keyboard.type('bare memo');
  await expect(briefingRows(page)).toHaveCount(1);
  await expect(briefingRows(page).first().locator('.meta')).toHaveText(/^EN\s*·\s*1 min read\s*(, unread)?$/);
  await page.keyboard.press('Enter');
  await expect(page.locator('article .kicker')).toHaveText(/^English\s*·\s*1 min read$/);

  await selectText(page, 'only words');
  await page.keyboard.press('h');
  await page.locator('.scroller').focus();
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Notes', exact: true }).click();
  await expect(page.getByRole('list', { name: 'Notes' }).locator('.citation')).toHaveText(/^A bare memo$/);
});
