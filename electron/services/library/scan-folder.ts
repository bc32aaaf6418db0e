import type { Stats } from 'node:fs';
import { lstat, readdir, realpath } from 'node:fs/promises';
import { join, extname } from 'node:path';
import type { BriefingFormat, LibraryNotice } from '../../common/model';
import { isWithin, outsideError, specialFileError } from '../fs/safe-read';
import { describeFsError } from './briefing-file';
import { BRIEFING_EXTENSIONS } from './limits';

export interface FoundFile {
  /** Relative to the library root, `/`-separated. */
  id: string;
  path: string;
  format: BriefingFormat;
  /** Null when the file is not read; `error` then says why. */
  size: number | null;
  mtimeMs: number | null;
  /** Why the file will not be read: a file system error, or a RefusedFileError (outside the library, not a regular file). */
  error: Error | null;
}

export interface FolderScan {
  files: FoundFile[];
  notices: LibraryNotice[];
}

/**
 * Walks a library folder for briefing files. Hidden entries (`.briefing`, `.git`) are skipped.
 * Nothing is opened: entries are judged by lstat, and links by their real path and its stat.
 * Links to folders inside the library are followed once: a link back into a folder already
 * walked (a loop) is reported and skipped. A link whose real path is outside the library is
 * never followed: a file link is listed with the reason, a folder link is reported. A FIFO,
 * socket or device with a briefing's extension (or a link to one) is listed with the reason.
 * A folder that cannot be listed is reported; the walk goes on.
 */
export async function scanFolder(root: string): Promise<FolderScan> {
  const notices: LibraryNotice[] = [];
  const realRoot = await realpath(root);
  const visited = new Set<string>([realRoot]);

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
      const format = formatOf(entry.name);
      if (entry.isSymbolicLink()) {
        const target = await followLink(path);
        if (target instanceof Error) {
          if (format) parts.push(Promise.resolve([unread(id, path, format, target)]));
          else if ((target as NodeJS.ErrnoException).code === 'ELOOP')
            notices.push({ path: id, message: 'This link points to itself in a loop; it was skipped.' });
          continue;
        }
        const { real, info } = target;
        if (!isWithin(realRoot, real)) {
          if (info.isDirectory()) notices.push({ path: id, message: outsideError(real, true).message });
          else if (format) parts.push(Promise.resolve([unread(id, path, format, outsideError(real, false))]));
          continue;
        }
        if (info.isDirectory()) {
          if (visited.has(real)) {
            notices.push({ path: id, message: 'This folder link points back into a folder already in the library (a loop); it was skipped.' });
            continue;
          }
          visited.add(real);
          parts.push(walk(path, id));
        } else if (format) parts.push(Promise.resolve([found(id, path, format, info)]));
        continue;
      }
      if (entry.isDirectory()) {
        const real = await realpath(path);
        // Already walked through a link that pointed here: listing it twice would duplicate briefings.
        if (visited.has(real)) continue;
        visited.add(real);
        parts.push(walk(path, id));
        continue;
      }
      if (format) parts.push(lstatFile(id, path, format));
    }
    return (await Promise.all(parts)).flat();
  }

  return { files: await walk(root, ''), notices };
}

/** Where a link really leads and what is there, or why that cannot be told (a loop, a dangling link). */
async function followLink(path: string): Promise<{ real: string; info: Stats } | Error> {
  try {
    const real = await realpath(path);
    return { real, info: await lstat(real) };
  } catch (error) {
    return error as Error;
  }
}

async function lstatFile(id: string, path: string, format: BriefingFormat): Promise<FoundFile[]> {
  try {
    return [found(id, path, format, await lstat(path))];
  } catch (error) {
    return [unread(id, path, format, error as Error)];
  }
}

function found(id: string, path: string, format: BriefingFormat, info: Stats): FoundFile {
  const special = specialFileError(info);
  return special ? unread(id, path, format, special) : { id, path, format, size: info.size, mtimeMs: info.mtimeMs, error: null };
}

function unread(id: string, path: string, format: BriefingFormat, error: Error): FoundFile {
  return { id, path, format, size: null, mtimeMs: null, error };
}

function formatOf(name: string): BriefingFormat | null {
  const extension = extname(name).toLowerCase();
  return Object.hasOwn(BRIEFING_EXTENSIONS, extension) ? BRIEFING_EXTENSIONS[extension as keyof typeof BRIEFING_EXTENSIONS] : null;
}
