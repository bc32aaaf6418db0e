import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { queryTerm, type IndexLanguage } from '../analysis';

/** Reads a paradigm list: `lemma: forms | forms` lines, `#` comments, `/` between variants of one form. */
function paradigms(file: string): { lemma: string; forms: string[] }[] {
  return readFileSync(new URL(`paradigms/${file}`, import.meta.url), 'utf8')
    .split('\n')
    .filter((line) => line.trim() && !line.startsWith('#'))
    .map((line) => {
      const [lemma, forms] = line.split(':');
      return { lemma: lemma.trim(), forms: forms.split(/[\s|/]+/).filter(Boolean) };
    });
}

const term = (word: string, language: IndexLanguage) => queryTerm(word, language);

describe.each([
  ['ukrainian.txt', 'uk'],
  ['russian.txt', 'ru'],
] as const)('every case form of the nouns in %s', (file, language) => {
  const nouns = paradigms(file);

  it('lists at least ten nouns with every case form', () => {
    expect(nouns.length).toBeGreaterThanOrEqual(10);
    for (const { forms } of nouns) expect(forms.length).toBeGreaterThanOrEqual(6);
  });

  it.each(nouns.map(({ lemma, forms }) => [lemma, forms] as const))('%s: every form reaches the term of its nominative', (lemma, forms) => {
    const expected = term(lemma, language);
    expect(forms.map((form) => [form, term(form, language)])).toEqual(forms.map((form) => [form, expected]));
  });

  it('keeps different nouns apart', () => {
    const terms = nouns.map(({ lemma }) => term(lemma, language));
    expect(new Set(terms).size).toBe(nouns.length);
  });

  it('finds each form the same in a briefing of the other languages (a word with neither language’s own letters aside)', () => {
    for (const { lemma, forms } of nouns) {
      for (const form of forms.filter((word) => /[іїєґыэъ]/.test(word))) {
        for (const other of ['en', 'uk', 'ru'] as const) expect([form, term(form, other)]).toEqual([form, term(lemma, language)]);
      }
    }
  });
});

describe('words that share letters but not meaning', () => {
  const pairs = readFileSync(new URL('paradigms/distinct.txt', import.meta.url), 'utf8')
    .split('\n')
    .filter((line) => line.trim() && !line.startsWith('#'))
    .map((line) => {
      const [language, words] = line.split(':');
      const [a, b] = words.trim().split(/\s+/);
      return [language.trim() as IndexLanguage, a, b] as const;
    });

  it.each(pairs)('%s: %s and %s stay different terms', (language, a, b) => {
    expect(term(a, language)).not.toBe(term(b, language));
  });
});
