import type { QueryCorrection } from '../../../electron/common/search-model';

/** A piece of the query as searched: `corrected` pieces are the library words that replaced a typo. */
export interface QueryPart {
  text: string;
  corrected: boolean;
}

/**
 * The query as it was searched after typos were corrected: the typed text with each corrected word
 * replaced by the word searched instead, for "Showing results for …". Words are compared as the
 * engine reports them (lower case); the rest of the text (quotes, spaces, other words) is kept.
 */
export function correctedQuery(typed: string, corrections: readonly QueryCorrection[]): QueryPart[] {
  const replacements = new Map(corrections.map((correction) => [correction.from.normalize('NFC').toLocaleLowerCase(), correction.to]));
  const parts: QueryPart[] = [];
  let plain = '';
  for (const piece of typed.split(/([\p{L}\p{N}][\p{L}\p{N}'’-]*)/u)) {
    const replacement = replacements.get(piece.normalize('NFC').toLocaleLowerCase());
    if (replacement === undefined) {
      plain += piece;
      continue;
    }
    if (plain) parts.push({ text: plain, corrected: false });
    parts.push({ text: replacement, corrected: true });
    plain = '';
  }
  if (plain) parts.push({ text: plain, corrected: false });
  return parts;
}
