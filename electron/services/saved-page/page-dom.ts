import { parseHTML } from 'linkedom';

/**
 * The part of the DOM the import code uses. Services compile without the DOM library (they run in
 * Node), and linkedom's own types lean on it, so its document is typed through this structural view.
 */
export interface PageElement {
  readonly tagName: string;
  readonly textContent: string | null;
  readonly innerHTML: string;
  readonly parentElement: PageElement | null;
  getAttribute(name: string): string | null;
  hasAttribute(name: string): boolean;
  querySelector(selectors: string): PageElement | null;
  querySelectorAll(selectors: string): Iterable<PageElement>;
  closest(selectors: string): PageElement | null;
  contains(other: PageElement): boolean;
  prepend(...nodes: PageElement[]): void;
  replaceChildren(...nodes: PageElement[]): void;
}

export interface PageDocument {
  /** Null for an empty document. */
  readonly documentElement: PageElement | null;
  readonly body: PageElement | null;
  querySelector(selectors: string): PageElement | null;
  querySelectorAll(selectors: string): Iterable<PageElement>;
}

/** Builds a linkedom document for markup already reduced by `prunePage`. */
export function parsePage(html: string): PageDocument {
  // Through unknown: where the DOM library is loaded too (the renderer's state tests drive the real
  // services), linkedom's document is typed as the DOM's, which this narrower view does not overlap.
  return parseHTML(html).document as unknown as PageDocument;
}
