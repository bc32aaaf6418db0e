import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { QueryBudget } from './query-budget';
import { checkPhrases } from './phrase-check';
import type { ShardMatch } from './shard';
import { Postings } from './postings';
import { Vocabulary } from './vocabulary';

const FOLDER = join(__dirname, '../../../../shared/corpus/briefings/zelensky-en');

/** Candidates made of the corpus's English Zelensky addresses, in file order as their rank. */
async function candidates(): Promise<ShardMatch[]> {
  const vocabulary = Vocabulary.load({ surfaces: '', terms: '', termOf: [], frequency: [] });
  const files = (await readdir(FOLDER)).sort();
  return Promise.all(
    files.map(async (file, rank) => ({
      doc: { id: file, fingerprint: '', title: file, source: null, date: null, language: 'en' as const, text: await readFile(join(FOLDER, file), 'utf8') },
      score: files.length - rank,
      held: 2,
      source: { postings: Postings.load({ terms: '', offsets: [0], docs: [], weights: [] }), doc: rank, terms: [] },
      vocabulary,
    })),
  );
}

describe('checkPhrases', () => {
  it('fills the page with the best candidates holding the phrase, and estimates the count past its reading allowance', async () => {
    const ranked = await candidates();
    const phrase = [['the', 'people']];
    const exact = checkPhrases(ranked, phrase, 5, QueryBudget.unlimited());
    expect(exact.estimated).toBe(false);
    expect(exact.total).toBe(exact.matches.length);
    expect(exact.total).toBeGreaterThan(20);
    expect(exact.total).toBeLessThan(ranked.length);

    const bounded = checkPhrases(ranked, phrase, 5, QueryBudget.unlimited(), 100_000);
    expect(bounded.estimated).toBe(true);
    // The page holds the same best five, whatever is left unread after it.
    expect(bounded.matches.slice(0, 5).map((match) => match.doc.id)).toEqual(exact.matches.slice(0, 5).map((match) => match.doc.id));
    expect(bounded.matches.length).toBeLessThan(exact.total);
    expect(Math.abs(bounded.total - exact.total) / exact.total).toBeLessThan(0.25);
  });

  it('counts exactly when there is no phrase to check', async () => {
    const ranked = await candidates();
    expect(checkPhrases(ranked, [], 5, QueryBudget.unlimited())).toEqual({ matches: ranked, total: ranked.length, estimated: false });
  });
});
