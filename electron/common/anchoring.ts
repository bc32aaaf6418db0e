/**
 * Anchoring: turning a selection of the article's rendered text into W3C selectors, and placing
 * those selectors again after the briefing has been edited (DESIGN.md "Anchoring").
 *
 * "Text" is always the exact `textContent` of the sanitized article HTML; offsets are UTF-16 code
 * unit indices. Everything here is pure so the main process, the services and the renderer agree
 * on where an annotation lives.
 */
import approxSearch from 'approx-string-match';
import type { TextPositionSelector, TextQuoteSelector } from './annotation-model';

/** Characters of context kept either side of a quote (the W3C-suggested ~32). */
export const CONTEXT_CHARS = 32;

export type AnchorResult = { kind: 'position' | 'quote' | 'approximate'; start: number; end: number; score: number } | { kind: 'orphan' };

/**
 * A candidate placement must score at least this (0..1) to be used. Set so that a short quote
 * found again with none of its context, or an approximate quote match without context support,
 * becomes an orphan rather than a highlight on the wrong words: a wrong highlight misleads, an
 * orphan is shown with its quote and can be re-attached by the reader.
 */
const MIN_SCORE = 0.7;

/**
 * Relative weights of the evidence. The quote's weight grows with its length because a long
 * quote found with few errors identifies its passage on its own, whatever happened around it;
 * a short one ("the") means nothing without context. Position only breaks near-ties: after an
 * insertion every offset moves, so distance is weak evidence.
 */
const QUOTE_WEIGHT = 50;
const QUOTE_WEIGHT_UNIT = 16;
const CONTEXT_WEIGHT = 20;
const POSITION_WEIGHT = 4;

/** Half-width of the region searched first for an approximate match, around the expected place. */
const WINDOW_CHARS = 2048;

/** Exact occurrences refined with the (costlier) approximate context comparison. */
const REFINE_TOP = 8;

/**
 * Selectors for `text[start, end)`: the quote with up to CONTEXT_CHARS of prefix and suffix, plus
 * the positions. Surrounding whitespace of the selection is trimmed first (a drag that ends after
 * a line break should not make the quote depend on it), and offsets that would split a surrogate
 * pair are widened to take the whole character. Prefix and suffix are shortened rather than
 * split a pair, so both are always well-formed strings. Returns null when the selection is empty
 * or whitespace only. Out-of-range or reversed offsets are clamped and ordered.
 */
export function describeRange(text: string, start: number, end: number): { quote: TextQuoteSelector; position: TextPositionSelector } | null {
  if (!Number.isFinite(start) || !Number.isFinite(end)) return null;
  let from = clamp(Math.floor(Math.min(start, end)), 0, text.length);
  let to = clamp(Math.ceil(Math.max(start, end)), 0, text.length);
  while (from < to && isSpace(text.charCodeAt(from))) from++;
  while (to > from && isSpace(text.charCodeAt(to - 1))) to--;
  if (from >= to) return null;
  if (splitsPair(text, from)) from--;
  if (splitsPair(text, to)) to++;

  let prefixStart = Math.max(0, from - CONTEXT_CHARS);
  if (splitsPair(text, prefixStart)) prefixStart++;
  let suffixEnd = Math.min(text.length, to + CONTEXT_CHARS);
  if (splitsPair(text, suffixEnd)) suffixEnd--;

  return {
    quote: { type: 'TextQuoteSelector', exact: text.slice(from, to), prefix: text.slice(prefixStart, from), suffix: text.slice(to, suffixEnd) },
    position: { type: 'TextPositionSelector', start: from, end: to },
  };
}

/**
 * Places one annotation in `text`, trying in order:
 * 1. the position selector, used only if the text there is exactly the quote and, for a quote
 *    shorter than 16 code units, at least 16 code units of its context (or all it has) are
 *    there too (score 1);
 * 2. exact occurrences of the quote, ranked by agreement of prefix and suffix and nearness to the
 *    old position;
 * 3. approximate occurrences (Myers' edit-distance search, up to min(32, quote length / 4)
 *    errors), first near the old position then in the whole text, ranked on quote similarity,
 *    prefix and suffix similarity and distance;
 * 4. otherwise an orphan.
 * Steps 2 and 3 accept a candidate only if its score (0..1) reaches MIN_SCORE. Placements never
 * split a surrogate pair.
 */
export function anchor(text: string, quote: TextQuoteSelector, position: TextPositionSelector): AnchorResult {
  return anchorOne(text, quote, position, position.start, new Map());
}

/**
 * Anchors many annotations in one text; results are in the order of `targets`. Faster than
 * calling `anchor` for each: targets are visited in document order and the shift found for one
 * (e.g. a paragraph inserted above) is tried first for the next, so a uniform shift costs a
 * string comparison per annotation; exact-occurrence lists are shared between equal quotes.
 */
export function anchorAll(text: string, targets: readonly { quote: TextQuoteSelector; position: TextPositionSelector }[]): AnchorResult[] {
  const results: AnchorResult[] = new Array(targets.length);
  const order = targets.map((_, index) => index).sort((a, b) => targets[a].position.start - targets[b].position.start || a - b);
  const occurrences = new Map<string, number[]>();
  let shift = 0;
  for (const index of order) {
    const { quote, position } = targets[index];
    const result = anchorOne(text, quote, position, position.start + shift, occurrences);
    if (result.kind !== 'orphan') shift = result.start - position.start;
    results[index] = result;
  }
  return results;
}

type Placed = { start: number; end: number; score: number };

function anchorOne(
  text: string,
  quote: TextQuoteSelector,
  position: TextPositionSelector,
  expected: number,
  occurrenceCache: Map<string, number[]>,
): AnchorResult {
  const exact = quote.exact;
  if (!exact) return { kind: 'orphan' };
  // A malformed stored position must not poison the scores: treat it as "somewhere at the top".
  if (!Number.isFinite(expected)) expected = 0;
  const { start, end } = position;
  if (Number.isInteger(start) && start >= 0 && end === start + exact.length && end <= text.length && text.startsWith(exact, start)) {
    // A short quote ("the") lands on the same word by chance after almost any edit above it, so
    // it must also bring some of its context along.
    const context = alignedPrefix(text, start, quote.prefix) + alignedSuffix(text, end, quote.suffix);
    if (exact.length >= QUOTE_WEIGHT_UNIT || context >= Math.min(QUOTE_WEIGHT_UNIT, quote.prefix.length + quote.suffix.length)) {
      return { kind: 'position', start, end, score: 1 };
    }
  }

  // The usual edit shifts everything after it by the same amount: if the quote sits at the
  // expected place with its whole context intact, nothing else can beat it.
  if (
    expected !== start &&
    expected >= 0 &&
    text.startsWith(exact, expected) &&
    alignedPrefix(text, expected, quote.prefix) === quote.prefix.length &&
    alignedSuffix(text, expected + exact.length, quote.suffix) === quote.suffix.length
  ) {
    return { kind: 'quote', start: expected, end: expected + exact.length, score: scoreOf(text, quote, expected, 1, 1, 1, position.start) };
  }

  let found = occurrenceCache.get(exact);
  if (!found) {
    found = allOccurrences(text, exact);
    occurrenceCache.set(exact, found);
  }
  const best = bestExact(text, quote, found, expected);
  if (best && best.score >= 0.9) return { kind: 'quote', ...best };

  // An exact quote without its context may be the wrong occurrence; an approximate match near
  // the expected place may carry the context and win. Beyond the window, exact occurrences would
  // be the only matches the edit-distance search returns (it keeps just the fewest-error ones),
  // so the whole text is searched only when there are none.
  const approximate = bestApproximate(text, quote, expected, found.length === 0);
  if (best && best.score >= MIN_SCORE && (!approximate || approximate.score <= best.score)) return { kind: 'quote', ...best };
  if (approximate && approximate.score >= MIN_SCORE) return { kind: 'approximate', ...approximate };
  return { kind: 'orphan' };
}

function allOccurrences(text: string, exact: string): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(exact); at !== -1; at = text.indexOf(exact, at + 1)) found.push(at);
  return found;
}

/**
 * Ranks exact occurrences with the cheap aligned context comparison (a word repeated a thousand
 * times must stay cheap), then refines the best few with the edit-distance comparison, which
 * forgives a changed character next to the quote.
 */
function bestExact(text: string, quote: TextQuoteSelector, found: number[], expected: number): Placed | null {
  if (found.length === 0) return null;
  const length = quote.exact.length;
  const ranked = found.map((at) => {
    const prefixSim = quote.prefix ? alignedPrefix(text, at, quote.prefix) / quote.prefix.length : 1;
    const suffixSim = quote.suffix ? alignedSuffix(text, at + length, quote.suffix) / quote.suffix.length : 1;
    return { at, prefixSim, suffixSim, score: scoreOf(text, quote, at, 1, prefixSim, suffixSim, expected) };
  });
  ranked.sort((a, b) => b.score - a.score);
  let best: Placed | null = null;
  for (const candidate of ranked.slice(0, REFINE_TOP)) {
    const prefixSim = Math.max(candidate.prefixSim, prefixSimilarity(text, candidate.at, quote.prefix));
    const suffixSim = Math.max(candidate.suffixSim, suffixSimilarity(text, candidate.at + length, quote.suffix));
    const score = scoreOf(text, quote, candidate.at, 1, prefixSim, suffixSim, expected);
    if (!best || score > best.score) best = { start: candidate.at, end: candidate.at + length, score };
  }
  return best;
}

function bestApproximate(text: string, quote: TextQuoteSelector, expected: number, wholeText: boolean): Placed | null {
  const length = quote.exact.length;
  const maxErrors = Math.min(32, Math.floor(length / 4));
  if (maxErrors === 0) return null;
  const from = clamp(expected - WINDOW_CHARS - maxErrors, 0, text.length);
  const to = clamp(expected + length + WINDOW_CHARS + maxErrors, 0, text.length);
  let best = bestOfMatches(text, quote, approxSearch(text.slice(from, to), quote.exact, maxErrors), from, expected);
  if ((!best || best.score < MIN_SCORE) && wholeText && (from > 0 || to < text.length)) {
    const everywhere = bestOfMatches(text, quote, approxSearch(text, quote.exact, maxErrors), 0, expected);
    if (everywhere && (!best || everywhere.score > best.score)) best = everywhere;
  }
  return best;
}

function bestOfMatches(
  text: string,
  quote: TextQuoteSelector,
  matches: { start: number; end: number; errors: number }[],
  offset: number,
  expected: number,
): Placed | null {
  // The search reports every end position at the minimum error count, so neighbours of one
  // match crowd the list; the nearest few to the expected place are enough to score.
  const nearest = matches
    .map((match) => ({ start: widenStart(text, match.start + offset), end: widenEnd(text, match.end + offset), errors: match.errors }))
    .sort((a, b) => Math.abs(a.start - expected) - Math.abs(b.start - expected))
    .slice(0, 4 * REFINE_TOP);
  let best: Placed | null = null;
  for (const match of nearest) {
    if (match.end <= match.start) continue;
    const quoteSim = 1 - match.errors / quote.exact.length;
    const prefixSim = prefixSimilarity(text, match.start, quote.prefix);
    const suffixSim = suffixSimilarity(text, match.end, quote.suffix);
    const score = scoreOf(text, quote, match.start, quoteSim, prefixSim, suffixSim, expected);
    if (!best || score > best.score) best = { start: match.start, end: match.end, score };
  }
  return best;
}

/**
 * Weighted mean of the evidence, 0..1. An empty prefix or suffix (a quote at the very start or
 * end of the article) carries no weight: it says nothing about a candidate elsewhere, and short
 * contexts count for proportionally less than a full CONTEXT_CHARS.
 */
function scoreOf(text: string, quote: TextQuoteSelector, start: number, quoteSim: number, prefixSim: number, suffixSim: number, expected: number): number {
  const quoteWeight = QUOTE_WEIGHT * Math.max(1, quote.exact.length / QUOTE_WEIGHT_UNIT);
  const prefixWeight = CONTEXT_WEIGHT * Math.min(1, quote.prefix.length / CONTEXT_CHARS);
  const suffixWeight = CONTEXT_WEIGHT * Math.min(1, quote.suffix.length / CONTEXT_CHARS);
  const nearness = 1 - Math.min(1, Math.abs(start - expected) / Math.max(1, text.length));
  const total = quoteWeight + prefixWeight + suffixWeight + POSITION_WEIGHT;
  return (quoteWeight * quoteSim + prefixWeight * prefixSim + suffixWeight * suffixSim + POSITION_WEIGHT * nearness) / total;
}

/** Characters of `prefix` that match the text just before `at`, counted back from `at`. */
function alignedPrefix(text: string, at: number, prefix: string): number {
  let count = 0;
  while (count < prefix.length && at - count > 0 && prefix.charCodeAt(prefix.length - 1 - count) === text.charCodeAt(at - 1 - count)) count++;
  return count;
}

/** Characters of `suffix` that match the text from `at` on. */
function alignedSuffix(text: string, at: number, suffix: string): number {
  let count = 0;
  while (count < suffix.length && at + count < text.length && suffix.charCodeAt(count) === text.charCodeAt(at + count)) count++;
  return count;
}

/**
 * Edit-distance similarity of `prefix` to the text ending at `at`. Text between the best match
 * and `at` counts as errors, so context found further away does not pass for adjacent context.
 * Allowing a third of the context as errors tolerates an edited word but not unrelated text,
 * which keeps random context near zero.
 */
function prefixSimilarity(text: string, at: number, prefix: string): number {
  if (!prefix) return 1;
  const maxErrors = Math.floor(prefix.length / 3);
  const from = Math.max(0, at - prefix.length - maxErrors);
  const window = text.slice(from, at);
  let fewest = prefix.length;
  for (const match of approxSearch(window, prefix, maxErrors)) fewest = Math.min(fewest, match.errors + (window.length - match.end));
  return Math.max(0, 1 - fewest / prefix.length);
}

/** Edit-distance similarity of `suffix` to the text starting at `at` (see prefixSimilarity). */
function suffixSimilarity(text: string, at: number, suffix: string): number {
  if (!suffix) return 1;
  const maxErrors = Math.floor(suffix.length / 3);
  const window = text.slice(at, at + suffix.length + maxErrors);
  let fewest = suffix.length;
  for (const match of approxSearch(window, suffix, maxErrors)) fewest = Math.min(fewest, match.errors + match.start);
  return Math.max(0, 1 - fewest / suffix.length);
}

const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));

/** JS `\s`: the whitespace a selection should not start or end with. */
const isSpace = (code: number) => /\s/.test(String.fromCharCode(code));

const isHigh = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** True when offset `at` falls between the two halves of a surrogate pair. */
function splitsPair(text: string, at: number): boolean {
  return at > 0 && at < text.length && isHigh(text.charCodeAt(at - 1)) && isLow(text.charCodeAt(at));
}

const widenStart = (text: string, at: number) => (splitsPair(text, at) ? at - 1 : at);
const widenEnd = (text: string, at: number) => (splitsPair(text, at) ? at + 1 : at);
