import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import lunr from 'lunr';
import { describe, expect, it } from 'vitest';
import { analyseWord, configureBuilder, wordSpans } from './analysis';
import { evaluate, holdsTerm } from './evaluate';
import { Postings, type SerialisedPostings } from './postings';
import { buildShard, serialiseShard } from './shard';

const CORPUS = join(__dirname, '../../../../shared/corpus/briefings/usgov');

/** Lunr's index of usgov briefings (built as the app builds it, with Lunr's own query available) and the postings the app keeps of it, stored and read back. */
async function indexes(): Promise<{ ours: Postings; theirs: lunr.Index }> {
  const files = (await readdir(CORPUS)).sort().slice(0, 60);
  const docs = await Promise.all(
    files.map(async (id) => ({
      id,
      fingerprint: '',
      title: id,
      source: null,
      date: null,
      language: 'en' as const,
      text: await readFile(join(CORPUS, id), 'utf8'),
    })),
  );
  const ours = Postings.load(JSON.parse(JSON.stringify(serialiseShard(buildShard(docs)).indexes.en!.postings)) as SerialisedPostings);
  const theirs = lunr(function () {
    configureBuilder(this, (input) => wordSpans(String(input)).flatMap(({ word }) => analyseWord(word, 'en').map(({ term }) => new lunr.Token(term, {}))));
    this.ref('ref');
    this.field('title', { boost: 3 });
    this.field('body');
    docs.forEach((doc, position) => this.add({ ref: String(position), title: doc.title, body: doc.text }));
  });
  return { ours, theirs };
}

/** Lunr's own answer: refs best first, and each score. */
function lunrAnswer(index: lunr.Index, terms: string[], presence: lunr.Query.presence, excluded: string[] = []) {
  return index.query((query) => {
    for (const term of terms) query.term(term, { presence, usePipeline: false });
    for (const term of excluded) query.term(term, { presence: lunr.Query.presence.PROHIBITED, usePipeline: false });
  });
}

describe('evaluate: queries answered from the index data without Lunr’s query', () => {
  it('finds the same briefings as Lunr and ranks them the same, for required, optional and excluded terms', async () => {
    const { ours, theirs } = await indexes();
    const cases: { mode: 'all' | 'any'; terms: string[]; excluded?: string[] }[] = [
      { mode: 'all', terms: ['blinken'] },
      { mode: 'all', terms: ['russia', 'sanction'] },
      { mode: 'all', terms: ['russia', 'sanction'], excluded: ['belaru'] },
      { mode: 'any', terms: ['oligarch', 'yacht', 'belaru'] },
      { mode: 'all', terms: ['russia', 'notaterm'] },
    ];
    for (const { mode, terms, excluded = [] } of cases) {
      const presence = mode === 'all' ? lunr.Query.presence.REQUIRED : lunr.Query.presence.OPTIONAL;
      const expected = lunrAnswer(theirs, terms, presence, excluded);
      const got = evaluate(ours, { mode, required: terms, typed: null, excluded }).sort((a, b) => b.score - a.score);
      expect(new Set(got.map((match) => String(match.doc))), terms.join(' ')).toEqual(new Set(expected.map((result) => result.ref)));
      // Lunr divides every score of one query by the query's length; the order is what a person sees.
      const lunrScore = new Map(expected.map((result) => [result.ref, result.score]));
      for (let i = 1; i < got.length; i++) expect(lunrScore.get(String(got[i - 1].doc))! + 1e-3).toBeGreaterThanOrEqual(lunrScore.get(String(got[i].doc))!);
    }
    expect(evaluate(ours, { mode: 'all', required: ['russia'], typed: null, excluded: [] }).length).toBeGreaterThan(30);
  });

  it('needs one of the typed word’s terms under all, counts words held under any, and says which terms a result holds', async () => {
    const { ours } = await indexes();
    const typed = evaluate(ours, { mode: 'all', required: ['russia'], typed: ['sanction', 'oligarch'], excluded: [] });
    const either = new Set([
      ...evaluate(ours, { mode: 'all', required: ['russia', 'sanction'], typed: null, excluded: [] }).map((match) => match.doc),
      ...evaluate(ours, { mode: 'all', required: ['russia', 'oligarch'], typed: null, excluded: [] }).map((match) => match.doc),
    ]);
    expect(new Set(typed.map((match) => match.doc))).toEqual(either);
    expect(evaluate(ours, { mode: 'all', required: ['russia'], typed: ['notaterm'], excluded: [] })).toEqual([]);

    const any = evaluate(ours, { mode: 'any', required: ['blinken', 'yellen', 'notaterm'], typed: null, excluded: [] });
    for (const match of any) {
      const holds = ['blinken', 'yellen'].filter((term) => holdsTerm(ours, term, match.doc)).length;
      expect(match.held).toBe(holds);
      expect(holds).toBeGreaterThan(0);
    }
  });
});
