import { lstat, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { isAtomicTempName } from '../fs/atomic-write';
import { conflictBaseOf, isSidecarName } from './conflict-copies';
import { breakIfAbandoned, isBrokenLockName, isLockName } from './file-lock';
import { annotationsRoot, briefingIdOf, leadsOutside } from './paths';

/** One briefing's files in the annotations folder: its sidecar (which may be absent) and any conflict copies. */
export interface SidecarGroup {
  briefingId: string;
  path: string;
  exists: boolean;
  conflicts: string[];
}

/**
 * Calls `visit` with every regular file under the annotations folder, dot-files included. Links
 * are not followed, and a folder that leads out of the library through a link is not walked at
 * all; a missing folder has no files.
 */
async function walkAnnotationFiles(libraryRoot: string, visit: (folder: string, name: string) => void | Promise<void>): Promise<void> {
  const root = annotationsRoot(libraryRoot);
  if (await leadsOutside(libraryRoot, root).catch(() => 'unknown')) return;
  const walk = async (folder: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(folder, { withFileTypes: true });
    } catch {
      return;
    }
    const below: Promise<void>[] = [];
    for (const entry of entries) {
      // Hidden folders hold no sidecars (briefings in hidden folders are never listed).
      if (entry.isDirectory() && !entry.name.startsWith('.')) below.push(walk(join(folder, entry.name)));
      else if (entry.isFile()) below.push(Promise.resolve(visit(folder, entry.name)));
    }
    await Promise.all(below);
  };
  await walk(root);
}

/** Every sidecar in the library, sorted by briefing id; a missing annotations folder is an empty list. */
export async function walkSidecars(libraryRoot: string): Promise<SidecarGroup[]> {
  const groups = new Map<string, SidecarGroup>();
  const group = (path: string) => {
    let found = groups.get(path);
    if (!found) groups.set(path, (found = { briefingId: briefingIdOf(libraryRoot, path), path, exists: false, conflicts: [] }));
    return found;
  };
  await walkAnnotationFiles(libraryRoot, (folder, name) => {
    if (name.startsWith('.')) return;
    if (isSidecarName(name)) group(join(folder, name)).exists = true;
    else {
      const base = conflictBaseOf(name);
      if (base) group(join(folder, base)).conflicts.push(join(folder, name));
    }
  });
  return [...groups.values()]
    .map((found) => ({ ...found, conflicts: found.conflicts.sort() }))
    .sort((a, b) => (a.briefingId < b.briefingId ? -1 : a.briefingId > b.briefingId ? 1 : 0));
}

/** Leftovers younger than this may belong to a write still running in another window. */
export const LEFTOVER_AGE_MS = 60_000;

/**
 * Removes what writers killed mid-write left in the annotations folder: temp files of atomic
 * writes, locks and locks moved aside, once older than `LEFTOVER_AGE_MS` (a writer breaks a lock
 * of that age anyway). Only those names, only under `.briefing/annotations`: nothing of the
 * person's is touched. Resolves to how many were removed; never rejects.
 */
export async function removeLeftovers(libraryRoot: string, now = Date.now()): Promise<number> {
  let removed = 0;
  await walkAnnotationFiles(libraryRoot, async (folder, name) => {
    const lock = isLockName(name);
    if (!lock && !isAtomicTempName(name) && !isBrokenLockName(name)) return;
    const path = join(folder, name);
    try {
      if (now - (await lstat(path)).mtimeMs < LEFTOVER_AGE_MS) return;
      if (lock) {
        if (!(await breakIfAbandoned(path, LEFTOVER_AGE_MS))) return;
      } else await rm(path);
      removed++;
    } catch {
      // Gone meanwhile, or not ours to remove: left as it is.
    }
  }).catch(() => undefined);
  return removed;
}
