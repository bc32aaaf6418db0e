/**
 * The article's paragraphs as the keyboard sees them, and selections measured inside one
 * paragraph. Word rules come from text-units; this module only maps them onto the DOM. Nothing
 * here changes the article's text, so anchoring is unaffected.
 */
import { TextIndex } from './text-ranges';
import { snapToWords, type Span } from './text-units';

/** Blocks J/K move between: the innermost of these that hold text (a `li` holding a `p` gives way to it). */
const BLOCKS = 'p, li, h1, h2, h3, h4, h5, h6, blockquote, pre, dt, dd, figcaption, td, th';

export function paragraphsOf(body: Element): HTMLElement[] {
  const blocks = [...body.querySelectorAll<HTMLElement>(BLOCKS)].filter((block) => !block.querySelector(BLOCKS) && block.textContent?.trim());
  return blocks.length > 0 ? blocks : [body as HTMLElement];
}

/** The index in `paragraphs` of the one holding `node`, or -1. */
export function paragraphIndexOf(paragraphs: readonly HTMLElement[], node: Node): number {
  return paragraphs.findIndex((paragraph) => paragraph.contains(node));
}

/** The first paragraph whose top is on screen in `viewport` (or the last one above it). */
export function firstOnScreen(paragraphs: readonly HTMLElement[], viewport: Element): number {
  const top = viewport.getBoundingClientRect().top;
  const index = paragraphs.findIndex((paragraph) => paragraph.getBoundingClientRect().bottom > top + 1);
  return index < 0 ? paragraphs.length - 1 : index;
}

/** The window's selection as offsets into `paragraph`'s text, when it lies inside that paragraph. */
export function selectedSpanIn(paragraph: HTMLElement): Span | null {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  if (!paragraph.contains(range.startContainer) || !paragraph.contains(range.endContainer)) return null;
  const index = new TextIndex(paragraph);
  const start = index.offsetOf(range.startContainer, range.startOffset);
  const end = index.offsetOf(range.endContainer, range.endOffset);
  return start === null || end === null ? null : { start, end };
}

/** Makes text[start, end) of `paragraph` the window's selection (an empty span clears it). */
export function selectSpan(paragraph: HTMLElement, span: Span): void {
  const selection = window.getSelection();
  if (!selection) return;
  selection.removeAllRanges();
  if (span.start >= span.end) return;
  const range = new TextIndex(paragraph).rangeFor(span.start, span.end);
  if (range) selection.addRange(range);
}

function boundary(index: TextIndex, offset: number): { node: Node; offset: number } | null {
  const range = index.rangeFor(offset, offset);
  return range && { node: range.startContainer, offset: range.startOffset };
}

/**
 * `range` widened to whole words (see snapToWords), each end within its own paragraph so a word
 * never runs on into the next block's text. Null when it needs no change or lies outside `body`.
 */
export function snappedToWords(range: Range, body: Element, locale?: string): Range | null {
  const paragraphs = paragraphsOf(body);
  const first = paragraphs[paragraphIndexOf(paragraphs, range.startContainer)];
  const last = paragraphs[paragraphIndexOf(paragraphs, range.endContainer)];
  if (!first || !last) return null;
  const firstIndex = new TextIndex(first);
  const lastIndex = first === last ? firstIndex : new TextIndex(last);
  const start = firstIndex.offsetOf(range.startContainer, range.startOffset);
  const end = lastIndex.offsetOf(range.endContainer, range.endOffset);
  if (start === null || end === null) return null;
  const firstText = first.textContent ?? '';
  const snapped =
    first === last
      ? snapToWords(firstText, { start, end }, locale)
      : {
          start: snapToWords(firstText, { start, end: firstText.length }, locale).start,
          end: snapToWords(last.textContent ?? '', { start: 0, end }, locale).end,
        };
  if (snapped.start === start && snapped.end === end) return null;
  if (snapped.start >= snapped.end && first === last) return null;
  const from = boundary(firstIndex, snapped.start);
  const to = boundary(lastIndex, snapped.end);
  if (!from || !to) return null;
  const result = body.ownerDocument.createRange();
  result.setStart(from.node, from.offset);
  result.setEnd(to.node, to.offset);
  return result;
}
