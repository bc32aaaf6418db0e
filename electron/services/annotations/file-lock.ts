import { randomBytes } from 'node:crypto';
import { open, readFile, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { hostname } from 'node:os';

export interface LockOptions {
  /** A lock older than this is taken to be left by a program that crashed. */
  staleMs?: number;
  /** How long to wait for another writer before giving up. */
  timeoutMs?: number;
}

export class LockTimeoutError extends Error {}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `task` while holding `.<name>.lock` beside `path`, so that read-merge-write cycles of
 * different processes (two windows, two app instances) on one sidecar do not interleave: without
 * it, two writers can both read the old file and the second rename drops the first's work.
 * The lock is a dot-file, created exclusively, and lives only for one write. The folder must exist.
 */
export async function withFileLock<T>(path: string, task: () => Promise<T>, options: LockOptions = {}): Promise<T> {
  const staleMs = options.staleMs ?? 10_000;
  const deadline = Date.now() + (options.timeoutMs ?? 15_000);
  const lock = join(dirname(path), `.${basename(path)}.lock`);
  const token = `${process.pid}@${hostname()} ${randomBytes(8).toString('hex')}`;
  for (let wait = 2; ; wait = Math.min(wait * 2, 50)) {
    try {
      const handle = await open(lock, 'wx');
      try {
        await handle.writeFile(token);
      } finally {
        await handle.close();
      }
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    await breakIfStale(lock, staleMs);
    if (Date.now() > deadline) throw new LockTimeoutError(`${lock} is held by another program`);
    await sleep(wait + Math.random() * wait);
  }
  try {
    return await task();
  } finally {
    // Only remove the lock if it is still ours (it may have been broken as stale and retaken).
    if ((await readFile(lock, 'utf8').catch(() => null)) === token) await rm(lock, { force: true });
  }
}

async function breakIfStale(lock: string, staleMs: number): Promise<void> {
  try {
    const info = await stat(lock);
    if (Date.now() - info.mtimeMs < staleMs) return;
    // Renaming first means only one waiter breaks it; the others find it gone and retry.
    const aside = `${lock}.${randomBytes(6).toString('hex')}.stale`;
    await rename(lock, aside);
    await rm(aside, { force: true });
  } catch {
    // Gone already: the next attempt will take it.
  }
}
