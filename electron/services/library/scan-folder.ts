import { readdir, realpath, stat } from 'node:fs/promises';
import { join, extname } from 'node:path';
import type { BriefingFormat, LibraryNotice } from '../../common/model';
import { BRIEFING_EXTENSIONS } from './limits';

export interface FoundFile {
  /** Relative to the library root, `/`-separated. */
  id: string;
  path: string;
  format: BriefingFormat;
  /** Null when the file could not even be stat'ed; `statError` then says why. */
  size: number | null;
  mtimeMs: number | null;
  statError: NodeJS.ErrnoException | null;
}

export interface FolderScan {
  files: FoundFile[];
  notices: LibraryNotice[];
}

/**
 * Walks a library folder for briefing files. Hidden entries (`.briefing`, `.git`) are skipped.
 * Links to folders are followed once: a link back into a folder already walked (a loop) is
 * reported and skipped. A folder that cannot be listed is reported; the walk goes on.
 */
export async function scanFolder(root: string): Promise<FolderScan> {
  const notices: LibraryNotice[] = [];
  const visited = new Set<string>([await realpath(root)]);

  /** Lists one folder: its files are stat'ed concurrently and its sub-folders walked concurrently, in name order. */
  async function walk(folder: string, prefix: string): Promise<FoundFile[]> {
    let entries;
    try {
      entries = await readdir(folder, { withFileTypes: true });
    } catch (error) {
      notices.push({ path: prefix || '.', message: `This folder could not be opened (${describeFsError(error)}); its briefings are not listed.` });
      return [];
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const parts: Promise<FoundFile[]>[] = [];
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const path = join(folder, entry.name);
      const id = prefix ? `${prefix}/${entry.name}` : entry.name;
      let isDirectory = entry.isDirectory();
      if (entry.isSymbolicLink()) {
        const target = await stat(path).catch((error: NodeJS.ErrnoException) => error);
        if (target instanceof Error) {
          const format = formatOf(entry.name);
          if (format) parts.push(Promise.resolve([{ id, path, format, size: null, mtimeMs: null, statError: target }]));
          else if (target.code === 'ELOOP') notices.push({ path: id, message: 'This link points to itself in a loop; it was skipped.' });
          continue;
        }
        isDirectory = target.isDirectory();
        if (isDirectory) {
          const real = await realpath(path);
          if (visited.has(real)) {
            notices.push({ path: id, message: 'This folder link points back into a folder already in the library (a loop); it was skipped.' });
            continue;
          }
          visited.add(real);
        }
      } else if (isDirectory) {
        const real = await realpath(path);
        // Already walked through a link that pointed here: listing it twice would duplicate briefings.
        if (visited.has(real)) continue;
        visited.add(real);
      }
      if (isDirectory) {
        parts.push(walk(path, id));
        continue;
      }
      const format = formatOf(entry.name);
      if (format) parts.push(statFile(id, path, format));
    }
    return (await Promise.all(parts)).flat();
  }

  return { files: await walk(root, ''), notices };
}

async function statFile(id: string, path: string, format: BriefingFormat): Promise<FoundFile[]> {
  try {
    const info = await stat(path);
    return [{ id, path, format, size: info.size, mtimeMs: info.mtimeMs, statError: null }];
  } catch (error) {
    return [{ id, path, format, size: null, mtimeMs: null, statError: error as NodeJS.ErrnoException }];
  }
}

function formatOf(name: string): BriefingFormat | null {
  const extension = extname(name).toLowerCase();
  return Object.hasOwn(BRIEFING_EXTENSIONS, extension) ? BRIEFING_EXTENSIONS[extension as keyof typeof BRIEFING_EXTENSIONS] : null;
}

/** A file system error in words a person understands. */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied: your account may not read it';
    case 'ENOENT':
      return 'it no longer exists, or is a link to something that no longer exists';
    case 'ELOOP':
      return 'it is a link that points to itself in a loop';
    case 'EISDIR':
      return 'it is a folder, not a file';
    case 'EIO':
      return 'the disk reported a read error';
    default:
      return code ? `the system reported ${code}` : 'an unexpected error';
  }
}
