import { realpath } from 'node:fs/promises';
import { resolve } from 'node:path';
import { ApiError } from '../../common/errors';
import type { BriefingFormat, Problem } from '../../common/model';
import { readFileWithin, RefusedFileError } from '../fs/safe-read';
import { MAX_BYTES, tooLarge } from './limits';

/**
 * The one way a briefing's bytes are read, for the listing, the reader, export and search: only a
 * regular file whose real path is inside the library, and never more than its format's cap.
 */
export async function readBriefingFile(root: string, id: string, format: BriefingFormat): Promise<Uint8Array> {
  const path = resolve(root, id);
  const known = realRoots.get(root);
  if (known) {
    try {
      return await readFileWithin(known, path, MAX_BYTES[format]);
    } catch (error) {
      // The library may have moved under a link since its real path was taken: ask again before refusing.
      if (!(error instanceof RefusedFileError && error.reason === 'outside')) throw error;
    }
  }
  const real = await realpath(root);
  realRoots.set(root, real);
  return readFileWithin(real, path, MAX_BYTES[format]);
}

/** Real paths of library folders, so reading 10,000 files resolves the library's own path once. */
const realRoots = new Map<string, string>();

/**
 * The listing's problem for a file that could not be read. `whileReading` is set when the file
 * was found by the scan and then failed to read, so a missing file was removed meanwhile.
 */
export function readProblem(error: unknown, format: BriefingFormat, whileReading: boolean): Problem {
  if (error instanceof RefusedFileError) {
    const code = error.reason === 'outside' ? 'outside-library' : error.reason === 'special' ? 'not-a-file' : 'too-large';
    return { code, severity: 'error', message: refusalMessage(error, format) };
  }
  if (whileReading && (error as NodeJS.ErrnoException).code === 'ENOENT')
    return { code: 'vanished', severity: 'error', message: 'This file was removed while the library was being read.' };
  return { code: 'unreadable', severity: 'error', message: `This file cannot be read: ${describeFsError(error)}.` };
}

/** The reader's error for a briefing that could not be read. */
export function readApiError(error: unknown, format: BriefingFormat): ApiError {
  if (error instanceof RefusedFileError) return new ApiError('refused', refusalMessage(error, format));
  if ((error as NodeJS.ErrnoException).code === 'ENOENT')
    return new ApiError('not-found', 'This briefing is no longer in the library folder. It may have been moved or deleted.');
  return new ApiError('unreadable', `This briefing cannot be read: ${describeFsError(error)}.`);
}

function refusalMessage(error: RefusedFileError, format: BriefingFormat): string {
  return error.reason === 'too-large' ? `${tooLarge(format, error.size)}, so it was not opened.` : error.message;
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
