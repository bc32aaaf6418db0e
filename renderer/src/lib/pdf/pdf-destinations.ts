/**
 * Where a PDF's outline entries and links point. Only two kinds of target are ever acted on: a
 * place in this document (a destination, resolved to a page) and a web address (handed to the
 * app's external-link rule). JavaScript, Launch and remote-GoTo file targets, embedded files and
 * form actions are dropped here, so nothing downstream can run or open them.
 */
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist';

/** A destination as pdf.js gives it: a name to look up, or an explicit array whose first element is the page. */
export type PdfDestination = string | unknown[];

/** One line of the outline (bookmarks), flattened with its depth. */
export interface OutlineEntry {
  title: string;
  /** 1 for a top-level bookmark. */
  level: number;
  /** The 0-based page it jumps to, or null when its target is not a page of this document. */
  pageIndex: number | null;
}

/** A link on a page: its rectangle in PDF user space and what it points to (one of the two). */
export interface PdfLink {
  rect: [number, number, number, number];
  url: string | null;
  dest: PdfDestination | null;
}

/** The page a destination points to (0-based), or null when it names nothing in this document. */
export async function pageIndexOf(document: PDFDocumentProxy, dest: PdfDestination | null | undefined): Promise<number | null> {
  try {
    const explicit = typeof dest === 'string' ? await document.getDestination(dest) : dest;
    if (!Array.isArray(explicit) || explicit.length === 0) return null;
    const [target] = explicit as [unknown];
    const index = isRef(target) ? await document.getPageIndex(target) : Number.isInteger(target) ? (target as number) : null;
    return index !== null && index >= 0 && index < document.numPages ? index : null;
  } catch {
    // A broken reference in a damaged file: the entry is shown, but goes nowhere.
    return null;
  }
}

/** Bookmarks deeper than this are folded into their parent's level, as the contents list shows three levels. */
const MAX_DEPTH = 3;
/** A hostile outline can hold millions of entries; the list shows the first ones. */
const MAX_ENTRIES = 2000;

/** The document's outline, flattened in reading order with each entry's page resolved; empty when it has none. */
export async function outlineOf(document: PDFDocumentProxy): Promise<OutlineEntry[]> {
  const outline = await document.getOutline().catch(() => null);
  if (!outline) return [];
  type Node = (typeof outline)[number];
  const flat: { node: Node; level: number }[] = [];
  const walk = (nodes: Node[], level: number) => {
    for (const node of nodes) {
      if (flat.length >= MAX_ENTRIES) return;
      flat.push({ node, level: Math.min(level, MAX_DEPTH) });
      if (node.items?.length) walk(node.items, level + 1);
    }
  };
  walk(outline, 1);
  return Promise.all(
    flat.map(async ({ node, level }) => ({
      title: node.title.trim() || 'Untitled section',
      level,
      pageIndex: await pageIndexOf(document, node.dest),
    })),
  );
}

/**
 * The links on a page that the reader can follow: addresses (for the external-link rule) and jumps
 * inside the document. A Launch or GoToR action naming a file has no absolute address, so pdf.js
 * gives it no `url`, and it is dropped with every other action.
 */
export async function linksOf(page: PDFPageProxy): Promise<PdfLink[]> {
  const annotations = (await page.getAnnotations({ intent: 'display' }).catch(() => [])) as {
    subtype?: string;
    rect: [number, number, number, number];
    url?: string;
    dest?: PdfDestination;
  }[];
  return (
    annotations
      // By the PDF's own subtype name, so this module needs no value from pdf.js (loaded only when a PDF opens).
      .filter((annotation) => annotation.subtype === 'Link')
      .map((annotation) => ({
        rect: annotation.rect,
        // pdf.js gives `url` only for a valid absolute address; the link notice applies the app's rule (https after a confirm).
        url: typeof annotation.url === 'string' ? annotation.url : null,
        dest: typeof annotation.dest === 'string' || Array.isArray(annotation.dest) ? annotation.dest : null,
      }))
      .filter((link) => link.url !== null || link.dest !== null)
  );
}

function isRef(value: unknown): value is { num: number; gen: number } {
  return typeof value === 'object' && value !== null && typeof (value as { num?: unknown }).num === 'number';
}
