import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import lunr from 'lunr';
import { describe, expect, it } from 'vitest';
import { registerPipelines } from './analysis';
import { buildShard, serialiseShard } from './shard';
import { loadIndex } from './lunr-terms';

const CORPUS = join(__dirname, '../../../../shared/corpus/briefings/usgov');
const FILES = [
  '2022-02-24_state_secretary-antony-j-blinken-on-abc-world-news-tonight-with-da.md',
  '2022-02-24_whitehouse_remarks-by-president-biden-on-russias-unprovoked-and-unjusti.md',
];

describe('Lunr index without its token trie', () => {
  it('answers exact-term queries as Lunr’s own loader does, with or without the term in the index', async () => {
    const docs = await Promise.all(
      FILES.map(async (id) => ({
        id,
        fingerprint: '',
        title: id,
        source: null,
        date: null,
        language: 'en' as const,
        text: await readFile(join(CORPUS, id), 'utf8'),
      })),
    );
    const stored = JSON.parse(JSON.stringify(serialiseShard(buildShard(docs)).indexes.en!.index)) as object;
    registerPipelines();
    const ours = loadIndex(stored);
    const theirs = lunr.Index.load(stored);
    const ask = (index: lunr.Index, terms: string[], presence: lunr.Query.presence) =>
      index.query((query) => terms.forEach((term) => query.term(term, { presence, usePipeline: false }))).map(({ ref, score }) => ({ ref, score }));
    for (const terms of [['blinken'], ['russia', 'sanction'], ['russia', 'notaterm'], ['notaterm']]) {
      for (const presence of [lunr.Query.presence.REQUIRED, lunr.Query.presence.OPTIONAL])
        expect(ask(ours, terms, presence)).toEqual(ask(theirs, terms, presence));
    }
    expect(ask(ours, ['russia'], lunr.Query.presence.REQUIRED)).toHaveLength(2);
  });
});
