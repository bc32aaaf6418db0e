import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SearchRequest } from '../../common/search-model';
import { LibraryService } from '../library/library-service';
import { useTempDirs } from '../test-support/temp-dir';
import { QueryBudget } from './query-budget';
import { SearchEngine } from './search-engine';

const tempDir = useTempDirs();

const BRIEFINGS: Record<string, string> = {
  'readout.md': `---\ntitle: Readout of the London talks\nsource: White House\ndate: 2025-04-24\nlanguage: en\n---\n\nThe United States proposed a 30-day cease-fire. Ukraine's negotiators agreed to 22 concrete actions.\nThe US and the WHO discussed humanitarian corridors.\n`,
  'sanctions.md': `---\ntitle: Sanctions fact sheet\nsource: Treasury\ndate: 2022-12-02\nlanguage: en\n---\n\nThe price cap limits Russia's oil revenue. Negotiations on a ceasefire are not part of this measure.\n`,
  'zvernennia.md': `---\ntitle: Звернення Президента\nsource: Офіс Президента\ndate: 2022-03-19\nlanguage: uk\n---\n\nЗмістовні переговори про мир і безпеку для України – єдиний шанс для Росії. Ми говоримо про припинення вогню.\n`,
  'rus.md': `---\ntitle: Заявление\nsource: МИД\ndate: 2022-09-24\nlanguage: ru\n---\n\nПереговоры о прекращении огня возможны только при условии.\n`,
};

async function setup(files: Record<string, string> = BRIEFINGS) {
  const root = await tempDir();
  for (const [name, text] of Object.entries(files)) await writeFile(join(root, name), text);
  const cache = await tempDir();
  const library = new LibraryService(await tempDir());
  const engine = await SearchEngine.open(root, cache);
  const snapshot = await library.open(root);
  await engine.update(snapshot.briefings);
  const search = (text: string, extra: Partial<SearchRequest> = {}) => engine.search({ text, filters: {}, limit: 20, ...extra });
  const ids = (text: string, extra: Partial<SearchRequest> = {}) =>
    search(text, extra)
      .results.map((hit) => hit.id)
      .sort();
  return { root, cache, library, engine, search, ids };
}

describe('SearchEngine', () => {
  it('requires every word and ranks title matches', async () => {
    const { ids, search } = await setup();
    expect(ids('ceasefire oil ')).toEqual(['sanctions.md']);
    // Porter stems negotiators and negotiations alike.
    expect(ids('ceasefire negotiations ')).toEqual(['readout.md', 'sanctions.md']);
    expect(ids('london talks ')).toEqual(['readout.md']);
    expect(search('ceasefire ').results.length).toBe(2);
  });

  it('finds hyphenated compounds, possessives and short capitalised words', async () => {
    const { ids } = await setup();
    expect(ids('ceasefire ')).toEqual(['readout.md', 'sanctions.md']);
    expect(ids('cease-fire ')).toEqual(['readout.md', 'sanctions.md']);
    // Names are one term in every spelling: the Ukrainian briefing's України is Ukraine too.
    expect(ids('Ukraine ')).toEqual(['readout.md', 'zvernennia.md']);
    expect(ids('Ukraine’s ')).toEqual(['readout.md', 'zvernennia.md']);
    expect(ids('US WHO ')).toEqual(['readout.md']);
    expect(ids('30-day ')).toEqual(['readout.md']);
  });

  it('stems Ukrainian and Russian by the briefing language', async () => {
    const { ids } = await setup();
    // Each word is stemmed by its own language's stemmer (which of the two shares a root is analysis's to say).
    expect(ids('переговорів ')).toContain('zvernennia.md');
    expect(ids('переговоров ')).toContain('rus.md');
    expect(ids('безпеці ')).toEqual(['zvernennia.md']);
    expect(ids('огня ')).toEqual(['rus.md']);
  });

  it('matches the word being typed as a prefix, and phrases word for word', async () => {
    const { ids, search } = await setup();
    expect(ids('humanitar')).toEqual(['readout.md']);
    expect(ids('concrete act')).toEqual(['readout.md']);
    // Longer than the stem (`negoti`) and still a beginning of the words the index holds.
    expect(ids('negotiat')).toEqual(['readout.md', 'sanctions.md']);
    expect(ids('"22 concrete actions"')).toEqual(['readout.md']);
    // The words out of order are no match for the phrase, only the closest there is, said to be.
    expect(search('"concrete 22 actions"').match).toBe('closest');
  });

  it('excludes words with a minus', async () => {
    const { ids } = await setup();
    expect(ids('ceasefire -oil ')).toEqual(['readout.md']);
  });

  it('corrects misspelt words to the library words nearest them and says so', async () => {
    const { search } = await setup();
    const response = search('humanitarain coridors ');
    expect(response.match).toBe('corrected');
    expect(response.corrections).toEqual([
      { from: 'humanitarain', to: 'humanitarian' },
      { from: 'coridors', to: 'corridors' },
    ]);
    expect(response.results.map((hit) => hit.id)).toEqual(['readout.md']);
    expect(response.notices).toContain('Showing results for “humanitarian corridors”.');
    // Asked for the words as typed, nothing is corrected.
    const exact = search('humanitarain coridors ', { exact: true });
    expect([exact.match, exact.results.length]).toEqual(['all', 0]);
  });

  it('filters by source, language and date range', async () => {
    const { ids } = await setup();
    expect(ids('ceasefire ', { filters: { sources: ['Treasury'] } })).toEqual(['sanctions.md']);
    expect(ids('ceasefire ', { filters: { dateFrom: '2025' } })).toEqual(['readout.md']);
    expect(ids('ceasefire ', { filters: { dateTo: '2022-12-31' } })).toEqual(['sanctions.md']);
    expect(ids('мир ', { filters: { languages: ['ru'] } })).toEqual([]);
  });

  it('cuts a snippet around the best match with the matched words marked', async () => {
    const { search } = await setup();
    const [hit] = search('concrete actions ').results;
    const marked = hit.snippet.filter((part) => part.hit).map((part) => part.text);
    expect(marked).toEqual(['concrete', 'actions']);
    expect(hit.snippet.map((part) => part.text).join('')).toContain('agreed to 22 concrete actions');
    expect(hit.hitWords.sort()).toEqual(['actions', 'concrete']);
  });

  it('answers a query past its deadline with what it found by then, and says so', async () => {
    const { engine } = await setup();
    const response = engine.search({ text: 'ceasefire ', filters: {}, limit: 20 }, new QueryBudget(-1));
    expect(response.refused).toBeNull();
    expect(response.stopped).toBe('deadline');
    expect(response.results).toEqual([]);
    expect(response.notices).toContain('Search took too long: showing the first 0 results found.');
  });

  it('drops a query that a newer one has superseded', async () => {
    const { engine } = await setup();
    const response = engine.search({ text: 'ceasefire ', filters: {}, limit: 20 }, new QueryBudget(60_000, () => true));
    expect(response.stopped).toBe('superseded');
    expect(response.notices).toContain('A newer search took over.');
  });

  it('matches phrases across possessives and apostrophes, but not inside a compound', async () => {
    const { ids, search } = await setup();
    expect(ids('"Ukraine’s negotiators agreed"')).toEqual(['readout.md']);
    expect(ids('"actions the US"')).toEqual(['readout.md']);
    expect(search('"cease fire"').match).toBe('closest');
  });

  it('marks the words the typed beginning expanded to, and says when only the title matched', async () => {
    const { search } = await setup();
    const [hit] = search('negotiat', { filters: { sources: ['Treasury'] } }).results;
    expect(hit.snippet.filter((part) => part.hit).map((part) => part.text)).toEqual(['Negotiations']);
    expect(hit.titleOnly).toBe(false);
    const [titleHit] = search('London ').results;
    expect(titleHit.titleOnly).toBe(true);
    expect(titleHit.snippet.some((part) => part.hit)).toBe(false);
  });

  it('marks the whole compound when one of its parts matched', async () => {
    const { search } = await setup();
    const [hit] = search('30-day ').results;
    expect(hit.snippet.filter((part) => part.hit).map((part) => part.text)).toEqual(['30-day']);
  });

  it('returns a result or a plain refusal for anything a person can type', async () => {
    const { search } = await setup();
    const fuzz = [
      'title:',
      ':',
      '~',
      '^',
      '*',
      '-',
      '+',
      '--help',
      'foo~x',
      'a*',
      '*tion',
      'https://www.state.gov/ceasefire?x=1#y',
      '9:30',
      '',
      'x'.repeat(10_000),
      '😀🇺🇦',
      'שלום',
      'a\0b',
      '\uD800ceasefire\uDFFF',
      'ceasefire^10',
      'body:ceasefire',
    ];
    for (const text of fuzz) {
      const response = search(text);
      expect(Array.isArray(response.results)).toBe(true);
      if (text.startsWith('*')) expect(response.refused).toMatch(/cannot start with \*/);
    }
    // Searched as the words they hold: no briefing holds them all, some hold the closest.
    expect(search('https://www.state.gov/ceasefire').match).toBe('closest');
    expect(search('body:ceasefire').match).toBe('closest');
  });

  it('takes an added, a changed and a removed briefing without a full rebuild', async () => {
    const { root, library, engine, ids } = await setup();
    await writeFile(join(root, 'new.md'), '---\ntitle: New readout\nlanguage: en\n---\n\nAn armistice was discussed.\n');
    await writeFile(join(root, 'sanctions.md'), '---\ntitle: Sanctions fact sheet\nsource: Treasury\nlanguage: en\n---\n\nNothing about truces here.\n');
    await rm(join(root, 'rus.md'));
    await engine.update((await library.open(root)).briefings);
    expect(ids('armistice ')).toEqual(['new.md']);
    expect(ids('ceasefire ')).toEqual(['readout.md']);
    expect(ids('truces ')).toEqual(['sanctions.md']);
    expect(ids('огня ')).toEqual([]);
    expect(engine.coverage()).toEqual({ searched: 4, total: 4, indexing: false });
  });

  it('reopens from its cache without reading the briefings again', async () => {
    const { root, cache } = await setup();
    await rm(join(root, 'readout.md'));
    const reopened = await SearchEngine.open(root, cache);
    await reopened.idle();
    // The file is gone from disk, but the persisted index still answers until the next update.
    expect(reopened.search({ text: 'London ', filters: {}, limit: 5 }).results.map((hit) => hit.id)).toEqual(['readout.md']);
    // The vocabulary is stored with the index: type-ahead and corrections work without a rebuild.
    expect(reopened.search({ text: 'negotiat', filters: {}, limit: 5 }).total).toBe(2);
    expect(reopened.search({ text: 'humanitarain ', filters: {}, limit: 5 }).corrections).toEqual([{ from: 'humanitarain', to: 'humanitarian' }]);
  });

  it('answers during a build over the shards that are ready, and says how much that is', async () => {
    const root = await tempDir();
    for (let i = 0; i < 1500; i++) {
      const folder = join(root, `batch-${Math.floor(i / 500)}`);
      await mkdir(folder, { recursive: true });
      await writeFile(
        join(folder, `b${i}.md`),
        `---\ntitle: Briefing ${i}\ndate: 2020-01-${String((i % 28) + 1).padStart(2, '0')}\n---\n\nword${i} common text\n`,
      );
    }
    const briefings = (await new LibraryService(await tempDir()).open(root)).briefings;
    const seen: number[] = [];
    const engine = await SearchEngine.open(root, await tempDir(), { onCoverage: (coverage) => seen.push(coverage.searched), shardSize: 500 });
    const building = engine.update(briefings);
    await new Promise<void>((resolve) => {
      const poll = () => (engine.coverage().searched > 0 ? resolve() : setImmediate(poll));
      poll();
    });
    const partial = engine.search({ text: 'common ', filters: {}, limit: 5 });
    expect(partial.coverage.indexing).toBe(true);
    expect(partial.coverage.searched).toBeLessThan(1500);
    expect(partial.total).toBe(partial.coverage.searched);
    await building;
    expect(engine.search({ text: 'common ', filters: {}, limit: 5 }).total).toBe(1500);
    expect(seen.filter((count, i) => i === 0 || count !== seen[i - 1]).length).toBeGreaterThanOrEqual(3);
  }, 60_000);
});
