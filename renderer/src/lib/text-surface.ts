import type { Span } from './text-units';

/**
 * The text a briefing shows, and where it is on screen: what notes, find and search hits work on.
 * A text briefing's surface is its rendered article (lib/article-surface); a PDF's is the
 * document's extracted text laid over the text layers of the pages that are rendered
 * (state/pdf-text). Offsets are UTF-16 indices into `text`, the text annotation selectors and
 * search hits refer to.
 */
export interface TextSurface {
  /** The whole text, including parts not on screen (a PDF's pages that are not rendered). */
  readonly text: string;
  /** Whether a DOM node is part of the text on screen (a selection's ends, a click). */
  contains(node: Node | null): boolean;
  /**
   * DOM ranges covering text[start, end) where it is on screen, in text order: one for an
   * article; one per rendered page for a PDF, none for pages not rendered.
   */
  rangesFor(start: number, end: number): Range[];
  /**
   * The text offset of a DOM boundary point. A point between pieces of text (a PDF page's margin,
   * the gap between pages) goes to the next text for `bias` 'start' and the previous for 'end',
   * so a selection's ends map inward; null when there is no such text.
   */
  offsetOf(container: Node, offset: number, bias: 'start' | 'end'): number | null;
  /** A range widened to whole words (see text-units snapToWords); null when it needs no change. */
  snapToWords(range: Range, locale?: string): Range | null;
  /** Brings text[start, end) to the middle of the screen (a PDF first goes to its page). */
  reveal(span: Span, behavior?: ScrollBehavior): void;
  /** For a PDF: the 1-based page an offset is on, which a note records; undefined for an article. */
  pageAt?(offset: number): number | null;
}
