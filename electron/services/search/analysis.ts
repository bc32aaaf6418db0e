import lunr from 'lunr';
import { acronymOf, inCapitalsLine, isCaseSensitive, meansAcronymInQuery } from './language/acronyms';
import { foldLatinEnding, nameTerm } from './language/names';
import { stemRussian } from './language/russian';
import { stemUkrainian } from './language/ukrainian';
import type { Language } from '../../common/model';

/**
 * Text analysis shared by indexing, querying and snippets, so the three always agree on what a
 * word is. Lunr's own tokenizer drops Cyrillic-adjacent punctuation badly and its English stop
 * list removes `us` and `who`; this one keeps every letter of every script, folds apostrophes and
 * possessives, and indexes hyphenated compounds both as parts and joined. Each word is stemmed in
 * its own language (language/: Ukrainian and Russian stemmers, names in every spelling, acronyms),
 * whatever the briefing's, so a query word finds its forms in every index.
 */

export type IndexLanguage = 'en' | 'uk' | 'ru';

/** Briefings of undetermined language are indexed as English: mostly Latin text in this corpus. */
export const indexLanguageOf = (language: Language): IndexLanguage => (language === 'und' ? 'en' : language);

export const INDEX_LANGUAGES: IndexLanguage[] = ['en', 'uk', 'ru'];

/**
 * Only the commonest function words, which carry no meaning in a query. Deliberately absent:
 * `us`, `who`, `un`, `may`, `will`, `not`, which are names or change the meaning in briefings.
 */
const STOP_WORDS: Record<IndexLanguage, Set<string>> = {
  en: new Set(
    'a an and are as at be been but by for from had has have he her his i in into is it its of on or she that the their them they this to was we were which with'.split(
      ' ',
    ),
  ),
  uk: new Set('а але би в від до з за й і із на по під та те то у це що як'.split(' ')),
  ru: new Set('а в во да для до же и из к как на не но о от по с со то у что это'.split(' ')),
};

const APOSTROPHE = "['’ʼ`]";
/** A hyphen inside a word: ASCII, U+2010 and the non-breaking U+2011. */
export const HYPHEN = '[-\\u2010\\u2011]';
/** A letter or digit of a word; a soft hyphen (U+00AD) inside one is part of it and ignored. */
const WORD_CHAR = '[\\p{L}\\p{N}\\u00AD]';
const RUN = `[\\p{L}\\p{N}]${WORD_CHAR}*(?:${APOSTROPHE}\\p{L}${WORD_CHAR}*)*`;
/** `U.S.`, `U.S`, `U.N.`: capitals joined by dots are one word. */
const DOTTED_ACRONYM = '\\p{Lu}(?:\\.\\p{Lu})+\\.?(?![\\p{L}\\p{N}])';
/** `15,000`, `15.000`, `15 000` (no-break or thin space): groups of three digits are one number; `1.5` and `2024` are not. */
const GROUPED_NUMBER = '(?<!\\p{N})\\p{N}{1,3}(?:[,.\\u00A0\\u2009\\u202F]\\p{N}{3}(?!\\p{N}))+';
const WORD_SOURCE = `${DOTTED_ACRONYM}|${GROUPED_NUMBER}|${RUN}(?:${HYPHEN}${RUN})*`;
const WORD = new RegExp(WORD_SOURCE, 'gu');
/** A number's groups after NFKC, which writes no-break and thin spaces as plain ones. */
const NUMBER_GROUPS = /^\p{N}{1,3}(?:[,. ]\p{N}{3})+$/u;

export interface WordSpan {
  /** The word as normalised for matching: lower case, apostrophes folded, possessive dropped. */
  word: string;
  start: number;
  end: number;
}

/**
 * Lower-cases and folds the characters that vary between sources for the same word: apostrophes,
 * hyphens, soft hyphens, `ё`, a possessive `'s`, the separators of a grouped number (`15,000` →
 * `15000`) and the dots of an acronym (`U.N.` → `un`). `US` and `WHO` in capitals become `u.s.`
 * and `w.h.o.`, distinct from the words `us` and `who`; normalising a normalised word changes nothing.
 */
export function normaliseWord(raw: string): string {
  // Most words need nothing but lower case: skip the folding for them (it dominates indexing time otherwise).
  if (SIMPLE_WORD.test(raw) && !ALL_CAPITALS.test(raw)) return raw.toLowerCase();
  const folded = raw
    .normalize('NFKC')
    .replace(/\u00AD/g, '')
    .replace(/[\u2010\u2011]/g, '-')
    .replace(/[’ʼ`]/g, "'")
    .replace(/^'+/, '')
    .replace(/'s$/i, '')
    .replace(/'$/, '');
  // Each part of a compound on its own, so `US-led` keeps the acronym.
  return folded
    .split('-')
    .map((part) => acronymOf(part) ?? foldPart(part))
    .join('-');
}

function foldPart(part: string): string {
  const word = part.toLowerCase().replace(/ё/g, 'е');
  return NUMBER_GROUPS.test(word) ? word.replace(/[^\p{N}]/gu, '') : word;
}

/** Latin and Cyrillic letters that no folding changes (ё aside): a word of only these is only lower-cased. */
const SIMPLE_WORD = /^[A-Za-zА-Яа-яІіЇїЄєҐґ]+$/;
const ALL_CAPITALS = /^\p{Lu}{2,}$/u;

/** How `wordSpans` reads text. */
export interface WordOptions {
  /**
   * Read as a query: `US`/`WHO` in capitals are the acronym even in a line of capitals, and a
   * lower-case `us` is the U.S. too (a search for the pronoun finds nothing useful).
   */
  query?: boolean;
  /** Query text inside quotes: written as it appears, so a lower-case `us` stays the word (`"tell us"`). */
  quoted?: boolean;
}

/** The normalised word `raw`, found at `start` in `text`: its case is read in context. */
function wordAt(text: string, raw: string, start: number, options: WordOptions): string {
  if (options.query) return normaliseWord(!options.quoted && meansAcronymInQuery(raw) ? raw.toUpperCase() : raw);
  // In a heading set in capitals (`CONTACT US`) the capitals say nothing: read it as the plain word.
  if (isCaseSensitive(raw) && inCapitalsLine(text, start, start + raw.length)) return normaliseWord(raw.toLowerCase());
  return normaliseWord(raw);
}

/**
 * Every word of `text` with its place, in order. Hyphenated words come back whole. A query's text
 * is read with `{ query: true }`.
 */
export function wordSpans(text: string, options: WordOptions = {}): WordSpan[] {
  const spans: WordSpan[] = [];
  for (const match of text.matchAll(WORD)) {
    const word = wordAt(text, match[0], match.index, options);
    if (word) spans.push({ word, start: match.index, end: match.index + match[0].length });
  }
  return spans;
}

const WORD_AT = new RegExp(WORD_SOURCE, 'uy');
const LETTER_OR_DIGIT = /[\p{L}\p{N}\u00AD]/u;
const JOINER = /['’ʼ`\-\u2010\u2011]/;
/** A word whose parts are joined by hyphens or apostrophes is walked back at most this far to its start. */
const MAX_WALK_BACK = 100;

/**
 * The whole word around a place where a word part begins (`fire` in `cease-fire` gives
 * `cease-fire`), as `wordSpans` would have cut it; null when no word begins there.
 */
export function wordAround(text: string, index: number): WordSpan | null {
  let start = index;
  while (start >= 2 && index - start < MAX_WALK_BACK && JOINER.test(text[start - 1]) && LETTER_OR_DIGIT.test(text[start - 2])) {
    start -= 2;
    while (start > 0 && index - start < MAX_WALK_BACK && LETTER_OR_DIGIT.test(text[start - 1])) start--;
  }
  for (const from of start === index ? [index] : [start, index]) {
    WORD_AT.lastIndex = from;
    const match = WORD_AT.exec(text);
    if (match && from + match[0].length > index) return { word: wordAt(text, match[0], from, {}), start: from, end: from + match[0].length };
  }
  return null;
}

const ACRONYM_WORD = /^(?:\p{L}\.)+$/u;
const LONG_NUMBER = /^\p{N}{4,}$/u;

/**
 * A normalised word as a pattern for the text it came from: any apostrophe or hyphen, `ё` for `е`,
 * soft hyphens anywhere, an acronym with or without its dots (`u.s.` finds US, U.S., U.S), a number
 * with or without group separators (`15000` finds 15,000), either case (with the `i` flag).
 * `between` is put between letters (`${HYPHEN}?` for a stem that may be written hyphenated).
 */
export function foldedPattern(word: string, between = ''): string {
  if (ACRONYM_WORD.test(word)) return [...word.replace(/\./g, '')].map((letter) => `${escape(letter)}\\.?`).join(between);
  const joiner = LONG_NUMBER.test(word) ? `[,.\\u00A0\\u2009\\u202F]?${between}` : `\\u00AD?${between}`;
  return [...word].map((char) => (char === "'" ? APOSTROPHE : char === '-' ? HYPHEN : char === 'е' ? '[её]' : escape(char))).join(joiner);
}

const escape = (char: string) => char.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** Matches only where a word or a hyphenated part of one begins (not inside a word, nor after an apostrophe that continues one). */
export const PART_START = "(?<![\\p{L}\\p{N}\\u00AD]|[\\p{L}\\p{N}]['’ʼ`])";
/** Matches only where a whole word begins. */
export const WORD_START = "(?<![\\p{L}\\p{N}\\u00AD]|[\\p{L}\\p{N}]['’ʼ`\\-\\u2010\\u2011])";
/** Matches only where a word, possessive `'s` included, has ended. */
export const WORD_END = "(?:['’ʼ`]s)?(?![\\p{L}\\p{N}\\u00AD]|['’ʼ`]\\p{L}|[\\-\\u2010\\u2011][\\p{L}\\p{N}])";

/** The index terms a (normalised) word contributes before stemming: `cease-fire` gives cease, fire, ceasefire. */
function termsOfWord(word: string): string[] {
  if (!word.includes('-')) return [word];
  const parts = word.split('-').filter(Boolean);
  return [...parts, parts.join('')];
}

/** The language whose stemmer and stop words a word gets; `none` for words no stemmer applies to (numbers, acronyms). */
type WordLanguage = IndexLanguage | 'none';

const CYRILLIC = /\p{Script=Cyrillic}/u;
const LATIN = /\p{Script=Latin}/u;
const ONLY_UKRAINIAN = /[іїєґ]/;
const ONLY_RUSSIAN = /[ыэъ]/;
/**
 * A Cyrillic word with none of і ї є ґ nor ы э ъ (ё is already е) in an English briefing is taken
 * as Russian: 82 % of Russian words carry none of those letters against 59 % of Ukrainian ones
 * (measured on the corpus's Russian PDFs and zelensky-uk), and Cyrillic quoted in English
 * briefings here is mostly Russian (sanctions designations, Kremlin texts).
 */
const UNMARKED_CYRILLIC: IndexLanguage = 'ru';

/**
 * The language a word is analysed in, chosen by its own letters: Latin words are English whatever
 * the briefing; Cyrillic words are Ukrainian or Russian by the letters only one of them has, else
 * the briefing's own language when it is one of the two (else Russian).
 */
function wordLanguage(word: string, indexLanguage: IndexLanguage): WordLanguage {
  if (CYRILLIC.test(word)) {
    if (ONLY_UKRAINIAN.test(word)) return 'uk';
    if (ONLY_RUSSIAN.test(word)) return 'ru';
    return indexLanguage === 'en' ? UNMARKED_CYRILLIC : indexLanguage;
  }
  return LATIN.test(word) && !word.includes('.') ? 'en' : 'none';
}

const englishStem = (word: string) => lunr.stemmer(new lunr.Token(word, {})).toString();

/**
 * The index term of one word part (no hyphen): a name's own term, else its stem. Each part is read
 * by its own script (`COVID-вакцина`), a Cyrillic one in the language chosen for the whole word.
 */
function termOf(part: string, language: WordLanguage): string {
  if (CYRILLIC.test(part)) {
    const stemmed = language === 'uk' ? stemUkrainian(part) : stemRussian(part);
    return nameTerm(part, stemmed) ?? stemmed;
  }
  if (!LATIN.test(part) || part.includes('.')) return part;
  const folded = foldLatinEnding(part);
  return nameTerm(folded) ?? englishStem(folded);
}

/** One index term and the surface word (normalised, unstemmed) it was made from, for the vocabulary. */
export interface AnalysedTerm {
  /** What the word looks like before stemming and folding: what a person types (`ceasefire`, `negotiations`). */
  surface: string;
  /** What the index holds for it (stemmed, folded). */
  term: string;
}

/** Distinct words remembered per index language; a briefing library has far fewer distinct words than this. */
const CACHE_SIZE = 200_000;
const analysed: Record<IndexLanguage, Map<string, readonly AnalysedTerm[]>> = { en: new Map(), uk: new Map(), ru: new Map() };

/**
 * Everything one word (as `wordSpans` normalised it) puts into the index of a briefing in
 * `language`, with the surface word each term came from: none for a stop word, a compound's parts
 * and its joined form, each stemmed by the stemmer of the word's own language (`wordLanguage`), a
 * name in any spelling as its one term. The one definition of a word's index terms: the tokenizer,
 * the vocabulary and snippets use it. The result is shared: do not change it.
 */
export function analyseWord(word: string, language: IndexLanguage): readonly AnalysedTerm[] {
  const cache = analysed[language];
  let terms = cache.get(word);
  if (terms) return terms;
  const wordIn = wordLanguage(word, language);
  terms = isStopWordIn(word, wordIn) ? [] : termsOfWord(word).map((surface) => ({ surface, term: termOf(surface, wordIn) }));
  // Forget the oldest word when full: memory stays bounded on any library, and recent words are the likely ones.
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
  cache.set(word, terms);
  return terms;
}

/**
 * The one term a query word (normalised, as `wordSpans(text, { query: true })` gives it) must match
 * in the index of `language`: a compound as its joined form, which the index holds for every
 * spelling; null for a stop word. A query is run against each language index with that index's
 * language, and the word's own letters choose its stemmer exactly as for indexing.
 */
export function queryTerm(word: string, language: IndexLanguage): string | null {
  const joined = word.includes('-') ? normaliseWord(word.replace(/-/g, '')) : word;
  const wordIn = wordLanguage(joined, language);
  return isStopWordIn(joined, wordIn) ? null : termOf(joined, wordIn);
}

/** True when `word` is a stop word in the language it is analysed in within an index of `language`. */
export function isStopWord(word: string, language: IndexLanguage): boolean {
  return isStopWordIn(word, wordLanguage(word, language));
}

function isStopWordIn(word: string, language: WordLanguage): boolean {
  return language !== 'none' && STOP_WORDS[language].has(word);
}

/**
 * Sets a Lunr builder up to weigh terms the analysis has already made: `tokenize` hands it each
 * word's finished terms, so neither pipeline has anything left to do, and no metadata is kept
 * (queries are answered from the postings, snippets from the text).
 */
export function configureBuilder(builder: lunr.Builder, tokenize: (input: unknown) => lunr.Token[]): void {
  builder.pipeline.reset();
  builder.searchPipeline.reset();
  builder.tokenizer = tokenize as unknown as typeof builder.tokenizer;
  builder.metadataWhitelist = [];
}
