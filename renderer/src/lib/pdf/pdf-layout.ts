/**
 * The PDF reader's geometry, kept pure so it can be tested without pdf.js or a DOM: zoom to
 * scale, where each page sits in the scroller, which pages are near the viewport, the reading
 * position as a share of the document, and how large a page's canvas may be.
 */

/** CSS pixels per PDF point at 100 %: pdf.js's PixelsPerInch.PDF_TO_CSS_UNITS (96 dpi over 72 pt per inch). */
export const PDF_TO_CSS = 96 / 72;

/** The zoom a person picked: fit the pane's width, fit a whole page, or a fixed share of the page's real size. */
export type PdfZoom = 'fit-width' | 'fit-page' | number;

/** The fixed zooms Ctrl+plus and Ctrl+minus step through (1 = 100 %). */
export const ZOOM_STEPS: readonly number[] = [0.5, 0.67, 0.75, 0.8, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2, 2.5, 3, 4];
export const MIN_ZOOM = ZOOM_STEPS[0];
export const MAX_ZOOM = ZOOM_STEPS[ZOOM_STEPS.length - 1];

/** Space around and between pages, in CSS pixels. */
export const PAGE_GAP = 16;

/** A canvas never holds more than this many pixels (about 64 MB of RGBA), so a giant page or image cannot exhaust memory. */
export const MAX_CANVAS_PIXELS = 16 * 1024 * 1024;
/** Nor is it wider or taller than this: Chromium refuses canvases beyond 32,767 pixels a side, and GPUs far less. */
export const MAX_CANVAS_SIDE = 8192;

export interface Size {
  width: number;
  height: number;
}

/**
 * pdf.js's viewport scale (CSS pixels per PDF point) for a zoom. Fit width and fit page use the
 * reference page (the widest, or the current one) and the pane, leaving PAGE_GAP on each side; the
 * result is kept within the fixed zooms' range so a thin pane or a poster-sized page stays readable.
 */
export function scaleFor(zoom: PdfZoom, page: Size, pane: Size): number {
  if (typeof zoom === 'number') return clamp(zoom, MIN_ZOOM, MAX_ZOOM) * PDF_TO_CSS;
  const byWidth = Math.max(1, pane.width - 2 * PAGE_GAP) / page.width;
  const byHeight = Math.max(1, pane.height - 2 * PAGE_GAP) / page.height;
  const fitted = zoom === 'fit-width' ? byWidth : Math.min(byWidth, byHeight);
  return clamp(fitted, MIN_ZOOM * PDF_TO_CSS * 0.2, MAX_ZOOM * PDF_TO_CSS);
}

/** The zoom as a whole percentage of the page's real size, as shown in the toolbar. */
export const percentOf = (scale: number): number => Math.round((scale / PDF_TO_CSS) * 100);

/** The next fixed zoom above (+1) or below (-1) the current scale; at either end it stays there. */
export function steppedZoom(scale: number, direction: 1 | -1): number {
  const current = scale / PDF_TO_CSS;
  const tolerance = 0.005;
  if (direction > 0) return ZOOM_STEPS.find((step) => step > current + tolerance) ?? MAX_ZOOM;
  return [...ZOOM_STEPS].reverse().find((step) => step < current - tolerance) ?? MIN_ZOOM;
}

/** Where pages sit in the scroller at one scale: each page's top and size in CSS pixels, and the whole height and width. */
export interface PageLayout {
  tops: number[];
  sizes: Size[];
  height: number;
  width: number;
}

/** Stacks pages (sizes in PDF points) top to bottom at `scale`, PAGE_GAP apart and around. */
export function layoutPages(pageSizes: readonly Size[], scale: number): PageLayout {
  const tops: number[] = [];
  const sizes: Size[] = [];
  let y = PAGE_GAP;
  let widest = 0;
  for (const size of pageSizes) {
    const width = Math.floor(size.width * scale);
    const height = Math.floor(size.height * scale);
    tops.push(y);
    sizes.push({ width, height });
    y += height + PAGE_GAP;
    widest = Math.max(widest, width);
  }
  return { tops, sizes, height: y, width: widest + 2 * PAGE_GAP };
}

/** The index of the page at vertical position `y` (a point in a gap belongs to the page below it). */
export function pageIndexAt(layout: PageLayout, y: number): number {
  const { tops, sizes } = layout;
  if (tops.length === 0) return 0;
  let low = 0;
  let high = tops.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (tops[middle] <= y) low = middle;
    else high = middle - 1;
  }
  // Past a page's bottom edge, in the gap below it: the next page is the one being reached.
  return y >= tops[low] + sizes[low].height && low < tops.length - 1 ? low + 1 : low;
}

/**
 * The page the page box names: the one that fills most of the viewport, so a sliver of the page
 * above left at the top does not name it (the earlier page wins a tie).
 */
export function pageShown(layout: PageLayout, scrollTop: number, viewportHeight: number): number {
  const first = pageIndexAt(layout, scrollTop);
  const last = pageIndexAt(layout, scrollTop + viewportHeight);
  let shown = first;
  let most = -1;
  for (let index = first; index <= last; index++) {
    const top = layout.tops[index];
    const visible = Math.min(top + layout.sizes[index].height, scrollTop + viewportHeight) - Math.max(top, scrollTop);
    if (visible > most) [shown, most] = [index, visible];
  }
  return shown;
}

/** The pages worth rendering: those on screen and `overscan` screens above and below. */
export function pagesNear(layout: PageLayout, scrollTop: number, viewportHeight: number, overscan = 1): { first: number; last: number } {
  if (layout.tops.length === 0) return { first: 0, last: -1 };
  const margin = viewportHeight * overscan;
  return { first: pageIndexAt(layout, scrollTop - margin), last: pageIndexAt(layout, scrollTop + viewportHeight + margin) };
}

/**
 * Where reading is, as a page and a share of that page (0 at its top, 1 at its bottom): the point
 * at the top of the viewport. Independent of zoom, so it restores to the same place at any zoom.
 */
export function positionAt(layout: PageLayout, scrollTop: number): { pageIndex: number; within: number } {
  const pageIndex = pageIndexAt(layout, scrollTop);
  const top = layout.tops[pageIndex] ?? 0;
  const height = layout.sizes[pageIndex]?.height ?? 1;
  return { pageIndex, within: clamp((scrollTop - top) / Math.max(1, height), 0, 1) };
}

/** The scrollTop that puts `within` of page `pageIndex` at the top of the viewport (a page's top keeps its gap above). */
export function scrollTopFor(layout: PageLayout, pageIndex: number, within = 0): number {
  const index = clamp(Math.floor(pageIndex), 0, Math.max(0, layout.tops.length - 1));
  const top = layout.tops[index] ?? 0;
  const height = layout.sizes[index]?.height ?? 0;
  return within > 0 ? top + within * height : Math.max(0, top - PAGE_GAP);
}

/**
 * The reading position saved for a PDF: `(pageIndex + within) / pageCount`, so it means the same
 * place at every zoom and window size. Scrolled to the very end it is 1 (read to the end).
 */
export function fractionOf(position: { pageIndex: number; within: number }, pageCount: number, atEnd: boolean): number {
  if (pageCount <= 0) return 0;
  if (atEnd) return 1;
  return clamp((position.pageIndex + position.within) / pageCount, 0, 1);
}

/** The page and share of it a saved fraction points at: the inverse of `fractionOf`. */
export function positionFor(fraction: number, pageCount: number): { pageIndex: number; within: number } {
  if (pageCount <= 0 || !Number.isFinite(fraction)) return { pageIndex: 0, within: 0 };
  const exact = clamp(fraction, 0, 1) * pageCount;
  const pageIndex = Math.min(pageCount - 1, Math.floor(exact));
  return { pageIndex, within: clamp(exact - pageIndex, 0, 1) };
}

/**
 * A page canvas's size in device pixels for a page of `css` size: sharp at the screen's pixel
 * ratio, but never over MAX_CANVAS_PIXELS or MAX_CANVAS_SIDE (then drawn at a lower resolution
 * and stretched, as pdf.js's viewer does). `outputScale` is device pixels per CSS pixel.
 */
export function canvasSizeFor(css: Size, pixelRatio: number): { width: number; height: number; outputScale: number } {
  const area = Math.max(1, css.width) * Math.max(1, css.height);
  const outputScale = Math.min(
    Math.max(pixelRatio, 0.1),
    Math.sqrt(MAX_CANVAS_PIXELS / area),
    MAX_CANVAS_SIDE / Math.max(1, css.width),
    MAX_CANVAS_SIDE / Math.max(1, css.height),
  );
  return {
    width: Math.max(1, Math.floor(css.width * outputScale)),
    height: Math.max(1, Math.floor(css.height * outputScale)),
    outputScale,
  };
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
