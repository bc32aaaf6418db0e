import levenshtein from 'damerau-levenshtein';
import type { QueryCorrection } from '../../common/search-model';
import { queryTerm, type IndexLanguage } from './analysis';
import type { ParsedQuery } from './query';
import type { Vocabulary } from './vocabulary';

/** One loaded language index's vocabulary, with the language its terms are stemmed in. */
export interface Lexicon {
  language: IndexLanguage;
  vocabulary: Vocabulary;
}

/**
 * Edits a misspelling may be away from the word meant: none for short words (one edit from a
 * three-letter word reaches dozens of others), one up to seven letters, two beyond.
 */
export function editsAllowed(word: string): number {
  if (word.length < 4) return 0;
  return word.length <= 7 ? 1 : 2;
}

/** True when some index holds the word, as written or as its term; a stop word counts as known. */
export function isKnown(word: string, lexicons: readonly Lexicon[]): boolean {
  return lexicons.some(({ language, vocabulary }) => {
    const term = queryTerm(word, language);
    return term === null || vocabulary.hasSurface(word) || vocabulary.hasTerm(term);
  });
}

/**
 * The library word a misspelt `word` most likely means: the surface word of any index fewest
 * edits away, the most frequent of those (summed over indexes) on a tie; null when none is
 * within reach. Numbers are never corrected (2023 is not a typo of 2024).
 */
export function correctionFor(word: string, lexicons: readonly Lexicon[]): string | null {
  const maxEdits = editsAllowed(word);
  if (maxEdits === 0 || /\p{N}/u.test(word)) return null;
  // Shards share most of their words: each is measured once (Damerau-Levenshtein, transpositions one edit).
  const measured = new Map<string, number>();
  const letters = letterCounts(word);
  const distance = (surface: string) => {
    let edits = measured.get(surface);
    if (edits === undefined) {
      edits = lettersApart(letters, surface) > 2 * maxEdits ? Infinity : levenshtein(word, surface).steps;
      measured.set(surface, edits);
    }
    return edits;
  };
  const found = new Map<string, { edits: number; frequency: number }>();
  for (const { vocabulary } of lexicons) {
    for (const near of vocabulary.nearTo(word, maxEdits, distance)) {
      const seen = found.get(near.surface);
      found.set(near.surface, { edits: near.edits, frequency: (seen?.frequency ?? 0) + near.frequency });
    }
  }
  const ranked = [...found].sort(([a, x], [b, y]) => x.edits - y.edits || y.frequency - x.frequency || (a < b ? -1 : 1));
  return ranked[0]?.[0] ?? null;
}

/** How often each letter occurs in a word. */
function letterCounts(word: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const letter of word) counts.set(letter, (counts.get(letter) ?? 0) + 1);
  return counts;
}

/**
 * Letters in one word and not the other, counted both ways: each edit changes this by at most
 * two, so a word more than twice the allowed edits apart is ruled out without the distance
 * matrix (most of the library's words of the right first letter and length are).
 */
function lettersApart(counts: ReadonlyMap<string, number>, other: string): number {
  const left = new Map(counts);
  let apart = 0;
  for (const letter of other) {
    const count = left.get(letter) ?? 0;
    if (count > 0) left.set(letter, count - 1);
    else apart++;
  }
  for (const count of left.values()) apart += count;
  return apart;
}

/**
 * The query with each word no index knows replaced by the nearest library word. The word being
 * typed is corrected only when no library word starts with it either (it cannot be a beginning),
 * and is then searched as a whole word. Phrases and excluded words are taken as written.
 */
export function correctQuery(query: ParsedQuery, lexicons: readonly Lexicon[]): { query: ParsedQuery; corrections: QueryCorrection[] } {
  const corrections: QueryCorrection[] = [];
  const corrected = (word: string): string => {
    if (isKnown(word, lexicons)) return word;
    const to = correctionFor(word, lexicons);
    if (!to) return word;
    corrections.push({ from: word, to });
    return to;
  };
  const required = query.required.map(corrected);
  let prefix = query.prefix;
  if (prefix && !lexicons.some(({ vocabulary }) => vocabulary.hasPrefix(prefix!))) {
    const whole = corrected(prefix);
    if (whole !== prefix) {
      required.push(whole);
      prefix = null;
    }
  }
  return { query: { ...query, required: [...new Set(required)], prefix }, corrections };
}
