import { findRanges, patternFor } from '../lib/find-in-text';

/**
 * Matches in the open article: either the words a search matched (`words`), or text typed into
 * the find bar (`text`). One mechanism for both; the reader paints `ranges` and `goneTo`
 * (lib/find-highlights), nothing here touches the page.
 */
class FindState {
  barOpen = $state(false);
  mode = $state<'text' | 'words'>('text');
  query = $state('');
  words = $state<string[]>([]);
  ranges = $state.raw<Range[]>([]);
  /** The match F3 last went to; a new object each time, so going to the same match again scrolls to it again. */
  goneTo = $state.raw<{ index: number; range: Range } | null>(null);

  readonly count = $derived(this.ranges.length);
  readonly current = $derived(this.goneTo?.index ?? -1);

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

  /** Recomputes the highlights in `root`; goes to the first hit when `reveal` is set. */
  apply(root: Element | null, reveal: boolean): void {
    const pattern = this.barOpen ? patternFor(this.mode, this.mode === 'words' ? this.words : [this.query]) : null;
    this.ranges = root && pattern ? findRanges(root, pattern) : [];
    this.goneTo = null;
    if (this.ranges.length > 0 && reveal) this.step(1);
  }

  step(delta: number): void {
    const count = this.ranges.length;
    if (count === 0) return;
    const index = ((((this.goneTo?.index ?? -1) + delta) % count) + count) % count;
    this.goneTo = { index, range: this.ranges[index] };
  }

  /** The match F3 last went to, to make it the selection (Ctrl+Enter). */
  currentRange(): Range | null {
    return this.goneTo?.range ?? null;
  }

  clearHighlights(): void {
    this.ranges = [];
    this.goneTo = null;
  }
}

export const find = new FindState();
