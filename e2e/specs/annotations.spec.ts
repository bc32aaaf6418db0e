import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, openByTitle, selectText as select, type AppHandle, painted } from '../fixtures';

const SEED = '000_3a44763ac2fa584f.txt';
const PASSAGE = 'We proposed 22 very specific actions';

const sidebar = (page: Page) => page.getByRole('complementary', { name: 'Notes on this briefing' });

async function openSeed(app: AppHandle) {
  await openByTitle(app.page, '22 concrete');
  await expect(app.page.locator('article h1')).toContainText('American and Ukrainian officials');
}

test('highlight and comment, restart, and both are on the same words', async ({ app }) => {
  await openSeed(app);
  await select(app.page, PASSAGE);
  await expect(app.page.getByRole('toolbar', { name: 'Highlight the selection' })).toBeVisible();
  await app.page.keyboard.press('2');
  await expect.poll(() => painted(app.page)).toMatchObject({ c2: [PASSAGE] });

  await select(app.page, 'tough but productive');
  await app.page.keyboard.press('c');
  const editor = sidebar(app.page).getByRole('group', { name: 'Edit note' });
  await editor.getByLabel(/Comment/).fill('Check against the <script>alert(1)</script> readout');
  await editor.getByLabel(/Tags/).fill('talks, London');
  await editor.getByRole('button', { name: 'Done' }).click();
  await expect(sidebar(app.page)).toContainText('Check against the <script>alert(1)</script> readout');

  const stored = JSON.parse(await readFile(join(app.library, '.briefing', 'annotations', `${SEED}.json`), 'utf8'));
  expect(stored.type).toBe('AnnotationPage');
  expect(stored.items).toHaveLength(2);

  await app.restart();
  await openSeed(app);
  // C highlights in the last colour used.
  await expect.poll(() => painted(app.page)).toMatchObject({ c2: [PASSAGE, 'tough but productive'] });
  await expect(sidebar(app.page).getByRole('listitem')).toHaveCount(2);
  await expect(sidebar(app.page)).toContainText('talks');
});

test('a highlight follows its words when the file changes, re-anchors approximately, or becomes an orphan', async ({ app }) => {
  await openSeed(app);
  await select(app.page, PASSAGE);
  await app.page.keyboard.press('h');
  await select(app.page, 'They are advancing in metres, not kilometres');
  await app.page.keyboard.press('3');
  await select(app.page, 'European allies are reportedly prepared');
  await app.page.keyboard.press('4');
  await expect.poll(async () => Object.values(await painted(app.page)).flat().length).toBe(3);
  await app.page.keyboard.press('Escape');

  const path = join(app.library, SEED);
  const original = await readFile(path, 'utf8');
  // A paragraph inserted after the first (which gives the title) moves every later word along.
  const firstBreak = original.indexOf('\n') + 1;
  const edited = `${original.slice(0, firstBreak)}An inserted paragraph moves every later word along.\n${original.slice(firstBreak)}`
    .replace('They are advancing in metres, not kilometres', 'They are advancing in yards, not kilometres')
    .replace('European allies are reportedly prepared to ramp up support for Ukraine if needed, ', '');
  await writeFile(path, edited);
  await openSeed(app);
  const after = await painted(app.page);
  expect(Object.values(after).flat()).toEqual(expect.arrayContaining([PASSAGE, expect.stringContaining('advancing in yards')]));
  const orphans = sidebar(app.page).getByRole('heading', { name: /Orphans/ });
  await expect(orphans).toBeVisible();
  await expect(sidebar(app.page)).toContainText('European allies are reportedly prepared');
});

test('undo brings back a deleted note, redo removes it again', async ({ app }) => {
  await openSeed(app);
  await select(app.page, PASSAGE);
  await app.page.keyboard.press('h');
  const cards = sidebar(app.page).getByRole('listitem');
  await expect(cards).toHaveCount(1);
  await cards.getByRole('button', { name: 'Edit' }).click();
  await sidebar(app.page).getByRole('button', { name: 'Delete' }).click();
  await expect(cards).toHaveCount(0);
  await app.page.locator('.scroller').focus();
  await app.page.keyboard.press('Control+z');
  await expect(cards).toHaveCount(1);
  await expect.poll(() => painted(app.page)).toMatchObject({ c1: [PASSAGE] });
  await app.page.keyboard.press('Control+Shift+z');
  await expect(cards).toHaveCount(0);
});

test('whitespace-only selections are ignored; Cyrillic and emoji highlight fine', async ({ app }) => {
  await writeFile(join(app.library, 'mixed.md'), '---\ntitle: Mixed script note\nlanguage: uk\n---\n\nПереговори 🇺🇦 тривають.     Далі буде.\n');
  await app.reload();
  await openByTitle(app.page, 'Mixed script');
  await select(app.page, '     ');
  await app.page.keyboard.press('h');
  await expect(sidebar(app.page).getByRole('listitem')).toHaveCount(0);
  await select(app.page, 'Переговори 🇺🇦 тривають.');
  await app.page.keyboard.press('5');
  await expect.poll(() => painted(app.page)).toMatchObject({ c5: ['Переговори 🇺🇦 тривають.'] });
});

test('the notes view lists every note, filters by colour and tag, and opens the passage', async ({ app }) => {
  await openSeed(app);
  await select(app.page, PASSAGE);
  await app.page.keyboard.press('2');
  await select(app.page, 'tough but productive');
  await app.page.keyboard.press('1');
  const card = sidebar(app.page).getByRole('listitem').filter({ hasText: 'tough but productive' });
  await card.getByRole('button', { name: 'Edit' }).click();
  await sidebar(app.page).getByLabel(/Tags/).fill('follow up');
  await sidebar(app.page).getByRole('button', { name: 'Done' }).click();
  await app.page.locator('.scroller').focus();
  await app.page.keyboard.press('Escape');
  await app.page.getByRole('button', { name: 'Notes', exact: true }).click();
  const list = app.page.getByRole('list', { name: 'Notes' }).getByRole('listitem');
  await expect(list).toHaveCount(2);
  await app.page.getByRole('button', { name: 'Question', exact: true }).click();
  await expect(list).toHaveCount(1);
  await expect(list).toContainText(PASSAGE);
  await app.page.getByRole('button', { name: 'Clear' }).click();
  await app.page.getByLabel('Tag').selectOption('follow up');
  await expect(list).toHaveCount(1);
  await expect(list).toContainText('tough but productive');
  await list.getByRole('button').click();
  await expect(app.page.locator('article h1')).toContainText('American and Ukrainian officials');
  await expect(sidebar(app.page).getByRole('group', { name: 'Edit note' })).toBeVisible();
});

test('colour meanings can be renamed, and the new names are used everywhere and remembered', async ({ app }) => {
  await app.page.getByRole('button', { name: 'Notes', exact: true }).click();
  await app.page.getByRole('button', { name: 'Rename colours…' }).click();
  const dialog = app.page.getByRole('dialog', { name: 'What the colours mean' });
  await dialog.getByLabel('Colour 2').fill('Verify');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(app.page.getByRole('button', { name: 'Verify', exact: true })).toBeVisible();
  await app.restart();
  await openSeed(app);
  await select(app.page, PASSAGE);
  await expect(app.page.getByRole('button', { name: 'Highlight: Verify (2)' })).toBeVisible();
});

test('a note is found through search by its comment and tags, and opens at its passage', async ({ app }) => {
  await openSeed(app);
  await select(app.page, PASSAGE);
  await app.page.keyboard.press('c');
  const editor = sidebar(app.page).getByRole('group', { name: 'Edit note' });
  await editor.getByLabel(/Comment/).fill('Ask the embassy for the list of proposals');
  await editor.getByLabel(/Tags/).fill('embassy-followup');
  await editor.getByRole('button', { name: 'Done' }).click();
  await app.page.locator('.scroller').focus();
  await app.page.keyboard.press('Escape');

  await app.page.keyboard.press('/');
  const field = app.page.getByRole('searchbox', { name: 'Search all briefings' });
  const notes = app.page.getByRole('region', { name: /Notes/ }).getByRole('listitem');
  // Notes are re-indexed in the background a moment after a change; search again until it shows.
  await expect(async () => {
    await field.fill('');
    await field.fill('embassy proposals ');
    await expect(notes).toHaveCount(1, { timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  // Stems match too: "proposals" also marks "proposed" in the quote; the tag holds "embassy".
  await expect(notes.locator('mark')).toHaveText(['proposed', 'embassy', 'proposals', 'embassy-followup']);
  await field.fill('embassy-followup ');
  await expect(notes).toHaveCount(1);
  await notes.getByRole('button').click();
  await expect(app.page.locator('article h1')).toContainText('American and Ukrainian officials');
  await expect(sidebar(app.page).getByRole('group', { name: 'Edit note' })).toBeVisible();
});

test('a highlight across paragraphs, list items and a heading, overlapping another, leaves the article intact', async ({ app }) => {
  await writeFile(
    join(app.library, 'structured.md'),
    '---\ntitle: Structured readout\nlanguage: en\n---\n\n## Decisions taken\n\nFirst paragraph ends here.\n\n- item one of the list\n- item two of the list\n\nClosing paragraph text.\n',
  );
  await app.reload();
  await openByTitle(app.page, 'Structured readout');
  const before = await app.page.locator('.article-body').innerHTML();
  // From inside the heading to inside the last paragraph: several block elements.
  await app.page.evaluate(() => {
    const body = document.querySelector('.article-body')!;
    const heading = body.querySelector('h2')!.firstChild!;
    const last = [...body.querySelectorAll('p')].at(-1)!.firstChild!;
    const range = document.createRange();
    range.setStart(heading, 'Decisions '.length);
    range.setEnd(last, 'Closing'.length);
    window.getSelection()!.removeAllRanges();
    window.getSelection()!.addRange(range);
  });
  await app.page.keyboard.press('1');
  await select(app.page, 'item one of the list');
  await app.page.keyboard.press('4');
  await expect.poll(async () => (await painted(app.page)).c4).toEqual(['item one of the list']);
  const spans = await painted(app.page);
  expect(spans.c1).toHaveLength(1);
  expect(spans.c1[0]).toMatch(/^taken[\s\S]*First paragraph ends here\.[\s\S]*item two of the list[\s\S]*Closing$/);
  expect(await app.page.locator('.article-body').innerHTML()).toBe(before);
  await expect(sidebar(app.page).getByRole('listitem')).toHaveCount(2);
});
