/**
 * Finds text in a rendered article and returns DOM ranges, for the CSS Custom Highlight API.
 * Nothing in the article is wrapped or moved: highlights are painted over the text as it is.
 */

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A pattern for whole words (search hits) or any occurrence of typed text (find in article). */
export function patternFor(kind: 'words' | 'text', terms: readonly string[]): RegExp | null {
  const cleaned = terms.map((term) => term.trim()).filter(Boolean);
  if (cleaned.length === 0) return null;
  const alternatives = cleaned
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join('|');
  return kind === 'words' ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives})(?![\\p{L}\\p{N}])`, 'giu') : new RegExp(alternatives, 'giu');
}

/** Every match of `pattern` within the text nodes under `root`, in document order. */
export function findRanges(root: Node, pattern: RegExp, limit = 5000): Range[] {
  const ranges: Range[] = [];
  const walker = root.ownerDocument!.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node && ranges.length < limit; node = walker.nextNode()) {
    const text = node.nodeValue ?? '';
    pattern.lastIndex = 0;
    for (let match = pattern.exec(text); match && ranges.length < limit; match = pattern.exec(text)) {
      if (match[0] === '') {
        pattern.lastIndex++;
        continue;
      }
      const range = root.ownerDocument!.createRange();
      range.setStart(node, match.index);
      range.setEnd(node, match.index + match[0].length);
      ranges.push(range);
    }
  }
  return ranges;
}
