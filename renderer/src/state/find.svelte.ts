import { findRanges, patternFor } from '../lib/find-in-text';

const HIT = 'find-hit';
const CURRENT = 'find-current';

/**
 * Highlights in the open article: either the words a search matched (`words`), or text typed into
 * the find bar (`text`). One mechanism for both, painted with the CSS Custom Highlight API so the
 * article's DOM is never changed.
 */
class FindState {
  barOpen = $state(false);
  mode = $state<'text' | 'words'>('text');
  query = $state('');
  words = $state<string[]>([]);
  count = $state(0);
  current = $state(-1);
  private ranges: Range[] = [];

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
    this.count = this.ranges.length;
    CSS.highlights.set(HIT, new Highlight(...this.ranges));
    this.current = -1;
    CSS.highlights.delete(CURRENT);
    if (this.count > 0 && reveal) this.step(1);
  }

  step(delta: number): void {
    if (this.count === 0) return;
    this.current = (((this.current + delta) % this.count) + this.count) % this.count;
    const range = this.ranges[this.current];
    CSS.highlights.set(CURRENT, new Highlight(range));
    range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
  }

  /** The match F3 last went to, to make it the selection (Ctrl+Enter). */
  currentRange(): Range | null {
    return this.ranges[this.current] ?? null;
  }

  clearHighlights(): void {
    this.ranges = [];
    CSS.highlights.delete(HIT);
    CSS.highlights.delete(CURRENT);
  }
}

export const find = new FindState();
