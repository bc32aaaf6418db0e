/**
 * One rendered PDF page's text layer mapped onto the document's text. pdf.js's TextLayer makes a
 * `span` for every text item of getTextContent() (marked-content items get none), in item order,
 * holding exactly the item's `str`; an empty `str` gets a span that is never put in the page, and
 * an item that ends a line is followed by a `<br>` (no text). So the k-th span shows the k-th text
 * item, and pageTextOf (common/pdf-text) says where that item's string starts in the page's text.
 */
import { pageTextOf, type PdfTextItem } from '../../../../electron/common/pdf-text';

/** A text layer span and the part of the document's text it shows. */
export interface PlacedSpan {
  node: Text;
  start: number;
  end: number;
}

/** Node.TEXT_NODE, spelled out: this runs where the DOM's globals are not (the state tests' window is not global). */
const TEXT_NODE = 3;

/** How far ahead of the last placed string re-finding looks for the next one, at least. */
const REFIND_WINDOW = 256;

/**
 * Places a text layer's spans on the document's text. `pageText` is the page's part of the
 * document text (from `pageStart`). When the items give exactly that text (`exact`), each span
 * goes where its item starts. When they do not (the text was extracted another way), each span's
 * string is found again in order, a little ahead of the previous one; what cannot be found is
 * left unplaced rather than guessed, so a highlight never lands on the wrong words.
 */
export function placeTextLayer(
  textDivs: readonly HTMLElement[],
  items: readonly unknown[],
  pageText: string,
  pageStart: number,
): { spans: PlacedSpan[]; exact: boolean } {
  const { text, itemStarts } = pageTextOf(items);
  const exact = text === pageText;
  const textItems = items.filter((_, index) => itemStarts[index] >= 0) as PdfTextItem[];
  const starts = itemStarts.filter((start) => start >= 0);
  const spans: PlacedSpan[] = [];
  let cursor = 0;
  const count = Math.min(textDivs.length, textItems.length);
  for (let k = 0; k < count; k++) {
    const node = textDivs[k].firstChild as Text | null;
    const str = textItems[k].str;
    if (node?.nodeType !== TEXT_NODE || node.data !== str || str === '') continue;
    let at = starts[k];
    if (!exact) {
      if (!str.trim()) continue;
      at = pageText.indexOf(str, cursor);
      if (at < 0 || at > cursor + Math.max(REFIND_WINDOW, 4 * str.length)) continue;
    }
    spans.push({ node, start: pageStart + at, end: pageStart + at + str.length });
    cursor = at + str.length;
  }
  return { spans, exact };
}

/** A rendered page's text layer, with its spans placed on the document's text (in text order). */
export class PageTextLayer {
  constructor(
    readonly pageIndex: number,
    readonly layer: HTMLElement,
    private readonly spans: readonly PlacedSpan[],
  ) {}

  /** Where the page's placed text starts and ends in the document; null when none of it is placed. */
  get extent(): { start: number; end: number } | null {
    const first = this.spans[0];
    return first ? { start: first.start, end: this.spans[this.spans.length - 1].end } : null;
  }

  /** A Range over the part of text[start, end) shown on this page, or null when none of it is. */
  rangeFor(start: number, end: number): Range | null {
    if (end <= start) return null;
    const from = this.firstEndingAfter(start);
    const to = this.lastStartingBefore(end);
    if (from < 0 || to < 0 || from > to) return null;
    const first = this.spans[from];
    const last = this.spans[to];
    const range = this.layer.ownerDocument.createRange();
    range.setStart(first.node, Math.max(0, start - first.start));
    range.setEnd(last.node, Math.min(last.node.length, end - last.start));
    return range;
  }

  /** Where a DOM boundary point is: -1 before this layer, 0 in it, 1 after it; null when it is not in the same tree. */
  compare(container: Node, offset: number): -1 | 0 | 1 | null {
    if (container.getRootNode() !== this.layer.getRootNode()) return null;
    const range = this.layer.ownerDocument.createRange();
    range.selectNodeContents(this.layer);
    return comparePoint(range, container, offset);
  }

  /**
   * The document offset of a boundary point inside the layer: within a span, the character there;
   * between spans, the start of the next one ('start') or the end of the previous one ('end').
   * Null when there is no such span on this page.
   */
  offsetOf(container: Node, offset: number, bias: 'start' | 'end'): number | null {
    const range = this.layer.ownerDocument.createRange();
    // The first span the point is not after: the one it is in, or the next one.
    let low = 0;
    let high = this.spans.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      range.selectNodeContents(this.spans[middle].node);
      if (comparePoint(range, container, offset) === 1) low = middle + 1;
      else high = middle;
    }
    const next = this.spans[low];
    if (next) {
      range.selectNodeContents(next.node);
      if (comparePoint(range, container, offset) === 0) {
        range.setEnd(container, offset);
        return next.start + Math.min(range.toString().length, next.end - next.start);
      }
    }
    if (bias === 'start') return next ? next.start : null;
    return low > 0 ? this.spans[low - 1].end : null;
  }

  /** The index of the first span ending after `offset`, or -1. */
  private firstEndingAfter(offset: number): number {
    let low = 0;
    let high = this.spans.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.spans[middle].end > offset) high = middle;
      else low = middle + 1;
    }
    return low < this.spans.length ? low : -1;
  }

  /** The index of the last span starting before `offset`, or -1. */
  private lastStartingBefore(offset: number): number {
    let low = 0;
    let high = this.spans.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.spans[middle].start < offset) low = middle + 1;
      else high = middle;
    }
    return low - 1;
  }
}

/** Range.comparePoint, with a point it cannot compare (another document, a detached node) as null. */
function comparePoint(range: Range, container: Node, offset: number): -1 | 0 | 1 | null {
  try {
    return range.comparePoint(container, offset) as -1 | 0 | 1;
  } catch {
    return null;
  }
}
