import { describe, expect, it } from 'vitest';
import {
  canvasSizeFor,
  fractionOf,
  layoutPages,
  MAX_CANVAS_PIXELS,
  MAX_CANVAS_SIDE,
  PAGE_GAP,
  PDF_TO_CSS,
  pageIndexAt,
  pageShown,
  pagesNear,
  percentOf,
  positionAt,
  positionFor,
  scaleFor,
  scrollTopFor,
  steppedZoom,
} from './pdf-layout';

const letter = { width: 612, height: 792 };
const pane = { width: 1000, height: 700 };

describe('zoom', () => {
  it('100 % shows a page at its real size, and fixed zooms stay within 50–400 %', () => {
    expect(scaleFor(1, letter, pane)).toBeCloseTo(PDF_TO_CSS);
    expect(percentOf(scaleFor(1, letter, pane))).toBe(100);
    expect(percentOf(scaleFor(9, letter, pane))).toBe(400);
    expect(percentOf(scaleFor(0.1, letter, pane))).toBe(50);
  });

  it('fit width fills the pane less its margins; fit page also fits the height', () => {
    const width = scaleFor('fit-width', letter, pane);
    expect(letter.width * width).toBeCloseTo(pane.width - 2 * PAGE_GAP);
    const page = scaleFor('fit-page', letter, pane);
    expect(letter.height * page).toBeCloseTo(pane.height - 2 * PAGE_GAP);
    expect(letter.width * page).toBeLessThan(pane.width);
  });

  it('a landscape slide fits the page by its width when the pane is tall', () => {
    const slide = { width: 720, height: 405 };
    const scale = scaleFor('fit-page', slide, { width: 800, height: 900 });
    expect(slide.width * scale).toBeCloseTo(800 - 2 * PAGE_GAP);
  });

  it('steps through the fixed zooms from wherever fit width left it, stopping at the ends', () => {
    expect(steppedZoom(PDF_TO_CSS, 1)).toBe(1.1);
    expect(steppedZoom(PDF_TO_CSS, -1)).toBe(0.9);
    expect(steppedZoom(1.3 * PDF_TO_CSS, 1)).toBe(1.5);
    expect(steppedZoom(1.3 * PDF_TO_CSS, -1)).toBe(1.25);
    expect(steppedZoom(4 * PDF_TO_CSS, 1)).toBe(4);
    expect(steppedZoom(0.5 * PDF_TO_CSS, -1)).toBe(0.5);
  });
});

describe('page layout', () => {
  const layout = layoutPages([letter, { width: 842, height: 595 }, letter], 1);

  it('stacks pages with a gap around each, as wide as the widest page', () => {
    expect(layout.tops).toEqual([PAGE_GAP, PAGE_GAP * 2 + 792, PAGE_GAP * 3 + 792 + 595]);
    expect(layout.height).toBe(PAGE_GAP * 4 + 792 * 2 + 595);
    expect(layout.width).toBe(842 + 2 * PAGE_GAP);
  });

  it('finds the page at a height, a gap counting as the page below', () => {
    expect(pageIndexAt(layout, 0)).toBe(0);
    expect(pageIndexAt(layout, 500)).toBe(0);
    expect(pageIndexAt(layout, PAGE_GAP + 792 + 1)).toBe(1);
    expect(pageIndexAt(layout, 1e9)).toBe(2);
  });

  it('names the page that fills most of the view, not a sliver left at the top', () => {
    expect(pageShown(layout, layout.tops[1] - 40, 700)).toBe(1);
    expect(pageShown(layout, layout.tops[1] - 400, 700)).toBe(0);
    expect(pageShown(layout, 0, 700)).toBe(0);
  });

  it('renders only the pages near the viewport, however long the document', () => {
    const long = layoutPages(
      Array.from({ length: 2000 }, () => letter),
      1,
    );
    const near = pagesNear(long, long.tops[1000], 700, 1);
    expect(near.first).toBeGreaterThanOrEqual(998);
    expect(near.last).toBeLessThanOrEqual(1002);
    expect(near.last - near.first).toBeLessThanOrEqual(4);
  });
});

describe('reading position', () => {
  const pages = Array.from({ length: 10 }, () => letter);

  it('is the same place at any zoom: saved at one scale, restored at another', () => {
    const small = layoutPages(pages, 0.8);
    const large = layoutPages(pages, 2.4);
    const saved = fractionOf(positionAt(small, small.tops[6] + small.sizes[6].height * 0.25), pages.length, false);
    expect(saved).toBeCloseTo(0.625);
    const restored = positionFor(saved, pages.length);
    expect(restored.pageIndex).toBe(6);
    expect(restored.within).toBeCloseTo(0.25);
    expect(positionAt(large, scrollTopFor(large, restored.pageIndex, restored.within)).within).toBeCloseTo(0.25);
  });

  it('the very end counts as read to the end, and an out-of-range fraction lands on a real page', () => {
    expect(fractionOf({ pageIndex: 9, within: 0.1 }, 10, true)).toBe(1);
    expect(positionFor(1, 10)).toEqual({ pageIndex: 9, within: 1 });
    expect(positionFor(Number.NaN, 10)).toEqual({ pageIndex: 0, within: 0 });
    expect(fractionOf({ pageIndex: 0, within: 0 }, 0, false)).toBe(0);
  });

  it('a page opened from a search starts with its top edge in view', () => {
    const layout = layoutPages(pages, 1);
    expect(scrollTopFor(layout, 3)).toBe(layout.tops[3] - PAGE_GAP);
    expect(scrollTopFor(layout, 99)).toBe(layout.tops[9] - PAGE_GAP);
  });
});

describe('canvas size', () => {
  it('renders at the screen pixel ratio when the page is small enough', () => {
    expect(canvasSizeFor({ width: 800, height: 1000 }, 2)).toEqual({ width: 1600, height: 2000, outputScale: 2 });
  });

  it('caps a giant page (an oversized scan at 400 %) to the pixel budget', () => {
    const size = canvasSizeFor({ width: 1665 * 4 * PDF_TO_CSS, height: 2336 * 4 * PDF_TO_CSS }, 2);
    expect(size.width * size.height).toBeLessThanOrEqual(MAX_CANVAS_PIXELS);
    expect(size.outputScale).toBeLessThan(1);
  });

  it('caps a long thin page by its side, not only its area', () => {
    const size = canvasSizeFor({ width: 300, height: 40000 }, 1);
    expect(size.height).toBeLessThanOrEqual(MAX_CANVAS_SIDE);
  });
});
