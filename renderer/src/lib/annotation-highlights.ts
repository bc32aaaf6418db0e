import { COLOUR_SLOTS, commentOf } from '../../../electron/common/annotation-model';
import type { PlacedAnnotation } from '../state/annotations.svelte';

const COMMENTED = 'anno-commented';

/**
 * Paints the open briefing's notes with the CSS Custom Highlight API: one highlight per colour and
 * another for those with comments, so the article's DOM is never changed. `rangeOf` gives a placed
 * note's range in the rendered article, or null for one that could not be placed.
 */
export function paintAnnotations(placed: readonly PlacedAnnotation[], rangeOf: (id: string) => Range | null): void {
  const byColour = new Map<string, Range[]>(COLOUR_SLOTS.map((slot) => [slot, []]));
  const commented: Range[] = [];
  for (const { annotation } of placed) {
    const range = rangeOf(annotation.id);
    if (!range) continue;
    byColour.get(annotation['briefing:colour'])!.push(range);
    if (commentOf(annotation)) commented.push(range);
  }
  for (const [slot, ranges] of byColour) CSS.highlights.set(`anno-${slot}`, new Highlight(...ranges));
  CSS.highlights.set(COMMENTED, new Highlight(...commented));
}

export function clearAnnotationHighlights(): void {
  for (const slot of COLOUR_SLOTS) CSS.highlights.delete(`anno-${slot}`);
  CSS.highlights.delete(COMMENTED);
}
