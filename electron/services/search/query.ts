import { normaliseWord, wordSpans } from './analysis';

/** Longest query searched; anything longer is cut here and the person told. */
export const MAX_QUERY_CHARS = 400;
/** Most words one query may require; a pasted paragraph is not a query. */
export const MAX_QUERY_WORDS = 12;
/** Longer "words" are not words (a hash, a pasted URL); they are dropped rather than searched. */
export const MAX_WORD_CHARS = 48;
/** A trailing word shorter than this is matched whole, not as a prefix: `a*` would expand to half the index. */
export const MIN_PREFIX_CHARS = 3;

export interface ParsedQuery {
  /** Words every result must contain (normalised, unstemmed; hyphenated compounds joined). */
  required: string[];
  /** The word being typed, matched as a prefix; null when the query ends in a space or is too short. */
  prefix: string | null;
  excluded: string[];
  /** Quoted phrases, as normalised word sequences; results must contain each exactly. */
  phrases: string[][];
  /** Things the person should know about how the query was read (cut short, words ignored). */
  notices: string[];
}

export type QueryOutcome = { ok: true; query: ParsedQuery } | { ok: false; refused: string };

/**
 * Reads what a person typed into a query, never throwing and never handing raw text to Lunr's
 * parser (which throws on `:`, `~`, `^`, `-`). Syntax: words are required; the last word matches
 * as a prefix while typing; `"a phrase"` must appear as written; `-word` excludes; `word*` is an
 * explicit prefix. A word starting with `*` is refused, since it would have to scan every term.
 */
export function parseQuery(input: string): QueryOutcome {
  const notices: string[] = [];
  // NUL and lone surrogates cannot be words and break some string handling downstream.
  let text = input.replace(/\0/g, ' ').replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, ' ');
  if (text.length > MAX_QUERY_CHARS) {
    text = text.slice(0, MAX_QUERY_CHARS);
    notices.push(`Only the first ${MAX_QUERY_CHARS} characters were searched.`);
  }
  if (/(^|\s|")[-+]?\*/.test(text)) {
    return { ok: false, refused: 'A search word cannot start with *. Type the beginning of the word instead: ceasef finds ceasefire.' };
  }

  const phrases: string[][] = [];
  const withoutPhrases = text.replace(/"([^"]*)"?/g, (_match, phrase: string) => {
    const words = wordSpans(phrase, { query: true }).map((span) => span.word);
    if (words.length > 0) phrases.push(words);
    return ' ';
  });

  const required: string[] = [];
  const excluded: string[] = [];
  let prefix: string | null = null;
  const typingLastWord = !/\s$/.test(withoutPhrases) && !/"\s*$/.test(text);
  // Words are cut from the whole text at once, so a word's neighbours can decide how it is read;
  // whitespace-separated chunks only say what a `-` or `*` applies to.
  const chunks = [...withoutPhrases.matchAll(/\S+/g)].map((match) => ({ start: match.index, end: match.index + match[0].length, text: match[0] }));
  const spans = wordSpans(withoutPhrases, { query: true });
  spans.forEach((span, index) => {
    const word = joinCompound(span.word);
    if (word.length > MAX_WORD_CHARS) {
      notices.push(`Words longer than ${MAX_WORD_CHARS} letters were left out.`);
      return;
    }
    const chunk = chunks.find((candidate) => candidate.start <= span.start && span.start < candidate.end);
    if (chunk && chunk.text.startsWith('-') && chunk.text.length > 1) {
      excluded.push(word);
      return;
    }
    const endsChunk = !chunk || !spans[index + 1] || spans[index + 1].start >= chunk.end;
    const explicitPrefix = endsChunk && chunk !== undefined && /[\p{L}\p{N}]\*+$/u.test(chunk.text);
    const typing = index === spans.length - 1 && typingLastWord;
    if ((explicitPrefix || typing) && word.length >= MIN_PREFIX_CHARS && prefix === null) prefix = word;
    else required.push(word);
  });

  // Phrases are kept whole (a title pasted in quotes is one thing to find); loose words make room.
  const room = Math.max(0, MAX_QUERY_WORDS - phrases.flat().length - (prefix ? 1 : 0));
  if (required.length > room) {
    notices.push(`Only the first ${MAX_QUERY_WORDS} words were searched.`);
    required.splice(room);
  }
  return { ok: true, query: { required: unique(required), prefix, excluded: unique(excluded), phrases, notices: unique(notices) } };
}

/** `cease-fire` is searched as `ceasefire`, which the index holds for both spellings. */
function joinCompound(word: string): string {
  return word.includes('-') ? normaliseWord(word.replace(/-/g, '')) : word;
}

const unique = (words: string[]) => [...new Set(words)];

/** True when the query asks for nothing (empty, or only punctuation). */
export function isEmptyQuery(query: ParsedQuery): boolean {
  return query.required.length === 0 && query.prefix === null && query.phrases.length === 0;
}
