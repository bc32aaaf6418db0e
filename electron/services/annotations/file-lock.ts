import { randomBytes } from 'node:crypto';
import { link, lstat, open, readFile, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { hostname } from 'node:os';

export interface LockOptions {
  /** A lock older than this is taken to be left by a program that crashed, whoever held it. */
  staleMs?: number;
  /** How long to wait for another writer before giving up. */
  timeoutMs?: number;
}

export class LockTimeoutError extends Error {}

/** Who holds a lock: written into the lock file, so a waiter can tell a crashed holder at once. */
interface Holder {
  pid: number;
  host: string;
  /** When the lock was taken (ISO), for a person looking at a left-over lock. */
  since: string;
  /** Tells this holding apart from any other by the same process. */
  nonce: string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The lock file beside `path`. */
export const lockPathOf = (path: string): string => join(dirname(path), `.${basename(path)}.lock`);

/** A lock file's name. */
export const isLockName = (name: string): boolean => /^\..+\.lock$/.test(name);

/** A lock moved aside while being broken, left only if the breaker was killed before removing it. */
export const isBrokenLockName = (name: string): boolean => /^\..+\.lock\.[0-9a-f]{12}\.stale$/.test(name);

/**
 * Runs `task` while holding `.<name>.lock` beside `path`, so that read-merge-write cycles of
 * different processes (two windows, two app instances) on one sidecar do not interleave: without
 * it, two writers can both read the old file and the second rename drops the first's work.
 * The lock is a dot-file, created exclusively, and lives only for one write. It names its holder
 * (pid, host), so a lock left by a process that is gone from this machine is taken over at once;
 * one from another machine (a shared drive) only once it is `staleMs` old. The folder must exist.
 */
export async function withFileLock<T>(path: string, task: () => Promise<T>, options: LockOptions = {}): Promise<T> {
  const staleMs = options.staleMs ?? 10_000;
  const deadline = Date.now() + (options.timeoutMs ?? 15_000);
  const lock = lockPathOf(path);
  const holder: Holder = { pid: process.pid, host: hostname(), since: new Date().toISOString(), nonce: randomBytes(8).toString('hex') };
  const token = JSON.stringify(holder);
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
    if (await breakIfAbandoned(lock, staleMs)) continue;
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

/**
 * Removes `lock` if its holder is gone: a process of this machine that no longer runs, or (any
 * holder) a lock older than `staleMs`. True when it was removed, or had gone meanwhile.
 */
export async function breakIfAbandoned(lock: string, staleMs: number): Promise<boolean> {
  let content = '';
  try {
    const info = await lstat(lock);
    // Anything but a file (a FIFO someone put there) is never opened: only its age counts.
    if (info.isFile()) content = await readFile(lock, 'utf8');
    if (!holderGone(content) && Date.now() - info.mtimeMs < staleMs) return false;
  } catch (error) {
    return isGone(error);
  }
  // Renaming first means only one waiter breaks it; the others find it gone and retry.
  const aside = `${lock}.${randomBytes(6).toString('hex')}.stale`;
  try {
    await rename(lock, aside);
  } catch (error) {
    return isGone(error);
  }
  // Between the look and the rename another waiter may have broken it and taken it anew: that live lock goes back.
  if ((await readFile(aside, 'utf8').catch(() => content)) !== content) await link(aside, lock).catch(() => undefined);
  await rm(aside, { force: true });
  return true;
}

const isGone = (error: unknown) => (error as NodeJS.ErrnoException).code === 'ENOENT';

/** True when the lock names a process of this machine that no longer runs. */
function holderGone(content: string): boolean {
  let holder: Partial<Holder>;
  try {
    holder = JSON.parse(content) as Partial<Holder>;
  } catch {
    // Half-written by a holder killed between creating and filling it, or not ours: only age can tell.
    return false;
  }
  if (holder.host !== hostname() || !Number.isInteger(holder.pid) || holder.pid! <= 0) return false;
  try {
    process.kill(holder.pid!, 0);
    return false;
  } catch (error) {
    // EPERM: it runs, under another account.
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}
