import { describe, expect, it } from 'vitest';
import { paragraphAt, paragraphStarts } from './paragraphs';

describe('paragraphStarts', () => {
  it('finds each paragraph where the reader’s text offsets put it', () => {
    const html = '<h2>Title</h2>\n<p>First &amp; one.</p>\n<p>Second.</p>';
    const text = 'Title\nFirst & one.\nSecond.';
    const starts = paragraphStarts(html);
    expect(starts).toEqual([text.indexOf('First'), text.indexOf('Second')]);
  });

  it('counts a list item holding a paragraph once, and a quote with several paragraphs per paragraph', () => {
    const starts = paragraphStarts('<ul><li><p>One</p></li><li>Two</li></ul><blockquote>Said<p>More</p></blockquote>');
    // li+p, li, blockquote (its own text), p inside the quote.
    expect(starts).toHaveLength(4);
  });

  it('counts CR LF as one character, as the browser does', () => {
    expect(paragraphStarts('<p>a\r\nb</p><p>c</p>')).toEqual([0, 3]);
  });
});

describe('paragraphAt', () => {
  const starts = [6, 19, 40];
  it('numbers paragraphs from 1 and puts text before the first one in it', () => {
    expect(paragraphAt(starts, 0)).toBe(1);
    expect(paragraphAt(starts, 6)).toBe(1);
    expect(paragraphAt(starts, 18)).toBe(1);
    expect(paragraphAt(starts, 19)).toBe(2);
    expect(paragraphAt(starts, 1000)).toBe(3);
  });

  it('says nothing when there are no paragraphs or no position', () => {
    expect(paragraphAt([], 5)).toBeNull();
    expect(paragraphAt(starts, Number.NaN)).toBeNull();
  });
});
