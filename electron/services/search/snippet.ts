import type { SnippetPart } from '../../common/search-model';
import { analyseWord, foldedPattern, HYPHEN, indexLanguageOf, wordAround, wordSpans, type IndexLanguage, type WordSpan } from './analysis';
import { AFTER_NO_COMMON_LETTER, startsPart } from './boundaries';
import { containsPhrase, phraseIn, type Occurrence } from './phrase-match';
import { remembered } from './remembered';
import type { SearchDoc } from './search-document';

export { containsPhrase };

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
/** Places the candidate pattern finds, most inside words of other scripts, before giving up on the rest. */
const MAX_SIFTED = 20 * MAX_CANDIDATES;
/** A longer "word" (a hash, a run of letters in a hostile file) is never a hit. */
const MAX_HIT_WORD_CHARS = 100;
/** A slice of text cut to find N words starts at N times this many characters, and grows if that was not enough. */
const GUESSED_WORD_CHARS = 10;
/** Titles longer than this are looked at only this far to say whether the title matched. */
const MAX_TITLE_CHARS = 1000;
/** Queries whose compiled patterns are kept: every result of a page shares its query's, and a person typing goes back and forth between a few. */
const REMEMBERED_QUERIES = 32;
/** Verdicts on text words kept per query (a page of results repeats the same few hundred words), bounded for memory across REMEMBERED_QUERIES. */
const REMEMBERED_VERDICTS = 2_000;

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
  return remembered(compiledMatches, REMEMBERED_QUERIES, key, () => {
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

/**
 * A stem is its word's beginning but for its last letter or so (`peac` ← peace, `sai` ← say), so a
 * term of letters is looked for cut short; other terms (`u.s.`, `15000`) and the vocabulary's
 * surface words are looked for whole.
 */
const headOf = (term: string) => (!/^\p{L}+$/u.test(term) ? term : term.length >= 4 ? term.slice(0, -1) : term.length === 3 ? term.slice(0, 2) : term);

/**
 * Where a word that may match begins: one of `heads`, hyphens allowed between its letters
 * (`ceasefir` ← cease-fire), where a word or a hyphenated part may begin (`startsPart` says for
 * sure). One regular expression, run natively, far faster than looking at every word.
 */
function candidatePattern(heads: readonly string[]): RegExp | null {
  const kept: string[] = [];
  for (const head of [...new Set(heads)].sort((a, b) => a.length - b.length)) if (head && !kept.some((shorter) => head.startsWith(shorter))) kept.push(head);
  if (kept.length === 0) return null;
  return new RegExp(`${AFTER_NO_COMMON_LETTER}(?:${kept.map((head) => foldedPattern(head, `${HYPHEN}?`)).join('|')})`, 'giu');
}

/** The first MAX_HITS hits in text order, looking at no more than MAX_CANDIDATES places where a word begins. */
function firstHits(text: string, pattern: RegExp | null, isHit: (word: string) => boolean): Hit[] {
  const hits: Hit[] = [];
  if (!pattern) return hits;
  pattern.lastIndex = 0;
  for (let examined = 0, sifted = 0; examined < MAX_CANDIDATES && sifted < MAX_SIFTED && hits.length < MAX_HITS; sifted++) {
    const candidate = pattern.exec(text);
    if (!candidate) break;
    if (!startsPart(text, candidate.index)) continue;
    examined++;
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
 * words from `end` on, more on one side when the other reaches an end of the text. Cut from slices
 * of the text around them that grow only as far as needed, so a 40,000-word text costs what a
 * short one does.
 */
function windowAround(text: string, start: number, end: number, before: number, after: number): Window {
  let lead = wordsBefore(text, start, before);
  const rest = wordsFrom(text, start, end, after + before - lead.spans.length);
  const missingAfter = after + before - lead.spans.length - rest.spans.filter((span) => span.start >= end).length;
  if (missingAfter > 0 && !rest.more && lead.more) lead = wordsBefore(text, start, lead.spans.length + missingAfter);
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

/** The first of `phrases` that `text` contains, where it first appears. */
function firstPhraseIn(text: string, phrases: readonly (readonly string[])[]): Occurrence | null {
  for (const phrase of phrases) {
    const found = phraseIn(text, phrase);
    if (found) return found;
  }
  return null;
}
