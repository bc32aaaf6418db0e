import { rmSync } from 'node:fs';
import { realpath, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { useTempDirs } from '../test-support/temp-dir';

/** Paths to delete from the disk at the moment the library service starts reading them. */
const vanishing = vi.hoisted(() => new Set<string>());

vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>();
  return {
    ...real,
    open: (async (path: Parameters<typeof real.open>[0], ...rest: [Parameters<typeof real.open>[1]?, Parameters<typeof real.open>[2]?]) => {
      if (typeof path === 'string' && vanishing.has(path)) rmSync(path);
      return real.open(path, ...rest);
    }) as typeof real.open,
  };
});

const { LibraryService } = await import('./library-service');
const tempDir = useTempDirs();

describe('a file deleted while the library is read', () => {
  it('is listed with a clear reason, and the rest of the library is read', async () => {
    const root = await tempDir();
    await writeFile(join(root, 'stays.md'), '# Stays');
    await writeFile(join(root, 'goes.md'), '# Goes');
    // The reader opens a file by its real path, once it has checked it is inside the library.
    vanishing.add(join(await realpath(root), 'goes.md'));
    const snapshot = await new LibraryService(join(await tempDir(), 'cache')).open(root);
    const byId = Object.fromEntries(snapshot.briefings.map((briefing) => [briefing.id, briefing]));
    expect(byId['stays.md'].problem).toBeNull();
    expect(byId['goes.md'].problem).toMatchObject({ code: 'vanished', severity: 'error', message: 'This file was removed while the library was being read.' });
  });
});
