/**
 * The one definition of a PDF's text, shared by the parse worker (which extracts it for search and
 * the listing) and the renderer (which maps pdf.js's text layer onto it). Annotation offsets are
 * offsets into this text, so both sides must build it from pdf.js's text items the same way.
 */

import { ordinalAt } from './ordinal-at';

/** What this needs of a pdf.js text item (`TextItem`); marked-content items have no `str` and are skipped. */
export interface PdfTextItem {
  str: string;
  hasEOL: boolean;
}

/** Between two pages' texts: a paragraph break, so a quote or snippet never runs one page into the next. */
export const PAGE_BREAK = '\n\n';

/**
 * A page's text: each item's string, and a line break after an item that ends a line.
 * `itemStarts[i]` is where item i's string starts, for mapping the text layer (one element per
 * item, in order) to offsets and back. Items that are not text (`str` missing) get -1.
 */
export function pageTextOf(items: readonly unknown[]): { text: string; itemStarts: number[] } {
  let text = '';
  const itemStarts: number[] = [];
  for (const item of items) {
    if (!isTextItem(item)) {
      itemStarts.push(-1);
      continue;
    }
    itemStarts.push(text.length);
    text += item.str;
    if (item.hasEOL) text += '\n';
  }
  return { text, itemStarts };
}

/** The document's text from its pages' texts, with where each page starts. */
export function joinPages(pages: readonly string[]): { text: string; pageStarts: number[] } {
  const pageStarts: number[] = [];
  let offset = 0;
  for (const [index, page] of pages.entries()) {
    if (index > 0) offset += PAGE_BREAK.length;
    pageStarts.push(offset);
    offset += page.length;
  }
  return { text: pages.join(PAGE_BREAK), pageStarts };
}

/** The 1-based page an offset of the document's text falls on (the last page for offsets past the end); null without pages. */
export const pageAt: (pageStarts: readonly number[], offset: number) => number | null = ordinalAt;

function isTextItem(item: unknown): item is PdfTextItem {
  return typeof item === 'object' && item !== null && typeof (item as PdfTextItem).str === 'string';
}
