import { describe, expect, it } from 'vitest';
import { moveEnd, moveStart, snapToWords, unitSpans, type Span } from './text-units';

/** The text a span covers, so expectations read as what the person sees. */
const cut = (text: string, span: Span) => text.slice(span.start, span.end);
const spanOf = (text: string, part: string): Span => {
  const start = text.indexOf(part);
  if (start < 0) throw new Error(`not in the text: ${part}`);
  return { start, end: start + part.length };
};

describe('snapToWords', () => {
  const text = 'We must lay the foundation, now. The rest follows.';

  it('widens a selection that cuts words at either end to the whole words', () => {
    expect(cut(text, snapToWords(text, spanOf(text, 'ay the fo')))).toBe('lay the foundation');
    expect(cut(text, snapToWords(text, spanOf(text, 'oundatio')))).toBe('foundation');
  });

  it('leaves punctuation beside a word out unless it was selected, and drops edge spaces', () => {
    expect(cut(text, snapToWords(text, spanOf(text, 'foundation')))).toBe('foundation');
    expect(cut(text, snapToWords(text, spanOf(text, 'foundation, n')))).toBe('foundation, now');
    expect(cut(text, snapToWords(text, spanOf(text, ' the ')))).toBe('the');
    expect(cut(text, snapToWords(text, spanOf(text, 'now. T')))).toBe('now. The');
  });

  it('keeps a selection of whole words as it is', () => {
    const whole = spanOf(text, 'lay the foundation');
    expect(snapToWords(text, whole)).toEqual(whole);
  });

  it('works on Ukrainian and Russian words, apostrophes and hyphens included', () => {
    const uk = 'Ми маємо закласти підґрунтя для мирного врегулювання.';
    expect(cut(uk, snapToWords(uk, spanOf(uk, 'сти підґр'), 'uk'))).toBe('закласти підґрунтя');
    const apostrophe = "Прем'єр-міністр сказав, що сім'я важлива.";
    expect(cut(apostrophe, snapToWords(apostrophe, spanOf(apostrophe, "сім'"), 'uk'))).toBe("сім'я");
    const ru = 'Переговоры о прекращении огня продолжатся.';
    expect(cut(ru, snapToWords(ru, spanOf(ru, 'кращении ог'), 'ru'))).toBe('прекращении огня');
  });
});

describe('keyboard selection steps', () => {
  const text = 'The talks resumed today. Both sides, as expected, stayed firm! Next week: more.';

  it('grows and shrinks the end by word from the paragraph start, never past its start', () => {
    let span: Span = { start: 0, end: 0 };
    span = moveEnd(text, span, 'word', 1);
    expect(cut(text, span)).toBe('The');
    span = moveEnd(text, span, 'word', 1);
    span = moveEnd(text, span, 'word', 1);
    expect(cut(text, span)).toBe('The talks resumed');
    span = moveEnd(text, span, 'word', -1);
    expect(cut(text, span)).toBe('The talks');
    span = moveEnd(text, moveEnd(text, span, 'word', -1), 'word', -1);
    expect(span).toEqual({ start: 0, end: 0 });
  });

  it('grows and shrinks by sentence, without the space after a sentence', () => {
    let span = moveEnd(text, { start: 0, end: 0 }, 'sentence', 1);
    expect(cut(text, span)).toBe('The talks resumed today.');
    span = moveEnd(text, span, 'sentence', 1);
    expect(cut(text, span)).toBe('The talks resumed today. Both sides, as expected, stayed firm!');
    span = moveEnd(text, span, 'sentence', -1);
    expect(cut(text, span)).toBe('The talks resumed today.');
    // From a word in the middle of a sentence, the next step ends that sentence.
    expect(cut(text, moveEnd(text, spanOf(text, 'Both'), 'sentence', 1))).toBe('Both sides, as expected, stayed firm!');
  });

  it('stops at the end of the paragraph', () => {
    const all = { start: 0, end: text.length };
    expect(moveEnd(text, all, 'word', 1)).toEqual(all);
  });

  it('moves the start by word, so a phrase inside the paragraph can be selected', () => {
    let span = moveStart(text, { start: 0, end: 0 }, 1);
    expect(cut(text, span)).toBe('The');
    span = moveStart(text, span, 1);
    expect(cut(text, span)).toBe('talks');
    span = moveEnd(text, span, 'word', 1);
    expect(cut(text, span)).toBe('talks resumed');
    span = moveStart(text, span, -1);
    expect(cut(text, span)).toBe('The talks resumed');
    expect(moveStart(text, span, -1)).toEqual(span);
  });

  it('counts Cyrillic words and sentences', () => {
    const uk = 'Переговори тривають. Сторони залишаються на своїх позиціях.';
    expect(unitSpans(uk, 'word', 'uk').map((span) => cut(uk, span))).toEqual(['Переговори', 'тривають', 'Сторони', 'залишаються', 'на', 'своїх', 'позиціях']);
    expect(unitSpans(uk, 'sentence', 'uk').map((span) => cut(uk, span))).toEqual(['Переговори тривають.', 'Сторони залишаються на своїх позиціях.']);
  });
});
