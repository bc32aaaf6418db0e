import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { buildAnnotation, type AnnotationSidecar } from '../../electron/common/annotation-model';
import type { BriefingEventSource } from '../../electron/common/events';
import { test, expect, briefingRows, libraryMenu, openByTitle, selectText, skipWithReason } from '../fixtures';

const KREMLIN = fileURLToPath(new URL('../../test-corpus/kremlin', import.meta.url));

/** Drops files on the window as a file manager or a browser would: a real drop event with real File objects. */
async function dropFiles(page: Page, files: { name: string; type: string; bytes: number[] }[]) {
  const transfer = await page.evaluateHandle((list) => {
    const data = new DataTransfer();
    for (const file of list) data.items.add(new File([new Uint8Array(file.bytes)], file.name, { type: file.type }));
    return data;
  }, files);
  await page.dispatchEvent('body', 'dragover', { dataTransfer: transfer });
  await expect(page.getByText('Drop to add to the library')).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('drop-target.png') });
  await page.dispatchEvent('body', 'drop', { dataTransfer: transfer });
}

/** Resolves once the window has been sent a listing with `id` in it (the events the window itself hears). */
async function listingWith(page: Page, id: string): Promise<void> {
  await page.evaluate(
    (wanted) =>
      new Promise<void>((resolve) => {
        const events = (window as unknown as { briefingEvents: BriefingEventSource }).briefingEvents;
        const stop = events.subscribe((event) => {
          if (event.type === 'library-changed' && event.snapshot.briefings.some((briefing) => briefing.id === wanted)) {
            stop();
            resolve();
          }
        });
      }),
    id,
  );
}

test('briefings added, changed and removed in the folder show without a restart; the open one follows', async ({ app }) => {
  const { page } = app;
  await expect(page.getByText('19 briefings')).toBeVisible();
  await writeFile(
    join(app.library, 'field-report.md'),
    '---\ntitle: Field report from Kharkiv\ndate: 2025-03-01\n---\n\nThe convoy reached the city at dawn.\n\nThe mayor asked for generators.\n',
  );
  // No focus event, no reload: the watcher alone brings it in.
  await expect(page.getByText('20 briefings')).toBeVisible();
  await openByTitle(page, 'Field report');
  await selectText(page, 'asked for generators');
  await page.keyboard.press('h');
  await expect(page.locator('.article-body')).toContainText('The convoy reached the city at dawn.');

  await writeFile(
    join(app.library, 'field-report.md'),
    '---\ntitle: Field report from Kharkiv\ndate: 2025-03-01\n---\n\nA new first paragraph, written later.\n\nThe convoy reached the city at dawn.\n\nThe mayor asked for generators.\n',
  );
  await expect(page.locator('.article-body')).toContainText('A new first paragraph, written later.');
  // The note moved with its words.
  await expect
    .poll(() => page.evaluate(() => [...((CSS.highlights.get('anno-c1') as Highlight | undefined) ?? [])].map((range) => range.toString())))
    .toEqual(['asked for generators']);

  // Renamed and moved into a folder: the same text, so the reader stays on it with its note.
  await mkdir(join(app.library, 'reports'));
  const renameListed = listingWith(page, 'reports/kharkiv.md');
  await rename(join(app.library, 'field-report.md'), join(app.library, 'reports', 'kharkiv.md'));
  await renameListed;
  await expect(page.locator('.article-body')).toContainText('The convoy reached the city at dawn.');
  // The text was edited after the note was saved: the note follows the text the library last listed.
  await expect(page.getByRole('complementary', { name: 'Notes on this briefing' }).getByRole('listitem')).toHaveCount(1);
  await expect
    .poll(() => page.evaluate(() => [...((CSS.highlights.get('anno-c1') as Highlight | undefined) ?? [])].map((range) => range.toString())))
    .toEqual(['asked for generators']);
  await expect(page.getByRole('alert')).toHaveCount(0);

  await rm(join(app.library, 'reports', 'kharkiv.md'));
  await expect(page.getByRole('alert')).toContainText('removed from the library folder');
  await page.keyboard.press('Escape');
  await expect(page.getByText('19 briefings')).toBeVisible();
});

/** The passages the reader has painted as highlights, by colour slot. */
const painted = (page: Page) =>
  page.evaluate(() =>
    Object.fromEntries(
      ['c1', 'c2'].map((slot) => [slot, [...((CSS.highlights.get(`anno-${slot}`) as Highlight | undefined) ?? [])].map((range) => range.toString())]),
    ),
  );

test('notes changed or damaged by another program show at once in the reader and the notes view', async ({ app }) => {
  const { page } = app;
  await writeFile(join(app.library, 'cable.md'), '---\ntitle: Cable from Odesa\n---\n\nThe port reopened on Monday.\n\nGrain ships left at noon.\n');
  await expect(page.getByText('20 briefings')).toBeVisible();
  await openByTitle(page, 'Cable from Odesa');
  await selectText(page, 'port reopened');
  await page.keyboard.press('h');
  const sidebar = page.getByRole('complementary', { name: 'Notes on this briefing' });
  await expect(sidebar.getByRole('listitem')).toHaveCount(1);
  const folder = join(app.library, '.briefing', 'annotations');
  const sidecar = join(folder, 'cable.md.json');
  await expect.poll(() => existsSync(sidecar)).toBe(true);

  // A sync tool brings a note made on another machine.
  const ours = JSON.parse(await readFile(sidecar, 'utf8')) as AnnotationSidecar;
  const theirs = buildAnnotation(
    {
      briefingId: 'cable.md',
      fingerprint: '',
      quote: { type: 'TextQuoteSelector', exact: 'Grain ships', prefix: '', suffix: '' },
      position: { type: 'TextPositionSelector', start: 0, end: 11 },
      colour: 'c2',
    },
    'urn:uuid:5b0c7a52-0d1e-4c8e-9a51-3f1f0c2b9e11',
    new Date().toISOString(),
  );
  const both = `${JSON.stringify({ ...ours, items: [...ours.items, theirs] }, null, 2)}\n`;
  await writeFile(sidecar, both);
  await expect(sidebar.getByRole('listitem')).toHaveCount(2);
  await expect.poll(() => painted(page)).toEqual({ c1: ['port reopened'], c2: ['Grain ships'] });

  // A text editor saves garbage over it: the window shows what is on disk, and says why.
  await writeFile(sidecar, '{"type": "AnnotationPage", "items": [');
  await expect(sidebar.getByRole('listitem')).toHaveCount(0);
  await expect(sidebar.getByRole('status')).toContainText('could not be read: it is not valid JSON');
  await expect(page.locator('.toast')).toContainText('Another program changed the notes of this briefing');
  await expect.poll(() => painted(page)).toEqual({ c1: [], c2: [] });
  const aside = (await readdir(folder)).filter((name) => name.startsWith('cable.md.corrupt-'));
  expect(aside).toHaveLength(1);
  expect(await readFile(join(folder, aside[0]), 'utf8')).toBe('{"type": "AnnotationPage", "items": [');
  await page.screenshot({ path: test.info().outputPath('notes-moved-aside.png') });

  // The notes view follows too: the notes come back from a backup while it is open.
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Notes', exact: true }).click();
  const notes = page.getByRole('list', { name: 'Notes' }).getByRole('listitem');
  await expect(notes).toHaveCount(0);
  await writeFile(sidecar, both);
  await expect(notes).toHaveCount(2);
  await expect(notes.filter({ hasText: 'Grain ships' })).toHaveCount(1);
});

test('a burst of 300 files is listed while the window stays responsive', async ({ app }) => {
  const { page } = app;
  const folder = join(app.library, 'burst');
  await mkdir(folder);
  await Promise.all(
    Array.from({ length: 300 }, (_, index) =>
      writeFile(join(folder, `dispatch-${index}.md`), `---\ntitle: Dispatch ${index}\n---\n\nRoutine dispatch number ${index}.\n`),
    ),
  );
  // The list filter answers while the files are read.
  await page.keyboard.press('Control+f');
  await page.keyboard.type('heavy weapons');
  await expect(briefingRows(page)).toHaveCount(1);
  await expect(page.getByText('319 briefings')).toBeVisible({ timeout: 20_000 });
});

test('the library folder removed while open: the list is kept, and it comes back by itself', async ({ app }) => {
  const { page } = app;
  await expect(page.getByText('19 briefings')).toBeVisible();
  const away = `${app.library}-away`;
  await rename(app.library, away);
  await expect(page.getByText(/The library folder .* cannot be found/)).toBeVisible();
  await expect(page.getByText('19 briefings')).toBeVisible();
  await rename(away, app.library);
  await expect(page.getByText(/cannot be found/)).toHaveCount(0, { timeout: 15_000 });
});

test('Import…, a dropped file and pasted text each become a briefing that opens', async ({ app }) => {
  skipWithReason(!app.host, 'the file dialog is answered through the web host; on Electron it is a native dialog');
  const { page } = app;
  const outside = join(app.userData, '..', 'Downloads');
  await mkdir(outside, { recursive: true });
  await writeFile(join(outside, 'cable.md'), '---\ntitle: Cable from Vilnius\n---\n\nTalks resumed on Tuesday.\n');
  await writeFile(join(outside, 'map.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  app.host!.ports.nextImportFiles = [join(outside, 'cable.md'), join(outside, 'map.png')];
  await libraryMenu(page, 'Import files…');
  await expect(page.locator('article h1')).toHaveText('Cable from Vilnius');
  await expect(page.getByRole('status').filter({ hasText: 'map.png' })).toContainText('1 file not added');
  expect(await readFile(join(app.library, 'cable.md'), 'utf8')).toContain('Talks resumed');

  await page.keyboard.press('Escape');
  await dropFiles(page, [{ name: 'cable.md', type: 'text/markdown', bytes: [...Buffer.from('---\ntitle: Second cable from Vilnius\n---\n\nTalks ended.\n')] }]);
  await expect(page.locator('article h1')).toHaveText('Second cable from Vilnius');
  expect(existsSync(join(app.library, 'cable (2).md'))).toBe(true);

  await page.keyboard.press('Escape');
  await page.locator('.scroller').focus();
  await page.evaluate(() => {
    const data = new DataTransfer();
    data.setData('text/plain', 'Readout of the call\n\nThe ministers agreed to meet again in May.');
    document.activeElement!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  });
  await expect(page.locator('.article-body')).toContainText('The ministers agreed to meet again in May.');
  await page.keyboard.press('Escape');
  await expect(page.getByText('22 briefings')).toBeVisible();
});

test('a saved news page dropped from a browser reads as a clean briefing with its metadata', async ({ app }) => {
  skipWithReason(!existsSync(KREMLIN), `the saved pages of test-corpus/kremlin are missing (${KREMLIN})`);
  const { page } = app;
  const html = await readFile(join(KREMLIN, '17152.html'));
  await dropFiles(page, [{ name: 'Vladimir Putin will meet with President of Ukraine.html', type: 'text/html', bytes: [...html] }]);
  await expect(page.locator('article h1')).toHaveText('Vladimir Putin will meet with President of Ukraine Viktor Yanukovych');
  const header = page.locator('article header');
  await expect(header).toContainText('President of Russia');
  await expect(header).toContainText('2012');
  const body = page.locator('.article-body');
  await expect(body).toContainText('Vladimir Putin will meet in Moscow with President of Ukraine Viktor Yanukovych');
  for (const chrome of ['Share', 'Subscribe', 'Main menu']) await expect(body).not.toContainText(chrome);
  await page.screenshot({ path: test.info().outputPath('dropped-page.png') });
  expect(app.host?.blockedRequests ?? []).toEqual([]);
});
