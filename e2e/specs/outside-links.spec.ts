import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, briefingRows } from '../fixtures';

test('links out of the library and a FIFO are listed with the reason, and opening one says why', async ({ app }, testInfo) => {
  const outside = await mkdtemp(join(tmpdir(), 'briefing-outside-'));
  try {
    await writeFile(join(outside, 'passwd.md'), '---\ntitle: Passwords\n---\n\nroot:x:0:0 secret\n');
    await mkdir(join(outside, 'etc'));
    const hostile = join(app.library, 'hostile');
    await mkdir(hostile);
    await symlink(join(outside, 'passwd.md'), join(hostile, 'outside-link.md'));
    await symlink(join(outside, 'etc'), join(hostile, 'etc'));
    execFileSync('mkfifo', [join(hostile, 'pipe.md')]);

    const { page } = app;
    await app.reload();
    await page.getByRole('searchbox', { name: 'Filter briefings by title' }).fill('Outside link');
    const row = briefingRows(page).filter({ hasText: /^Outside link/ });
    await expect(row).toContainText(`It is a link to ${join(outside, 'passwd.md')}, outside the library, so it is not read.`);
    await expect(page.getByRole('status').filter({ hasText: 'hostile/etc' })).toContainText(
      'outside the library, so it is not read. To read it, open that folder as a library.',
    );
    await page.getByRole('searchbox', { name: 'Filter briefings by title' }).fill('Pipe');
    await expect(briefingRows(page).filter({ hasText: /^Pipe/ })).toContainText('It is a named pipe (FIFO), not a regular file');
    await page.getByRole('searchbox', { name: 'Filter briefings by title' }).fill('');
    // T switches the theme only when no text field has the keys.
    await page.getByRole('searchbox', { name: 'Filter briefings by title' }).blur();
    for (const theme of ['light', 'dark'] as const) {
      while ((await page.locator('html').getAttribute('data-theme')) !== theme) await page.keyboard.press('t');
      await page.screenshot({ path: testInfo.outputPath(`outside-links-${theme}.png`) });
    }

    await page.getByRole('searchbox', { name: 'Filter briefings by title' }).fill('Outside link');
    await row.click();
    await expect(page.getByRole('alert')).toContainText('outside the library');
    await expect(page.locator('body')).not.toContainText('root:x:0:0');
    await page.screenshot({ path: testInfo.outputPath('outside-link-opened.png') });
  } finally {
    await rm(outside, { recursive: true, force: true });
  }
});
