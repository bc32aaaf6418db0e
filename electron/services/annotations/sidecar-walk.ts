import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { conflictBaseOf, isSidecarName } from './conflict-copies';
import { annotationsRoot, briefingIdOf } from './paths';

/** One briefing's files in the annotations folder: its sidecar (which may be absent) and any conflict copies. */
export interface SidecarGroup {
  briefingId: string;
  path: string;
  exists: boolean;
  conflicts: string[];
}

/** Every sidecar in the library, sorted by briefing id; a missing annotations folder is an empty list. */
export async function walkSidecars(libraryRoot: string): Promise<SidecarGroup[]> {
  const groups = new Map<string, SidecarGroup>();
  const group = (path: string) => {
    let found = groups.get(path);
    if (!found) groups.set(path, (found = { briefingId: briefingIdOf(libraryRoot, path), path, exists: false, conflicts: [] }));
    return found;
  };
  const walk = async (folder: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(folder, { withFileTypes: true });
    } catch {
      return;
    }
    const below: Promise<void>[] = [];
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const path = join(folder, entry.name);
      if (entry.isDirectory()) below.push(walk(path));
      else if (!entry.isFile()) continue;
      else if (isSidecarName(entry.name)) group(path).exists = true;
      else {
        const base = conflictBaseOf(entry.name);
        if (base) group(join(folder, base)).conflicts.push(path);
      }
    }
    await Promise.all(below);
  };
  await walk(annotationsRoot(libraryRoot));
  return [...groups.values()]
    .map((found) => ({ ...found, conflicts: found.conflicts.sort() }))
    .sort((a, b) => (a.briefingId < b.briefingId ? -1 : a.briefingId > b.briefingId ? 1 : 0));
}
