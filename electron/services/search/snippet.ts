import type { SnippetPart } from '../../common/search-model';
import { analyseWord, foldedPattern, indexLanguageOf, PART_START, WORD_END, WORD_START, wordAround, wordSpans, type IndexLanguage } from './analysis';
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

export interface Highlighting {
  snippet: SnippetPart[];
  /** Distinct matched words as written in the text (from the first hits only). */
  hitWords: string[];
  /** Where in the text the snippet's window starts; null when nothing matched in the text (a title match). */
  at: number | null;
}

interface Hit {
  start: number;
  end: number;
  /** Normalised, to count distinct words in a window. */
  word: string;
}

/** What one result matched, as the engine knows it: the words to find and mark in its text. */
export interface MatchedWords {
  /** Index terms (stemmed, folded) the briefing matched; a word of the text is a hit when it analyses to one of them. */
  terms: ReadonlySet<string>;
  /** Surface words (normalised, unstemmed) of the index vocabulary that give those terms: where to look in the text. */
  surfaces: readonly string[];
}

/**
 * Cuts the snippet for one result from its text: where the query's first phrase first appears, or
 * else the window of about 30 words holding the most distinct matched words among the first hits,
 * with those words marked. Computed only for results shown, so the index stores no positions.
 */
export function highlight(doc: SearchDoc, matched: MatchedWords, phrases: readonly (readonly string[])[] = []): Highlighting {
  const isHit = hitTest(matched.terms, indexLanguageOf(doc.language));
  const hits = firstHits(doc.text, candidatePattern([...matched.terms, ...matched.surfaces]), isHit);
  const at = phrases.length > 0 ? (phraseAt(doc.text, phrases[0]) ?? bestWindowStart(hits)) : bestWindowStart(hits);
  const snippet = cutSnippet(doc.text, at ?? 0, isHit);
  return { snippet, hitWords: [...new Set(hits.map((hit) => doc.text.slice(hit.start, hit.end)))], at };
}

function hitTest(terms: ReadonlySet<string>, language: IndexLanguage): (word: string) => boolean {
  return (word) => word.length <= MAX_HIT_WORD_CHARS && analyseWord(word, language).some(({ term }) => terms.has(term));
}

/**
 * Where a word that may match begins. A stem is its word's beginning but for its last letter or
 * so (`peac` ← peace, `sai` ← say), so the pattern is the stem cut short; hyphens may come between
 * its letters (`ceasefir` ← cease-fire). The regular expression runs natively, far faster than
 * looking at every word.
 */
function candidatePattern(words: readonly string[]): RegExp | null {
  const heads = words.map(headOf).sort((a, b) => a.length - b.length);
  const kept: string[] = [];
  for (const head of heads) if (head && !kept.some((shorter) => head.startsWith(shorter))) kept.push(head);
  if (kept.length === 0) return null;
  return new RegExp(`${PART_START}(?:${kept.map((head) => foldedPattern(head, '-?')).join('|')})`, 'giu');
}

const headOf = (term: string) => (term.length >= 4 ? term.slice(0, -1) : term.length === 3 ? term.slice(0, 2) : term);

/** The first MAX_HITS hits in text order, looking at no more than MAX_CANDIDATES places. */
function firstHits(text: string, pattern: RegExp | null, isHit: (word: string) => boolean): Hit[] {
  const hits: Hit[] = [];
  if (!pattern) return hits;
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

/** About 30 words from a few before `at`, hits marked, cut from a bounded slice of the text around it. */
function cutSnippet(text: string, at: number, isHit: (word: string) => boolean): SnippetPart[] {
  const sliceStart = Math.max(0, at - LEAD_WORDS * MAX_HIT_WORD_CHARS);
  const sliceEnd = Math.min(text.length, at + WINDOW_WORDS * MAX_HIT_WORD_CHARS);
  const slice = text.slice(sliceStart, sliceEnd);
  const spans = wordSpans(slice);
  if (spans.length === 0) return [];
  const first = Math.max(
    0,
    spans.findIndex((span) => span.start + sliceStart >= at),
  );
  const from = Math.max(0, first - LEAD_WORDS);
  const to = Math.min(spans.length, from + WINDOW_WORDS);

  const snippet: SnippetPart[] = [];
  if (from > 0 || sliceStart > 0) snippet.push({ text: '… ', hit: false });
  let cursor = spans[from].start;
  for (let i = from; i < to; i++) {
    const span = spans[i];
    if (!isHit(span.word)) continue;
    if (span.start > cursor) snippet.push({ text: slice.slice(cursor, span.start), hit: false });
    snippet.push({ text: slice.slice(span.start, span.end), hit: true });
    cursor = span.end;
  }
  const end = spans[to - 1].end;
  if (end > cursor) snippet.push({ text: slice.slice(cursor, end), hit: false });
  if (to < spans.length || sliceEnd < text.length) snippet.push({ text: ' …', hit: false });
  for (const part of snippet) part.text = part.text.replace(/\s+/g, ' ');
  return snippet;
}

/**
 * True when `text` contains `phrase` word for word (case, apostrophes, possessives and spacing
 * aside), found by one native regular expression rather than by cutting the text into words.
 */
export function containsPhrase(text: string, phrase: readonly string[]): boolean {
  return phrase.length === 0 || phrasePattern(phrase).test(text);
}

/** Where `phrase` first appears in `text` (as containsPhrase matches it), or null. */
function phraseAt(text: string, phrase: readonly string[]): number | null {
  return phrase.length === 0 ? null : (phrasePattern(phrase).exec(text)?.index ?? null);
}

function phrasePattern(phrase: readonly string[]): RegExp {
  const words = phrase.map((word) => `${WORD_START}${foldedPattern(word)}${WORD_END}`);
  return new RegExp(words.join('[^\\p{L}\\p{N}]+'), 'iu');
}
