import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyseWord, queryTerm, wordSpans, type IndexLanguage } from '../analysis';

const BRIEFINGS = fileURLToPath(new URL('../../../../../shared/corpus/briefings/', import.meta.url));

function briefings(folder: string): { name: string; text: string }[] {
  const dir = `${BRIEFINGS}${folder}/`;
  return readdirSync(dir)
    .filter((name) => name.endsWith('.md'))
    .map((name) => ({ name, text: readFileSync(dir + name, 'utf8') }));
}

function termsOf(text: string, language: IndexLanguage): Set<string> {
  const terms = new Set<string>();
  for (const { word } of wordSpans(text)) for (const { term } of analyseWord(word, language)) terms.add(term);
  return terms;
}

/** Names of the briefings whose text matches `truth` (written from grammar, not from the code) and of those holding the query's term. */
function compare(folder: string, language: IndexLanguage, query: string, truth: RegExp) {
  const term = queryTerm(wordSpans(query, { query: true })[0].word, language);
  const docs = briefings(folder).map(({ name, text }) => ({ name, text, terms: termsOf(text, language) }));
  return {
    expected: docs.filter(({ text }) => truth.test(text)).map(({ name }) => name),
    found: docs.filter(({ terms }) => term !== null && terms.has(term)).map(({ name }) => name),
  };
}

describe('terms on the corpus', () => {
  it('finds every Ukrainian briefing using a case form of окупація by окупація, and no other', () => {
    const { expected, found } = compare('zelensky-uk', 'uk', 'окупація', /(?<!\p{L})окупаці(?:я|ї|ю|єю|є|й|ям|ями|ях)(?!\p{L})/iu);
    expect(expected.length).toBeGreaterThan(10);
    expect(found).toEqual(expected);
  });

  it('finds every Ukrainian briefing using a case form of допомога by допомозі, and no other', () => {
    // The verb's past tense допоміг (helped) has the noun's stem, and is rightly found with it.
    const { expected, found } = compare('zelensky-uk', 'uk', 'допомозі', /(?<!\p{L})(?:допомо(?:га|ги|зі|гу|гою|го|г|гам|гами|гах)|допоміг)(?!\p{L})/iu);
    expect(expected.length).toBeGreaterThan(30);
    expect(found).toEqual(expected);
  });

  it('finds every English briefing naming Zelensky in any spelling (the front matter’s Зеленський too) by Zelensky', () => {
    const { expected, found } = compare(
      'zelensky-en',
      'en',
      'Zelensky',
      /(?<!\p{L})(?:Zelensk(?:y|yy|iy|yi|ii)|Зеленськ(?:ий|ого|ому|им|ім)|Зеленск(?:ий|ого|ому|им|ом))(?!\p{L})/u,
    );
    expect(expected.length).toBeGreaterThan(60);
    expect(found).toEqual(expected);
  });

  it('finds every US government briefing writing U.S. or US by US', () => {
    const { expected, found } = compare('usgov', 'en', 'US', /(?<![\p{L}.])U\.?S(?![\p{L}])/u);
    expect(expected.length).toBeGreaterThan(50);
    expect(found).toEqual(expected);
  });
});
