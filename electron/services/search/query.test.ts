import { describe, expect, it } from 'vitest';
import { MAX_QUERY_CHARS, parseQuery } from './query';

const read = (input: string) => {
  const outcome = parseQuery(input);
  if (!outcome.ok) throw new Error(`refused: ${outcome.refused}`);
  return outcome.query;
};

describe('parseQuery', () => {
  it('requires every word and treats the last one as a prefix while typing', () => {
    expect(read('thirty day ceasef')).toMatchObject({ required: ['thirty', 'day'], prefix: 'ceasef' });
    expect(read('thirty day ceasefire ')).toMatchObject({ required: ['thirty', 'day', 'ceasefire'], prefix: null });
  });

  it('reads phrases, exclusions, possessives, apostrophes and compounds', () => {
    expect(read('"22 concrete actions" -Russia Ukraine’s cease-fire ')).toEqual({
      required: ['ukraine', 'ceasefire'],
      prefix: null,
      excluded: ['russia'],
      phrases: [['22', 'concrete', 'actions']],
      notices: [],
    });
  });

  it('keeps US, WHO and UN as words, read as the acronyms in the whole query text', () => {
    expect(read('US WHO UN ').required).toEqual(['u.s.', 'w.h.o.', 'un']);
  });

  it('keeps Cyrillic words', () => {
    expect(read('припинення вогню ').required).toEqual(['припинення', 'вогню']);
  });

  it('refuses words that start with *', () => {
    for (const input of ['*', '*tion', 'peace *', '-*x', '"*"']) expect(parseQuery(input).ok).toBe(false);
  });

  it('does not expand very short prefixes', () => {
    expect(read('a*')).toMatchObject({ required: ['a'], prefix: null });
    expect(read('ceasef*')).toMatchObject({ prefix: 'ceasef' });
  });

  it.each([
    'title:',
    ':',
    '~',
    '^',
    '-',
    '+',
    '--help',
    'foo~x',
    'https://www.state.gov/a?b=c#d',
    '9:30',
    '',
    '😀🇺🇦',
    'שלום עולם',
    'a\0b',
    '\uD800x\uDFFF',
    'x'.repeat(10_000),
    'field:value^2~1 +-*',
  ])('never throws on %j', (input) => {
    expect(() => parseQuery(input)).not.toThrow();
  });

  it('leaves out "words" too long to be words', () => {
    const query = read(`peace ${'x'.repeat(300)} `);
    expect(query.required).toEqual(['peace']);
    expect(query.notices).toEqual(['Words longer than 48 letters were left out.']);
  });

  it('cuts very long queries and says so', () => {
    const query = read('peace '.repeat(5000));
    expect(query.notices).toContain(`Only the first ${MAX_QUERY_CHARS} characters were searched.`);
    expect(query.required).toEqual(['peace']);
  });

  it('keeps a long quoted phrase whole, without saying words were left out', () => {
    const query = read('"Statement by the President on the United Nations General Assembly Vote Condemning Russia’s Aggression"');
    expect(query.phrases[0]).toHaveLength(14);
    expect(query.notices).toEqual([]);
  });

  it('bounds the number of words', () => {
    const words = Array.from({ length: 30 }, (_, i) => `word${i}`).join(' ');
    expect(read(`${words} `).required).toHaveLength(12);
  });
});
