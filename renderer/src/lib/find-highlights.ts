const HIT = 'find-hit';
const CURRENT = 'find-current';

/**
 * Paints the find bar's matches with the CSS Custom Highlight API, so the article's DOM is never
 * changed; the match gone to (F3) gets its own highlight and is scrolled to the middle.
 */
export function paintFindHits(ranges: readonly Range[]): void {
  CSS.highlights.set(HIT, new Highlight(...ranges));
}

export function paintFindCurrent(range: Range | null): void {
  if (!range) {
    CSS.highlights.delete(CURRENT);
    return;
  }
  CSS.highlights.set(CURRENT, new Highlight(range));
  range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
}

export function clearFindHighlights(): void {
  CSS.highlights.delete(HIT);
  CSS.highlights.delete(CURRENT);
}
