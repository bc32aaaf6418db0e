import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../test-support/temp-dir';
import { writeFileAtomic, writeNewFileSynced } from './atomic-write';

const tempDir = useTempDirs();

describe('writeNewFileSynced', () => {
  it('creates a file but never replaces one', async () => {
    const folder = await tempDir();
    await writeNewFileSynced(join(folder, 'new.md'), '# New');
    expect(await readFile(join(folder, 'new.md'), 'utf8')).toBe('# New');
    await expect(writeNewFileSynced(join(folder, 'new.md'), '# Other')).rejects.toMatchObject({ code: 'EEXIST' });
    expect(await readFile(join(folder, 'new.md'), 'utf8')).toBe('# New');
  });

  it('leaves nothing behind when the write fails', async () => {
    const folder = await tempDir();
    await expect(writeNewFileSynced(join(folder, 'broken.md'), 42 as unknown as string)).rejects.toThrow();
    expect(await readdir(folder)).toEqual([]);
  });
});

describe('writeFileAtomic', () => {
  it('replaces a file whole and leaves no temp file', async () => {
    const folder = await tempDir();
    await writeFile(join(folder, 'notes.json'), '{"old":true}');
    await writeFileAtomic(join(folder, 'notes.json'), '{"new":true}');
    expect(await readFile(join(folder, 'notes.json'), 'utf8')).toBe('{"new":true}');
    expect(await readdir(folder)).toEqual(['notes.json']);
  });
});
