import type { QueryBudget } from './query-budget';
import type { ShardMatch } from './shard';
import { containsPhrase } from './snippet';

/**
 * Characters of text searched for phrases after the page is full, only to count the remaining
 * candidates; beyond it the count is estimated. A phrase's words are common in long transcripts,
 * and reading every candidate's text on each keystroke is what made phrase queries slow.
 */
export const PHRASE_COUNT_CHARS = 2_000_000;

export interface PhraseCheck {
  /** Candidates holding every phrase, in rank order: at least a page of them when there are that many. */
  matches: ShardMatch[];
  total: number;
  /** True when `total` is an estimate: the candidates past the counting allowance were not read. */
  estimated: boolean;
}

/**
 * Keeps the ranked candidates that hold every phrase, in the title or the text. Candidates are
 * read best first until `limit` are kept; the rest are read only to count them, within
 * `countChars` characters and the budget, and the count of those left unread is estimated from the
 * share that held the phrases among those read.
 */
export function checkPhrases(
  ranked: ShardMatch[],
  phrases: readonly (readonly string[])[],
  limit: number,
  budget: QueryBudget,
  countChars = PHRASE_COUNT_CHARS,
): PhraseCheck {
  if (phrases.length === 0) return { matches: ranked, total: ranked.length, estimated: false };
  const kept: ShardMatch[] = [];
  let checked = 0;
  let counted = 0;
  for (const match of ranked) {
    if (budget.spent() || (kept.length >= limit && counted > countChars)) break;
    const { title, text } = match.doc;
    if (kept.length >= limit) counted += title.length + text.length;
    if (phrases.every((phrase) => containsPhrase(title, phrase) || containsPhrase(text, phrase))) kept.push(match);
    checked++;
  }
  const unread = ranked.length - checked;
  if (unread === 0 || kept.length < limit) return { matches: kept, total: kept.length, estimated: false };
  return { matches: kept, total: kept.length + Math.round((unread * kept.length) / checked), estimated: true };
}
