import { snappedToWords } from './paragraphs';
import { TextIndex } from './text-ranges';
import type { TextSurface } from './text-surface';
import type { Span } from './text-units';

/** A text briefing's surface: the rendered article body, all of it on screen. */
export class ArticleSurface implements TextSurface {
  readonly text: string;
  private readonly index: TextIndex;

  constructor(private readonly body: Element) {
    this.text = body.textContent ?? '';
    this.index = new TextIndex(body);
  }

  contains(node: Node | null): boolean {
    return !!node && this.body.contains(node);
  }

  rangesFor(start: number, end: number): Range[] {
    const range = this.index.rangeFor(start, end);
    return range ? [range] : [];
  }

  offsetOf(container: Node, offset: number): number | null {
    return this.index.offsetOf(container, offset);
  }

  snapToWords(range: Range, locale?: string): Range | null {
    return snappedToWords(range, this.body, locale);
  }

  reveal(span: Span, behavior: ScrollBehavior = 'instant'): void {
    this.index.rangeFor(span.start, span.end)?.startContainer.parentElement?.scrollIntoView({ block: 'center', behavior });
  }
}
