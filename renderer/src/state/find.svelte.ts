import { findSpans, patternFor } from '../lib/find-in-text';
import type { TextSurface } from '../lib/text-surface';
import type { Span } from '../lib/text-units';

/**
 * Matches in the open briefing: either the words a search matched (`words`), or text typed into
 * the find bar (`text`). One mechanism for both, over the briefing's whole text (all of a PDF,
 * not only its rendered pages); the reader paints `ranges` and `currentRanges` (lib/find-highlights)
 * and reveals `goneTo`, nothing here touches the page.
 */
class FindState {
  barOpen = $state(false);
  mode = $state<'text' | 'words'>('text');
  query = $state('');
  words = $state<string[]>([]);
  /** The matches, as offsets into the surface's text. */
  matches = $state.raw<Span[]>([]);
  /** The match F3 last went to; a new object each time, so going to the same match again reveals it again. */
  goneTo = $state.raw<{ index: number; span: Span } | null>(null);
  private surface = $state.raw<TextSurface | null>(null);

  readonly count = $derived(this.matches.length);
  readonly current = $derived(this.goneTo?.index ?? -1);
  /** The matches where they are on screen (a PDF's rendered pages): recomputed as pages render. */
  readonly ranges = $derived.by(() => {
    const surface = this.surface;
    return surface ? this.matches.flatMap((match) => surface.rangesFor(match.start, match.end)) : [];
  });
  readonly currentRanges = $derived(this.surface && this.goneTo ? this.surface.rangesFor(this.goneTo.span.start, this.goneTo.span.end) : []);

  /** Shows the matched words of a search result once its briefing has opened. */
  showSearchHits(words: string[]): void {
    this.mode = 'words';
    this.words = words;
    this.barOpen = words.length > 0;
  }

  openBar(): void {
    if (this.mode === 'words') {
      this.mode = 'text';
      this.query = '';
    }
    this.barOpen = true;
  }

  close(): void {
    this.barOpen = false;
    this.mode = 'text';
    this.query = '';
    this.words = [];
  }

  /**
   * Finds the matches in `surface`'s text; with `reveal`, goes to the first one at or after
   * offset `from` (a search hit's page), or the first of all when none is.
   */
  apply(surface: TextSurface | null, reveal: boolean, from = 0): void {
    const pattern = this.barOpen ? patternFor(this.mode, this.mode === 'words' ? this.words : [this.query]) : null;
    this.surface = surface;
    this.matches = surface && pattern ? findSpans(surface.text, pattern) : [];
    this.goneTo = null;
    if (this.matches.length === 0 || !reveal) return;
    const first = this.matches.findIndex((match) => match.start >= from);
    this.goTo(first < 0 ? 0 : first);
  }

  step(delta: number): void {
    const count = this.matches.length;
    if (count === 0) return;
    this.goTo(((((this.goneTo?.index ?? -1) + delta) % count) + count) % count);
  }

  /** The match F3 last went to, where it is on screen, to make it the selection (Ctrl+Enter). */
  currentRange(): Range | null {
    return this.currentRanges[0] ?? null;
  }

  clearHighlights(): void {
    this.matches = [];
    this.goneTo = null;
  }

  private goTo(index: number): void {
    this.goneTo = { index, span: this.matches[index] };
  }
}

export const find = new FindState();
