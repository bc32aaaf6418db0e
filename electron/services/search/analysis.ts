import lunr from 'lunr';
import { stemmer as stemRussian } from '@orama/stemmers/russian';
import { stemmer as stemUkrainian } from '@orama/stemmers/ukrainian';
import type { Language } from '../../common/model';

/**
 * Text analysis shared by indexing, querying and snippets, so the three always agree on what a
 * word is. Lunr's own tokenizer drops Cyrillic-adjacent punctuation badly and its English stop
 * list removes `us` and `who`; this one keeps every letter of every script, folds apostrophes and
 * possessives, and indexes hyphenated compounds both as parts and joined.
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

const WORD = /[\p{L}\p{N}]+(?:['’ʼ`][\p{L}]+)*(?:-[\p{L}\p{N}]+(?:['’ʼ`][\p{L}]+)*)*/gu;

export interface WordSpan {
  /** The word as normalised for matching: lower case, apostrophes folded, possessive dropped. */
  word: string;
  start: number;
  end: number;
}

/** Lower-cases and folds the characters that vary between sources for the same word. */
export function normaliseWord(raw: string): string {
  return raw.normalize('NFKC').toLowerCase().replace(/[’ʼ`]/g, "'").replace(/ё/g, 'е').replace(/^'+/, '').replace(/'s$/, '').replace(/'$/, '');
}

/** Every word of `text` with its place, in order. Hyphenated words come back whole. */
export function wordSpans(text: string): WordSpan[] {
  const spans: WordSpan[] = [];
  for (const match of text.matchAll(WORD)) {
    const word = normaliseWord(match[0]);
    if (word) spans.push({ word, start: match.index, end: match.index + match[0].length });
  }
  return spans;
}

const WORD_AT = new RegExp(WORD.source, 'uy');
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const JOINER = /['’ʼ`-]/;
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
    if (match && from + match[0].length > index) return { word: normaliseWord(match[0]), start: from, end: from + match[0].length };
  }
  return null;
}

/** A normalised word as a pattern for the text it came from: any apostrophe, `ё` for `е`, either case (with the `i` flag). */
export function foldedPattern(word: string, between = ''): string {
  return [...word].map((char) => (char === "'" ? "['’ʼ`]" : char === 'е' ? '[её]' : char.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))).join(between);
}

/** Matches only where a word or a hyphenated part of one begins (not inside a word, nor after an apostrophe that continues one). */
export const PART_START = "(?<![\\p{L}\\p{N}]|[\\p{L}\\p{N}]['’ʼ`])";
/** Matches only where a whole word begins. */
export const WORD_START = "(?<![\\p{L}\\p{N}]|[\\p{L}\\p{N}]['’ʼ`-])";
/** Matches only where a word, possessive `'s` included, has ended. */
export const WORD_END = "(?:['’ʼ`]s)?(?![\\p{L}\\p{N}]|['’ʼ`]\\p{L}|-[\\p{L}\\p{N}])";

/** The index terms a (normalised) word contributes before stemming: `cease-fire` gives cease, fire, ceasefire. */
export function termsOfWord(word: string): string[] {
  if (!word.includes('-')) return [word];
  const parts = word.split('-').filter(Boolean);
  return [...parts, parts.join('')];
}

const STEMMERS: Record<IndexLanguage, (word: string) => string> = {
  en: (word) => lunr.stemmer(new lunr.Token(word, {})).toString(),
  uk: stemUkrainian,
  ru: stemRussian,
};

/** Stems a word as the index of `language` does; words in another script are left alone. */
export function stem(word: string, language: IndexLanguage): string {
  const cyrillic = /\p{Script=Cyrillic}/u.test(word);
  if (language === 'en' ? cyrillic : !cyrillic) return word;
  return STEMMERS[language](word);
}

/** One index term and the surface word (normalised, unstemmed) it was made from, for the vocabulary. */
export interface AnalysedTerm {
  /** What the word looks like before stemming and folding: what a person types (`ceasefire`, `negotiations`). */
  surface: string;
  /** What the index holds for it (stemmed, folded). */
  term: string;
}

/**
 * Everything one word (as `wordSpans` normalised it) puts into the index of a briefing in
 * `language`, with the surface word each term came from: none for a stop word, a compound's parts
 * and its joined form, each stemmed by the stemmer of the word's own script.
 * The one definition of a word's index terms: the tokenizer, the vocabulary and snippets use it.
 */
export function analyseWord(word: string, language: IndexLanguage): AnalysedTerm[] {
  if (isStopWord(word, language)) return [];
  return termsOfWord(word).map((surface) => ({ surface, term: stem(surface, language) }));
}

/**
 * The one term a query word must match in the index of `language` (a compound as its joined
 * form, which the index holds for every spelling); null for a stop word of that language.
 */
export function queryTerm(word: string, language: IndexLanguage): string | null {
  const joined = word.includes('-') ? normaliseWord(word.replace(/-/g, '')) : word;
  if (isStopWord(joined, language)) return null;
  return stem(joined, language);
}

export function isStopWord(word: string, language: IndexLanguage): boolean {
  return STOP_WORDS[language].has(word);
}

let registered = false;

/**
 * Registers the pipeline functions under fixed names. Lunr serialises a pipeline as those names,
 * so a saved index can only be loaded after this has run.
 */
export function registerPipelines(): void {
  if (registered) return;
  registered = true;
  for (const language of INDEX_LANGUAGES) {
    lunr.Pipeline.registerFunction(stopFilterFor(language), `briefing-stop-${language}`);
    lunr.Pipeline.registerFunction(stemmerFor(language), `briefing-stem-${language}`);
  }
}

const stopFilters = new Map<IndexLanguage, lunr.PipelineFunction>();
const stemmers = new Map<IndexLanguage, lunr.PipelineFunction>();

function stopFilterFor(language: IndexLanguage): lunr.PipelineFunction {
  if (!stopFilters.has(language)) {
    stopFilters.set(language, (token) => (isStopWord(token.toString(), language) ? null : token));
  }
  return stopFilters.get(language)!;
}

function stemmerFor(language: IndexLanguage): lunr.PipelineFunction {
  if (!stemmers.has(language)) {
    stemmers.set(language, (token) => token.update((word) => stem(word, language)));
  }
  return stemmers.get(language)!;
}

/** Sets a builder up for one language: our tokenizer, stop words and stemmer for indexing, the stemmer for queries. */
export function configureBuilder(builder: lunr.Builder, language: IndexLanguage): void {
  registerPipelines();
  builder.pipeline.reset();
  builder.searchPipeline.reset();
  builder.pipeline.add(stopFilterFor(language), stemmerFor(language));
  builder.searchPipeline.add(stemmerFor(language));
  builder.tokenizer = tokenize as unknown as typeof builder.tokenizer;
  builder.metadataWhitelist = [];
}

/** Lunr tokenizer: every term of every word, in order (positions are not kept; snippets come from the text). */
function tokenize(input: unknown): lunr.Token[] {
  if (input === null || input === undefined) return [];
  const tokens: lunr.Token[] = [];
  for (const { word } of wordSpans(String(input))) {
    for (const term of termsOfWord(word)) tokens.push(new lunr.Token(term, {}));
  }
  return tokens;
}
