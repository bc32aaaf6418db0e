import { describe, expect, it } from 'vitest';
import { findSpans, patternFor } from './find-in-text';

const found = (text: string, kind: 'words' | 'text', terms: string[]) =>
  findSpans(text, patternFor(kind, terms)!).map(({ start, end }) => text.slice(start, end));

describe('find in a briefing’s text', () => {
  it('finds a typed phrase across a line break, as a PDF’s lines end', () => {
    expect(found('Russia’s nuclear\nweapons are deployed', 'text', ['nuclear weapons'])).toEqual(['nuclear\nweapons']);
  });

  it('finds search words whole, in any case, and not inside other words', () => {
    expect(found('Kellogg met KELLOGG; Kelloggs did not.', 'words', ['kellogg'])).toEqual(['Kellogg', 'KELLOGG']);
  });

  it('takes typed text literally, brackets and dots included', () => {
    expect(found('see (a) and a.b, not ab', 'text', ['(a)', 'a.b'])).toEqual(['(a)', 'a.b']);
  });

  it('stops at the limit', () => {
    expect(findSpans('a a a a', patternFor('text', ['a'])!, 2)).toHaveLength(2);
  });

  it('has no pattern for blank input', () => {
    expect(patternFor('text', ['  '])).toBeNull();
  });
});
