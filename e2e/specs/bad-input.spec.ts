import { mkdir, rename, symlink, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test, expect, briefingRows, openByTitle } from '../fixtures';

const HOSTILE = `---
title: Hostile briefing
source: Test
---

Opening paragraph with **bold** words.

<script>window.__pwned = 'script'</script>
<img src="https://tracker.example/pixel.gif" onerror="window.__pwned = 'onerror'" alt="pixel">
<p onclick="window.__pwned = 'onclick'" style="background: url(https://tracker.example/bg.png)">Click me paragraph</p>
<iframe src="https://evil.example/frame"></iframe>
<a href="javascript:window.__pwned='link'">javascript link</a>
<svg><script>window.__pwned = 'svg'</script></svg>
<style>body { background: url(https://tracker.example/style.png) }</style>
<form action="https://evil.example/post"><input name="q"><button>Send</button></form>
<object data="https://evil.example/flash.swf"></object>

[a remote link](https://example.org/report) and ![remote image](https://tracker.example/md.png)

Closing paragraph.
`;

test('a hostile briefing runs no script and makes no request', async ({ app }) => {
  await writeFile(join(app.library, 'hostile.md'), HOSTILE);
  const { page } = app;
  await app.reload();
  let dialogs = 0;
  page.on('dialog', (dialog) => {
    dialogs++;
    void dialog.dismiss();
  });
  await openByTitle(page, 'Hostile briefing');
  const body = page.locator('.article-body');
  await expect(body).toContainText('Closing paragraph.');
  await expect(body).toContainText('Click me paragraph');
  await body.getByText('Click me paragraph').click();
  await body.getByText('javascript link').click();
  await page.waitForTimeout(300);

  expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
  expect(dialogs).toBe(0);
  expect(await body.locator('script, iframe, object, form, style, svg, [onclick], [onerror], [style]').count()).toBe(0);
  expect(await body.locator('img').count()).toBe(0);
  await expect(body.getByRole('link', { name: 'a remote link' })).toHaveAttribute('href', 'https://example.org/report');
  expect(await body.locator('a[href^="javascript"]').count()).toBe(0);
  expect(app.host?.blockedRequests ?? []).toEqual([]);
  expect(app.host?.ports.opened ?? []).toEqual([]);
});

test('a hostile saved web page shows only its article: no script, no frame, no remote image, no request', async ({ app }) => {
  await writeFile(
    join(app.library, 'saved-page.html'),
    `<!doctype html><html lang="en"><head><title>Saved page</title>
      <meta http-equiv="refresh" content="0; url=https://evil.example/">
      <link rel="stylesheet" href="https://cdn.example/site.css"><script src="https://cdn.example/track.js"></script>
      <base href="https://evil.example/"></head>
    <body onload="window.__pwned = 'onload'"><nav>Home News Share</nav>
      <article><h1>Saved page headline</h1><p>First sentence of the article.</p>
        <img src="https://tracker.example/a.gif"><iframe src="https://evil.example/"></iframe>
        <p style="background-image:url('https://t.example/b.png')">Last sentence of the article.</p></article>
      <script>window.__pwned = 'inline'</script></body></html>`,
  );
  const { page } = app;
  await app.reload();
  // Readability keeps the <title> when the only heading is four words or fewer.
  await openByTitle(page, 'Saved page');
  const body = page.locator('.article-body');
  await expect(body).toContainText('First sentence of the article.');
  await expect(body).toContainText('Last sentence of the article.');
  await expect(body).not.toContainText('Home News Share');
  expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
  expect(await body.locator('script, iframe, img, [style]').count()).toBe(0);
  expect(page.url()).toMatch(/^http:\/\/briefing\.localhost\//);
});

test('bad files are listed with a reason a person understands, and the rest still opens', async ({ app }) => {
  const bad = join(app.library, 'bad');
  await mkdir(bad);
  await writeFile(join(bad, 'broken-front-matter.md'), '---\ntitle: "unterminated\nsource: [nope\n---\n\nThe body survives.\n');
  await writeFile(join(bad, 'empty.md'), '');
  await writeFile(join(bad, 'binary.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48]));
  await writeFile(join(bad, 'latin1.txt'), Buffer.concat([Buffer.from('Caf'), Buffer.from([0xe9]), Buffer.from(' briefing\n\nThe text goes on normally.\n')]));
  // UTF-8 with one damaged character: no legacy encoding fits better, so the bad bytes are replaced and counted.
  await writeFile(
    join(bad, 'damaged.txt'),
    Buffer.concat([Buffer.from('Damaged “briefing”\n\nThe na'), Buffer.from([0xc3]), Buffer.from('ve text goes on normally, with “curly quotes” intact.\n')]),
  );
  await writeFile(join(bad, 'huge.md'), '');
  await truncate(join(bad, 'huge.md'), 11 * 1024 * 1024);
  await symlink(join(bad, 'loop-b.md'), join(bad, 'loop-a.md'));
  await symlink(join(bad, 'loop-a.md'), join(bad, 'loop-b.md'));
  await symlink('..', join(bad, 'folder-loop'));
  await symlink(join(bad, 'missing-target.md'), join(bad, 'dangling.md'));

  const { page } = app;
  await app.reload();
  const filter = page.getByRole('searchbox', { name: 'Filter briefings by title' });
  /** The one row whose title starts with `title` (unreadable files are titled from their names). */
  const row = (title: string) => {
    const only = briefingRows(page).filter({ hasText: new RegExp(`^${title}`) });
    return { only, show: () => filter.fill(title) };
  };
  const expectRow = async (title: string, reason: string | RegExp) => {
    const { only, show } = row(title);
    await show();
    await expect(only).toHaveCount(1);
    await expect(only).toContainText(reason);
  };
  await expect(page.getByText('6 files cannot be opened')).toBeVisible();
  await expectRow('Empty', 'This file is empty.');
  await expectRow('Binary', 'binary data, not text');
  await expectRow('Huge', 'This file is 11 MB; Briefing Reader opens briefings of up to 10 MB');
  await expectRow('Loop a', 'points to itself in a loop');
  await expectRow('Dangling', 'no longer exists');
  await expectRow('Broken front matter', 'could not be read');
  // A Latin-1 file is read as such (the title reads Café) and the notice says so, not that bytes were lost.
  await expectRow('Café briefing', 'Read as Windows-1252');
  await expectRow('Damaged', /1 character could not be read/);
  await expect(page.getByRole('status').filter({ hasText: 'bad/folder-loop' })).toContainText('points back into a folder already in the library');
  // The folder loop did not list the library twice.
  await filter.fill('heavy weapons');
  await expect(briefingRows(page)).toHaveCount(1);

  await row('Broken front matter').show();
  await row('Broken front matter').only.click();
  await expect(page.locator('.article-header .problem')).toContainText('could not be read');
  await expect(page.locator('.article-body')).toContainText('The body survives.');
  await page.keyboard.press('Escape');

  await row('Damaged').show();
  await row('Damaged').only.click();
  await expect(page.locator('.article-header .problem')).toContainText('could not be read');
  await expect(page.locator('.article-body')).toContainText('The na\ufffdve text goes on normally, with “curly quotes” intact.');
  await page.keyboard.press('Escape');

  await row('Binary').show();
  await row('Binary').only.click();
  await expect(page.getByRole('alert')).toContainText('binary data, not text');
  await page.getByRole('button', { name: 'Back to the library' }).click();
  await openByTitle(page, 'heavy weapons');
  await expect(page.locator('article h1')).toHaveText('Ukraine needs heavy weapons');
});

test('a library folder that disappears while open is reported, nothing is lost, and it comes back', async ({ app }) => {
  const { page } = app;
  await expect(page.getByText('19 briefings')).toBeVisible();
  const away = `${app.library}-away`;
  await rename(app.library, away);

  await openByTitle(page, 'heavy weapons');
  await expect(page.getByRole('alert')).toContainText('no longer in the library folder');
  await page.getByRole('button', { name: 'Back to the library' }).click();
  await expect(page.getByText(/The library folder .* cannot be found/)).toBeVisible();
  // The last known list stays on screen.
  await expect(page.getByText('19 briefings')).toBeVisible();

  await rename(away, app.library);
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByText(/cannot be found/)).toHaveCount(0);
  await openByTitle(page, 'heavy weapons');
  await expect(page.locator('article h1')).toHaveText('Ukraine needs heavy weapons');
});
