import type { Dirent } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Sync tools never merge; when two machines change a file they keep one and write the other
 * beside it under a new name. These patterns recognise those copies of a sidecar `x.md.json`:
 *  - Syncthing: `x.md.sync-conflict-20240101-120000-ABCDEFG.json`
 *  - Dropbox: `x.md (conflicted copy 2024-01-01).json`, `x.md (Ann's conflicted copy 2024-01-01) (1).json`
 *  - Nextcloud: `x.md (conflicted copy 2024-01-01 120000).json`
 *  - ownCloud and older Nextcloud: `x.md_conflict-20240101-120000.json`
 */
const CONFLICT_PATTERNS: readonly RegExp[] = [
  /^(.+)\.sync-conflict-\d{8}-\d{6}-[A-Za-z0-9]+\.json$/,
  /^(.+?) \([^()]*conflicted copy[^()]*\)(?: \(\d+\))?\.json$/i,
  /^(.+)_conflict-[0-9-]+\.json$/,
];

/** The sidecar file name a conflict copy belongs to, or null if the name is not a conflict copy. */
export function conflictBaseOf(fileName: string): string | null {
  for (const pattern of CONFLICT_PATTERNS) {
    const match = pattern.exec(fileName);
    if (match) return `${match[1]}.json`;
  }
  return null;
}

const QUARANTINE = /\.corrupt-[0-9A-Za-z-]+\.json$/;

/** Files we moved aside are the user's to inspect; they are never read as sidecars again. */
export const isQuarantined = (fileName: string): boolean => QUARANTINE.test(fileName);

/** Temp files of atomic writes and lock files are dot-files; they are never sidecars. */
export const isSidecarName = (fileName: string): boolean =>
  fileName.endsWith('.json') && !fileName.startsWith('.') && !isQuarantined(fileName) && conflictBaseOf(fileName) === null;

/**
 * The conflict copies lying beside one sidecar (none when its folder does not exist). Only
 * regular files: a sync tool writes nothing else, and a link or FIFO under a copy's name is never
 * read (it could reach outside the library, or hang the read).
 */
export async function findConflictCopies(sidecar: string): Promise<string[]> {
  const folder = dirname(sidecar);
  const name = basename(sidecar);
  let entries: Dirent[];
  try {
    entries = await readdir(folder, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries
    .filter((entry) => entry.isFile() && conflictBaseOf(entry.name) === name)
    .map((entry) => join(folder, entry.name))
    .sort();
}
