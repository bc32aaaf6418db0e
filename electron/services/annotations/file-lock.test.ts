import { readdir, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../test-support/temp-dir';
import { LockTimeoutError, withFileLock } from './file-lock';

const tempDir = useTempDirs();

describe('withFileLock', () => {
  it('runs tasks on one file one at a time and removes the lock after', async () => {
    const dir = await tempDir();
    const path = join(dir, 'x.md.json');
    let inside = 0;
    let most = 0;
    await Promise.all(
      Array.from({ length: 10 }, () =>
        withFileLock(path, async () => {
          most = Math.max(most, ++inside);
          await new Promise((resolve) => setTimeout(resolve, 2));
          inside--;
        }),
      ),
    );
    expect(most).toBe(1);
    expect(await readdir(dir)).toEqual([]);
  });

  it('breaks a lock left by a crashed program, and waits out a live one until its timeout', async () => {
    const dir = await tempDir();
    const path = join(dir, 'x.md.json');
    const lock = join(dir, '.x.md.json.lock');
    await writeFile(lock, 'someone');
    await expect(withFileLock(path, async () => 'ran', { timeoutMs: 100 })).rejects.toBeInstanceOf(LockTimeoutError);
    const old = new Date(Date.now() - 60_000);
    await utimes(lock, old, old);
    expect(await withFileLock(path, async () => 'ran', { timeoutMs: 100 })).toBe('ran');
  });
});
