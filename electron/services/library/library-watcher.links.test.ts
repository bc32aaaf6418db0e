import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../test-support/temp-dir';
import { LibraryWatcher } from './library-watcher';

const tempDir = useTempDirs();

describe('LibraryWatcher and links', () => {
  it('watches nothing behind a link to a folder outside the library', async () => {
    const root = await tempDir();
    const outside = await tempDir();
    await mkdir(join(outside, 'deep', 'deeper'), { recursive: true });
    await writeFile(join(outside, 'deep', 'deeper', 'x.md'), '# Elsewhere');
    await symlink(outside, join(root, 'elsewhere'));
    await writeFile(join(root, 'a.md'), '# A');
    const watcher = new LibraryWatcher(root, () => undefined);
    await watcher.start();
    try {
      // What chokidar holds a watch on, by folder: the link is an entry of the library, never a folder of its own.
      const watched = (watcher as unknown as { watcher: { getWatched(): Record<string, string[]> } }).watcher.getWatched();
      expect(Object.keys(watched).filter((folder) => folder.startsWith(join(root, 'elsewhere')))).toEqual([]);
      expect(watched[root]).toEqual(expect.arrayContaining(['a.md', 'elsewhere']));
    } finally {
      await watcher.close();
    }
  });
});
