import type { SnippetPart } from '../../common/search-model';
import { indexLanguageOf, stem, termsOfWord, wordSpans, type WordSpan } from './analysis';
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
  const spans = wordSpans(doc.text);
  const isHit = (span: WordSpan) =>
    termsOfWord(span.word).some((term) => terms.has(stem(term, language)) || terms.has(term) || (prefix !== null && term.startsWith(prefix)));
  const hits = spans.map(isHit);

  let best = 0;
  let bestScore = -1;
  for (let start = 0; start < Math.max(1, spans.length - WINDOW_WORDS + 1); start++) {
    const distinct = new Set<string>();
    for (let i = start; i < Math.min(spans.length, start + WINDOW_WORDS); i++) if (hits[i]) distinct.add(spans[i].word);
    if (distinct.size > bestScore) {
      bestScore = distinct.size;
      best = start;
    }
  }
  // Start a few words before the first hit so it reads as a sentence, not a fragment.
  const firstHit = hits.indexOf(true, best);
  const from = firstHit >= 0 ? Math.max(0, Math.min(best, firstHit - 6)) : 0;
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

  const hitWords = [...new Set(spans.filter((_, i) => hits[i]).map((span) => doc.text.slice(span.start, span.end)))];
  return { snippet, hitWords };
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
