import { mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname, basename, join } from 'node:path';
import { randomBytes } from 'node:crypto';

/**
 * Creates `path` (never replacing anything there) with `data`, flushed to disk, so that a rename
 * or link of it afterwards publishes whole content. On failure (a full disk) nothing is left.
 */
export async function writeNewFileSynced(path: string, data: string | Uint8Array): Promise<void> {
  const handle = await open(path, 'wx');
  try {
    await handle.writeFile(data);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await rm(path, { force: true });
    throw error;
  }
  await handle.close();
}

/**
 * Writes a file so that readers see either the old content or the new, never half of it:
 * write a temp file beside the target, flush it to disk, then rename over the target.
 * The temp file is removed if anything fails.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeNewFileSynced(temp, data);
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/**
 * A temp file `writeFileAtomic` makes and removes: left behind only when the writer was killed
 * mid-write. Nothing else is named so (a dot, the target's name, twelve hex digits, `.tmp`).
 */
export const isAtomicTempName = (name: string): boolean => /^\..+\.[0-9a-f]{12}\.tmp$/.test(name);
