import levenshtein from 'damerau-levenshtein';
import { describe, expect, it } from 'vitest';
import { Vocabulary, VocabularyBuilder } from './vocabulary';

/** A vocabulary of English documents, each a list of words as wordSpans normalises them. */
function vocabularyOf(documents: string[][]): Vocabulary {
  const builder = new VocabularyBuilder('en');
  documents.forEach((words, position) => {
    builder.startDocument(position);
    for (const word of words) builder.termsOf(word);
  });
  return builder.build();
}

const editsFrom = (word: string) => (surface: string) => levenshtein(word, surface).steps;

describe('Vocabulary', () => {
  const vocabulary = vocabularyOf([
    ['negotiations', 'negotiators', 'security', 'the', 'cease-fire'],
    ['negotiation', 'negative', 'secure', 'negotiations', 'negotiations'],
    ['neglect', 'security'],
  ]);

  it('holds every surface word with its term and counts each document once per term', () => {
    expect(vocabulary.hasSurface('negotiators')).toBe(true);
    expect(vocabulary.hasSurface('negotiator')).toBe(false);
    // A compound gives its parts and its joined form; a stop word gives nothing.
    expect(['cease', 'fire', 'ceasefire'].map((word) => vocabulary.hasSurface(word))).toEqual([true, true, true]);
    expect(vocabulary.hasSurface('the')).toBe(false);
    expect(vocabulary.frequencyOf('negoti')).toBe(2);
    expect(vocabulary.frequencyOf('secur')).toBe(3);
    expect(vocabulary.surfacesOf('negoti', 8).sort()).toEqual(['negotiation', 'negotiations', 'negotiators']);
  });

  it('expands a beginning to the terms of the words starting with it, longer than their stem too', () => {
    expect(vocabulary.expand('negotiat', { terms: 64, postings: 1000 }, 3)).toEqual(['negoti']);
    expect(vocabulary.expand('neg', { terms: 64, postings: 1000 }, 3).sort()).toEqual(['neg', 'neglect', 'negoti']);
    expect(vocabulary.expand('negotiationz', { terms: 64, postings: 1000 }, 3)).toEqual([]);
  });

  it('keeps the most frequent terms under the caps, and never lets a letter bring back a term it left out', () => {
    // Under a cap of one, `neg` keeps its most frequent term; `negl` would only have `neglect`,
    // which `neg` left out, so the choice starts again there rather than answering nothing.
    expect(vocabulary.expand('neg', { terms: 1, postings: 1000 }, 3)).toEqual(['negoti']);
    expect(vocabulary.expand('nego', { terms: 1, postings: 1000 }, 3)).toEqual(['negoti']);
    expect(vocabulary.expand('negl', { terms: 1, postings: 1000 }, 3)).toEqual(['neglect']);
    // Under a bound on postings, the most frequent terms whose documents add up to it.
    expect(vocabulary.expand('neg', { terms: 64, postings: 3 }, 3)).toEqual(['negoti', 'neg']);
    expect(vocabulary.expand('neg', { terms: 64, postings: 1 }, 3)).toEqual(['negoti']);
    // `se` + `c` under a cap of one: `secur` (in all three documents) is kept all the way.
    for (const prefix of ['sec', 'secu', 'secur', 'securi']) expect(vocabulary.expand(prefix, { terms: 1, postings: 1000 }, 3)).toEqual(['secur']);
  });

  it('finds the surface words within reach of a misspelling, with the same first letter', () => {
    expect(vocabulary.nearTo('negotaitions', 2, editsFrom('negotaitions')).map((near) => near.surface)).toEqual(['negotiation', 'negotiations']);
    expect(vocabulary.nearTo('secruity', 1, editsFrom('secruity'))).toEqual([{ surface: 'security', edits: 1, frequency: 3 }]);
    expect(vocabulary.nearTo('xecurity', 1, editsFrom('xecurity'))).toEqual([]);
  });

  it('is stored and read back as it was, and refuses arrays that do not fit', () => {
    const stored = JSON.parse(JSON.stringify(vocabulary.toJSON())) as ReturnType<Vocabulary['toJSON']>;
    const loaded = Vocabulary.load(stored);
    expect(loaded.toJSON()).toEqual(vocabulary.toJSON());
    expect(loaded.expand('negotiat', { terms: 64, postings: 1000 }, 3)).toEqual(['negoti']);
    expect(Vocabulary.load({ surfaces: '', terms: '', termOf: [], frequency: [] }).size).toBe(0);
    expect(() => Vocabulary.load({ ...stored, termOf: stored.termOf.slice(1) })).toThrow(/differ in length/);
  });
});
