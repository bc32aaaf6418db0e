import { copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Page } from '@playwright/test';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { isAnnotation } from '../../electron/common/annotation-validate';
import { pageTextOf } from '../../electron/common/pdf-text';
import { test, expect, openByTitle, selectText as select, skipWithReason, type AppHandle } from '../fixtures';

const SEED_QUOTE = 'We proposed 22 very specific actions';
const SEED_SECOND = 'tough but productive';
const SCRIPT_COMMENT = 'Check against the <script>alert(1)</script> readout';
const UK_TITLE = 'Володимир Зеленський звернувся до українців наприкінці першого дня атак Росії.';
const UK_QUOTE = 'Ви блискуче захищаєте країну';
const UK_COMMENT = 'Ключова фраза — «блискуче».';

const sidebar = (page: Page) => page.getByRole('complementary', { name: 'Notes on this briefing' });
const exportDialog = (page: Page) => page.getByRole('dialog', { name: 'Export notes' });

async function comment(page: Page, text: string) {
  const editor = sidebar(page).getByRole('group', { name: 'Edit note' });
  await editor.getByLabel(/Comment/).fill(text);
  await editor.getByRole('button', { name: 'Done' }).click();
}

/** Three notes on two briefings (one in Ukrainian), made through the reader as a person would. */
async function takeNotes(app: AppHandle): Promise<string> {
  const { page } = app;
  await openByTitle(page, '22 concrete');
  const seedTitle = (await page.locator('article h1').textContent())!.trim();
  await select(page, SEED_QUOTE);
  await page.keyboard.press('1');
  await select(page, SEED_SECOND);
  await page.keyboard.press('c');
  await comment(page, SCRIPT_COMMENT);
  await expect(sidebar(page).getByRole('listitem')).toHaveCount(2);
  await page.keyboard.press('Escape');
  await openByTitle(page, 'першого дня атак');
  await select(page, UK_QUOTE);
  await page.keyboard.press('c');
  await comment(page, UK_COMMENT);
  await expect(sidebar(page).getByRole('listitem')).toHaveCount(1);
  return seedTitle;
}

async function pdfText(path: string) {
  const pdf = await getDocument({ data: new Uint8Array(await readFile(path)), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let number = 1; number <= pdf.numPages; number++) {
    const content = await (await pdf.getPage(number)).getTextContent();
    pages.push(pageTextOf(content.items).text);
  }
  const outline = ((await pdf.getOutline()) ?? []).map((entry) => entry.title);
  const info = (await pdf.getMetadata()).info as Record<string, unknown>;
  await pdf.destroy();
  return { text: pages.join('\n').replace(/\s+/g, ' '), outline, info, pages: pages.length };
}

/** Checks every string in `wanted` appears in `text`, in this order. */
function expectInOrder(text: string, wanted: string[]) {
  let from = 0;
  for (const part of wanted) {
    const at = text.indexOf(part, from);
    expect(at, `"${part}" after position ${from}`).toBeGreaterThanOrEqual(0);
    from = at + part.length;
  }
}

async function exportAs(app: AppHandle, format: RegExp, destination: string | null) {
  app.host!.ports.nextExportPath = destination;
  const dialog = exportDialog(app.page);
  await dialog.getByRole('radio', { name: format }).check();
  await dialog.getByRole('button', { name: 'Export…' }).click();
}

/** Highlights one passage of the seed briefing and opens the export dialog from its notes; resolves an empty folder to export to. */
async function exportOneNote(app: AppHandle): Promise<string> {
  await openByTitle(app.page, '22 concrete');
  await select(app.page, SEED_QUOTE);
  await app.page.keyboard.press('h');
  await sidebar(app.page).getByRole('button', { name: 'Export…' }).click();
  const folder = join(app.userData, '..', 'exports');
  await mkdir(folder, { recursive: true });
  return folder;
}

test('export a PDF of every note from the notes view: quotes, comments, outline, Cyrillic, title', async ({ app }) => {
  skipWithReason(!app.host, 'the save dialog is answered through the web host; on Electron it is a native dialog');
  const seedTitle = await takeNotes(app);
  const { page } = app;
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Notes', exact: true }).click();
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = exportDialog(page);
  await expect(dialog.getByRole('radio', { name: /Every note in the library/ })).toBeChecked();
  await expect(dialog).toContainText('3 notes');

  const destination = join(app.userData, '..', 'exports', 'briefing notes.pdf');
  await mkdir(dirname(destination), { recursive: true });
  await exportAs(app, /^PDF/, destination);
  await expect(dialog).toContainText('Exported 3 notes from 2 briefings to briefing notes.pdf');
  expect(app.host!.ports.savePrompts[0]).toMatch(/Notes — Briefing Reader Library\.pdf$/);

  // Kept with the test's output, to be looked at: pdftoppm -png test-results/…/notes.pdf
  await copyFile(destination, test.info().outputPath('notes.pdf'));
  const pdf = await pdfText(destination);
  expect(pdf.info.Title).toBe('Notes — Briefing Reader Library');
  // Briefings newest first, undated last (the 2022 address, then the seed report); notes in text order.
  expect(pdf.outline).toEqual([UK_TITLE, seedTitle]);
  expectInOrder(pdf.text, [UK_TITLE, UK_QUOTE, UK_COMMENT, seedTitle, SEED_SECOND, SCRIPT_COMMENT, SEED_QUOTE]);
  expect(pdf.text).toMatch(/1 \/ \d/);

  await dialog.getByRole('button', { name: 'Show in folder' }).click();
  expect(app.host!.ports.shownInFolder).toEqual([destination]);
  await page.screenshot({ path: test.info().outputPath('export-dialog-done.png') });
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(dialog).toBeHidden();
});

test('export one briefing as Markdown and the notes view’s filter as W3C JSON; choices are remembered', async ({ app }) => {
  skipWithReason(!app.host, 'the save dialog is answered through the web host; on Electron it is a native dialog');
  await takeNotes(app);
  const { page } = app;
  const folder = join(app.userData, '..', 'exports');
  await mkdir(folder, { recursive: true });

  await sidebar(page).getByRole('button', { name: 'Export…' }).click();
  await expect(exportDialog(page).getByRole('radio', { name: /This briefing/ })).toBeChecked();
  await exportAs(app, /^Markdown/, join(folder, 'address.md'));
  await expect(exportDialog(page)).toContainText('Exported 1 note from 1 briefing');
  const markdown = await readFile(join(folder, 'address.md'), 'utf8');
  expect(markdown).toContain(`> ${UK_QUOTE}`);
  expect(markdown).toContain(UK_COMMENT);
  expect(markdown).not.toContain(SEED_QUOTE);
  await exportDialog(page).getByRole('button', { name: 'Done' }).click();

  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Notes', exact: true }).click();
  await page.getByRole('searchbox', { name: 'Search notes' }).fill('readout');
  await page.getByRole('button', { name: 'Export…' }).click();
  await expect(exportDialog(page).getByRole('radio', { name: /filter/ })).toBeChecked();
  // The last export was Markdown: the dialog remembers it.
  await expect(exportDialog(page).getByRole('radio', { name: /^Markdown/ })).toBeChecked();
  await exportAs(app, /W3C/, join(folder, 'filtered.json'));
  await expect(exportDialog(page)).toContainText('Exported 1 note from 1 briefing');
  const collection = JSON.parse(await readFile(join(folder, 'filtered.json'), 'utf8'));
  expect(collection['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
  expect(collection.type).toBe('AnnotationCollection');
  expect(collection.first.items).toHaveLength(1);
  for (const annotation of collection.first.items) {
    expect(isAnnotation(annotation)).toBeNull();
    expect(annotation).toMatchObject({ type: 'Annotation', target: { source: expect.any(String) } });
  }
  expect(collection.first.items[0].body.find((body: { purpose: string }) => body.purpose === 'commenting').value).toBe(SCRIPT_COMMENT);
});

test('Stop ends an export mid-print: nothing is written, and the next export works', async ({ app }) => {
  skipWithReason(!app.host, 'the save dialog is answered through the web host; on Electron it is a native dialog');
  const { page } = app;
  const folder = await exportOneNote(app);
  let release = () => undefined as void;
  app.host!.ports.printGate = new Promise<void>((resolve) => (release = resolve));

  await exportAs(app, /^PDF/, join(folder, 'stopped.pdf'));
  const dialog = exportDialog(page);
  await expect(dialog.getByText('Printing the PDF…')).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Stop' }).click();
  await expect(dialog.getByText('Export stopped. Nothing was written.')).toBeVisible();
  release();
  expect(await readdir(folder)).toEqual([]);

  // Escape stops a running export too, and keeps the dialog open to say so.
  app.host!.ports.printGate = new Promise<void>((resolve) => (release = resolve));
  await exportAs(app, /^PDF/, join(folder, 'escaped.pdf'));
  await expect(dialog.getByText('Printing the PDF…')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog.getByText('Export stopped. Nothing was written.')).toBeVisible();
  release();

  app.host!.ports.printGate = null;
  await exportAs(app, /^PDF/, join(folder, 'finished.pdf'));
  await expect(dialog.getByText(/Exported 1 note from 1 briefing/)).toBeVisible();
  expect(await readdir(folder)).toEqual(['finished.pdf']);
});

test('nothing to export, a cancelled dialog and an unwritable destination each leave no file and say why', async ({ app }) => {
  skipWithReason(!app.host, 'the save dialog is answered through the web host; on Electron it is a native dialog');
  const { page } = app;
  await page.getByRole('button', { name: 'Notes', exact: true }).click();
  await page.getByRole('button', { name: 'Export…' }).click();
  await exportDialog(page).getByRole('button', { name: 'Export…' }).click();
  await expect(exportDialog(page).getByRole('alert')).toHaveText('There are no notes in this scope, so nothing was exported.');
  expect(app.host!.ports.savePrompts).toEqual([]);
  await exportDialog(page).getByRole('button', { name: 'Cancel' }).click();

  await page.keyboard.press('Escape');
  const folder = await exportOneNote(app);
  await writeFile(join(folder, 'a file'), 'not a folder');

  await exportAs(app, /^PDF/, null);
  await expect(exportDialog(page).getByRole('button', { name: 'Export…' })).toBeEnabled();
  await expect(exportDialog(page)).not.toContainText('Exported');

  const inside = join(folder, 'a file', 'notes.pdf');
  await exportAs(app, /^PDF/, inside);
  await expect(exportDialog(page).getByRole('alert')).toHaveText(
    `The notes could not be saved to “${inside}”: part of that path is a file, not a folder. Nothing was written; choose another place.`,
  );
  expect(await readdir(folder)).toEqual(['a file']);
  expect(await readFile(join(folder, 'a file'), 'utf8')).toBe('not a folder');
});

test('the notes PDF cites a speech’s own paragraph and each briefing’s date at its precision', async ({ app }) => {
  skipWithReason(!app.host, 'the save dialog is answered through the web host; on Electron it is a native dialog');
  const { page } = app;
  const count = page.getByText(/^\d+ briefings/);
  const before = Number.parseInt((await count.textContent())!, 10);
  await writeFile(
    join(app.library, 'annual-review.md'),
    '---\ntitle: "Annual review of sanctions"\ndate: 2022\nsource: "Council"\n---\n\nThe year closed with a ninth package of measures.\n',
  );
  await expect(count).toHaveText(new RegExp(`^${before + 1} briefings`));
  await openByTitle(page, 'Annual review');
  await expect(page.locator('.article-header')).toContainText('2022');
  await expect(page.locator('.article-header')).not.toContainText('Jan');
  await select(page, 'ninth package of measures');
  await page.keyboard.press('h');
  await page.keyboard.press('Escape');

  // The speech puts each paragraph on its own line: the note is in its tenth paragraph, not "¶ 1".
  await openByTitle(page, 'Zelenskyy, President of Ukraine');
  await select(page, 'There are five preconditions for peace.');
  await page.keyboard.press('c');
  await comment(page, 'The **five** preconditions: see the [formula](https://www.president.gov.ua/).');
  await expect(sidebar(page).getByRole('listitem').locator('strong')).toHaveText('five');
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: 'Notes', exact: true }).click();
  await page.getByRole('button', { name: 'Export…' }).click();
  const destination = join(app.userData, '..', 'exports', 'dated notes.pdf');
  await mkdir(dirname(destination), { recursive: true });
  await exportAs(app, /^PDF/, destination);
  await expect(exportDialog(page)).toContainText('Exported 2 notes from 2 briefings');
  await copyFile(destination, test.info().outputPath('dated-notes.pdf'));

  const pdf = await pdfText(destination);
  expectInOrder(pdf.text, ['September 2022', '¶ 10', 'There are five preconditions for peace.', 'The five preconditions']);
  expectInOrder(pdf.text, ['Annual review of sanctions', 'Council', '2022', 'ninth package of measures']);
  expect(pdf.text).not.toContain('2022-01-01');
  expect(pdf.text).not.toContain('**five**');
});
