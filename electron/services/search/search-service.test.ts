import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LibraryService } from '../library/library-service';
import { searchWorkerBundle } from '../test-support/worker-bundle';
import { useTempDirs } from '../test-support/temp-dir';
import { SearchService } from './search-service';

const tempDir = useTempDirs();
const services: SearchService[] = [];
afterEach(async () => {
  await Promise.all(services.splice(0).map((service) => service.close()));
});

async function start() {
  const root = await tempDir();
  await writeFile(join(root, 'a.md'), '---\ntitle: Talks\nlanguage: en\n---\n\nA thirty-day ceasefire was proposed.\n');
  const library = new LibraryService(await tempDir());
  const cache = await tempDir();
  const service = new SearchService(await searchWorkerBundle(), cache, () => undefined);
  services.push(service);
  await service.open(root, (await library.open(root)).briefings);
  await service.idle();
  return { root, library, cache, service };
}

const request = (text: string) => ({ text, filters: {}, limit: 10 });

describe('SearchService (real worker thread)', () => {
  it('indexes in the worker and answers queries with coverage', async () => {
    const { service } = await start();
    const response = await service.search(request('ceasefire '));
    expect(response.results.map((hit) => hit.id)).toEqual(['a.md']);
    expect(response.coverage).toEqual({ searched: 1, total: 1, indexing: false });
    expect(service.status()).toEqual({ searched: 1, total: 1, indexing: false });
  });

  it('makes a new briefing searchable on the next update', async () => {
    const { root, library, service } = await start();
    await writeFile(join(root, 'b.md'), '---\ntitle: Later\nlanguage: en\n---\n\nAn armistice.\n');
    await service.open(root, (await library.open(root)).briefings);
    await service.idle();
    expect((await service.search(request('armistice '))).results.map((hit) => hit.id)).toEqual(['b.md']);
  });

  it('starts a new worker after a crash and reloads the index from its cache', async () => {
    const { service } = await start();
    await (service as unknown as { client: { worker: { terminate(): Promise<number> } } }).client.worker.terminate();
    // The new worker loads the persisted shard in the background; poll as the UI does.
    await expect.poll(async () => (await service.search(request('ceasefire '))).results.map((hit) => hit.id)).toEqual(['a.md']);
  });
});
