import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchResponse } from '../../common/search-model';
import { LibraryService } from '../library/library-service';
import { STALLING_QUERY } from '../test-support/stalling-query';
import { searchWorkerBundle, stallingSearchWorkerBundle } from '../test-support/worker-bundle';
import { useTempDirs } from '../test-support/temp-dir';
import { SearchService } from './search-service';

/**
 * Frequent words in very long briefings once kept the search worker busy for minutes, and every
 * query after them was answered "busy". These run the real worker on a 10 MB briefing of real
 * debate text and a 2 MB file of one line.
 */
const UN_DEBATE = fileURLToPath(new URL('../../../../shared/corpus/briefings/un-debate/', import.meta.url));
const available = existsSync(UN_DEBATE);
if (!available) console.log(`search lock-up tests: skipped, the corpus folder ${UN_DEBATE} is missing`);

const tempDir = useTempDirs();
const request = (text: string) => ({ text, filters: {}, limit: 50 });
const SMALL = '---\ntitle: Talks\nlanguage: en\n---\n\nA thirty-day ceasefire was proposed in Reykjavik.\n';

/** Bodies of the real debate statements, front matter dropped. */
async function debateBodies(): Promise<string[]> {
  const names = (await readdir(UN_DEBATE)).filter((name) => name.endsWith('.md')).sort();
  return Promise.all(names.map(async (name) => (await readFile(join(UN_DEBATE, name), 'utf8')).replace(/^---\n[\s\S]*?\n---\n/, '')));
}

/** Real text repeated to at least `chars` characters. */
function repeatTo(bodies: readonly string[], chars: number): string {
  const parts: string[] = [];
  for (let length = 0, i = 0; length < chars; i++) {
    parts.push(bodies[i % bodies.length]);
    length += bodies[i % bodies.length].length + 1;
  }
  return parts.join('\n');
}

async function library(files: Record<string, string>): Promise<{ root: string; briefings: Awaited<ReturnType<LibraryService['open']>>['briefings'] }> {
  const root = await tempDir();
  for (const [name, text] of Object.entries(files)) await writeFile(join(root, name), text);
  const { briefings } = await new LibraryService(await tempDir()).open(root);
  return { root, briefings };
}

describe.skipIf(!available)('search on very long briefings (real worker thread)', () => {
  let service: SearchService;

  beforeAll(async () => {
    const bodies = await debateBodies();
    const { root, briefings } = await library({
      'long.md': `---\ntitle: Ten megabytes of debate\nlanguage: en\n---\n\n${repeatTo(bodies, 9_900_000)}`,
      'one-line.txt': repeatTo(bodies, 2_000_000).replace(/\s+/g, ' '),
      'talks.md': SMALL,
    });
    expect(briefings.map((briefing) => [briefing.id, briefing.problem])).toEqual([
      ['long.md', null],
      ['one-line.txt', null],
      ['talks.md', null],
    ]);
    service = new SearchService(await searchWorkerBundle(), await tempDir(), () => undefined);
    await service.open(root, briefings);
    await service.idle();
  }, 600_000);
  afterAll(() => service?.close());

  it('answers frequent words, each in turn, and then the next query correctly', async () => {
    const answered: string[] = [];
    const ask = (text: string) =>
      service.search(request(text)).then((response) => {
        answered.push(text);
        return response;
      });
    // Typed one after another, as a person does: no query waits for the one before.
    const frequent = ['the', 'a', 'word'].map(ask);
    const normal = ask('reykjavik ceasefire ');

    for (const response of await Promise.all(frequent)) {
      expect(response.refused).toBeNull();
      expect([null, 'superseded', 'deadline']).toContain(response.stopped);
      if (response.stopped) expect(response.notices.join(' ')).toMatch(/newer search took over|took too long: showing the first \d+ results/);
    }
    const answer = await normal;
    expect(answer.stopped).toBeNull();
    expect(answer.results.map((hit) => hit.id)).toEqual(['talks.md']);
    expect(answer.results[0].snippet.filter((part) => part.hit).map((part) => part.text)).toEqual(['ceasefire', 'Reykjavik']);
    expect(answered).toEqual(['the', 'a', 'word', 'reykjavik ceasefire ']);
  }, 120_000);

  it('finds the frequent word in both long files, marked in a short snippet', async () => {
    const response: SearchResponse = await service.search(request('people '));
    expect(response.refused).toBeNull();
    expect(response.results.map((hit) => hit.id).sort()).toEqual(['long.md', 'one-line.txt']);
    for (const hit of response.results) {
      expect(hit.snippet.filter((part) => part.hit).map((part) => part.text.toLowerCase())).toContain('people');
      expect(hit.snippet.map((part) => part.text).join('').length).toBeLessThan(1000);
      expect(hit.hitWords.length).toBeGreaterThan(0);
    }
  }, 120_000);
});

describe('a search worker stuck in a query', () => {
  it('is restarted on its persisted index, the person told, and the next query answered', async () => {
    const { root, briefings } = await library({ 'talks.md': SMALL });
    const cache = await tempDir();
    const logged: string[] = [];
    const service = new SearchService(await stallingSearchWorkerBundle(), cache, (message) => logged.push(message), { deadlineMs: 50, stuckGraceMs: 50 });
    try {
      await service.open(root, briefings);
      await service.idle();

      const stuck = service.search(request(STALLING_QUERY));
      const next = service.search(request('ceasefire '));
      const stopped = await stuck;
      expect(stopped.stopped).toBe('restarted');
      expect(stopped.refused).toMatch(/^Search was restarted/);
      // Asked again of the new worker, which loads the index from its cache rather than from the briefings.
      const answer = await next;
      expect(answer.refused).toBeNull();
      await expect.poll(async () => (await service.search(request('ceasefire '))).results.map((hit) => hit.id)).toEqual(['talks.md']);
      expect(logged).toContain('search worker stuck in a query: restarting it');
    } finally {
      await service.close();
    }
  }, 60_000);
});
