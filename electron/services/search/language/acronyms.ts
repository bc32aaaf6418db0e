/**
 * Acronyms whose letters spell a common English word: `US` the country and `us` the pronoun,
 * `WHO` the organisation and `who`. Written in capitals (or with dots) they are the acronym and
 * get a term of their own, spelt with dots (`u.s.`), which no ordinary word can produce.
 */
const WORD_LIKE = new Set(['us', 'who']);

/** Typed in lower case in a query, these still mean the acronym: nobody searches briefings for the pronoun `us`. */
const MEANT_IN_QUERIES = new Set(['us']);

const DOTTED = /^(?:\p{L}\.)+\p{L}?\.?$/u;
const CAPITALS = /^\p{Lu}{2,}$/u;

/**
 * The normalised form of an acronym as written (`U.S.`, `U.S`, `US`, `U.N.`, `WHO`): its letters in
 * lower case (`un`), dotted when they spell a common word (`u.s.`); null when `raw` is no acronym
 * or an all-capital word that is no such word (`NATO` is left to ordinary normalising).
 */
export function acronymOf(raw: string): string | null {
  const dotted = DOTTED.test(raw) && raw.length > 2;
  if (!dotted && !CAPITALS.test(raw)) return null;
  const letters = raw.replace(/\./g, '').toLowerCase();
  if (WORD_LIKE.has(letters)) return `${[...letters].join('.')}.`;
  return dotted ? letters : null;
}

/** True when `raw` is the capitalised form of a word-like acronym (`US`, `WHO`): its case decides what it means. */
export function isCaseSensitive(raw: string): boolean {
  return CAPITALS.test(raw) && WORD_LIKE.has(raw.toLowerCase());
}

/** True when `raw`, typed in a query in lower case, is read as the acronym (`us` → U.S.). */
export function meansAcronymInQuery(raw: string): boolean {
  return MEANT_IN_QUERIES.has(raw);
}

/** Letters looked at on each side of a word to tell whether its line is set in capitals. */
const LINE_REACH = 120;

/**
 * True when the word at [start, end) stands in a line set in capitals (`WHAT THE US SAID`, `CONTACT
 * US`), where capitals say nothing about what a word means: at least three other letters on its
 * line and none of them lower case.
 */
export function inCapitalsLine(text: string, start: number, end: number): boolean {
  const lineStart = Math.max(text.lastIndexOf('\n', start - 1) + 1, start - LINE_REACH);
  const newline = text.indexOf('\n', end);
  const lineEnd = Math.min(newline === -1 ? text.length : newline, end + LINE_REACH);
  const around = text.slice(lineStart, start) + text.slice(end, lineEnd);
  let upper = 0;
  for (const char of around) {
    if (char !== char.toUpperCase()) return false;
    if (char !== char.toLowerCase()) upper++;
  }
  return upper >= 3;
}
