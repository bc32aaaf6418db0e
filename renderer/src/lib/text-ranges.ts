/**
 * Maps between character offsets in an element's `textContent` and DOM ranges. Annotation
 * selectors are offsets into the article's text; the page needs Ranges to paint and to read
 * selections. Both directions walk the text nodes in document order, as textContent does.
 */

interface TextNodeSpan {
  node: Text;
  start: number;
  end: number;
}

function textSpans(root: Node): TextNodeSpan[] {
  const spans: TextNodeSpan[] = [];
  const walker = root.ownerDocument!.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let offset = 0;
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const length = node.data.length;
    spans.push({ node, start: offset, end: offset + length });
    offset += length;
  }
  return spans;
}

/** A reusable index of `root`'s text nodes; rebuild it when the content changes. */
export class TextIndex {
  private readonly spans: TextNodeSpan[];

  constructor(private readonly root: Node) {
    this.spans = textSpans(root);
  }

  /** A Range covering text[start, end), or null when the offsets fall outside the text. */
  rangeFor(start: number, end: number): Range | null {
    const from = this.locate(start, false);
    const to = this.locate(end, true);
    if (!from || !to) return null;
    const range = this.root.ownerDocument!.createRange();
    range.setStart(from.node, from.offset);
    range.setEnd(to.node, to.offset);
    return range;
  }

  /** The text offset of a DOM boundary point (a Range end or a caret), or null when it is outside `root`. */
  offsetOf(container: Node, offset: number): number | null {
    if (!this.root.contains(container)) return null;
    // Range.toString() concatenates the text nodes it spans, exactly as textContent counts them.
    const before = this.root.ownerDocument!.createRange();
    before.setStart(this.root, 0);
    before.setEnd(container, offset);
    return before.toString().length;
  }

  /**
   * The text node holding `offset` (binary search: find paints thousands of matches). An offset
   * at a boundary between two nodes starts the later one, or ends the earlier one with
   * `preferEnd`; the text's end is in its last node either way.
   */
  private locate(offset: number, preferEnd: boolean): { node: Text; offset: number } | null {
    const spans = this.spans;
    const last = spans[spans.length - 1];
    if (!last || offset < 0 || offset > last.end) return null;
    if (offset === last.end) return { node: last.node, offset: offset - last.start };
    // The first span that ends after the offset (or at it, when preferring an end).
    let low = 0;
    let high = spans.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      const end = spans[middle].end;
      if (end > offset || (preferEnd && end === offset)) high = middle;
      else low = middle + 1;
    }
    const span = spans[low];
    return { node: span.node, offset: offset - span.start };
  }
}
