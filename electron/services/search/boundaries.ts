import { PART_START, WORD_END, WORD_START } from './analysis';

/*
 * Word boundaries for patterns made per query. V8 takes about a millisecond to compile each
 * \p{L} class, and a query's patterns held several per word (a four-word phrase with its
 * boundaries cost tens of milliseconds on first use, paid again on each keystroke that changed
 * it). So the boundaries are tested by the expressions here, compiled once, and a query's own
 * patterns hold only its letters, behind a cheap check that rules out most places inside words.
 */

/** Digits and the Latin and Cyrillic letters, as a character class's ranges: cheap to compile, unlike \p{L}. */
const COMMON_LETTERS = '0-9A-Za-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u024F\\u0400-\\u0481\\u048A-\\u04FF';

/**
 * Put before a query's pattern: not right after a common letter, which rules out most places
 * inside a word at no cost. Only a first sift: other scripts pass, and what passes is tested by
 * `startsPart` or `startsWord`.
 */
export const AFTER_NO_COMMON_LETTER = `(?<![${COMMON_LETTERS}])`;

/** A stretch of characters that are no common letters: a superset of the spacing and punctuation between words. */
export const NO_COMMON_LETTER = `[^${COMMON_LETTERS}]`;

const STARTS_PART = new RegExp(PART_START, 'uy');
const STARTS_WORD = new RegExp(WORD_START, 'uy');
const ENDS_WORD = new RegExp(WORD_END, 'iuy');

/** True when a word or a hyphenated part of one begins at `index` (as analysis.ts PART_START says). */
export function startsPart(text: string, index: number): boolean {
  STARTS_PART.lastIndex = index;
  return STARTS_PART.test(text);
}

/** True when a whole word begins at `index` (as analysis.ts WORD_START says). */
export function startsWord(text: string, index: number): boolean {
  STARTS_WORD.lastIndex = index;
  return STARTS_WORD.test(text);
}

/** Where a word ends that has run up to `index`, past a possessive `'s`; null when the word goes on (WORD_END). */
export function wordEndFrom(text: string, index: number): number | null {
  return stickyEnd(ENDS_WORD, text, index);
}

/** Where the text at `index` matches the sticky `pattern` up to; null when it does not match there. */
export function stickyEnd(pattern: RegExp, text: string, index: number): number | null {
  pattern.lastIndex = index;
  const found = pattern.exec(text);
  return found ? index + found[0].length : null;
}
