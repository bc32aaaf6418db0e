import type { PDFDocumentProxy } from 'pdfjs-dist';
import { untrack } from 'svelte';
import type { PdfSource } from '../../../electron/common/model';
import { joinPages, PAGE_BREAK, pageAt, pageTextOf } from '../../../electron/common/pdf-text';
import { PageTextLayer, placeTextLayer } from '../lib/pdf/page-text-layer';
import type { TextSurface } from '../lib/text-surface';
import { snapToWords, type Span } from '../lib/text-units';
import { pdfView } from './pdf-view.svelte';

/** What the viewer gave for a rendered page, kept so it can be placed once the document's text is known. */
interface RenderedPage {
  layer: HTMLElement;
  textDivs: readonly HTMLElement[];
  items: readonly unknown[];
}

/** Characters either side of a selection that word snapping looks at: more than any word. */
const SNAP_CONTEXT = 64;
/** A reveal waiting for its page to render is dropped after this long, so a later scroll is not yanked back. */
const REVEAL_WAIT_MS = 5000;

/**
 * The open PDF's text as notes, find and search hits see it: the document's text (the services'
 * extraction, or this module's when they had none) laid over the text layers of the pages the
 * viewer has rendered. It is the PDF's TextSurface; the reader attaches it to the notes and to
 * find once it is `readyFor` the PDF shown. The viewer (components/pdf) is its one writer, through open, addPage,
 * removePage and close.
 */
class PdfTextState implements TextSurface {
  /** The document's text; null until known. */
  private documentText: string | null = null;
  private starts: number[] = [];
  /** Bumped whenever rendered pages change: painting reads it, so highlights follow scrolling and zoom. */
  private layout = $state(0);
  private rendered = new Map<number, RenderedPage>();
  /** The rendered pages placed on the text, in page order. */
  private layers: PageTextLayer[] = [];
  /** Counts opens, so a background extraction for a document since closed stops. */
  private generation = 0;
  private warned = false;
  private pendingReveal: { span: Span; page: number; since: number } | null = null;

  /**
   * The PDF (the `source` given to `open`) whose text is known: from then notes can be anchored
   * on it and find can search it. Null while its text is being extracted, and when closed.
   */
  readyFor = $state.raw<PdfSource | null>(null);

  get text(): string {
    return this.documentText ?? '';
  }

  /** Where each page starts in `text` (0-based page index). */
  get pageStarts(): readonly number[] {
    return this.starts;
  }

  /**
   * A PDF article opened and pdf.js loaded `document`. `source.text` is the services' text of it
   * (pages joined by PAGE_BREAK, what notes and search hits refer to). When it is null (a
   * password-protected file, or one whose text the services did not extract) the text is built
   * here, in the background, from each page's getTextContent() with pageTextOf, as the services
   * would; `readyFor` becomes `source` once the text is known.
   */
  open(source: PdfSource, document: PDFDocumentProxy): void {
    this.reset();
    const generation = this.generation;
    if (source.text !== null) this.setText(source, source.text, source.pageStarts);
    else void this.extract(source, document, generation);
  }

  /**
   * A page's pdf.js TextLayer has rendered (again, after a zoom or after being released):
   * `textDivs` is `textLayer.textDivs` and `items` the getTextContent() items given to that text
   * layer (all of them, marked content included). Its highlights, find matches and search hits
   * are painted from here. `pageIndex` is 0-based.
   */
  addPage(pageIndex: number, textLayerDiv: HTMLElement, textDivs: readonly HTMLElement[], items: readonly unknown[]): void {
    this.rendered.set(pageIndex, { layer: textLayerDiv, textDivs, items });
    if (this.documentText !== null) this.place(pageIndex);
    this.relaid();
    this.revealPending(pageIndex);
  }

  /** A page's text layer was torn down (released off screen, or before a re-render). */
  removePage(pageIndex: number): void {
    if (!this.rendered.delete(pageIndex)) return;
    this.layers = this.layers.filter((layer) => layer.pageIndex !== pageIndex);
    this.relaid();
  }

  /** The PDF closed: forget its text and pages, and stop extracting. */
  close(): void {
    this.reset();
  }

  contains(node: Node | null): boolean {
    return !!node && this.layers.some((layer) => layer.layer.contains(node));
  }

  rangesFor(start: number, end: number): Range[] {
    void this.layout;
    if (end <= start || this.layers.length === 0) return [];
    const first = this.pageIndexAt(start);
    const last = this.pageIndexAt(end - 1);
    const ranges: Range[] = [];
    for (const layer of this.layers) {
      if (layer.pageIndex < first || layer.pageIndex > last) continue;
      const range = layer.rangeFor(start, end);
      if (range) ranges.push(range);
    }
    return ranges;
  }

  offsetOf(container: Node, offset: number, bias: 'start' | 'end'): number | null {
    const layers = this.layers;
    // The first rendered page the point is not after: the one it is in, or the next one.
    let index = 0;
    let inside = false;
    for (; index < layers.length; index++) {
      const where = layers[index].compare(container, offset);
      if (where === null) return null;
      inside = where === 0;
      if (where <= 0) break;
    }
    if (inside) {
      const at = layers[index].offsetOf(container, offset, bias);
      if (at !== null) return at;
    }
    // Between pieces of text: a start goes to the next text shown, an end to the previous.
    if (bias === 'start') {
      for (let next = inside ? index + 1 : index; next < layers.length; next++) {
        const extent = layers[next].extent;
        if (extent) return extent.start;
      }
      return null;
    }
    for (let previous = index - 1; previous >= 0; previous--) {
      const extent = layers[previous].extent;
      if (extent) return extent.end;
    }
    return null;
  }

  /** Snaps on the document's text, so a selection across lines, columns and pages snaps at both ends. */
  snapToWords(range: Range, locale?: string): Range | null {
    const start = this.offsetOf(range.startContainer, range.startOffset, 'start');
    const end = this.offsetOf(range.endContainer, range.endOffset, 'end');
    if (start === null || end === null || start >= end) return null;
    const from = Math.max(0, start - SNAP_CONTEXT);
    const to = Math.min(this.text.length, end + SNAP_CONTEXT);
    const snapped = snapToWords(this.text.slice(from, to), { start: start - from, end: end - from }, locale);
    if (snapped.start >= snapped.end || (snapped.start + from === start && snapped.end + from === end)) return null;
    const pieces = this.rangesFor(snapped.start + from, snapped.end + from);
    if (pieces.length === 0) return null;
    const result = range.cloneRange();
    result.setStart(pieces[0].startContainer, pieces[0].startOffset);
    result.setEnd(pieces[pieces.length - 1].endContainer, pieces[pieces.length - 1].endOffset);
    return result;
  }

  /** Scrolls to the text when its page is rendered; otherwise goes to the page and scrolls once it renders. */
  reveal(span: Span, behavior: ScrollBehavior = 'instant'): void {
    const page = this.pageAt(span.start);
    if (page === null) return;
    const range = this.layers.find((layer) => layer.pageIndex === page - 1)?.rangeFor(span.start, span.end);
    if (range) {
      this.pendingReveal = null;
      scrollTo(range, behavior);
      return;
    }
    this.pendingReveal = { span, page, since: performance.now() };
    pdfView.goToPage(page);
  }

  pageAt(offset: number): number | null {
    return pageAt(this.starts, offset);
  }

  /** Tells painting the rendered pages changed; untracked, so a caller inside an effect does not come to depend on it. */
  private relaid(): void {
    this.layout = untrack(() => this.layout) + 1;
  }

  private reset(): void {
    this.generation++;
    this.documentText = null;
    this.readyFor = null;
    this.starts = [];
    this.rendered.clear();
    this.layers = [];
    this.warned = false;
    this.pendingReveal = null;
    this.relaid();
  }

  private setText(source: PdfSource, text: string, pageStarts: readonly number[]): void {
    this.starts = [...pageStarts];
    this.documentText = text;
    for (const pageIndex of this.rendered.keys()) this.place(pageIndex);
    this.readyFor = source;
    this.relaid();
  }

  /** The text the services would have extracted, page by page; a page pdf.js cannot read counts as empty. */
  private async extract(source: PdfSource, document: PDFDocumentProxy, generation: number): Promise<void> {
    const pages: string[] = [];
    for (let number = 1; number <= document.numPages; number++) {
      const text = await document
        .getPage(number)
        .then((page) => page.getTextContent())
        .then((content) => pageTextOf(content.items).text)
        .catch(() => '');
      if (generation !== this.generation) return;
      pages.push(text);
    }
    const joined = joinPages(pages);
    this.setText(source, joined.text, joined.pageStarts);
  }

  /** Places a rendered page's spans on the document's text (replacing an earlier rendering of it). */
  private place(pageIndex: number): void {
    const page = this.rendered.get(pageIndex);
    const start = this.starts[pageIndex];
    if (!page || start === undefined) return;
    const end = pageIndex + 1 < this.starts.length ? this.starts[pageIndex + 1] - PAGE_BREAK.length : this.text.length;
    const { spans, exact } = placeTextLayer(page.textDivs, page.items, this.text.slice(start, end), start);
    if (!exact && !this.warned) {
      this.warned = true;
      console.warn(
        `PDF text: page ${pageIndex + 1}'s text layer does not give the extracted text exactly; its words are matched to the text again, and any not found are left unhighlighted.`,
      );
    }
    const layer = new PageTextLayer(pageIndex, page.layer, spans);
    this.layers = [...this.layers.filter((other) => other.pageIndex !== pageIndex), layer].sort((a, b) => a.pageIndex - b.pageIndex);
  }

  private revealPending(pageIndex: number): void {
    const pending = this.pendingReveal;
    if (!pending || pending.page !== pageIndex + 1) return;
    this.pendingReveal = null;
    if (performance.now() - pending.since > REVEAL_WAIT_MS) return;
    const range = this.layers.find((layer) => layer.pageIndex === pageIndex)?.rangeFor(pending.span.start, pending.span.end);
    if (range) scrollTo(range, 'instant');
  }

  /** The 0-based page an offset is on. */
  private pageIndexAt(offset: number): number {
    return (pageAt(this.starts, offset) ?? 1) - 1;
  }
}

/**
 * Centres a range in the pages' scroller (its nearest scrolling ancestor) only: scrollIntoView
 * would also shift the panes around it by the little they can scroll.
 */
function scrollTo(range: Range, behavior: ScrollBehavior): void {
  const scroller = scrollerOf(range.startContainer.parentElement);
  if (!scroller) return;
  const box = range.getBoundingClientRect();
  const view = scroller.getBoundingClientRect();
  const top = scroller.scrollTop + box.top + box.height / 2 - (view.top + view.height / 2);
  // Sideways only when the text is out of view (a page zoomed wider than the pane).
  const outside = box.left < view.left || box.right > view.right;
  const left = outside ? scroller.scrollLeft + box.left + box.width / 2 - (view.left + view.width / 2) : scroller.scrollLeft;
  scroller.scrollTo({ top, left, behavior });
}

function scrollerOf(element: Element | null): HTMLElement | null {
  for (let node = element?.parentElement ?? null; node; node = node.parentElement) {
    const { overflowY } = getComputedStyle(node);
    if ((overflowY === 'auto' || overflowY === 'scroll') && node.scrollHeight > node.clientHeight) return node;
  }
  return null;
}

export const pdfText = new PdfTextState();
