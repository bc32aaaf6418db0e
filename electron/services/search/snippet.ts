import type { SnippetPart } from '../../common/search-model';
import { indexLanguageOf, stem, termsOfWord, wordSpans, type IndexLanguage, type WordSpan } from './analysis';
import type { SearchDoc } from './search-document';

const WINDOW_WORDS = 30;

export interface Highlighting {
  snippet: SnippetPart[];
  /** Distinct matched words as written in the text. */
  hitWords: string[];
}

/**
 * Cuts the snippet for one result from its text: the window of about 30 words holding the most
 * distinct matched words, with those words marked. Computed only for results shown, so the index
 * stores no positions.
 */
export function highlight(doc: SearchDoc, matchedTerms: readonly string[], prefix: string | null): Highlighting {
  const language = indexLanguageOf(doc.language);
  const terms = new Set(matchedTerms);
  // Stemming every word of every shown result is the costly part; a stem shares its first letters
  // with the word (or the word is in the index as written), so only such words are stemmed.
  const heads = new Set([...terms].map((term) => term.slice(0, 2)));
  const spans = wordSpans(doc.text);
  const isHit = (span: WordSpan) =>
    termsOfWord(span.word).some(
      (term) => (prefix !== null && term.startsWith(prefix)) || terms.has(term) || (heads.has(term.slice(0, 2)) && terms.has(stemCached(term, language))),
    );
  const hits = spans.map(isHit);
  const hitIndexes = hits.flatMap((hit, index) => (hit ? [index] : []));

  // The best window starts at a hit: try each, counting the distinct words it covers.
  let best = 0;
  let bestScore = -1;
  for (const start of hitIndexes) {
    const distinct = new Set<string>();
    for (const index of hitIndexes) if (index >= start && index < start + WINDOW_WORDS) distinct.add(spans[index].word);
    if (distinct.size > bestScore) {
      bestScore = distinct.size;
      best = start;
    }
  }
  // Start a few words before the first hit so it reads as a sentence, not a fragment.
  const from = hitIndexes.length > 0 ? Math.max(0, best - 6) : 0;
  const to = Math.min(spans.length, from + WINDOW_WORDS);

  const snippet: SnippetPart[] = [];
  if (spans.length > 0) {
    let cursor = spans[from].start;
    if (from > 0) snippet.push({ text: '… ', hit: false });
    for (let i = from; i < to; i++) {
      const span = spans[i];
      if (!hits[i]) continue;
      if (span.start > cursor) snippet.push({ text: doc.text.slice(cursor, span.start), hit: false });
      snippet.push({ text: doc.text.slice(span.start, span.end), hit: true });
      cursor = span.end;
    }
    const end = spans[to - 1].end;
    if (end > cursor) snippet.push({ text: doc.text.slice(cursor, end), hit: false });
    if (to < spans.length) snippet.push({ text: ' …', hit: false });
  }
  for (const part of snippet) part.text = part.text.replace(/\s+/g, ' ');

  const hitWords = [...new Set(hitIndexes.map((index) => doc.text.slice(spans[index].start, spans[index].end)))];
  return { snippet, hitWords };
}

const stemCache = new Map<string, string>();
const STEM_CACHE_LIMIT = 50_000;

/** Words repeat across results and queries; their stems are remembered (bounded). */
function stemCached(word: string, language: IndexLanguage): string {
  const key = `${language}:${word}`;
  let stemmed = stemCache.get(key);
  if (stemmed === undefined) {
    if (stemCache.size >= STEM_CACHE_LIMIT) stemCache.clear();
    stemmed = stem(word, language);
    stemCache.set(key, stemmed);
  }
  return stemmed;
}

/** True when `text` contains `phrase` word for word (case, apostrophes and spacing aside). */
export function containsPhrase(text: string, phrase: readonly string[]): boolean {
  if (phrase.length === 0) return true;
  const words = wordSpans(text).map((span) => span.word);
  outer: for (let i = 0; i + phrase.length <= words.length; i++) {
    for (let j = 0; j < phrase.length; j++) if (words[i + j] !== phrase[j]) continue outer;
    return true;
  }
  return false;
}
