import { describe, expect, it } from 'vitest';
import { safeFileName } from './safe-file-name';

/** What Windows, macOS and Linux refuse in a file name. */
function expectSafe(name: string): void {
  expect(name).not.toMatch(/[<>:"/\\|?*]/);
  expect([...name].some((char) => (char.codePointAt(0) ?? 0) < 0x20)).toBe(false);
  const base = name.replace(/\.(pdf|md|json)$/, '');
  expect(base).not.toBe('');
  expect(base).not.toMatch(/[ .]$/);
  expect(base).not.toMatch(/^\./);
  expect(base.split('.')[0]).not.toMatch(/^(con|prn|aux|nul|com\d|lpt\d)$/i);
  expect(new TextEncoder().encode(name).length).toBeLessThanOrEqual(255);
}

describe('safeFileName', () => {
  it.each([
    ['Notes — Price cap review', 'pdf', 'Notes — Price cap review.pdf'],
    ['CON', 'pdf', 'CON_.pdf'],
    ['con.notes', 'md', 'con_.notes.md'],
    ['LPT1', 'json', 'LPT1_.json'],
    ['Nul ', 'md', 'Nul_.md'],
    ['a/b:c*?', 'md', 'a-b-c.md'],
    ['<Report> "draft" | v2', 'pdf', 'Report- -draft- - v2.pdf'],
    ['...', 'pdf', 'notes.pdf'],
    ['', 'json', 'notes.json'],
    ['   ', 'json', 'notes.json'],
    ['.hidden', 'md', 'hidden.md'],
    ['trailing dots...', 'pdf', 'trailing dots.pdf'],
    ['tab\tand\nnewline\u0000', 'md', 'tab and newline.md'],
    ['Звернення Президента', 'pdf', 'Звернення Президента.pdf'],
    ['Notes 📝 on 🇺🇦', 'md', 'Notes 📝 on 🇺🇦.md'],
  ] as const)('%j → %s', (base, extension, expected) => {
    const name = safeFileName(base, extension);
    expect(name).toBe(expected);
    expectSafe(name);
  });

  it('cuts a 300-character name to 120 characters', () => {
    const name = safeFileName('x'.repeat(300), 'pdf');
    expect(name).toBe(`${'x'.repeat(120)}.pdf`);
    expectSafe(name);
  });

  it('cuts long Cyrillic and emoji names within the byte limit and never splits an emoji', () => {
    const cyrillic = safeFileName('Ж'.repeat(300), 'md');
    expect(cyrillic).toBe(`${'Ж'.repeat(100)}.md`);
    expectSafe(cyrillic);

    const emoji = safeFileName('👩‍👩‍👧'.repeat(100), 'md');
    expectSafe(emoji);
    const base = emoji.replace(/\.md$/, '');
    expect(base.length % '👩‍👩‍👧'.length).toBe(0);
    expect(base.startsWith('👩‍👩‍👧')).toBe(true);
  });

  it('never leaves a trailing dot or space after cutting', () => {
    const name = safeFileName(`${'a'.repeat(119)}. tail`, 'pdf');
    expect(name).toBe(`${'a'.repeat(119)}.pdf`);
    expectSafe(name);
  });
});
