import { COLOUR_SLOTS, commentOf } from '../../../electron/common/annotation-model';
import type { PlacedAnnotation } from '../state/annotations.svelte';

const COMMENTED = 'anno-commented';

/**
 * Paints the open briefing's notes with the CSS Custom Highlight API: one highlight per colour and
 * another for those with comments, so the briefing's DOM is never changed. `rangesOf` gives a
 * placed note's ranges where it is on screen: one in an article, one per rendered page of a PDF,
 * none for an orphan.
 */
export function paintAnnotations(placed: readonly PlacedAnnotation[], rangesOf: (id: string) => Range[]): void {
  const byColour = new Map<string, Range[]>(COLOUR_SLOTS.map((slot) => [slot, []]));
  const commented: Range[] = [];
  for (const { annotation } of placed) {
    const ranges = rangesOf(annotation.id);
    byColour.get(annotation['briefing:colour'])!.push(...ranges);
    if (commentOf(annotation)) commented.push(...ranges);
  }
  for (const [slot, ranges] of byColour) CSS.highlights.set(`anno-${slot}`, new Highlight(...ranges));
  CSS.highlights.set(COMMENTED, new Highlight(...commented));
}

export function clearAnnotationHighlights(): void {
  for (const slot of COLOUR_SLOTS) CSS.highlights.delete(`anno-${slot}`);
  CSS.highlights.delete(COMMENTED);
}
