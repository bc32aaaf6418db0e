import { pageTextOf } from '../../../common/pdf-text';

/** What this needs of a pdf.js text item: its string, its size and where it sits. */
interface SizedItem {
  str: string;
  hasEOL: boolean;
  height: number;
  /** pdf.js's text matrix: [4] and [5] are the baseline's x and y in page space (y grows upwards). */
  transform: number[];
}

/** A heading is this much larger than the page's body text at least. */
const LARGER_THAN_BODY = 1.15;
/** Candidates within this share of the largest size count as the same size (a title set a point smaller than a banner). */
const SAME_SIZE = 0.9;
/** The heading is in the top part of the page: above this share of its height, from the bottom. */
const TOP_PART = 0.4;
/** The next line of a heading starts within this many of its font heights below the last one. */
const LINE_GAP = 1.8;
/** More words than this is a paragraph set large, not a title. */
const MAX_WORDS = 30;

/**
 * The first large heading on a page, as a title for a PDF whose metadata has none: the largest
 * text in the top part of the page, clearly larger than its body text, and the lines right below it
 * in the same size. When a banner in capitals ("U.S. DEPARTMENT OF THE TREASURY") is about as large
 * as a heading in mixed case, the heading wins. Null when nothing stands out (a page set in one size,
 * an OCR layer whose sizes are all alike). `view` is the page's box ([x0, y0, x1, y1]).
 */
export function firstHeading(items: readonly unknown[], view: readonly number[]): string | null {
  const texts = items.filter(isSizedItem).filter((item) => item.str.trim() !== '' && item.height > 0);
  if (texts.length === 0) return null;
  const body = bodySize(texts);
  const top = view[1] + (view[3] - view[1]) * TOP_PART;
  const candidates = texts.filter((item) => item.transform[5] >= top && item.str.trim().length >= 2 && /\p{L}/u.test(item.str));
  const largest = Math.max(0, ...candidates.map((item) => item.height));
  if (largest < body * LARGER_THAN_BODY) return null;
  let large = candidates.filter((item) => item.height >= largest * SAME_SIZE);
  const mixedCase = large.filter((item) => item.str !== item.str.toUpperCase());
  if (mixedCase.length > 0 && mixedCase.length < large.length) large = mixedCase;

  const block = [large[0]];
  for (const item of large.slice(1)) {
    const previous = block[block.length - 1];
    const drop = previous.transform[5] - item.transform[5];
    const sameLine = Math.abs(drop) <= previous.height * 0.3;
    if (!sameLine && (drop <= 0 || drop > previous.height * LINE_GAP)) break;
    block.push(item);
  }
  // Everything written between the block's first and last item: the spaces and superscripts ("117th") between them.
  const [first, last] = [block[0], block[block.length - 1]];
  const between = items
    .slice(items.indexOf(first), items.indexOf(last) + 1)
    .filter((item) => !isSizedItem(item) || (item.transform[5] >= last.transform[5] - last.height && item.transform[5] <= first.transform[5] + first.height));
  const heading = unspaced(pageTextOf(between).text.replace(/\s+/gu, ' ').trim());
  return heading && heading.split(' ').length <= MAX_WORDS ? heading : null;
}

/** The size most of the page's characters are set in. */
function bodySize(items: readonly SizedItem[]): number {
  const characters = new Map<number, number>();
  for (const item of items) {
    const size = Math.round(item.height * 10) / 10;
    characters.set(size, (characters.get(size) ?? 0) + item.str.length);
  }
  return [...characters].sort((a, b) => b[1] - a[1])[0][0];
}

/** Letter-spaced capitals as titles are set ("П Р И К А З") read as the word they are. */
function unspaced(text: string): string {
  return text.replace(/(?<!\S)\p{L}(?: \p{L}){2,}(?!\S)/gu, (letters) => letters.replace(/ /g, ''));
}

function isSizedItem(item: unknown): item is SizedItem {
  const candidate = item as SizedItem;
  return typeof candidate?.str === 'string' && typeof candidate.height === 'number' && Array.isArray(candidate.transform);
}
