/**
 * Finds text in a briefing's text (an article's, or a PDF's extracted text, all pages of it) and
 * returns offsets into it; the reader paints them with the CSS Custom Highlight API, so nothing
 * in the page is wrapped or moved.
 */
import type { Span } from './text-units';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A pattern for whole words (search hits) or any occurrence of typed text (find in article).
 * Spaces in typed text match any run of white space, so a phrase is found across a line break
 * (a PDF's lines end with one) or the source's own line wrapping.
 */
export function patternFor(kind: 'words' | 'text', terms: readonly string[]): RegExp | null {
  const cleaned = terms.map((term) => term.trim()).filter(Boolean);
  if (cleaned.length === 0) return null;
  const alternatives = cleaned
    .sort((a, b) => b.length - a.length)
    .map((term) => term.split(/\s+/).map(escapeRegExp).join('\\s+'))
    .join('|');
  return kind === 'words' ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives})(?![\\p{L}\\p{N}])`, 'giu') : new RegExp(alternatives, 'giu');
}

/** Every match of `pattern` in `text`, in order, up to `limit`. */
export function findSpans(text: string, pattern: RegExp, limit = 5000): Span[] {
  const spans: Span[] = [];
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match && spans.length < limit; match = pattern.exec(text)) {
    if (match[0] === '') {
      pattern.lastIndex++;
      continue;
    }
    spans.push({ start: match.index, end: match.index + match[0].length });
  }
  return spans;
}
