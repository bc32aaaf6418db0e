import { constants, copyFile, link, rm } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { basename, extname, join } from 'node:path';
import type { ImportResult } from '../../common/import-model';
import { writeNewFileSynced } from '../fs/atomic-write';
import { safeFileName } from '../fs/safe-file-name';
import { BRIEFING_EXTENSIONS, tooLarge } from './limits';

/** A file to add to the library: its name as the person knows it, and its bytes. */
export interface ImportItem {
  name: string;
  bytes: Uint8Array;
}

const FORMATS = Object.keys(BRIEFING_EXTENSIONS).join(', ');

/** Why an item cannot be imported, or null when it can. */
export function refusalOf(name: string, size: number): string | null {
  const extension = extname(name).toLowerCase();
  const format = BRIEFING_EXTENSIONS[extension as keyof typeof BRIEFING_EXTENSIONS];
  if (!format)
    return `Briefing Reader reads Markdown, text, saved web pages, PDFs and Word documents (${FORMATS}); this is ${extension ? `a ${extension} file` : 'a file without an extension'}.`;
  if (size === 0) return 'The file is empty.';
  const tooBig = tooLarge(format, size);
  return tooBig ? `${tooBig}.` : null;
}

/**
 * Copies files into the library's top folder. A name the file system would refuse is made safe;
 * a name already taken gets " (2)", " (3)"…; nothing is ever overwritten. Each file appears
 * whole or not at all: it is written to a temp file and linked into place, which fails rather
 * than replace a file that appeared meanwhile.
 */
export async function importIntoLibrary(root: string, items: readonly ImportItem[]): Promise<ImportResult> {
  const result: ImportResult = { added: [], skipped: [] };
  for (const item of items) {
    const name = basename(item.name.replace(/\\/g, '/'));
    const refusal = refusalOf(name, item.bytes.length);
    if (refusal) {
      result.skipped.push({ name, reason: refusal });
      continue;
    }
    try {
      result.added.push(await writeUnique(root, name, item.bytes));
    } catch (error) {
      result.skipped.push({ name, reason: `It could not be copied into the library: ${(error as Error).message}` });
    }
  }
  return result;
}

async function writeUnique(root: string, name: string, bytes: Uint8Array): Promise<string> {
  const extension = extname(name).toLowerCase();
  const stem = basename(name, extname(name));
  const temp = join(root, `.${randomBytes(6).toString('hex')}.import.tmp`);
  await writeNewFileSynced(temp, bytes);
  try {
    for (let copy = 1; ; copy++) {
      const candidate = safeFileName(copy === 1 ? stem : `${stem} (${copy})`, extension.slice(1));
      try {
        await placeExclusively(temp, join(root, candidate));
        return candidate;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || copy > 999) throw error;
      }
    }
  } finally {
    await rm(temp, { force: true });
  }
}

/** Puts `temp` at `target` unless something is there already (EEXIST). File systems without hard links get an exclusive copy. */
async function placeExclusively(temp: string, target: string): Promise<void> {
  try {
    await link(temp, target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV') throw error;
    await copyFile(temp, target, constants.COPYFILE_EXCL);
  }
}
