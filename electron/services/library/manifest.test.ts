import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BriefingSummary } from '../../common/model';
import { useTempDirs } from '../test-support/temp-dir';
import { LibraryService } from './library-service';
import { MANIFEST_VERSION, ManifestCache } from './manifest';
import { PARSER_VERSION } from './parser-version';

const tempDir = useTempDirs();

const summary: BriefingSummary = {
  id: 'un-general-debate/2022-ukraine-zelenskyy-unga-77-general-debate.md',
  title: 'Statement by Volodymyr Zelenskyy',
  source: 'United Nations General Assembly',
  date: '2022-01-01',
  language: 'en',
  tags: [],
  format: 'markdown',
  sizeBytes: 20_000,
  wordCount: 3000,
  fingerprint: 'f'.repeat(32),
  problem: null,
};

/**
 * Opens a library of one briefing, then rewrites its cached listing row to a stale title under the
 * given version, as an older parser would have left it, and opens the library again.
 */
async function reopenWithCachedTitle(version: (current: string) => unknown): Promise<string> {
  const root = await tempDir();
  const cacheDir = await tempDir();
  await writeFile(join(root, 'readout.md'), '---\ntitle: Readout of the call\n---\n\nThe call covered a ceasefire.\n');
  await new LibraryService(cacheDir).open(root);
  const [file] = await readdir(cacheDir);
  const cached = JSON.parse(await readFile(join(cacheDir, file), 'utf8')) as { version: unknown; entries: Record<string, { summary: BriefingSummary }> };
  cached.version = version(cached.version as string);
  cached.entries['readout.md'].summary.title = 'Title an older parser made';
  await writeFile(join(cacheDir, file), JSON.stringify(cached));
  const snapshot = await new LibraryService(cacheDir).open(root);
  return snapshot.briefings[0].title;
}

describe('ManifestCache', () => {
  it('trusts a listing cached by this version', async () => {
    const cache = new ManifestCache(await tempDir());
    const entries = { [summary.id]: { size: 20_000, mtimeMs: 1, summary: { ...summary, date: '2022-09' } } };
    await cache.save({ version: MANIFEST_VERSION, root: '/library', entries });
    expect((await cache.load('/library')).entries).toEqual(entries);
  });

  it('rebuilds a listing cached under another parser version, so an upgrade shows what the new parser makes of unchanged files', async () => {
    expect(await reopenWithCachedTitle((current) => current.replace(`parser-${PARSER_VERSION}`, `parser-${PARSER_VERSION - 1}`))).toBe('Readout of the call');
    // The same cache under this parser version is trusted: the file is not read again.
    expect(await reopenWithCachedTitle((current) => current)).toBe('Title an older parser made');
  });

  it('rebuilds a listing cached before caches recorded the parser version (version 2 kept stale titles and languages)', async () => {
    expect(await reopenWithCachedTitle(() => 2)).toBe('Readout of the call');
  });
});
