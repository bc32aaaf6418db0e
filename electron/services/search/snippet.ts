import type { SnippetPart } from '../../common/search-model';
import {
  analyseWord,
  foldedPattern,
  indexLanguageOf,
  PART_START,
  WORD_END,
  WORD_START,
  wordAround,
  wordSpans,
  type IndexLanguage,
  type WordSpan,
} from './analysis';
import type { SearchDoc } from './search-document';

const WINDOW_WORDS = 30;
/** About the length of WINDOW_WORDS words: hits this close together share a snippet. */
const WINDOW_CHARS = 200;
/** Words shown before the first hit of the window, so it reads as a sentence, not a fragment. */
const LEAD_WORDS = 6;
/**
 * Work per briefing is bounded whatever its size: a frequent word in a 10 MB briefing has
 * hundreds of thousands of occurrences, and only the first few can be shown.
 */
export const MAX_HITS = 50;
/** Places where a matched word might begin that are looked at before giving up on the rest. */
const MAX_CANDIDATES = 2000;
/** A longer "word" (a hash, a run of letters in a hostile file) is never a hit. */
const MAX_HIT_WORD_CHARS = 100;
/** The words of a phrase may be this many characters apart (spaces, a line break, a dash, quotes) and no more. */
const MAX_PHRASE_GAP = 64;
/** A slice of text cut to find N words starts at N times this many characters, and grows if that was not enough. */
const GUESSED_WORD_CHARS = 10;
/** Titles longer than this are looked at only this far to say whether the title matched. */
const MAX_TITLE_CHARS = 1000;
/**
 * Queries (and phrases) whose compiled patterns are kept: every result of a page shares its
 * query's, and a person typing goes back and forth between a few.
 */
const REMEMBERED_QUERIES = 32;
/** Verdicts on text words kept per query: a long page of results repeats the same few hundred words. */
const REMEMBERED_VERDICTS = 10_000;

export interface Highlighting {
  snippet: SnippetPart[];
  /** Distinct matched words as written in the text (the phrase's, then those of the first hits), to highlight it when opened. */
  hitWords: string[];
  /** Where in the text the snippet's first mark is (the phrase, or the first hit of the window); null when nothing matched in the text. */
  at: number | null;
  /** Nothing matched in the text but the title holds a matched word or the phrase: the snippet is the text's opening, nothing marked. */
  titleOnly: boolean;
}

/** What one result matched, as the engine knows it: the words to find and mark in its text. */
export interface MatchedWords {
  /** Index terms (stemmed, folded) the briefing matched; a word of the text is a hit when it analyses to one of them. */
  terms: ReadonlySet<string>;
  /** Surface words (normalised, unstemmed) of the index vocabulary that give those terms: where to look in the text. */
  surfaces: readonly string[];
}

interface Hit {
  start: number;
  end: number;
  /** Normalised, to count distinct words in a window. */
  word: string;
}

/** Where a phrase appears in the text. */
interface Occurrence {
  start: number;
  end: number;
  /** How many words the phrase has (as many as it takes in the text). */
  words: number;
}

/**
 * Cuts the snippet for one result from its text, with the words that matched marked: centred on
 * the first place the query's phrase appears (the phrase whole, its words marked), or else the
 * window of about 30 words holding the most distinct matched words among the first hits. When
 * nothing matched in the text, the snippet is the text's opening with nothing marked. Computed
 * only for results shown, so the index stores no positions; the work is bounded by MAX_HITS and
 * MAX_CANDIDATES and by the window, not by the length of the text.
 */
export function highlight(doc: SearchDoc, matched: MatchedWords, phrases: readonly (readonly string[])[] = []): Highlighting {
  const { text } = doc;
  const { candidates, isHit } = compiledMatch(matched, indexLanguageOf(doc.language));
  const hits = firstHits(text, candidates, isHit);
  const phrase = firstPhraseIn(text, phrases);
  const at = phrase?.start ?? bestWindowStart(hits);
  if (at === null)
    return {
      snippet: snippetOf(text, windowAround(text, 0, 0, 0, WINDOW_WORDS), () => false),
      hitWords: [],
      at,
      titleOnly: titleMatches(doc.title, isHit, phrases),
    };

  const inPhrase = (span: WordSpan) => phrase !== null && span.start >= phrase.start && span.end <= phrase.end;
  const window = phrase ? phraseWindow(text, phrase) : windowAround(text, at, at, LEAD_WORDS, WINDOW_WORDS - LEAD_WORDS);
  const phraseHits = window.spans.filter((span) => inPhrase(span) && isHit(span.word));
  const hitWords = [...new Set([...phraseHits, ...hits].map((hit) => text.slice(hit.start, hit.end)))];
  return { snippet: snippetOf(text, window, (span) => inPhrase(span) || isHit(span.word)), hitWords, at, titleOnly: false };
}

interface CompiledMatch {
  /** Where a matched word may begin (null when there is nothing to look for). Global: reset lastIndex before use. */
  candidates: RegExp | null;
  /** Whether a (normalised) text word is one the result matched. */
  isHit: (word: string) => boolean;
}

const compiledMatches = new Map<string, CompiledMatch>();

/** The pattern and hit test for what a result matched, compiled once per query and language and shared by its results. */
function compiledMatch(matched: MatchedWords, language: IndexLanguage): CompiledMatch {
  const key = [language, [...matched.terms].sort().join(' '), [...matched.surfaces].sort().join(' ')].join('\n');
  return remembered(compiledMatches, key, () => {
    const terms = new Set(matched.terms);
    const verdicts = new Map<string, boolean>();
    return {
      candidates: candidatePattern([...[...matched.terms].map(headOf), ...matched.surfaces]),
      isHit: (word) => {
        let verdict = verdicts.get(word);
        if (verdict === undefined) {
          verdict = word.length <= MAX_HIT_WORD_CHARS && analyseWord(word, language).some(({ term }) => terms.has(term));
          if (verdicts.size < REMEMBERED_VERDICTS) verdicts.set(word, verdict);
        }
        return verdict;
      },
    };
  });
}

/** The value kept under `key`, made and kept (the oldest forgotten past REMEMBERED_QUERIES) when there is none. */
function remembered<T>(cache: Map<string, T>, key: string, make: () => T): T {
  let value = cache.get(key);
  if (value === undefined) {
    value = make();
    if (cache.size >= REMEMBERED_QUERIES) cache.delete(cache.keys().next().value!);
  } else {
    cache.delete(key);
  }
  cache.set(key, value);
  return value;
}

/**
 * A stem is its word's beginning but for its last letter or so (`peac` ← peace, `sai` ← say), so a
 * term of letters is looked for cut short; other terms (`u.s.`, `15000`) and the vocabulary's
 * surface words are looked for whole.
 */
const headOf = (term: string) => (!/^\p{L}+$/u.test(term) ? term : term.length >= 4 ? term.slice(0, -1) : term.length === 3 ? term.slice(0, 2) : term);

/** A hyphen (ASCII, U+2010, U+2011) that may come between the letters of a joined compound (`ceasefir` ← cease-fire). */
const OPTIONAL_HYPHEN = '[-\\u2010\\u2011]?';

/**
 * Where a word that may match begins: one of `heads` at the start of a word or of a hyphenated
 * part. One regular expression, run natively, far faster than looking at every word.
 */
function candidatePattern(heads: readonly string[]): RegExp | null {
  const kept: string[] = [];
  for (const head of [...new Set(heads)].sort((a, b) => a.length - b.length)) if (head && !kept.some((shorter) => head.startsWith(shorter))) kept.push(head);
  if (kept.length === 0) return null;
  return new RegExp(`${PART_START}(?:${kept.map((head) => foldedPattern(head, OPTIONAL_HYPHEN)).join('|')})`, 'giu');
}

/** The first MAX_HITS hits in text order, looking at no more than MAX_CANDIDATES places. */
function firstHits(text: string, pattern: RegExp | null, isHit: (word: string) => boolean): Hit[] {
  const hits: Hit[] = [];
  if (!pattern) return hits;
  pattern.lastIndex = 0;
  for (let examined = 0; examined < MAX_CANDIDATES && hits.length < MAX_HITS; examined++) {
    const candidate = pattern.exec(text);
    if (!candidate) break;
    const span = wordAround(text, candidate.index);
    if (!span) continue;
    if (isHit(span.word)) hits.push(span);
    // The rest of this word holds no other word to find.
    pattern.lastIndex = Math.max(span.end, candidate.index + 1);
  }
  return hits;
}

/** The hit that starts the window with the most distinct matched words; null when nothing was found. */
function bestWindowStart(hits: readonly Hit[]): number | null {
  let best: number | null = null;
  let bestScore = -1;
  for (let i = 0; i < hits.length; i++) {
    const distinct = new Set<string>();
    for (let j = i; j < hits.length && hits[j].start < hits[i].start + WINDOW_CHARS; j++) distinct.add(hits[j].word);
    if (distinct.size > bestScore) {
      bestScore = distinct.size;
      best = hits[i].start;
    }
  }
  return best;
}

/** Words of the text shown in a snippet, and whether the text goes on before and after them. */
interface Window {
  spans: WordSpan[];
  more: { before: boolean; after: boolean };
}

/** The phrase whole, centred: as many words before as after it, to WINDOW_WORDS in all (LEAD_WORDS each side at least). */
function phraseWindow(text: string, phrase: Occurrence): Window {
  const { words } = phrase;
  const before = Math.max(LEAD_WORDS, Math.floor((WINDOW_WORDS - words) / 2));
  return windowAround(text, phrase.start, phrase.end, before, Math.max(LEAD_WORDS, WINDOW_WORDS - words - before));
}

/**
 * `before` words ending at `start` (a word's start), every word from there to `end`, and `after`
 * words from `end` on; cut from slices of the text around them that grow only as far as needed,
 * so a 40,000-word text costs what a short one does.
 */
function windowAround(text: string, start: number, end: number, before: number, after: number): Window {
  const lead = wordsBefore(text, start, before);
  const rest = wordsFrom(text, start, end, after);
  return { spans: [...lead.spans, ...rest.spans], more: { before: lead.more, after: rest.more } };
}

function wordsBefore(text: string, at: number, count: number): { spans: WordSpan[]; more: boolean } {
  if (count === 0) return { spans: [], more: at > 0 };
  for (let size = count * GUESSED_WORD_CHARS; ; size *= 2) {
    const from = Math.max(0, at - size);
    const spans = spansIn(text, from, at);
    // The slice may begin inside a word.
    if (from > 0) spans.shift();
    if (spans.length >= count || from === 0 || size >= count * MAX_HIT_WORD_CHARS)
      return { spans: spans.slice(-count), more: from > 0 || spans.length > count };
  }
}

function wordsFrom(text: string, at: number, through: number, count: number): { spans: WordSpan[]; more: boolean } {
  for (let size = through - at + count * GUESSED_WORD_CHARS; ; size *= 2) {
    const to = Math.min(text.length, at + size);
    const spans = spansIn(text, at, to);
    // The slice may end inside a word.
    if (to < text.length) spans.pop();
    const within = spans.filter((span) => span.start < through).length;
    if (spans.length - within >= count || to === text.length || size >= through - at + count * MAX_HIT_WORD_CHARS) {
      const kept = spans.slice(0, within + count);
      return { spans: kept, more: to < text.length || kept.length < spans.length };
    }
  }
}

const spansIn = (text: string, from: number, to: number): WordSpan[] =>
  wordSpans(text.slice(from, to)).map((span) => ({ ...span, start: span.start + from, end: span.end + from }));

/** The window's text, `marked` words as hits, spacing collapsed, with an ellipsis where the text goes on. */
function snippetOf(text: string, { spans, more }: Window, marked: (span: WordSpan) => boolean): SnippetPart[] {
  if (spans.length === 0) return [];
  const snippet: SnippetPart[] = [];
  if (more.before) snippet.push({ text: '… ', hit: false });
  let cursor = spans[0].start;
  for (const span of spans) {
    if (!marked(span)) continue;
    if (span.start > cursor) snippet.push({ text: text.slice(cursor, span.start), hit: false });
    snippet.push({ text: text.slice(span.start, span.end), hit: true });
    cursor = span.end;
  }
  const end = spans[spans.length - 1].end;
  if (end > cursor) snippet.push({ text: text.slice(cursor, end), hit: false });
  if (more.after) snippet.push({ text: ' …', hit: false });
  for (const part of snippet) part.text = part.text.replace(/\s+/g, ' ');
  return snippet;
}

/** Whether a title (whose result matched nothing in its text) holds a matched word or one of the phrases. */
function titleMatches(title: string, isHit: (word: string) => boolean, phrases: readonly (readonly string[])[]): boolean {
  const head = title.slice(0, MAX_TITLE_CHARS);
  return wordSpans(head).some((span) => isHit(span.word)) || phrases.some((phrase) => phrase.length > 0 && containsPhrase(head, phrase));
}

/**
 * True when `text` contains `phrase` word for word (case, apostrophes, hyphens, possessives and
 * spacing aside). Called on every candidate of a phrase query, so a long text without the phrase
 * must be cheap: the text is never cut into words, each word of the phrase is first looked for
 * alone (one absent, the phrase cannot be there), then the phrase only around the places where its
 * longest word (likely its rarest) appears, each search one native regular expression.
 */
export function containsPhrase(text: string, phrase: readonly string[]): boolean {
  return phrase.length === 0 || phraseIn(text, phrase) !== null;
}

/** The first of `phrases` that `text` contains, where it first appears. */
function firstPhraseIn(text: string, phrases: readonly (readonly string[])[]): Occurrence | null {
  for (const phrase of phrases) {
    const found = phrase.length > 0 ? phraseIn(text, phrase) : null;
    if (found) return found;
  }
  return null;
}

interface CompiledPhrase {
  words: number;
  /** Each distinct word, longest first, anywhere in the text: cheap to run, and each must be there. */
  required: RegExp[];
  /** The longest word, whole (global); null when it is the phrase's first word, since then the phrase itself is as quick to look for. */
  anchor: RegExp | null;
  /** At most how many characters the phrase can begin before where its anchor begins, and end after. */
  reach: { before: number; after: number };
  /** The whole phrase (global: run from a chosen place). */
  whole: RegExp;
}

const compiledPhrases = new Map<string, CompiledPhrase>();

/** Characters read either side of a slice of text, so the slice's word boundaries are the text's. */
const MARGIN = 4;

/** Where `phrase` (non-empty) first appears in `text`, or null. */
function phraseIn(text: string, phrase: readonly string[]): Occurrence | null {
  const compiled = remembered(compiledPhrases, phrase.join(' '), () => compilePhrase(phrase));
  if (compiled.required.some((word) => !word.test(text))) return null;
  const { anchor, reach } = compiled;
  if (!anchor) return occurrenceWithin(text, 0, text.length, compiled);
  // Places of the anchor close together are searched as one stretch, so no text is read twice.
  let stretch: { from: number; to: number } | null = null;
  anchor.lastIndex = 0;
  for (let found = anchor.exec(text); ; found = anchor.exec(text)) {
    const from = found ? Math.max(0, found.index - reach.before - MARGIN) : text.length;
    if (stretch && (!found || from > stretch.to)) {
      const occurrence = occurrenceWithin(text, stretch.from, stretch.to, compiled);
      if (occurrence) return occurrence;
      stretch = null;
    }
    if (!found) return null;
    const to = Math.min(text.length, found.index + reach.after + MARGIN);
    stretch = stretch ? { from: stretch.from, to } : { from, to };
  }
}

/** The first occurrence of the phrase that lies within text[from, to), read as part of the whole text. */
function occurrenceWithin(text: string, from: number, to: number, { whole, words }: CompiledPhrase): Occurrence | null {
  const slice = from === 0 && to === text.length ? text : text.slice(from, to);
  // A match in the margins may be one the cut made (a word's end looking like a word's end).
  const lastEnd = to === text.length ? slice.length : slice.length - MARGIN;
  whole.lastIndex = from === 0 ? 0 : MARGIN;
  for (let found = whole.exec(slice); found; found = whole.exec(slice)) {
    const end = found.index + found[0].length;
    if (end <= lastEnd) return { start: from + found.index, end: from + end, words };
    whole.lastIndex = found.index + 1;
  }
  return null;
}

/** Spaces, line breaks and punctuation between two words of a phrase. */
const GAP = `[^\\p{L}\\p{N}]{1,${MAX_PHRASE_GAP}}`;

function compilePhrase(phrase: readonly string[]): CompiledPhrase {
  const whole = (word: string) => `${WORD_START}${foldedPattern(word)}${WORD_END}`;
  const anchorAt = phrase.reduce((longest, word, i) => (word.length > phrase[longest].length ? i : longest), 0);
  // Written in the text, a word may be twice as long as normalised (a soft hyphen after each letter) and have a possessive.
  const written = (words: readonly string[]) => words.reduce((sum, word) => sum + 2 * word.length + 2 + MAX_PHRASE_GAP, 0);
  return {
    words: phrase.length,
    required: phrase.length === 1 ? [] : [...new Set(phrase)].sort((a, b) => b.length - a.length).map((word) => new RegExp(foldedPattern(word), 'iu')),
    anchor: anchorAt > 0 ? new RegExp(whole(phrase[anchorAt]), 'giu') : null,
    reach: { before: written(phrase.slice(0, anchorAt)), after: written(phrase.slice(anchorAt)) },
    whole: new RegExp(phrase.map(whole).join(GAP), 'giu'),
  };
}
