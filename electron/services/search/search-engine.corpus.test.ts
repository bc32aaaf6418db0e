import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchRequest, SearchResponse } from '../../common/search-model';
import { LibraryService } from '../library/library-service';
import { SearchEngine } from './search-engine';

/** The shared corpus's briefings (304: US government, Zelensky in English and Ukrainian, UN debate speeches). */
const CORPUS = join(__dirname, '../../../../shared/corpus/briefings');
const FOLDERS = ['usgov', 'zelensky-en', 'zelensky-uk', 'un-debate'];

let root = '';
const scratch: string[] = [];
let engine: SearchEngine;

async function tempFolder(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'briefing-corpus-'));
  scratch.push(dir);
  return dir;
}

// One library for the whole file: indexing the corpus takes a while, and no test changes it.
beforeAll(async () => {
  root = await tempFolder();
  for (const folder of FOLDERS) await cp(join(CORPUS, folder), join(root, folder), { recursive: true });
  const { briefings } = await new LibraryService(await tempFolder()).open(root);
  engine = await SearchEngine.open(root, await tempFolder());
  await engine.update(briefings);
}, 300_000);

afterAll(async () => {
  await Promise.all(scratch.map((dir) => rm(dir, { recursive: true, force: true })));
});

const search = (text: string, extra: Partial<SearchRequest> = {}): SearchResponse => engine.search({ text, filters: {}, limit: 10, ...extra });
const everything = (text: string) => search(text, { limit: 1000 });
const fileText = (id: string) => readFile(join(root, id), 'utf8');

describe('search on the corpus', () => {
  it.each(['negotiations', 'security', 'sanctions', 'окупації', 'переговорів'])('never loses or regains results while %s is typed letter by letter', (word) => {
    const states = Array.from({ length: word.length - 2 }, (_, i) => word.slice(0, i + 3)).concat(`${word} `);
    const counts = states.map((text) => search(text).total);
    expect(counts.every((count) => count > 0)).toBe(true);
    // Each count is at most the one before it: typing a letter only narrows.
    expect(counts.map((count, i) => i === 0 || count <= counts[i - 1])).toEqual(counts.map(() => true));
  });

  it.each([
    ['permaennt', 'permanent'],
    ['equalky', 'equally'],
    ['переговрів', 'переговорів'],
  ])('corrects the typo %s to %s and says so', (typed, meant) => {
    const response = search(`${typed} `);
    expect(response.match).toBe('corrected');
    expect(response.corrections).toEqual([{ from: typed, to: meant }]);
    expect(response.notices).toContain(`Showing results for “${meant}”.`);
    expect(response.total).toBe(search(`${meant} `).total);
    expect(response.total).toBeGreaterThan(0);
    // Typed to its end without a space, the word cannot be a beginning of any word, and is corrected the same.
    expect(search(typed).corrections).toEqual([{ from: typed, to: meant }]);
  });

  it('answers words no briefing holds together with the closest matches, most words first', async () => {
    const response = everything('blinken abc interview muir ');
    expect(response.match).toBe('closest');
    expect(response.notices).toContain('No briefing has all the words; closest matches.');
    const top = (await fileText(response.results[0].id)).toLowerCase();
    // The top result holds three of the four words (no briefing holds all four).
    expect(['blinken', 'abc', 'interview', 'muir'].filter((word) => top.includes(word))).toHaveLength(3);
  });

  it('says which words it corrected when even the corrected words are not all in one briefing', () => {
    const response = search('permaennt zyxwvutsr ');
    expect(response.match).toBe('closest');
    expect(response.corrections).toEqual([{ from: 'permaennt', to: 'permanent' }]);
    expect(response.total).toBe(search('permanent ').total);
  });

  it('keeps excluded words out of the closest matches', async () => {
    const all = everything('blinken abc interview muir ').results.map((hit) => hit.id);
    const without = everything('blinken abc interview muir -sanctions ');
    expect(without.match).toBe('closest');
    const holding = await Promise.all(all.map(async (id) => /sanction/i.test(await fileText(id))));
    expect(holding).toContain(true);
    for (const hit of without.results) expect(await fileText(hit.id)).not.toMatch(/sanction/i);
    expect(without.total).toBe(holding.filter((holds) => !holds).length);
  });

  it('answers a query in two languages', () => {
    const response = search('Zelensky переговори ');
    expect(response.total).toBeGreaterThan(0);
  });

  // Truth counted with grep over the corpus files, word-exact as a phrase is:
  // grep -rlP "(?i)прем['’ʼ]єр-міністр(?![\p{L}\p{N}])" gives 13; "(?i)\blend-lease\b" 5; "(?i)twenty-fourth\s+drawdown" 1.
  it.each([
    [`"прем'єр-міністр"`, 13],
    ['"прем’єр-міністр"', 13],
    ['"премʼєр-міністр"', 13],
    ['"lend-lease"', 5],
    ['"Lend‑Lease"', 5],
    ['"twenty-fourth drawdown"', 1],
  ])('finds the phrase %s in every briefing holding it', (query, briefings) => {
    const response = everything(query);
    expect([response.match, response.total, response.results.length]).toEqual(['all', briefings, briefings]);
  });

  it('finds a briefing by a phrase copied from its title, with its typographic apostrophe or a plain one', () => {
    const title = 'Statement by the President on the United Nations General Assembly Vote Condemning Russia’s Aggression Against Ukraine';
    const id = 'usgov/2022-03-02_whitehouse_statement-by-the-president-on-the-united-nations-general-ass.md';
    for (const typed of [title, title.replace('’', "'")]) {
      const response = search(`"${typed}"`);
      expect(response.results.map((hit) => hit.id)).toContain(id);
      expect(response.match).toBe('all');
    }
  });
});
