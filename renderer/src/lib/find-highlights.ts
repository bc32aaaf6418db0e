const HIT = 'find-hit';
const CURRENT = 'find-current';

/**
 * Paints the find bar's matches with the CSS Custom Highlight API, so the briefing's DOM is never
 * changed; the match gone to (F3) gets its own highlight. Repainting never scrolls: the reader
 * reveals a match once, when it is gone to.
 */
export function paintFindHits(ranges: readonly Range[]): void {
  CSS.highlights.set(HIT, new Highlight(...ranges));
}

export function paintFindCurrent(ranges: readonly Range[]): void {
  if (ranges.length === 0) CSS.highlights.delete(CURRENT);
  else CSS.highlights.set(CURRENT, new Highlight(...ranges));
}

export function clearFindHighlights(): void {
  CSS.highlights.delete(HIT);
  CSS.highlights.delete(CURRENT);
}
