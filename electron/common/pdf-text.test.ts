import { describe, expect, it } from 'vitest';
import { joinPages, PAGE_BREAK, pageAt, pageTextOf } from './pdf-text';

describe('a PDF text', () => {
  it('joins items, breaking lines where pdf.js says a line ends, and skips marked content', () => {
    const { text, itemStarts } = pageTextOf([
      { str: 'Sanctions', hasEOL: false },
      { type: 'beginMarkedContent' },
      { str: ' apply', hasEOL: true },
      { str: 'today.', hasEOL: false },
    ]);
    expect(text).toBe('Sanctions apply\ntoday.');
    expect(itemStarts).toEqual([0, -1, 9, 16]);
  });

  it('knows the page of every offset, page breaks included', () => {
    const { text, pageStarts } = joinPages(['one', '', 'three']);
    expect(text).toBe(`one${PAGE_BREAK}${PAGE_BREAK}three`);
    expect(pageStarts).toEqual([0, 5, 7]);
    expect(pageAt(pageStarts, 0)).toBe(1);
    expect(pageAt(pageStarts, 2)).toBe(1);
    expect(pageAt(pageStarts, 7)).toBe(3);
    expect(pageAt(pageStarts, 10_000)).toBe(3);
    expect(pageAt([], 3)).toBeNull();
  });
});
