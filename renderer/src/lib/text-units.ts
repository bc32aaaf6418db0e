/**
 * Words and sentences of a passage, by Intl.Segmenter, so the same rules hold for English,
 * Ukrainian and Russian. Pure functions over a string and offsets into it: the reader applies
 * them to the text of one paragraph, where a word cannot run on into the next block's text.
 */

export type TextUnit = 'word' | 'sentence';

export interface Span {
  start: number;
  end: number;
}

const segmenters = new Map<string, Intl.Segmenter>();

function segmenter(unit: TextUnit, locale: string | undefined): Intl.Segmenter {
  const key = `${unit} ${locale ?? ''}`;
  let found = segmenters.get(key);
  if (!found) {
    found = new Intl.Segmenter(locale, { granularity: unit });
    segmenters.set(key, found);
  }
  return found;
}

const isSpace = (char: string | undefined) => char !== undefined && /\s/u.test(char);

/**
 * Widens a selection that starts or ends inside a word to that whole word, as Kindle and Readwise
 * do, so a highlight never reads "…lay the fo". Punctuation beside a word is not a word, so it
 * stays out unless it was selected; spaces at either edge are dropped.
 */
export function snapToWords(text: string, selection: Span, locale?: string): Span {
  let { start, end } = selection;
  if (start >= end) return { start, end };
  const words = segmenter('word', locale).segment(text);
  const first = words.containing(start);
  if (first?.isWordLike && first.index < start) start = first.index;
  const last = words.containing(end - 1);
  if (last?.isWordLike && last.index + last.segment.length > end) end = last.index + last.segment.length;
  while (start < end && isSpace(text[start])) start++;
  while (end > start && isSpace(text[end - 1])) end--;
  return { start, end };
}

/** The words of `text`, or its sentences without their trailing spaces, in order. */
export function unitSpans(text: string, unit: TextUnit, locale?: string): Span[] {
  const spans: Span[] = [];
  for (const segment of segmenter(unit, locale).segment(text)) {
    if (unit === 'word' && !segment.isWordLike) continue;
    let end = segment.index + segment.segment.length;
    while (end > segment.index && isSpace(text[end - 1])) end--;
    if (end > segment.index) spans.push({ start: segment.index, end });
  }
  return spans;
}

/**
 * Shift+→ / Shift+← from the keyboard: moves the selection's end to the end of the next unit
 * (`direction` 1) or back to the end of the previous one (-1), never before its start; an empty
 * selection grows from where it starts.
 */
export function moveEnd(text: string, selection: Span, unit: TextUnit, direction: 1 | -1, locale?: string): Span {
  const spans = unitSpans(text, unit, locale);
  const { start, end } = selection;
  if (direction === 1) {
    const next = spans.find((span) => span.end > end);
    return { start, end: next ? next.end : end };
  }
  const previous = spans.findLast((span) => span.end < end && span.end > start);
  return { start, end: previous ? previous.end : start };
}

/**
 * → / ← from the keyboard: moves the selection's start to the next or previous word, so a phrase
 * in the middle of a paragraph can be selected. The selection always holds at least that word.
 */
export function moveStart(text: string, selection: Span, direction: 1 | -1, locale?: string): Span {
  const words = unitSpans(text, 'word', locale);
  const { start, end } = selection;
  const empty = start >= end;
  const target = direction === 1 ? words.find((word) => (empty ? word.end > start : word.start > start)) : words.findLast((word) => word.start < start);
  if (!target) return selection;
  return { start: target.start, end: empty || target.end > end ? target.end : end };
}
