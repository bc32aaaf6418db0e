import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LibraryService } from '../library/library-service';
import { PARSER_VERSION } from '../library/parser-version';
import { useTempDirs } from '../test-support/temp-dir';
import { SearchEngine } from './search-engine';

const tempDir = useTempDirs();

/**
 * Indexes a library of one briefing, rewrites the stored index as an older parser would have left
 * it (another title for the same text, so the same fingerprint) under `version`, reopens it and
 * brings it up to date with the library. Answers the title a search shows.
 */
async function titleAfterUpgrade(version: (current: string) => unknown): Promise<string> {
  const root = await tempDir();
  const cacheDir = await tempDir();
  await writeFile(join(root, 'readout.md'), '---\ntitle: Readout of the call\n---\n\nThe call covered a ceasefire.\n');
  const { briefings } = await new LibraryService(await tempDir()).open(root);
  const first = await SearchEngine.open(root, cacheDir);
  await first.update(briefings);
  await first.idle();

  const [folder] = await readdir(cacheDir);
  for (const file of await readdir(join(cacheDir, folder))) {
    const path = join(cacheDir, folder, file);
    const stored = JSON.parse(await readFile(path, 'utf8')) as { version: unknown; docs?: { title: string }[] };
    if (stored.docs) for (const doc of stored.docs) doc.title = 'Title an older parser made';
    else stored.version = version(stored.version as string);
    await writeFile(path, JSON.stringify(stored));
  }

  const reopened = await SearchEngine.open(root, cacheDir);
  await reopened.update(briefings);
  await reopened.idle();
  return reopened.search({ text: 'ceasefire ', filters: {}, limit: 20 }).results[0].title;
}

describe('search index cache', () => {
  it('rebuilds an index stored under another parser version, so results show what the new parser makes of unchanged files', async () => {
    expect(await titleAfterUpgrade((current) => current.replace(`parser-${PARSER_VERSION}`, `parser-${PARSER_VERSION - 1}`))).toBe('Readout of the call');
    expect(await titleAfterUpgrade(() => 2)).toBe('Readout of the call');
    // Layout 1 stored no page starts for PDFs: an index left by it is rebuilt, so hits in PDFs get their page.
    expect(await titleAfterUpgrade((current) => current.replace(/^\d+\//, '1/'))).toBe('Readout of the call');
    // Under this parser version the stored index is trusted: unchanged text is not indexed again.
    expect(await titleAfterUpgrade((current) => current)).toBe('Title an older parser made');
  });
});
