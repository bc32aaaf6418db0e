import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readdir, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../test-support/temp-dir';
import { LockTimeoutError, withFileLock } from './file-lock';

const tempDir = useTempDirs();

/** Starts a real process that takes the lock of `path` and holds it; resolves once it holds it. */
async function lockHolder(path: string) {
  const script = fileURLToPath(new URL('./lock-holder.fixture.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', script, path], { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = once(child, 'exit');
  let said = '';
  for await (const chunk of child.stdout) {
    said += String(chunk);
    if (said.includes('locked')) break;
  }
  if (!said.includes('locked')) throw new Error(`the lock holder stopped before taking the lock (${await exited})`);
  return { child, exited };
}

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

  it('takes over at once a lock whose holder was killed, and waits for one whose holder runs', async () => {
    const dir = await tempDir();
    const path = join(dir, 'x.md.json');
    // Neither lock is old: only who holds it can tell them apart.
    const options = { staleMs: 3_600_000, timeoutMs: 5_000 };
    const holder = await lockHolder(path);
    try {
      await expect(withFileLock(path, async () => 'ran', { ...options, timeoutMs: 300 })).rejects.toBeInstanceOf(LockTimeoutError);
    } finally {
      holder.child.kill('SIGKILL');
      await holder.exited;
    }
    expect(await readdir(dir)).toEqual(['.x.md.json.lock']);
    expect(await withFileLock(path, async () => 'ran', options)).toBe('ran');
    expect(await readdir(dir)).toEqual([]);
  });

  it('breaks a lock of unknown holding (another machine, another program) once it is stale', async () => {
    const dir = await tempDir();
    const path = join(dir, 'x.md.json');
    const lock = join(dir, '.x.md.json.lock');
    await writeFile(lock, JSON.stringify({ pid: 1, host: 'another-machine', since: new Date().toISOString(), nonce: 'x' }));
    await expect(withFileLock(path, async () => 'ran', { timeoutMs: 100 })).rejects.toBeInstanceOf(LockTimeoutError);
    const old = new Date(Date.now() - 60_000);
    await utimes(lock, old, old);
    expect(await withFileLock(path, async () => 'ran', { timeoutMs: 100 })).toBe('ran');
  });
});
