/** Fewer visible characters than this per page on average: the pages are pictures (a scan without a text layer). */
const MIN_CHARACTERS_PER_PAGE = 25;
/** Below this share of word-like tokens, the text is not the words on the page. */
const MIN_WORD_SHARE = 0.5;
/** Too few tokens to judge: a short text is taken as it is. */
const MIN_TOKENS = 20;

export type TextQuality = 'text' | 'no-text' | 'garbled';

/**
 * Whether a PDF's extracted text is worth searching. `no-text`: almost no characters on its pages
 * (a scan with no text layer). `garbled`: text that is not what the page shows, which fonts without
 * a usable ToUnicode map produce: Cyrillic drawn with glyphs declared as Latin comes out as
 * "M]heh\guc dh^_dk", tokens with brackets and carets inside words, private-use characters,
 * control characters for spaces. Real text, even a three-column register full of crypto addresses
 * or an OCR layer with stray noise, is mostly word-like tokens.
 */
export function textQuality(pages: readonly string[]): TextQuality {
  const visible = pages.reduce((count, page) => count + (page.match(/[^\s\p{Cc}]/gu)?.length ?? 0), 0);
  if (visible < MIN_CHARACTERS_PER_PAGE * Math.max(1, pages.length)) return 'no-text';
  let tokens = 0;
  let words = 0;
  for (const page of pages) {
    for (const token of page.split(/[\s\p{Cc}]+/u)) {
      if (!/[\p{L}\p{Co}\uFFFD]/u.test(token)) continue;
      tokens++;
      if (WORD.test(token)) words++;
    }
  }
  if (tokens < MIN_TOKENS) return 'text';
  return words / tokens >= MIN_WORD_SHARE ? 'text' : 'garbled';
}

/** Letters, joined by hyphens, apostrophes or dots ("cease-fire", "Ukraine’s", "U.S."), with punctuation around them. */
const WORD = /^[\p{P}\p{S}\p{N}]*\p{L}+(?:[-'’.·]\p{L}+)*[\p{P}\p{S}\p{N}]*$/u;
