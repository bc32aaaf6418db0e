import type { Page } from '@playwright/test';
import { test, expect, briefingRows, openByTitle, type AppHandle, painted } from '../fixtures';

/** The sample briefing whose first paragraph reads "…may lay the foundation for future peace…". */
async function openSeed(app: AppHandle) {
  await openByTitle(app.page, '22 concrete');
  await expect(app.page.locator('article h1')).toContainText('American and Ukrainian officials');
}

const selected = (page: Page) => page.evaluate(() => window.getSelection()?.toString() ?? '');

/** The text of the focused element, when it is a paragraph of the article (else null). */
const focusedParagraph = (page: Page) =>
  page.evaluate(() => {
    const active = document.activeElement;
    return active && active !== document.querySelector('.article-body') && active.closest('.article-body') ? active.textContent : null;
  });

/**
 * Where the `index`-th character of the first `needle` in the article sits on screen: a point in
 * the left quarter of that character, where a mouse press puts the caret just before it.
 */
async function pointBefore(page: Page, needle: string, index: number): Promise<{ x: number; y: number }> {
  return page.evaluate(
    ({ needle, index }) => {
      const body = document.querySelector('.article-body')!;
      const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.nodeValue!.indexOf(needle);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at + index);
        range.setEnd(node, at + index + 1);
        range.startContainer.parentElement!.scrollIntoView({ block: 'center' });
        const box = range.getBoundingClientRect();
        return { x: box.left + box.width / 4, y: box.top + box.height / 2 };
      }
      throw new Error(`not in the article: ${needle}`);
    },
    { needle, index },
  );
}

/** A real mouse drag from before character `from` to before character `to` of `needle`. */
async function drag(page: Page, needle: string, from: number, to: number) {
  const start = await pointBefore(page, needle, from);
  const end = await pointBefore(page, needle, to);
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move((start.x + end.x) / 2, (start.y + end.y) / 2, { steps: 4 });
  await page.mouse.move(end.x, end.y, { steps: 4 });
  await page.mouse.up();
}

test('a mouse selection that cuts words becomes a highlight of the whole words; with Alt held it stays exact', async ({ app }) => {
  const { page } = app;
  await openSeed(app);
  const passage = 'may lay the foundation for future';
  // "ay the fo": from inside "lay" to inside "foundation".
  await drag(page, passage, 5, 14);
  await expect.poll(() => selected(page)).toBe('lay the foundation');
  await page.keyboard.press('1');
  await expect.poll(() => painted(page)).toMatchObject({ c1: ['lay the foundation'] });

  const other = 'frank, sincere and difficult discussions';
  await page.keyboard.down('Alt');
  await drag(page, other, 2, 11);
  await page.keyboard.up('Alt');
  await expect.poll(() => selected(page)).toBe('ank, sinc');
  await page.keyboard.press('2');
  await expect.poll(() => painted(page)).toMatchObject({ c2: ['ank, sinc'] });
  // Punctuation beside a cut word stays out of the snapped highlight unless it was selected.
  await drag(page, other, 8, 18);
  await expect.poll(() => selected(page)).toBe('sincere and');
});

test('J/K and the arrows move a paragraph focus; Shift+arrows select by word and sentence; H, 1–5 and C act on it; Esc unwinds', async ({ app }, testInfo) => {
  const { page } = app;
  await openSeed(app);
  const paragraphs = page.locator('.article-body p');
  const first = (await paragraphs.first().textContent())!;
  const second = (await paragraphs.nth(1).textContent())!;

  // The first J shows the focus on the first paragraph on screen; then J, ↓ and K, ↑ move it.
  await page.keyboard.press('j');
  await expect.poll(() => focusedParagraph(page)).toBe(first);
  await expect(paragraphs.first()).toHaveCSS('outline-style', 'solid');
  await page.keyboard.press('j');
  await expect.poll(() => focusedParagraph(page)).toBe(second);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('k');
  await expect.poll(() => focusedParagraph(page)).toBe(second);
  await page.keyboard.press('ArrowUp');
  await expect.poll(() => focusedParagraph(page)).toBe(first);
  await page.screenshot({ path: testInfo.outputPath('paragraph-focus.png') });

  // Shift+→ selects word by word from the paragraph's start, Shift+← gives one back.
  for (let i = 0; i < 4; i++) await page.keyboard.press('Shift+ArrowRight');
  await expect.poll(() => selected(page)).toBe(first.split(' ').slice(0, 4).join(' '));
  await page.keyboard.press('Shift+ArrowLeft');
  await expect.poll(() => selected(page)).toBe(first.split(' ').slice(0, 3).join(' '));
  await expect(page.getByRole('toolbar', { name: 'Highlight the selection' })).toBeVisible();
  // Shift+Alt+→: to the end of the sentence.
  await page.keyboard.press('Shift+Alt+ArrowRight');
  const sentence = first.slice(0, first.indexOf('Ukraine.') + 'Ukraine.'.length);
  await expect.poll(() => selected(page)).toBe(sentence);
  await page.keyboard.press('3');
  await expect.poll(() => painted(page)).toMatchObject({ c3: [sentence] });
  // The focus stays on the paragraph for the next selection.
  await expect.poll(() => focusedParagraph(page)).toBe(first);

  // → and ← move the selection's start, so a phrase inside the paragraph can be chosen; C comments on it.
  await page.keyboard.press('j');
  // "The US President’s Special…": the fourth word, then one more.
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Shift+ArrowRight');
  await expect.poll(() => selected(page)).toBe('Special Representative');
  await page.keyboard.press('c');
  const editor = page.getByRole('complementary', { name: 'Notes on this briefing' }).getByRole('group', { name: 'Edit note' });
  await expect(editor).toBeVisible();
  await editor.getByLabel(/Comment/).fill('Title check: a/b');
  await expect(editor.getByLabel(/Comment/)).toHaveValue('Title check: a/b');
  await editor.getByRole('button', { name: 'Done' }).click();
  await expect.poll(() => painted(page)).toMatchObject({ c3: [sentence, 'Special Representative'] });

  // Esc clears the selection, then the paragraph focus, and only then goes back.
  await page.keyboard.press('j');
  await page.keyboard.press('Shift+ArrowRight');
  await expect.poll(() => selected(page)).not.toBe('');
  await page.keyboard.press('Escape');
  await expect.poll(() => selected(page)).toBe('');
  expect(await focusedParagraph(page)).not.toBeNull();
  await page.keyboard.press('Escape');
  await expect.poll(() => focusedParagraph(page)).toBeNull();
  await expect(page.locator('article h1')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(briefingRows(page).first()).toBeVisible();
});

test('the paragraph focus is remembered while the briefing stays open, and a find match becomes a selection with Ctrl+Enter', async ({ app }) => {
  const { page } = app;
  await openSeed(app);
  const third = (await page.locator('.article-body p').nth(2).textContent())!;
  for (let i = 0; i < 3; i++) await page.keyboard.press('j');
  await expect.poll(() => focusedParagraph(page)).toBe(third);

  // Find and close: the focus comes back to the same paragraph.
  await page.keyboard.press('Control+f');
  await page.keyboard.type('xyz');
  await page.keyboard.press('Escape');
  await expect.poll(() => focusedParagraph(page)).toBe(third);

  // A find match cut mid-word becomes a selection of whole words, in its paragraph.
  await page.keyboard.press('Control+f');
  await page.keyboard.type('difficult discus');
  const bar = page.getByRole('search', { name: 'Find in this briefing' });
  await expect(bar.locator('output')).toHaveText('1 of 1');
  await expect(bar.getByRole('button', { name: 'Select this match (Ctrl+Enter)' })).toBeVisible();
  await page.keyboard.press('Control+Enter');
  await expect(bar).toHaveCount(0);
  await expect.poll(() => selected(page)).toBe('difficult discussions');
  expect(await focusedParagraph(page)).toContain('difficult discussions');
  // Shift+→ goes on from the match, not from the paragraph's start.
  await page.keyboard.press('Shift+ArrowRight');
  await expect.poll(() => selected(page)).toBe('difficult discussions with');
  await page.keyboard.press('h');
  await expect.poll(async () => Object.values(await painted(page)).flat()).toEqual(['difficult discussions with']);
});

test('focus starts in the library list, G then N opens the notes, Esc leaves search back to where it was opened, / types in fields', async ({ app }) => {
  const { page } = app;
  const list = page.getByRole('listbox', { name: 'Briefings' });
  await expect(list).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(list).toHaveAttribute('aria-activedescendant', 'briefing-row-1');

  // A slash typed in the filter is a slash.
  await page.keyboard.press('Control+f');
  await page.keyboard.type('a/b');
  await expect(page.getByRole('searchbox', { name: 'Filter briefings by title' })).toHaveValue('a/b');
  await page.keyboard.press('Escape');

  // From the library, search and back with one Esc; the query is kept.
  await list.focus();
  await page.keyboard.press('/');
  await page.keyboard.type('ceasefire/truce');
  const query = page.getByRole('searchbox', { name: 'Search all briefings' });
  await expect(query).toHaveValue('ceasefire/truce');
  await page.keyboard.press('Escape');
  await expect(list).toBeVisible();

  // From a briefing, Esc in search goes back to that briefing.
  await openSeed(app);
  await page.keyboard.press('/');
  await expect(query).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.locator('article h1')).toContainText('American and Ukrainian officials');

  // G, N: the notes view, from the reader; from notes, search and Esc come back to the notes.
  await page.keyboard.press('g');
  await page.keyboard.press('n');
  const notesHeading = page.getByRole('heading', { name: 'Notes', level: 1 });
  await expect(notesHeading).toBeVisible();
  // The notes view's own search field has the focus: a slash types there.
  await page.keyboard.type('/');
  await expect(page.getByRole('searchbox', { name: 'Search notes' })).toHaveValue('/');
  await page.keyboard.press('Control+k');
  await expect(query).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(notesHeading).toBeVisible();
});
