import { foldedPattern } from './analysis';
import { AFTER_NO_COMMON_LETTER, NO_COMMON_LETTER, startsWord, stickyEnd, wordEndFrom } from './boundaries';
import { remembered } from './remembered';

/** The words of a phrase may be this many characters apart (spaces, a line break, a dash, quotes) and no more. */
export const MAX_PHRASE_GAP = 64;
/** Phrases whose patterns are kept: a page of results shares one, and typing inside quotes makes a new one each keystroke. */
const REMEMBERED_PHRASES = 32;

/** Where a phrase appears in a text. */
export interface Occurrence {
  start: number;
  end: number;
  /** How many words the phrase has (as many as it takes in the text). */
  words: number;
}

/** Spaces, line breaks and punctuation between two words of a phrase (compiled once: see boundaries.ts). */
const GAP = new RegExp(`[^\\p{L}\\p{N}]{1,${MAX_PHRASE_GAP}}`, 'uy');

interface CompiledPhrase {
  /** The distinct words, longest first, anywhere: one absent rules the text out at once. */
  required: RegExp[];
  /** The words one after another with no common letter between them: every place the phrase is, and a few more (global). */
  sifted: RegExp;
  /** Each word's letters exactly where asked (sticky), to tell the places that are the phrase. */
  here: RegExp[];
}

const compiledPhrases = new Map<string, CompiledPhrase>();

/**
 * True when `text` contains `phrase` (normalised words) word for word: case, apostrophes, hyphens,
 * possessives and the spacing and punctuation between words aside. Called on every candidate of a
 * phrase query, so a long text without the phrase must be cheap: each word is first looked for
 * alone, then the phrase by a native regular expression; the text is never cut into words.
 */
export function containsPhrase(text: string, phrase: readonly string[]): boolean {
  return phrase.length === 0 || phraseIn(text, phrase) !== null;
}

/** Where `phrase` first appears in `text` (as containsPhrase matches it); null when it does not, or is empty. */
export function phraseIn(text: string, phrase: readonly string[]): Occurrence | null {
  if (phrase.length === 0) return null;
  const { required, sifted, here } = remembered(compiledPhrases, REMEMBERED_PHRASES, phrase.join(' '), () => compilePhrase(phrase));
  if (required.some((word) => !word.test(text))) return null;
  sifted.lastIndex = 0;
  for (let found = sifted.exec(text); found; found = sifted.exec(text)) {
    const end = phraseFrom(text, found.index, here);
    if (end !== null) return { start: found.index, end, words: phrase.length };
    sifted.lastIndex = found.index + 1;
  }
  return null;
}

/** Where the phrase ends when its words follow one another from `start`; null when they do not. */
function phraseFrom(text: string, start: number, words: readonly RegExp[]): number | null {
  if (!startsWord(text, start)) return null;
  let at: number | null = start;
  for (let i = 0; i < words.length && at !== null; i++) {
    if (i > 0) at = stickyEnd(GAP, text, at);
    if (at !== null) at = stickyEnd(words[i], text, at);
    if (at !== null) at = wordEndFrom(text, at);
  }
  return at;
}

function compilePhrase(phrase: readonly string[]): CompiledPhrase {
  const distinct = [...new Set(phrase)].sort((a, b) => b.length - a.length);
  // A possessive `'s` may follow each word; its `s` is a common letter.
  const sifted = phrase.map((word) => `${foldedPattern(word)}(?:['’ʼ\`]s)?`).join(`${NO_COMMON_LETTER}{1,${MAX_PHRASE_GAP}}`);
  return {
    required: phrase.length === 1 ? [] : distinct.map((word) => new RegExp(AFTER_NO_COMMON_LETTER + foldedPattern(word), 'iu')),
    sifted: new RegExp(AFTER_NO_COMMON_LETTER + sifted, 'giu'),
    here: phrase.map((word) => new RegExp(foldedPattern(word), 'iuy')),
  };
}
